"""One search box for the whole site: results grouped by kind, only what the viewer may see."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from roundtable.accounts.choices import Visibility
from roundtable.accounts.tests.factories import make_code_of_conduct, make_member
from roundtable.glossary.models import Term
from roundtable.library.tests.factories import make_entry
from roundtable.news.tests.factories import make_article, make_news_index, make_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(db):
    home = make_site()
    index = make_news_index(home)
    make_article(
        index, title="Street outreach in Tirana", paragraphs=("Outreach workers met children.",)
    )
    make_entry(title="Street outreach protocol", summary="Outreach with children in the street.")
    make_entry(title="Draft outreach leaflet", live=False)
    Term.objects.create(
        slug="outreach",
        term="Street outreach",
        definition="Meeting children where they are.",
        locale=Locale.objects.get(language_code="en"),
    )
    make_code_of_conduct(version=1)
    make_member(
        full_name="Ana Outreach",
        username="ana",
        visibility=Visibility.PUBLIC,
        organisation="Street Outreach Team",
    )
    make_member(
        full_name="Besa Outreach",
        username="besa",
        visibility=Visibility.MEMBERS,
        organisation="Street Outreach Team",
    )


def _groups(response) -> dict[str, list[str]]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        section["aria-labelledby"].removeprefix("group-"): [
            h.get_text(strip=True) for h in section.select("h3")
        ]
        for section in soup.select(".search-group")
    }


def test_one_query_finds_every_kind_grouped(client, content):
    groups = _groups(client.get("/en/search/", {"q": "outreach"}))
    assert list(groups) == ["library", "news", "glossary", "members"]
    assert groups["library"] == ["Street outreach protocol"]
    assert groups["news"] == ["Street outreach in Tirana"]
    assert groups["glossary"] == ["Street outreach"]


def test_outsiders_do_not_find_members_only_profiles_or_drafts(client, content):
    anonymous = _groups(client.get("/en/search/", {"q": "outreach"}))
    assert anonymous["members"] == ["Ana Outreach"]
    assert "Draft outreach leaflet" not in anonymous["library"]

    client.force_login(make_member(full_name="Viewer", username="viewer"))
    signed_in = _groups(client.get("/en/search/", {"q": "outreach"}))
    assert sorted(signed_in["members"]) == ["Ana Outreach", "Besa Outreach"]


def test_search_is_accent_blind_and_translated(client, content):
    groups = _groups(client.get("/sq/search/", {"q": "OUTRËACH"}))
    assert "library" in groups
    soup = BeautifulSoup(client.get("/sq/search/", {"q": "outreach"}).content, "html.parser")
    assert soup.html["lang"] == "sq"


@pytest.mark.parametrize("query", ["", "   ", '"*"', "-", "NEAR"])
def test_empty_or_operator_only_queries_show_no_results_and_no_error(client, content, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert (
        not BeautifulSoup(response.content, "html.parser").select(".search-group h3")
        or query == "NEAR"
    )
