"""The forum in sitemap.xml: what a reader who never signs in may open — the index, the
public categories and their visible threads — under every language prefix (the interface,
and the categories' names, are translated). Never a members-only, group or case-discussion
category, nor a waiting or hidden thread: the selectors decide, as for the pages."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Max
from django.urls import reverse

from roundtable.core.sitemaps import InterfaceSitemap
from roundtable.forum import selectors


class ForumIndexSitemap(InterfaceSitemap):
    def items(self):
        categories = selectors.readable_categories(AnonymousUser())
        return [categories.aggregate(latest=Max("last_post_at"))["latest"]]

    def location(self, latest):
        return reverse("forum:index")

    def lastmod(self, latest):
        return latest


class ForumCategoriesSitemap(InterfaceSitemap):
    def items(self):
        return (
            selectors.readable_categories(AnonymousUser())
            .only("pk", "slug", "last_post_at")
            .order_by("position", "pk")
        )

    def location(self, category):
        return reverse("forum:category", args=[category.slug])

    def lastmod(self, category):
        # None for a category nobody has written in yet: no date is better than a wrong one.
        return category.last_post_at


class ForumThreadsSitemap(InterfaceSitemap):
    def items(self):
        return selectors.visible_threads(AnonymousUser()).only("pk", "last_post_at").order_by("pk")

    def location(self, thread):
        return reverse("forum:thread", args=[thread.pk])

    def lastmod(self, thread):
        return thread.last_post_at
