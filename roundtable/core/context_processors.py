"""Template context every page needs: navigation and languages."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from roundtable.core import navigation


def site_chrome(request: HttpRequest) -> dict:
    # Lazy, so that responses which never render the header (JSON, redirects) pay nothing.
    return {"nav_items": SimpleLazyObject(lambda: navigation.items_for(request))}
