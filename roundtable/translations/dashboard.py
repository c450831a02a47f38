"""The translation dashboard: every translatable item against every language.

The number of queries is fixed (one per kind of item, plus three for the progress), whatever
the number of items: the progress of all rows is computed in bulk, then filtered and paged.
"""

from collections import Counter
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from roundtable.translations.selectors import ItemRow, progress_for


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    model_label: str

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)


KINDS = [
    Kind("news", _("News article"), "news.NewsArticlePage"),
    Kind("series", _("Series"), "content.SeriesPage"),
    Kind("page", _("Standard page"), "content.StandardPage"),
    Kind("home", _("Home page"), "content.HomePage"),
    Kind("newsindex", _("News index"), "news.NewsIndexPage"),
    Kind("seriesindex", _("Series index"), "content.SeriesIndexPage"),
    Kind("topic", _("Topic"), "content.Topic"),
    Kind("term", _("Glossary term"), "glossary.Term"),
    Kind("funder", _("Funder or partner"), "content.Funder"),
]
KIND_BY_KEY = {kind.key: kind for kind in KINDS}


def _source_items(kind: Kind, *, source_locale: Locale, series_key: str | None) -> list:
    model = kind.model
    if issubclass(model, Page):
        queryset = model.objects.filter(locale=source_locale).defer_streamfields()
        if series_key:
            if kind.key == "news":
                queryset = queryset.filter(series__translation_key=series_key)
            elif kind.key == "series":
                queryset = queryset.filter(translation_key=series_key)
            else:
                return []
        return list(queryset.order_by("title"))
    if series_key:
        return []
    return list(model.objects.filter(locale=source_locale))


def dashboard_rows(
    *, language: str = "", kind: str = "", series: str = "", state: str = ""
) -> tuple[list[ItemRow], list[Locale], dict]:
    """Rows matching the filters, the language columns shown, and totals per language."""
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    targets = [loc for loc in Locale.objects.order_by("pk") if loc.pk != source_locale.pk]
    ordered_codes = [code for code, _name in settings.LANGUAGES]
    targets.sort(
        key=lambda loc: (
            ordered_codes.index(loc.language_code) if loc.language_code in ordered_codes else 99
        )
    )
    columns = [loc for loc in targets if loc.language_code == language] if language else targets
    kinds = [KIND_BY_KEY[kind]] if kind in KIND_BY_KEY else KINDS
    rows = []
    for item_kind in kinds:
        for obj in _source_items(item_kind, source_locale=source_locale, series_key=series or None):
            rows.append(ItemRow(obj=obj, kind=item_kind.key, kind_label=item_kind.label))
    progress = progress_for([row.obj for row in rows], columns)
    for row in rows:
        row.progress = {
            loc.language_code: progress[(row.obj.translation_key, loc.pk)] for loc in columns
        }
    if state:
        rows = [row for row in rows if any(p.state == state for p in row.progress.values())]
    totals = {
        loc.language_code: Counter(row.progress[loc.language_code].state for row in rows)
        for loc in columns
    }
    return rows, columns, totals


def translate_url(row: ItemRow, locale: Locale) -> str:
    """Where an editor goes to translate (or finish translating) this item into `locale`."""
    obj = row.obj
    progress = row.progress[locale.language_code]
    if isinstance(obj, Page):
        if progress.target_id:
            return reverse("wagtailadmin_pages:edit", args=[progress.target_id])
        return reverse("wagtail_localize:submit_page_translation", args=[obj.pk])
    meta = obj._meta
    if progress.target_id:
        return reverse(
            f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[progress.target_id]
        )
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, obj.pk],
    )
