"""Reads of editorial content, always in the reader's language where a translation exists."""

from django.db.models import QuerySet

from roundtable.content.models import Funder, SeriesIndexPage, SeriesPage, StandardPage, Topic
from roundtable.core.locales import active_locale, in_reader_language


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
