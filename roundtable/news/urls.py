from django.urls import path

from roundtable.news.feeds import NewsAtomFeed, NewsRssFeed

app_name = "news"
urlpatterns = [
    path("feeds/news.rss", NewsRssFeed(), name="feed_rss"),
    path("feeds/news.atom", NewsAtomFeed(), name="feed_atom"),
]
