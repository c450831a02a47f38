"""The public glossary."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from roundtable.content.selectors import active_locale
from roundtable.glossary import selectors

PAGE_SIZE = 50
MAX_QUERY_LENGTH = 100


def glossary(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    terms = selectors.glossary_terms(locale=active_locale(), query=query)
    page = Paginator(terms, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "glossary/glossary.html",
        {
            "query": query,
            "page_obj": page,
            "other_languages": selectors.other_languages(list(page.object_list)),
            "query_string": f"q={query}" if query else "",
        },
    )
