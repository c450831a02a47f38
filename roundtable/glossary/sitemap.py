"""The glossary in sitemap.xml: its index in every language. Terms have no pages of their
own (the index lists them all), so there is nothing else to list."""

from django.urls import reverse

from roundtable.core.sitemaps import InterfaceSitemap
from roundtable.glossary.selectors import glossary_last_changed


class GlossarySitemap(InterfaceSitemap):
    def items(self):
        return [glossary_last_changed()]

    def location(self, last_changed):
        return reverse("glossary:index")

    def lastmod(self, last_changed):
        return last_changed
