"""The test capability's sitemap section: one static URL in every interface language."""

from django.urls import reverse

from roundtable.core.sitemaps import InterfaceSitemap


class LanternsSitemap(InterfaceSitemap):
    def items(self):
        return ["index"]

    def location(self, item):
        return reverse(f"capability_app:{item}")
