"""News index context and feeds."""

from django.core.paginator import Paginator
from django.http import HttpRequest

from roundtable.news import selectors
from roundtable.news.forms import NewsFilterForm
from roundtable.news.models import NewsIndexPage

PAGE_SIZE = 10


def news_index_context(request: HttpRequest, *, index: NewsIndexPage) -> dict:
    form = NewsFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    only_translated = filters.pop("only_translated", False)
    articles = selectors.news_articles(
        locale=index.locale, include_untranslated=not only_translated, **filters
    )
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return {
        "form": form,
        "page_obj": page,
        "filtered": bool(filters) or only_translated,
        "query_string": query_string.urlencode(),
    }
