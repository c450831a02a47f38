"""Receivers that hand source changes to the translation service (no logic here)."""

from django.db.models.signals import post_save
from wagtail.models import Page
from wagtail.signals import page_published

from roundtable.core import capabilities
from roundtable.translations.services import source_changed


def on_page_published(sender, instance, **kwargs) -> None:
    source_changed(instance)


def on_snippet_saved(sender, instance, created, raw=False, **kwargs) -> None:
    # Every model a capability declares translatable, except pages (published above).
    if created or raw or issubclass(sender, Page):
        return
    if sender._meta.label in capabilities.translatable_models():
        source_changed(instance)


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="translations_page_published")
    # Not one receiver per model: capabilities after this one in INSTALLED_APPS have not
    # declared theirs yet when this runs, so the receiver checks the declarations on save.
    post_save.connect(on_snippet_saved, dispatch_uid="translations_snippet_saved")
