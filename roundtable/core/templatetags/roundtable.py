"""Template tags shared by every page."""

import hashlib

from django import template

from roundtable.core.dates import time_element
from roundtable.core.languages import alternate_links, hreflang_links

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The current page in every interface language (see core.languages)."""
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_roundtable_language_links", None)
    if cached is None:
        cached = alternate_links(request, page=context.get("page"))
        request._roundtable_language_links = cached
    return cached


@register.simple_tag(name="time")
def time_tag(value, style: str = "medium"):
    """`{% time post.created_at "short" %}`: the one way to show a date or time (core.dates).

    Styles: "date", "short_date", "medium" (date and time), "short", "time"."""
    return time_element(value, style)


@register.simple_tag(takes_context=True)
def hreflang_alternates(context) -> list[dict]:
    """The page's hreflang alternates: only translations that exist (see core.languages).

    A view may set `hreflang_alternates` itself, e.g. to none on a page that only shows
    another page's content and names that page as canonical.
    """
    if "hreflang_alternates" in context:
        return context["hreflang_alternates"]
    request = context.get("request")
    if request is None:
        return []
    return hreflang_links(request, page=context.get("page"))


@register.filter
def initials(name: str) -> str:
    """Up to two initials of a person's name, for avatars without a picture."""
    parts = [p for p in (name or "").split() if p[:1].isalpha()]
    if not parts:
        return "?"
    letters = parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")
    return letters.upper()


# site.css defines avatar-colour-0 ... -6, each with 4.5:1 contrast against white text.
_AVATAR_COLOUR_COUNT = 7


@register.filter
def avatar_colour(seed: object) -> str:
    """A stable colour class for a member's initials (a class: CSP forbids inline styles)."""
    digest = hashlib.sha256(str(seed).encode()).digest()
    return f"avatar-colour-{digest[0] % _AVATAR_COLOUR_COUNT}"


@register.filter
def get_item(mapping: dict, key: object):
    """`mapping[key]` in a template, or None when absent."""
    return mapping.get(key) if mapping else None
