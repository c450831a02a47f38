"""The site navigation: each capability declares its own sections.

The header shows only sections that exist: an app that is not installed declares nothing,
so no dead link appears. Apps list their `NavItem`s in their `Capability` (core/capabilities.py).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise

from roundtable.core import capabilities


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


def items_for(request: HttpRequest) -> list[dict]:
    """Navigation entries for this request, in order, with the current one marked."""
    entries = []
    for item in capabilities.nav_items():
        if not item.visible(request):
            continue
        url = item.url(request)
        if url is None:
            continue
        # A section is current on its own page and below it; the home page only on itself.
        current = request.path == url or (item.url_args == () and request.path.startswith(url))
        entries.append({"label": item.label, "url": url, "current": current})
    return entries


def footer_links_for(request: HttpRequest) -> list[dict]:
    """The footer's capability links (code of conduct, glossary, news feed...), in order."""
    return [
        {"label": link.label, "url": reverse(link.url_name, args=link.url_args)}
        for link in capabilities.footer_links()
    ]
