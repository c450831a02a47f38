"""The news index (filters across languages), the series page, feeds and the sitemap."""

import feedparser
import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from roundtable.news.tests.factories import (
    make_article,
    make_funder,
    make_series,
    make_topic,
    translate_article,
)

pytestmark = pytest.mark.django_db


def _soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _titles(soup) -> list[str]:
    return [h.get_text(strip=True) for h in soup.select(".article-card h3")]


def _index_url(news_index, code: str) -> str:
    return news_index.get_translation(Locale.objects.get(language_code=code)).url


def test_choosing_the_albanian_label_of_a_topic_finds_english_and_croatian_items(
    client, news_index
):
    topic = make_topic(
        "street-children",
        {
            "en": "Children in street situations",
            "sq": "Fëmijët në situatë rruge",
            "hr": "Djeca u uličnim situacijama",
        },
    )
    other = make_topic("foster-care", {"en": "Foster care", "sq": "Kujdesi kujdestar"})
    english = make_article(news_index, title="Outreach in the old town", topics=[topic])
    make_article(news_index, title="A foster family story", topics=[other])
    croatian_index = news_index.get_translation(Locale.objects.get(language_code="hr"))
    # An article written in Croatian, tagged with the Croatian label of the same topic.
    croatian_topic = topic.get_translation(Locale.objects.get(language_code="hr"))
    make_article(croatian_index, title="Terenski rad u starom gradu", topics=[croatian_topic])

    albanian = _soup(client.get(_index_url(news_index, "sq")))
    option = albanian.select_one('select[name="topic"] option[value="street-children"]')
    assert option.text == "Fëmijët në situatë rruge"

    soup = _soup(client.get(_index_url(news_index, "sq"), {"topic": "street-children"}))
    assert sorted(_titles(soup)) == sorted([english.title, "Terenski rad u starom gradu"])


def test_index_lists_untranslated_items_labelled_with_their_language(client, news_index):
    translated = make_article(news_index, title="Translated one")
    translate_article(translated, "sq")
    make_article(news_index, title="Only in English")

    soup = _soup(client.get(_index_url(news_index, "sq")))

    cards = {card.h3.get_text(strip=True): card for card in soup.select(".article-card")}
    assert "Only in English" in cards
    assert cards["Only in English"]["lang"] == "en"
    assert cards["Only in English"].select_one(".language-label")["lang"] == "sq"
    assert "[sq] title" in cards
    assert not cards["[sq] title"].has_attr("lang")
    # The English original of the translated article is not listed twice.
    assert "Translated one" not in cards

    only = _soup(client.get(_index_url(news_index, "sq"), {"only_translated": "on"}))
    assert _titles(only) == ["[sq] title"]


def test_country_and_series_filters(client, home, news_index):
    series = make_series(home)
    in_series = make_article(news_index, title="In the series", countries=("AL",), series=series)
    make_article(news_index, title="Elsewhere", countries=("RS",))

    assert _titles(_soup(client.get(news_index.url, {"country": "AL"}))) == [in_series.title]
    soup = _soup(client.get(news_index.url, {"series": str(series.translation_key)}))
    assert _titles(soup) == [in_series.title]
    # An unknown filter value is ignored, not an error.
    assert client.get(news_index.url, {"country": "ZZ", "page": "x"}).status_code == 200


def test_series_page_lists_its_articles_and_credits_its_funders(client, home, news_index):
    series = make_series(home)
    series.funders.set([make_funder("Adriatic Children's Fund")])
    series.save_revision().publish()
    make_article(news_index, title="First in series", series=series)
    make_article(news_index, title="Not in series")

    soup = _soup(client.get(series.url))

    assert _titles(soup) == ["First in series"]
    assert "Adriatic Children's Fund" in soup.select_one(".funded-by").text


def test_article_credits_its_funders(client, news_index):
    article = make_article(news_index, funders=[make_funder("Danube Social Innovation Foundation")])
    soup = _soup(client.get(article.url))
    assert "Danube Social Innovation Foundation" in soup.select_one(".funded-by").text


def _query_count(client, url) -> int:
    client.get(url)  # warm the caches (locales, site root paths) first
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_index_and_series_queries_do_not_grow_with_articles(client, home, news_index):
    series = make_series(home)
    for number in range(2):
        make_article(news_index, title=f"Few {number}", series=series)
    index_few = _query_count(client, news_index.url)
    series_few = _query_count(client, series.url)
    for number in range(15):
        article = make_article(news_index, title=f"Many {number}", series=series)
        if number % 3 == 0:
            translate_article(article, "hr")
    assert _query_count(client, news_index.url) == index_few
    assert _query_count(client, series.url) == series_few
    assert _query_count(client, _index_url(news_index, "hr")) <= index_few + 2


def test_rss_and_atom_feeds_are_valid_and_per_language(client, news_index):
    article = make_article(news_index, title="Feed item")
    translate_article(article, "sq")

    for url in ("/sq/feeds/news.rss", "/sq/feeds/news.atom"):
        response = client.get(url)
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        assert [entry.title for entry in feed.entries] == ["[sq] title"]
        assert feed.entries[0].link.endswith(
            article.get_translation(Locale.objects.get(language_code="sq")).url
        )
    english = feedparser.parse(client.get("/en/feeds/news.rss").content)
    assert english.feed.language == "en"
    assert [entry.title for entry in english.entries] == ["Feed item"]


def test_sitemap_lists_every_language_with_hreflang_alternates(client, news_index):
    article = make_article(news_index)
    albanian = translate_article(article, "sq")

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {url.find("s:loc", ns).text: url for url in root.findall("s:url", ns)}
    english_entry = next(e for loc, e in entries.items() if loc.endswith(article.url))
    alternates = {
        link.get("hreflang"): link.get("href") for link in english_entry.findall("x:link", ns)
    }
    assert alternates["sq"].endswith(albanian.url)
    assert alternates["en"].endswith(article.url)
    assert any(loc.endswith(albanian.url) for loc in entries)
