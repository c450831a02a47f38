"""The library in sitemap.xml: the index in every language, and published entries only."""

import pytest
from django.conf import settings
from wagtail.models import Locale

from roundtable.core.tests.sitemap_reading import sitemap_entries
from roundtable.library.tests.factories import make_entry

SITE = "https://roundtable.example"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def test_sitemap_lists_published_entries_at_each_translation_with_alternates(client, site):
    entry = make_entry(title="Protocol for street children", slug="street-protocol")
    croatian = entry.copy_for_translation(Locale.objects.get(language_code="hr"))
    croatian.title = "Protokol za djecu na ulici"
    croatian.live = True
    croatian.is_source = False
    croatian.save()
    original_in_albanian = make_entry(title="Raport", slug="raport", locale="sq")
    draft = make_entry(title="A member's suggestion", slug="suggestion", live=False)

    entries = sitemap_entries(client)

    english = entries[f"{SITE}/en/library/street-protocol/"]
    assert english.lastmod.startswith(entry.updated_at.date().isoformat())
    assert english.alternates == {
        "en": f"{SITE}/en/library/street-protocol/",
        "hr": f"{SITE}/hr/library/street-protocol/",
    }
    assert entries[f"{SITE}/hr/library/street-protocol/"].alternates == english.alternates
    # Only the languages the entry is written or translated in.
    assert f"{SITE}/sq/library/street-protocol/" not in entries
    assert f"{SITE}/sq/library/{original_in_albanian.slug}/" in entries
    assert not [loc for loc in entries if draft.slug in loc]


def test_sitemap_lists_the_library_index_in_every_language(client, site):
    entry = make_entry(title="Protocol", slug="protocol")

    entries = sitemap_entries(client)

    for code in LANGUAGES:
        index = entries[f"{SITE}/{code}/library/"]
        assert index.lastmod.startswith(entry.updated_at.date().isoformat())
        assert index.alternates["mk"] == f"{SITE}/mk/library/"


def test_library_sections_cost_the_same_for_many_entries(
    client, site, django_assert_max_num_queries
):
    make_entry(title="First", slug="first")
    with django_assert_max_num_queries(30) as few:
        sitemap_entries(client)
    for number in range(15):
        make_entry(title=f"Entry {number}", slug=f"entry-{number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        entries = sitemap_entries(client)
    assert len([loc for loc in entries if "/en/library/entry-" in loc]) == 15


def test_sitemap_index_names_every_page_of_a_large_library_on_site_url(client, site, monkeypatch):
    from defusedxml import ElementTree

    from roundtable.library.sitemap import LibraryEntriesSitemap

    monkeypatch.setattr(LibraryEntriesSitemap, "limit", 2)
    for number in range(5):
        make_entry(title=f"Entry {number}", slug=f"entry-{number}")

    response = client.get("/sitemap-index.xml")

    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [
        loc.text for loc in ElementTree.fromstring(response.content).iter(f"{{{ns['s']}}}loc")
    ]
    section = f"{SITE}/sitemap-library-entries.xml"
    assert [loc for loc in locations if loc.startswith(section)] == [
        section,
        f"{section}?p=2",
        f"{section}?p=3",
    ]
    assert f"{SITE}/sitemap-pages.xml" in locations
    third = client.get("/sitemap-library-entries.xml?p=3")
    assert third.status_code == 200
    assert f"{SITE}/en/library/entry-4/".encode() in third.content
