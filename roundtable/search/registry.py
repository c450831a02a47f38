"""Site search: each capability declares how to search its own kind of content.

A provider receives the query, its expansions (`search.expanders`: the glossary's wordings,
so that a term typed in one language finds the agreed term in the others) and the request,
and returns at most `limit` results the viewer may see, plus the total and a link to its own full search.
"""

from roundtable.core import capabilities
from roundtable.core.capabilities import Provider, Result, ResultGroup

__all__ = ["Provider", "Result", "ResultGroup", "providers"]


def providers() -> list[Provider]:
    """Every installed capability's search provider, in order."""
    return capabilities.search_providers()
