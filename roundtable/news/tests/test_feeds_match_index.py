"""Every language's news feeds list what its news index lists (over the demo content)."""

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.conf import settings

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else url


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_languages_feeds_list_what_its_news_index_lists(client, demo, code):
    from roundtable.news.models import NewsIndexPage

    index = NewsIndexPage.objects.get(locale__language_code=code)
    response = client.get(index.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    cards = soup.select(".article-card")
    listed = [(card.h3.get_text(strip=True), card.h3.a["href"]) for card in cards]
    languages = [card.get("lang", code) for card in cards]
    assert len(listed) == 5  # the demo's five articles, translated or not
    assert all(href.startswith(f"/{code}/") for _title, href in listed)

    for feed_url in (f"/{code}/feeds/news.rss", f"/{code}/feeds/news.atom"):
        feed = feedparser.parse(client.get(feed_url).content)
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.language == code
        assert [(entry.title, _path(entry.link)) for entry in feed.entries] == listed
    # Atom entries of originals not yet translated carry their own language.
    assert [entry.title_detail.language for entry in feed.entries] == languages
