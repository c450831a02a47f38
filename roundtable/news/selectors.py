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


def reader_news_index(request: HttpRequest | None) -> NewsIndexPage | None:
    """The news index in the reader's language, looked up once per request."""
    locale = active_locale()
    cache_name = f"_news_index_{locale.pk}"
    if request is not None and hasattr(request, cache_name):
        return getattr(request, cache_name)
    index = news_index_for(locale)
    if request is not None:
        setattr(request, cache_name, index)
    return index


def original_url(
    article: NewsArticlePage, *, index: NewsIndexPage, request: HttpRequest | None = None
) -> str:
    """An article not translated into `index`'s language, inside that language's interface.

    `/hr/news/en/<slug>/`: the index's language prefix and path, then the article's own
    language and slug (NewsIndexPage.route serves it). Two segments below the index can
    never be an article of the index itself, so the path never hides one.
    """
    return f"{index.get_url(request)}{article.locale.language_code}/{article.slug}/"


def article_url(
    article: NewsArticlePage, *, index: NewsIndexPage | None, request: HttpRequest | None = None
) -> str:
    """Where a reader of `index`'s language reads `article`: its own URL when it is in that
    language (or when that language has no news section), else the original in the
    reader's interface."""
    if index is None or article.locale_id == index.locale_id:
        return article.get_url(request)
    return original_url(article, index=index, request=request)


def reader_article_url(article: NewsArticlePage, request: HttpRequest | None) -> str:
    """`article_url` for the reader's language (cards, search results, feeds)."""
    if article.locale_id == active_locale().pk:
        return article.get_url(request)
    return article_url(article, index=reader_news_index(request), request=request)


def version_listed_in(article: NewsArticlePage, *, locale: Locale) -> NewsArticlePage | None:
    """The version of `article` that the news of `locale` lists (see `news_articles`)."""
    versions = _live_articles().filter(translation_key=article.translation_key)
    return in_reader_language(versions, locale=locale).select_related("locale").first()


def original_for_reader(
    index: NewsIndexPage, language: str, slug: str
) -> tuple[NewsArticlePage | None, NewsArticlePage | None]:
    """Resolve `/<index>/<language>/<slug>/`: (the article to show, or where it now lives).

    The article is shown when it is what `index` lists for its translation key: live, not
    translated into the index's language, and the original (or default-language version).
    When the index lists another version of it (a translation was published since the link
    was made), that version is returned second, to redirect to. Like the index, only public
    articles: a restricted one is never shown under another URL than its own.
    """
    candidate = (
        _live_articles().filter(locale__language_code=language, slug=slug).order_by("pk").first()
    )
    if candidate is None:
        return None, None
    listed = version_listed_in(candidate, locale=index.locale)
    if listed is None:
        return None, None
    if listed.pk == candidate.pk and listed.locale_id != index.locale_id:
        return listed, None
    return None, listed


def news_index_url(request: HttpRequest) -> str | None:
    """The news section in the reader's language; None hides the menu item until it exists."""
    index = reader_news_index(request)
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


def article_context(article: NewsArticlePage, *, reader_index: NewsIndexPage | None = None) -> dict:
    """Topics, series and funders of an article, each in the reader's language.

    The reader's language is the article's own, or, when an untranslated original is shown
    inside another language's interface, the language of `reader_index`.
    """
    locale = reader_index.locale if reader_index is not None else article.locale
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
        "news_index": reader_index or news_index_for(locale),
        "reader_locale": locale,
    }


def home_section(request: HttpRequest) -> dict | None:
    locale = active_locale()
    articles = list(news_articles(locale=locale)[:HOME_ARTICLE_COUNT])
    if not articles:
        return None
    return {"articles": articles, "news_index": reader_news_index(request), "locale": locale}


def series_articles(series_key: UUID, request: HttpRequest) -> list[NewsArticlePage]:
    locale = active_locale()
    return list(news_articles(locale=locale, series=series_key)[:SERIES_ARTICLE_LIMIT])


def funders_for(series: SeriesPage) -> list[Funder]:
    return localize_all(series.funders.all(), locale=series.locale)
