"""The site navigation: each capability registers its own sections.

The header shows only sections that exist: an app that is not installed registers nothing,
so no dead link appears. Apps call `register` from their `AppConfig.ready()`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    order: int = 100
    url_args: tuple = ()
    # Which requests see the item; every request by default.
    visible: Callable[[HttpRequest], bool] = field(default=lambda request: True)
    # For sections served by Wagtail pages, whose URL differs per language: returns the
    # URL, or None while the section has no page in this language (the item is hidden).
    resolve: Callable[[HttpRequest], str | None] | None = None

    def url(self, request: HttpRequest) -> str | None:
        if self.resolve is not None:
            return self.resolve(request)
        return reverse(self.url_name, args=self.url_args)


_registry: dict[str, NavItem] = {}


def register(item: NavItem) -> None:
    _registry[item.url_name] = item


def items_for(request: HttpRequest) -> list[dict]:
    """Navigation entries for this request, in order, with the current one marked."""
    entries = []
    for item in sorted(_registry.values(), key=lambda i: i.order):
        if not item.visible(request):
            continue
        url = item.url(request)
        if url is None:
            continue
        # A section is current on its own page and below it; the home page only on itself.
        current = request.path == url or (item.url_args == () and request.path.startswith(url))
        entries.append({"label": item.label, "url": url, "current": current})
    return entries
