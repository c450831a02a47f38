"""sitemap.xml: every live public page in every language, with hreflang alternates."""

from collections import defaultdict

from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site


class PagesSitemap(Sitemap):
    limit = 5000

    def __init__(self, request=None):
        self.request = request

    def items(self):
        site = Site.find_for_request(self.request) or Site.objects.get(is_default_site=True)
        # Each language's home is a translation of the site's root page, beside it in the tree.
        roots = site.root_page.get_translations(inclusive=True)
        paths = [root.path for root in roots]
        pages = Page.objects.none()
        for path in paths:
            pages = pages | Page.objects.filter(path__startswith=path)
        return pages.live().public().select_related("locale").order_by("path").defer_streamfields()

    def location(self, page):
        return page.get_url(self.request)

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        # Every live translation of the pages listed here, in one query, for the alternates.
        keys = {url["item"].translation_key for url in urls}
        translations = (
            Page.objects.live()
            .public()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .defer_streamfields()
        )
        by_key = defaultdict(list)
        for translation in translations:
            by_key[translation.translation_key].append(
                {
                    "location": f"{protocol}://{domain}{translation.get_url(self.request)}",
                    "lang_code": translation.locale.language_code,
                }
            )
        for url in urls:
            url["alternates"] = sorted(
                by_key[url["item"].translation_key], key=lambda a: a["lang_code"]
            )
        return urls
