"""What a series page lists: each capability registers the kind of item it contributes.

News registers its articles; discussions, webinars, documents and courses join the same way
as they arrive. A provider receives the series' `translation_key` (the same in every
language) and returns the items to show, already in the reader's language where possible.
"""

from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from django.http import HttpRequest
from django.utils.functional import Promise


@dataclass(frozen=True)
class SeriesKind:
    key: str
    label: str | Promise
    template: str
    items: Callable[[UUID, HttpRequest], list]
    order: int = 100


_registry: dict[str, SeriesKind] = {}


def register(kind: SeriesKind) -> None:
    _registry[kind.key] = kind


def series_items(*, series, request: HttpRequest) -> list[dict]:
    """One section per kind that has items in this series, in registration order."""
    sections = []
    for kind in sorted(_registry.values(), key=lambda k: k.order):
        items = kind.items(series.translation_key, request)
        if items:
            sections.append(
                {"key": kind.key, "label": kind.label, "template": kind.template, "items": items}
            )
    return sections
