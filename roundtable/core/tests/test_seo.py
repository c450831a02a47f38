"""What search engines and link previews read: robots.txt, canonical links, Open Graph."""

import pytest
from bs4 import BeautifulSoup

from roundtable.content.demo import create_locales

pytestmark = pytest.mark.django_db

SITE = "https://roundtable.example"


@pytest.fixture(autouse=True)
def _site(settings, db):
    settings.SITE_URL = SITE
    create_locales()


def _head(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def _canonical(client, url, **extra) -> str:
    links = _head(client.get(url, **extra)).find_all("link", rel="canonical")
    assert len(links) == 1
    return links[0]["href"]


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_private_paths(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert f"Sitemap: {SITE}/sitemap-index.xml" in lines
    assert lines[0] == "User-agent: *"
    for path in [
        "/admin/",
        "/django-admin/",
        "/en/accounts/",
        "/hr/notifications/",
        "/mk/profile/",
    ]:
        assert f"Disallow: {path}" in lines, path
    # Public sections stay crawlable.
    assert not [line for line in lines if line.rstrip("/").endswith(("/forum", "/library"))]
    assert "Disallow: /" not in lines


def test_canonical_is_absolute_on_site_url_without_tracking_parameters(client):
    assert _canonical(client, "/en/glossary/") == f"{SITE}/en/glossary/"
    assert (
        _canonical(client, "/en/glossary/?utm_source=newsletter&fbclid=abc")
        == f"{SITE}/en/glossary/"
    )


def test_paginated_list_keeps_its_page_and_page_one_is_the_list(client):
    assert _canonical(client, "/en/library/?page=2&utm_medium=mail") == f"{SITE}/en/library/?page=2"
    assert _canonical(client, "/en/library/?page=1") == f"{SITE}/en/library/"


def test_a_filtered_list_names_the_whole_list(client):
    assert _canonical(client, "/en/library/?kind=report&page=2") == f"{SITE}/en/library/"


def test_search_results_are_noindex_and_canonical_to_themselves(client):
    head = _head(client.get("/en/search/?q=protocol&page=2&utm_source=x"))
    assert head.find("link", rel="canonical")["href"] == f"{SITE}/en/search/?q=protocol&page=2"
    assert head.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"
    glossary = _head(client.get("/en/glossary/?q=case"))
    assert glossary.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"
    assert _head(client.get("/en/glossary/")).find("meta", attrs={"name": "robots"}) is None


def test_behind_a_proxy_site_url_wins_over_the_request_host(client, settings):
    settings.ALLOWED_HOSTS = ["internal-upstream", "testserver"]
    settings.USE_X_FORWARDED_HOST = True

    head = _head(
        client.get(
            "/hr/glossary/",
            HTTP_HOST="internal-upstream",
            HTTP_X_FORWARDED_HOST="internal-upstream",
            HTTP_X_FORWARDED_PROTO="http",
        )
    )

    assert head.find("link", rel="canonical")["href"] == f"{SITE}/hr/glossary/"
    assert head.find("meta", property="og:url")["content"] == f"{SITE}/hr/glossary/"


@pytest.mark.parametrize(
    ("language", "locale"),
    [
        ("en", "en_GB"),
        ("sq", "sq_AL"),
        ("hr", "hr_HR"),
        ("sr-latn", "sr_RS"),
        ("cnr", "cnr_ME"),
        ("bs", "bs_BA"),
        ("mk", "mk_MK"),
        ("ro", "ro_RO"),
        ("bg", "bg_BG"),
        ("hu", "hu_HU"),
    ],
)
def test_og_locale_has_a_territory_in_every_language(client, language, locale):
    head = _head(client.get(f"/{language}/glossary/"))

    assert head.find("meta", property="og:locale")["content"] == locale
    alternates = [m["content"] for m in head.find_all("meta", property="og:locale:alternate")]
    assert len(alternates) == 9
    assert locale not in alternates
    assert all("_" in alternate for alternate in alternates)
