"""Reads of news: the index with its filters, an article's context, home and series lists."""

from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.models import Locale

from roundtable.content.models import Funder, SeriesPage, Topic
from roundtable.content.selectors import active_locale, in_reader_language, localize_all
from roundtable.news.models import NewsArticlePage, NewsIndexPage

HOME_ARTICLE_COUNT = 3
SERIES_ARTICLE_LIMIT = 50


def _live_articles() -> QuerySet[NewsArticlePage]:
    return NewsArticlePage.objects.live().public()


def news_index_for(locale: Locale) -> NewsIndexPage | None:
    return NewsIndexPage.objects.live().public().filter(locale=locale).first()


def news_index_url(request: HttpRequest) -> str | None:
    """The news section in the reader's language; None hides the menu item until it exists."""
    index = news_index_for(active_locale())
    return index.get_url(request) if index is not None else None


def news_articles(
    *,
    locale: Locale,
    country: str = "",
    topic: str = "",
    series: UUID | None = None,
    include_untranslated: bool = True,
) -> QuerySet[NewsArticlePage]:
    """Articles for one language's news index, newest first.

    With `include_untranslated`, articles that have no version in this language are listed
    too, in their source language (the template labels them with it).
    """
    articles = _live_articles()
    if include_untranslated:
        articles = in_reader_language(articles, locale=locale)
    else:
        articles = articles.filter(locale=locale)
    if country:
        # Stored as a comma-separated list of two-letter codes.
        articles = articles.filter(countries__contains=country.upper()[:2])
    if topic:
        # A topic's translations share one translation key: any label finds every article.
        keys = Topic.objects.filter(slug=topic).values("translation_key")
        articles = articles.filter(topics__translation_key__in=keys)
    if series:
        articles = articles.filter(series__translation_key=series)
    return articles.select_related("locale").distinct().order_by("-date", "-pk")


def article_context(article: NewsArticlePage) -> dict:
    """Topics, series and funders of an article, each in the reader's language."""
    locale = article.locale
    topics = localize_all(article.topics.all(), locale=locale)
    funders = localize_all(article.funders.all(), locale=locale)
    series = None
    if article.series_id:
        series = localize_all([SeriesPage.objects.get(pk=article.series_id)], locale=locale)[0]
        if not series.live:
            series = None
    return {
        "topics": sorted(topics, key=lambda t: t.name.casefold()),
        "funders": funders,
        "series_page": series,
        "news_index": news_index_for(locale),
    }


def home_section(request: HttpRequest) -> dict | None:
    locale = active_locale()
    articles = list(news_articles(locale=locale)[:HOME_ARTICLE_COUNT])
    if not articles:
        return None
    return {"articles": articles, "news_index": news_index_for(locale), "locale": locale}


def series_articles(series_key: UUID, request: HttpRequest) -> list[NewsArticlePage]:
    locale = active_locale()
    return list(news_articles(locale=locale, series=series_key)[:SERIES_ARTICLE_LIMIT])


def funders_for(series: SeriesPage) -> list[Funder]:
    return localize_all(series.funders.all(), locale=series.locale)
