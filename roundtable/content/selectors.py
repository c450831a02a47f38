"""Reads of editorial content, always in the reader's language where a translation exists."""

from collections.abc import Iterable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from roundtable.content.models import Funder, SeriesIndexPage, SeriesPage, StandardPage, Topic

T = TypeVar("T", bound=Model)
LOCALE_CACHE_SECONDS = 300


def locale_for_language(code: str) -> Locale:
    """The Locale of a language code, cached (locales change only when one is added)."""
    cache_key = f"locale:{code}"
    locale = cache.get(cache_key)
    if locale is None:
        locale = Locale.objects.filter(language_code=code).first() or Locale.get_default()
        cache.set(cache_key, locale, LOCALE_CACHE_SECONDS)
    return locale


def active_locale() -> Locale:
    return locale_for_language(get_language() or settings.LANGUAGE_CODE)


def default_locale() -> Locale:
    return locale_for_language(settings.LANGUAGE_CODE)


def in_reader_language(queryset: QuerySet[T], *, locale: Locale) -> QuerySet[T]:
    """Objects in `locale`, plus the source-language version of those not yet translated.

    The source is the default language when the object exists there; an object written in
    another language and not in the default one shows in its original (its first version),
    once, however many other languages it has been translated into.
    """
    model = queryset.model
    # Keys translated *within the queryset*: a draft translation (not live) leaves the
    # source version listed rather than hiding the item.
    translated_keys = queryset.filter(locale=locale).values("translation_key")
    in_default = model.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale__language_code=settings.LANGUAGE_CODE,
    )
    # Translations are copies of the original, made after it: the original has the lowest pk.
    earlier_version = queryset.filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )
    fallback = (
        queryset.exclude(locale=locale)
        .exclude(translation_key__in=translated_keys)
        .filter(
            Q(locale__language_code=settings.LANGUAGE_CODE)
            | (~Exists(in_default) & ~Exists(earlier_version))
        )
    )
    return queryset.filter(locale=locale) | fallback


def localize_all(objects: Iterable[T], *, locale: Locale | None = None) -> list[T]:
    """Each object replaced by its translation in `locale` when there is one (one query)."""
    objects = list(objects)
    if not objects:
        return []
    locale = locale or active_locale()
    model = type(objects[0])
    if issubclass(model, Page):
        translations = Page.objects.filter(
            translation_key__in=[o.translation_key for o in objects], locale=locale
        ).live()
        found = {t.translation_key: t for t in translations.specific()}
    else:
        translations = model.objects.filter(
            translation_key__in=[o.translation_key for o in objects], locale=locale
        )
        found = {t.translation_key: t for t in translations}
    return [found.get(o.translation_key, o) for o in objects]


def funders_for_footer() -> QuerySet[Funder]:
    """Funders in the active language; a funder not yet translated shows in its source."""
    funders = in_reader_language(Funder.objects.all(), locale=active_locale())
    return (
        funders.filter(show_in_footer=True)
        .select_related("logo", "locale")
        .order_by("position", "name")
    )


def topics_for_filter() -> list[Topic]:
    """Every topic labelled in the reader's language (source label where untranslated)."""
    topics = in_reader_language(Topic.objects.all(), locale=active_locale())
    return sorted(topics.select_related("locale"), key=lambda t: t.name.casefold())


def series_list(*, index: SeriesIndexPage) -> list[SeriesPage]:
    return list(SeriesPage.objects.child_of(index).live().public().order_by("-first_published_at"))


def series_choices() -> list[SeriesPage]:
    """Series in the reader's language, for filters."""
    series = in_reader_language(SeriesPage.objects.live().public(), locale=active_locale())
    return list(series.select_related("locale").order_by("title"))


def footer_standard_pages() -> list[StandardPage]:
    """Top-level standard pages in the reader's language, as (title, url) for the footer."""
    pages = StandardPage.objects.live().public().filter(locale=active_locale(), depth=3)
    return [{"title": page.title, "url": page.url} for page in pages.order_by("path")]


def series_index_url(request) -> str | None:
    """The series section in the reader's language; None hides the menu item."""
    index = SeriesIndexPage.objects.live().public().filter(locale=active_locale()).first()
    return index.get_url(request) if index is not None else None
