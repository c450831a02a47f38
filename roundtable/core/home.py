"""Home page sections: each capability adds its own, so the home page shows only what exists.

An app registers a `HomeSection` from its `AppConfig.ready()`; the section's `context`
function returns the template context, or None when there is nothing to show.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class HomeSection:
    key: str
    template: str
    context: Callable[[HttpRequest], dict | None]
    order: int = 100


_registry: dict[str, HomeSection] = {}


def register(section: HomeSection) -> None:
    _registry[section.key] = section


def sections_for(request: HttpRequest) -> list[dict]:
    """The sections to render, in order, each with its template and context."""
    rendered = []
    for section in sorted(_registry.values(), key=lambda s: s.order):
        context = section.context(request)
        if context is not None:
            rendered.append({"key": section.key, "template": section.template, **context})
    return rendered
