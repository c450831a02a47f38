"""The library in sitemap.xml: its index in every language, and every published entry at
the address of each language it is written or translated in."""

from django.db.models import Max
from django.urls import reverse

from roundtable.core.sitemaps import InterfaceSitemap, TranslationsSitemap
from roundtable.library.selectors import published_entries


class LibraryIndexSitemap(InterfaceSitemap):
    def items(self):
        latest = published_entries().aggregate(latest=Max("updated_at"))["latest"]
        return [latest]

    def location(self, latest):
        return reverse("library:index")

    def lastmod(self, latest):
        return latest


class LibraryEntriesSitemap(TranslationsSitemap):
    def items(self):
        return (
            published_entries()
            .select_related("locale")
            .only("pk", "slug", "translation_key", "updated_at", "locale", "locale__language_code")
            .order_by("pk")
        )

    def translations_of(self, keys):
        return (
            published_entries()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .only("pk", "slug", "translation_key", "locale", "locale__language_code")
        )

    def path_of(self, entry):
        return reverse("library:entry", args=[entry.slug])

    def lastmod(self, entry):
        return entry.updated_at
