"""One rule for every search box: an over-long query is refused, and the page says so.

Cutting a query to the limit searches for something the reader did not ask for, and a
form that drops an invalid value shows everything: both are silent. A page asks
`search_query()` for the query and, when it is too long, shows no results and the message
of `core/_query_too_long.html`.
"""

from collections.abc import Mapping

MAX_QUERY_LENGTH = 200


def search_query(
    params: Mapping, *, name: str = "q", limit: int = MAX_QUERY_LENGTH
) -> tuple[str, bool]:
    """The query in `params` (request.GET) as typed, and whether it is too long: then the
    caller searches nothing and shows the message (the box keeps the text to shorten)."""
    text = params.get(name) or ""
    return text, len(text) > limit
