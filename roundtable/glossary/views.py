"""The public glossary."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from roundtable.content.selectors import active_locale
from roundtable.core.search_input import search_query
from roundtable.glossary import selectors

PAGE_SIZE = 50
MAX_QUERY_LENGTH = 100


def glossary(request: HttpRequest) -> HttpResponse:
    query, too_long = search_query(request.GET, limit=MAX_QUERY_LENGTH)
    terms = [] if too_long else selectors.glossary_terms(locale=active_locale(), query=query)
    page = Paginator(terms, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "glossary/glossary.html",
        {
            "query": query,
            "too_long": too_long,
            "limit": MAX_QUERY_LENGTH,
            "page_obj": page,
            "other_languages": selectors.other_languages(list(page.object_list)),
            "query_string": urlencode({"q": query}) if query else "",
        },
    )
