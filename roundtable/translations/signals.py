"""Receivers that hand source changes to the translation service (no logic here)."""

from django.db.models.signals import post_save
from wagtail.signals import page_published

from roundtable.core.translatable import snippet_models
from roundtable.translations.services import source_changed


def on_page_published(sender, instance, **kwargs) -> None:
    source_changed(instance)


def on_snippet_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if sender in snippet_models() and not created and not raw:
        source_changed(instance)


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="translations_page_published")
    # One receiver for every model: the capabilities register their snippet models
    # (core.translatable) from their own ready(), which may run after this one.
    post_save.connect(on_snippet_saved, dispatch_uid="translations_snippet_saved")
