"""News that stays in the reader's language: untranslated originals inside the reader's
interface, hreflang alternates that name only translations that exist, feeds = indexes."""

import feedparser
import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction

from roundtable.news.tests.factories import make_article, translate_article

pytestmark = pytest.mark.django_db

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def _soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def _index_url(news_index, code: str) -> str:
    return news_index.get_translation(Locale.objects.get(language_code=code)).url


def _cards(soup) -> dict:
    return {card.h3.get_text(strip=True): card for card in soup.select(".article-card")}


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else url


# 1. Untranslated articles -----------------------------------------------------------------


def test_an_untranslated_article_opens_inside_the_readers_interface(client, news_index):
    article = make_article(news_index, title="Only in English")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "hr"

    index = _soup(client.get(_index_url(news_index, "hr")))
    href = _cards(index)["Only in English"].h3.a["href"]
    assert href.startswith("/hr/")

    response = client.get(href)
    soup = _soup(response)
    assert soup.html["lang"] == "hr"
    # The interface is Croatian: navigation, skip link, footer.
    with translation.override("hr"):
        assert soup.select_one(".skip-link").get_text(strip=True) == translation.gettext(
            "Skip to main content"
        )
        footer_heading = translation.gettext("Languages")
    assert soup.select_one(".footer-languages h2").get_text(strip=True) == footer_heading
    assert soup.select_one('.language-switcher a[aria-current="true"]')["hreflang"] == "hr"
    # The article itself is marked as English.
    assert soup.select_one(".article-body")["lang"] == "en"
    assert soup.h1["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "Only in English"
    assert "The social worker opened the meeting." in soup.select_one(".article-body").text
    # A Croatian notice names the original's language.
    notice = soup.select_one(".untranslated-notice")
    assert notice is not None and not notice.has_attr("lang")
    with translation.override("hr"):
        english = translation.get_language_info("en")["name_translated"]
        expected = translation.gettext("Not yet translated — original in %(language)s") % {
            "language": english
        }
    assert notice.get_text(" ", strip=True) == expected
    assert expected.startswith("Još nije prevedeno")
    # The original is the canonical page; this copy names no hreflang alternates.
    canonical = soup.find_all("link", rel="canonical")
    assert len(canonical) == 1
    assert canonical[0]["href"] == settings.SITE_URL.rstrip("/") + article.url
    assert not soup.find_all("link", rel="alternate", hreflang=True)
    # The reader's language is still remembered as Croatian.
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_the_copy_in_the_readers_interface_is_cached_like_any_article(client, news_index):
    translated = make_article(news_index, title="Translated")
    croatian = translate_article(translated, "hr")
    make_article(news_index, title="Only in English")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "hr"
    href = _cards(_soup(client.get(_index_url(news_index, "hr"))))["Only in English"].h3.a["href"]

    copy = client.get(href)
    own = client.get(croatian.url)

    assert copy.status_code == own.status_code == 200
    for header in ("Cache-Control", "Vary", "Expires"):
        assert copy.get(header) == own.get(header), header
    assert not copy.cookies and not own.cookies


def test_a_restricted_original_is_never_served_under_another_url(client, news_index):
    article = make_article(news_index, title="Members only")
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    url = f"{_index_url(news_index, 'hr')}en/{article.slug}/"

    assert client.get(url).status_code == 404
    assert "Members only" not in _cards(_soup(client.get(_index_url(news_index, "hr"))))


def test_an_old_link_leads_to_the_translation_published_since(client, news_index):
    article = make_article(news_index, title="Soon translated")
    url = f"{_index_url(news_index, 'hr')}en/{article.slug}/"
    assert client.get(url).status_code == 200
    croatian = translate_article(article, "hr")

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == croatian.url
    # Unknown articles and languages are simply not found.
    assert client.get(f"{_index_url(news_index, 'hr')}en/no-such-article/").status_code == 404
    assert client.get(f"{_index_url(news_index, 'hr')}xx/{article.slug}/").status_code == 404


def test_cards_on_home_and_search_keep_the_reader_in_their_language(client, news_index):
    article = make_article(news_index, title="Outreach in the old town")
    expected = f"{_index_url(news_index, 'hr')}en/{article.slug}/"

    home = _soup(client.get("/hr/"))
    assert home.select_one(".article-card h3 a")["href"] == expected
    results = client.get("/hr/search/", {"q": "outreach"}).content.decode()
    assert f'href="{expected}"' in results
    assert f'href="{article.url}"' not in results


def test_the_switcher_offers_the_original_inside_each_interface(client, news_index):
    article = make_article(news_index, title="Only in English")
    albanian = translate_article(article, "sq")

    soup = _soup(client.get(article.url))

    switcher = {a["hreflang"]: a["href"] for a in soup.select(".language-switcher a")}
    assert switcher["en"] == article.url
    assert switcher["sq"] == albanian.url
    assert switcher["hr"] == f"{_index_url(news_index, 'hr')}en/{article.slug}/"
    assert switcher["mk"] == "/mk/"  # no news section in Macedonian in this test


def test_the_copies_are_not_in_the_sitemap(client, news_index):
    article = make_article(news_index, title="Only in English")
    copy = f"{_index_url(news_index, 'hr')}en/{article.slug}/"

    root = ElementTree.fromstring(client.get("/sitemap.xml").content)

    locations = [_path(loc.text) for loc in root.findall("s:url/s:loc", SITEMAP_NS)]
    alternates = [_path(link.get("href")) for link in root.findall("s:url/x:link", SITEMAP_NS)]
    assert locations.count(article.url) == 1
    assert copy not in locations and copy not in alternates


# 2. hreflang alternates -------------------------------------------------------------------


def _page_alternates(client, url) -> dict[str, str]:
    soup = _soup(client.get(url))
    return {
        link["hreflang"]: _path(link["href"])
        for link in soup.find_all("link", rel="alternate", hreflang=True)
    }


def _sitemap_alternates(client) -> dict[str, dict[str, str]]:
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return {
        _path(entry.find("s:loc", SITEMAP_NS).text): {
            link.get("hreflang"): _path(link.get("href"))
            for link in entry.findall("x:link", SITEMAP_NS)
        }
        for entry in root.findall("s:url", SITEMAP_NS)
    }


def test_page_and_sitemap_name_the_same_existing_translations(client, news_index):
    article = make_article(news_index)
    croatian = translate_article(article, "hr")  # 2 of the 10 languages
    expected = {"en": article.url, "hr": croatian.url, "x-default": article.url}

    sitemap = _sitemap_alternates(client)

    for url in (article.url, croatian.url):
        assert _page_alternates(client, url) == expected
        assert sitemap[url] == expected


def test_a_restricted_translation_is_no_alternate(client, news_index):
    article = make_article(news_index)
    croatian = translate_article(article, "hr")
    albanian = translate_article(article, "sq")
    PageViewRestriction.objects.create(page=albanian, restriction_type="login")
    expected = {"en": article.url, "hr": croatian.url, "x-default": article.url}

    assert _page_alternates(client, croatian.url) == expected
    assert _sitemap_alternates(client)[croatian.url] == expected
    assert albanian.url not in _sitemap_alternates(client)


def test_an_original_in_another_language_is_the_x_default(client, news_index):
    croatian_index = news_index.get_translation(Locale.objects.get(language_code="hr"))
    original = make_article(croatian_index, title="Terenski rad")
    albanian = translate_article(original, "sq")
    expected = {"sq": albanian.url, "hr": original.url, "x-default": original.url}

    assert _page_alternates(client, albanian.url) == expected
    assert _sitemap_alternates(client)[albanian.url] == expected


# 3. Feeds (and every language over the demo: test_feeds_match_index.py) -----------------


def test_an_original_translated_elsewhere_is_listed_once_in_its_own_language(client, news_index):
    macedonian_index = news_index.copy_for_translation(Locale.objects.get(language_code="mk"))
    macedonian_index.save_revision().publish()
    croatian_index = news_index.get_translation(Locale.objects.get(language_code="hr"))
    original = make_article(croatian_index, title="Terenski rad")
    translate_article(original, "sq")

    for code in ("mk", "en"):
        index = news_index.get_translation(Locale.objects.get(language_code=code))
        cards = _soup(client.get(index.url)).select(".article-card")
        assert [card.h3.get_text(strip=True) for card in cards] == ["Terenski rad"]
        assert cards[0]["lang"] == "hr"
        feed = feedparser.parse(client.get(f"/{code}/feeds/news.rss").content)
        assert [_path(entry.link) for entry in feed.entries] == [cards[0].h3.a["href"]]
