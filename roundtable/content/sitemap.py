"""sitemap.xml: every live public page in every language, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from roundtable.core.languages import page_alternates


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
        # The same alternates as the pages' own hreflang links, in one query for this page.
        alternates = page_alternates([url["item"] for url in urls], self.request)
        for url in urls:
            url["alternates"] = [
                {**alternate, "location": f"{protocol}://{domain}{alternate['location']}"}
                for alternate in alternates.get(url["item"].translation_key, [])
            ]
        return urls
