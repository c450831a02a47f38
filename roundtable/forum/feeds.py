"""RSS feeds of new threads. Feed readers never sign in, so feeds list public categories
only: a members-only or group category has no feed at all."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from roundtable.content.selectors import default_locale
from roundtable.forum import selectors
from roundtable.forum.models import Category, Visibility


class LatestThreadsFeed(Feed):
    title = _("Roundtable forum: new threads")
    description = _("New discussions in the public forum categories.")

    def get_object(self, request, slug=None):
        if slug is None:
            return None
        return get_object_or_404(
            Category,
            locale=default_locale(),
            slug=slug,
            visibility=Visibility.PUBLIC,
            is_case_discussion=False,
        )

    def link(self, category):
        if category is None:
            return reverse("forum:index")
        return reverse("forum:category", args=[category.slug])

    def items(self, category):
        return selectors.public_threads_for_feed(category)

    def item_title(self, thread):
        return thread.title

    def item_description(self, thread):
        return Truncator(thread.first_body or "").chars(400)

    def item_link(self, thread):
        return reverse("forum:thread", args=[thread.pk])

    def item_pubdate(self, thread):
        return thread.created_at

    def item_author_name(self, thread):
        profile = getattr(thread.starter, "profile", None) if thread.starter else None
        return profile.display_name if profile else ""
