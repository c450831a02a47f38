"""Feed readers find the feeds from the home page and from a series page, not only from
the news index."""

import pytest
from bs4 import BeautifulSoup

from roundtable.news.tests.factories import make_series, make_site

pytestmark = pytest.mark.django_db


def _feeds(response) -> dict[str, str]:
    assert response.status_code == 200
    head = BeautifulSoup(response.content, "html.parser").head
    return {
        link["href"]: link["type"]
        for link in head.find_all("link", rel="alternate")
        if link.get("type")
    }


def test_home_page_announces_the_news_and_forum_feeds_in_its_language(client):
    make_site()

    feeds = _feeds(client.get("/hr/"))

    assert feeds["/hr/feeds/news.rss"] == "application/rss+xml"
    assert feeds["/hr/feeds/news.atom"] == "application/atom+xml"
    assert feeds["/hr/forum/feed/"] == "application/rss+xml"


def test_series_page_announces_the_news_feeds(client):
    series = make_series(make_site())

    feeds = _feeds(client.get(series.url))

    assert feeds["/en/feeds/news.rss"] == "application/rss+xml"
    assert feeds["/en/feeds/news.atom"] == "application/atom+xml"
