"""The site-wide search: one query, results grouped by kind."""

from django.http import HttpRequest

from roundtable.glossary.selectors import equivalent_wordings
from roundtable.search.fts import query_words
from roundtable.search.registry import ResultGroup, providers

RESULTS_PER_KIND = 5
MAX_QUERY_LENGTH = 200


def site_search(*, query: str, request: HttpRequest) -> list[ResultGroup]:
    """Groups with at least one result, in the registered order. A query with no searchable
    word (only punctuation or operators) finds nothing, quietly."""
    query = (query or "")[:MAX_QUERY_LENGTH]
    if not query_words(query):
        return []
    also = equivalent_wordings(query)
    groups = []
    for provider in providers():
        group = provider.search(query=query, also=also, request=request, limit=RESULTS_PER_KIND)
        if group.total:
            groups.append(group)
    return groups
