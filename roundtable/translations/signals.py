"""Receivers that hand source changes to the translation service (no logic here)."""

from django.db.models.signals import post_save
from wagtail.signals import page_published

from roundtable.translations.services import source_changed


def on_page_published(sender, instance, **kwargs) -> None:
    source_changed(instance)


def on_snippet_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if not created and not raw:
        source_changed(instance)


def connect() -> None:
    from roundtable.content.models import Funder, Topic
    from roundtable.glossary.models import Term

    page_published.connect(on_page_published, dispatch_uid="translations_page_published")
    for model in (Topic, Term, Funder):
        post_save.connect(
            on_snippet_saved, sender=model, dispatch_uid=f"translations_saved_{model.__name__}"
        )
