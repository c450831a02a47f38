"""RSS and Atom feeds of the news, one per language (the URL's language prefix).

A feed lists what its language's news index lists, in the same order: translations, and the
originals of articles not yet translated (linked inside the reader's interface).
"""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from roundtable.content.selectors import active_locale
from roundtable.news.selectors import article_url, news_articles, news_index_for

FEED_SIZE = 30


class NewsRssFeed(Feed):
    title = _("Roundtable news")
    description = _("News from child-protection professionals in South-East Europe.")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        locale = active_locale()
        self.index = news_index_for(locale)
        return locale

    def link(self, locale):
        return self.index.get_url(self.request) if self.index else f"/{get_language()}/"

    def feed_url(self, locale):
        return self.request.path

    def items(self, locale):
        # The index's own selection and order (unfiltered), up to the feed's size.
        return news_articles(locale=locale)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return article_url(item, index=self.index, request=self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}:{item.locale_id}"

    item_guid_is_permalink = False

    def item_extra_kwargs(self, item):
        # An original not yet translated keeps its language (Atom entries say so).
        return {"language": item.locale.language_code}

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = get_language()
        return feed


class _AtomWithEntryLanguage(Atom1Feed):
    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language") and item["language"] != self.feed["language"]:
            attributes["xml:lang"] = item["language"]
        return attributes


class NewsAtomFeed(NewsRssFeed):
    feed_type = _AtomWithEntryLanguage
    subtitle = NewsRssFeed.description
