"""RSS and Atom feeds of the news, one per language (the URL's language prefix)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from roundtable.content.selectors import active_locale
from roundtable.news.models import NewsArticlePage
from roundtable.news.selectors import news_index_for

FEED_SIZE = 30


class NewsRssFeed(Feed):
    title = _("Roundtable news")
    description = _("News from child-protection professionals in South-East Europe.")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return active_locale()

    def link(self, locale):
        index = news_index_for(locale)
        return index.get_url(self.request) if index else f"/{get_language()}/"

    def feed_url(self, locale):
        return self.request.path

    def items(self, locale):
        return (
            NewsArticlePage.objects.live()
            .public()
            .filter(locale=locale)
            .order_by("-date", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}:{item.locale_id}"

    item_guid_is_permalink = False

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = get_language()
        return feed


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
