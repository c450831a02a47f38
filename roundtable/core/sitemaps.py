"""What every section of sitemap.xml shares: absolute URLs on `SITE_URL`'s host.

Django builds them from the request's host; behind a proxy that is the proxy's upstream
name, and search engines must be sent to the public address instead.
"""

from collections import defaultdict
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation

from roundtable.core.seo import absolute_url


class SiteUrlMixin:
    """Put in front of a Sitemap class: its URLs use SITE_URL's scheme and host."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class InterfaceSitemap(SiteUrlMixin, Sitemap):
    """A view that exists under every language prefix (the interface is translated, the
    route is the same): one URL per interface language, each naming the others as
    hreflang alternates. `location` runs with each language active, so `reverse()` gives
    that language's address."""

    i18n = True
    alternates = True


class TranslationsSitemap(SiteUrlMixin, Sitemap):
    """Translatable objects (one row per language, sharing a `translation_key`): each row
    at its own language's address, naming the rows of its other languages as hreflang
    alternates — only translations that exist, as for the pages."""

    limit = 5000

    def translations_of(self, keys: Iterable) -> Iterable:
        """The rows sharing these translation keys, with `locale` loaded (one query)."""
        raise NotImplementedError

    def location(self, item) -> str:
        with translation.override(item.locale.language_code):
            return self.path_of(item)

    def path_of(self, item) -> str:
        raise NotImplementedError

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        by_key = defaultdict(list)
        for row in self.translations_of({url["item"].translation_key for url in urls}):
            by_key[row.translation_key].append(
                {
                    "location": f"{protocol}://{domain}{self.location(row)}",
                    "lang_code": row.locale.language_code,
                }
            )
        for url in urls:
            url["alternates"] = sorted(
                by_key[url["item"].translation_key], key=lambda a: a["lang_code"]
            )
        return urls


def sitemap_index(request: HttpRequest, sitemaps: dict) -> TemplateResponse:
    """sitemap-index.xml: every page of every section, on SITE_URL's host.

    sitemap.xml is one file with the first page of each section, which holds the whole
    site while each section fits on one page (5,000 library entries, 50,000 forum
    addresses). Past that, search engines need every page of the larger sections: this
    index names them all. (Django's own index view names the request's host.)"""
    locations = []
    for section, sitemap_class in sitemaps.items():
        sitemap = sitemap_class() if callable(sitemap_class) else sitemap_class
        location = absolute_url(reverse("sitemap_section", kwargs={"section": section}))
        locations.append(SitemapIndexItem(location))
        for page in range(2, sitemap.paginator.num_pages + 1):
            locations.append(SitemapIndexItem(f"{location}?p={page}"))
    response = TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": locations}, content_type="application/xml"
    )
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response
