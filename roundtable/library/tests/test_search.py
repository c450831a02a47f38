"""Library search: accent-, case- and script-blind, across languages, with facets."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from roundtable.glossary.models import Term
from roundtable.library.models import Kind
from roundtable.library.tests.factories import make_entry
from roundtable.news.tests.factories import make_topic

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select("#library-results .entry-card h3")]


@pytest.fixture
def entries(site):
    return {
        "hr": make_entry(
            title="Zaštita djece u lokalnoj zajednici",
            locale="hr",
            languages=["hr"],
            kind=Kind.REPORT,
            year=2021,
            countries=["HR"],
        ),
        "sq": make_entry(
            title="Mbrojtja e fëmijëve në rrugë",
            locale="sq",
            languages=["sq"],
            kind=Kind.PROTOCOL,
            year=2023,
            countries=["AL"],
        ),
        "mk": make_entry(
            title="Заштита на децата во заедницата",
            locale="mk",
            languages=["mk"],
            kind=Kind.BROCHURE,
            year=2019,
            countries=["MK"],
        ),
        "en": make_entry(
            title="Foster care standards",
            summary="Standards for foster families and social workers.",
            kind=Kind.TOOLKIT,
            year=2025,
            countries=["RS"],
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zastita djece", "Zaštita djece u lokalnoj zajednici"),
        ("ZAŠTITA DJECE", "Zaštita djece u lokalnoj zajednici"),
        ("femijeve", "Mbrojtja e fëmijëve në rrugë"),
        ("zastita na decata", "Заштита на децата во заедницата"),
        ("ЗАШТИТА НА ДЕЦАТА", "Заштита на децата во заедницата"),
        ("foster stand", "Foster care standards"),
    ],
)
def test_matching_ignores_accents_case_and_script(client, entries, query, expected):
    assert _titles(client.get("/en/library/", {"q": query})) == [expected]


def test_cyrillic_query_finds_latin_text_and_back(client, entries):
    titles = _titles(client.get("/en/library/", {"q": "заштита"}))
    assert "Zaštita djece u lokalnoj zajednici" in titles
    assert "Заштита на децата во заедницата" in titles


def test_a_glossary_term_in_one_language_finds_its_agreed_wording_in_another(client, entries):
    english = Term.objects.create(
        slug="foster-care",
        term="Foster care",
        definition="Care by another family.",
        locale=Locale.objects.get(language_code="en"),
    )
    croatian = english.copy_for_translation(Locale.objects.get(language_code="hr"))
    croatian.term, croatian.definition = "Udomiteljstvo", "Skrb u drugoj obitelji."
    croatian.save()
    # Words match as prefixes, without stemming: the agreed wording itself must appear.
    make_entry(title="Udomiteljstvo: priručnik za centre", locale="hr", languages=["hr"])

    titles = _titles(client.get("/en/library/", {"q": "foster care"}))

    assert "Udomiteljstvo: priručnik za centre" in titles
    assert "Foster care standards" in titles


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "*",
        "-",
        "NEAR",
        "NEAR(a b)",
        "a AND",
        "OR",
        "(",
        "^x",
        ":",
        "x" * 5000,
        "'; DROP TABLE x; --",
        "%",
    ],
)
def test_hostile_queries_never_fail(client, entries, query):
    response = client.get("/en/library/", {"q": query})
    assert response.status_code == 200
    assert client.get("/en/search/", {"q": query}).status_code == 200


def test_facets_count_each_value_and_keep_other_values_when_one_is_chosen(client, entries):
    soup = BeautifulSoup(client.get("/en/library/").content, "html.parser")
    kind_facet = soup.select(".facet")[0].get_text(" ", strip=True)
    assert "Report (1)" in kind_facet and "Toolkit (1)" in kind_facet

    soup = BeautifulSoup(client.get("/en/library/", {"kind": "report"}).content, "html.parser")
    assert [h.get_text(strip=True) for h in soup.select(".entry-card h3")] == [
        "Zaštita djece u lokalnoj zajednici"
    ]
    facets = soup.select_one(".facets").get_text(" ", strip=True)
    assert "Toolkit (1)" in facets  # the other kinds stay reachable
    assert "Croatia (1)" in facets and "Albania" not in facets  # countries follow the filter


def test_topic_filter_works_from_any_language_label(client, site):
    topic = make_topic(
        "juvenile-justice", {"en": "Juvenile justice", "sq": "Drejtësia për të miturit"}
    )
    make_entry(title="Diversion in practice", topics=[topic])
    make_entry(title="Unrelated report")
    soup = BeautifulSoup(client.get("/sq/library/").content, "html.parser")
    assert "Drejtësia për të miturit (1)" in soup.select_one(".facets").get_text(" ", strip=True)
    assert _titles(client.get("/sq/library/", {"topic": "juvenile-justice"})) == [
        "Diversion in practice"
    ]


def test_year_filter_and_sort_by_date(client, site):
    make_entry(title="Old child protection study", year=2010)
    make_entry(title="New child protection study", year=2024)
    assert _titles(client.get("/en/library/", {"q": "child protection", "sort": "date"})) == [
        "New child protection study",
        "Old child protection study",
    ]
    assert _titles(client.get("/en/library/", {"year": "2010"})) == ["Old child protection study"]
    # A bad filter value is ignored, not an error.
    assert client.get("/en/library/", {"year": "abc", "page": "-1"}).status_code == 200


def test_results_show_highlighted_snippets(client, entries):
    soup = BeautifulSoup(client.get("/en/library/", {"q": "social workers"}).content, "html.parser")
    marks = [mark.text for mark in soup.select(".snippet mark")]
    assert marks == ["social", "workers"]


def test_drafts_are_never_found(client, site):
    make_entry(title="Suggested child safety leaflet", live=False)
    assert _titles(client.get("/en/library/", {"q": "leaflet"})) == []


def _count(client, url, params) -> int:
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


def test_search_page_queries_do_not_grow_with_entries(client, site):
    for number in range(3):
        make_entry(title=f"Child protection report {number}", countries=["AL", "XK"])
    few = _count(client, "/en/library/", {"q": "child protection", "kind": "report"})
    for number in range(25):
        make_entry(
            title=f"Child protection guide {number}",
            kind=Kind.REPORT,
            countries=["ME"],
            languages=["en", "sq"],
        )
    assert _count(client, "/en/library/", {"q": "child protection", "kind": "report"}) == few
