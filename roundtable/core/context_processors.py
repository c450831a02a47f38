"""Template context every page needs: navigation, footer links and languages."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from roundtable.core import navigation


def site_chrome(request: HttpRequest) -> dict:
    # Lazy, so that responses which never render the header (JSON, redirects) pay nothing.
    return {
        "nav_items": SimpleLazyObject(lambda: navigation.items_for(request)),
        "footer_items": SimpleLazyObject(lambda: navigation.footer_links_for(request)),
    }
