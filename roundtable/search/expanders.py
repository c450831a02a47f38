"""Query expanders: extra wordings a search should also match.

A capability that knows equivalent wordings (the glossary: a term typed in one language and
its agreed wording in the others) registers an expander from its `ready()`; site search and
each capability's own search call `expand()`. Search therefore never imports the capability
that expands its queries, and capabilities in the same layer need not import each other.
"""

from collections.abc import Callable

# An expander takes the query and the reader's language and returns folded wordings.
Expander = Callable[..., list[str]]

_expanders: list[Expander] = []


def register_expander(fn: Expander) -> None:
    """Add `fn(*, query, language) -> list[str]` to every search (once, however often called:
    `ready()` may run again in tests that reload apps)."""
    if fn not in _expanders:
        _expanders.append(fn)


def expand(*, query: str, language: str) -> list[str]:
    """Every registered expander's wordings for `query`, without duplicates, sorted (so that
    the query and its cache key do not depend on the order the apps were loaded in)."""
    wordings: set[str] = set()
    for fn in _expanders:
        wordings.update(fn(query=query, language=language))
    return sorted(wordings)
