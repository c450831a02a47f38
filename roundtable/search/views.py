from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from roundtable.core.search_input import search_query
from roundtable.search.selectors import MAX_QUERY_LENGTH, site_search


def search(request: HttpRequest) -> HttpResponse:
    query, too_long = search_query(request.GET, limit=MAX_QUERY_LENGTH)
    groups = [] if too_long else site_search(query=query, request=request)
    return render(
        request,
        "search/results.html",
        {
            "query": query,
            "too_long": too_long,
            "limit": MAX_QUERY_LENGTH,
            "groups": groups,
            "total": sum(group.total for group in groups),
        },
    )
