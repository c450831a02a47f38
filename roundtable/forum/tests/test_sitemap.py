"""The forum in sitemap.xml: only what a reader who never signs in may open."""

import pytest
from django.conf import settings

from roundtable.core.tests.sitemap_reading import sitemap_entries
from roundtable.forum.tests.factories import make_category, make_thread

SITE = "https://roundtable.example"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def test_sitemap_lists_public_categories_and_threads_in_every_language(
    client, public_category, author
):
    thread = make_thread(public_category, authors=[author], title="Open question")

    public_category.refresh_from_db()

    entries = sitemap_entries(client)

    for code in LANGUAGES:
        category = entries[f"{SITE}/{code}/forum/c/general/"]
        assert category.lastmod.startswith(public_category.last_post_at.date().isoformat())
        assert set(category.alternates) == set(LANGUAGES)
        assert category.alternates["hr"] == f"{SITE}/hr/forum/c/general/"
        listed = entries[f"{SITE}/{code}/forum/t/{thread.pk}/"]
        assert listed.lastmod.startswith(thread.last_post_at.date().isoformat())
        assert f"{SITE}/{code}/forum/" in entries


def test_sitemap_never_lists_what_a_visitor_may_not_open(
    client,
    public_category,
    members_category,
    group_category,
    case_category,
    author,
):
    visible = make_thread(public_category, authors=[author], title="Visible")
    waiting = make_thread(public_category, authors=[author], title="Waiting")
    waiting.is_approved = False
    waiting.save()
    hidden = make_thread(public_category, authors=[author], title="Hidden")
    hidden.is_hidden = True
    hidden.save()
    members = make_thread(members_category, authors=[author], title="Members")
    group = make_thread(group_category, authors=[author], title="Group")
    case = make_thread(case_category, authors=[author], title="Case")
    public_case = make_category(
        "public-cases", name="Public cases", visibility="public", is_case_discussion=True
    )
    public_case_thread = make_thread(public_case, authors=[author], title="Public case")

    locations = set(sitemap_entries(client))

    assert f"{SITE}/en/forum/t/{visible.pk}/" in locations
    for thread in (waiting, hidden, members, group, case, public_case_thread):
        assert f"{SITE}/en/forum/t/{thread.pk}/" not in locations, thread.title
    for slug in (members_category.slug, group_category.slug, case_category.slug, "public-cases"):
        assert f"{SITE}/en/forum/c/{slug}/" not in locations, slug


def test_forum_sections_of_the_sitemap_cost_the_same_for_many_threads(
    client, public_category, author, django_assert_max_num_queries
):
    make_thread(public_category, authors=[author], title="One")
    with django_assert_max_num_queries(30) as few:
        sitemap_entries(client)
    for number in range(20):
        make_thread(
            make_category(f"more-{number}", name=f"More {number}"),
            authors=[author],
            title=f"Thread {number}",
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        entries = sitemap_entries(client)
    assert len([loc for loc in entries if "/forum/t/" in loc]) == 21 * len(LANGUAGES)
