"""Site search: each capability registers how to search its own kind of content.

A provider receives the query, the glossary's equivalent wordings (so a term typed in one
language finds the agreed term in the others) and the request, and returns at most `limit`
results the viewer may see, plus the total and a link to its own full search.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    snippet: str = ""
    language: str = ""
    meta: str = ""


@dataclass
class ResultGroup:
    key: str
    label: str | Promise
    results: list[Result] = field(default_factory=list)
    total: int = 0
    more_url: str = ""


@dataclass(frozen=True)
class Provider:
    key: str
    label: str | Promise
    search: Callable[..., ResultGroup]
    order: int = 100


_registry: dict[str, Provider] = {}


def register(provider: Provider) -> None:
    _registry[provider.key] = provider


def providers() -> list[Provider]:
    return sorted(_registry.values(), key=lambda p: p.order)
