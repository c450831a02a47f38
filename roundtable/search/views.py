from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from roundtable.search.selectors import MAX_QUERY_LENGTH, site_search


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    groups = site_search(query=query, request=request)
    return render(
        request,
        "search/results.html",
        {"query": query, "groups": groups, "total": sum(group.total for group in groups)},
    )
