"""News in the site search."""

from django.db.models import Q
from django.utils.formats import date_format

from roundtable.content.selectors import active_locale
from roundtable.news.selectors import article_url, news_articles, news_index_for
from roundtable.search.fts import query_words
from roundtable.search.highlight import highlight
from roundtable.search.registry import Result, ResultGroup


def search_news(*, query: str, also: list[str], request, limit: int) -> ResultGroup:
    from django.utils.translation import gettext_lazy as _

    locale = active_locale()
    condition = Q()
    for phrase_words in [query_words(query)] + [query_words(phrase) for phrase in also]:
        if not phrase_words:
            continue
        every_word = Q()
        for word in phrase_words:
            every_word &= Q(search_folded__contains=word)
        condition |= every_word
    articles = news_articles(locale=locale).filter(condition)
    index = news_index_for(locale)
    return ResultGroup(
        key="news",
        label=_("News"),
        results=[
            Result(
                title=article.title,
                url=article_url(article, index=index, request=request),
                snippet=highlight(article.intro, query, length=200),
                language=article.locale.language_code,
                meta=date_format(article.date, "DATE_FORMAT"),
            )
            for article in articles[:limit]
        ],
        total=articles.count(),
        more_url=index.get_url(request) if index else "",
    )
