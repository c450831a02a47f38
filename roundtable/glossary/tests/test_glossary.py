"""The public glossary: agreed terms in every language, found whatever language is typed."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from roundtable.glossary.models import Term
from roundtable.glossary.selectors import equivalent_wordings

pytestmark = pytest.mark.django_db


def _term(slug: str, wordings: dict[str, tuple[str, str]]) -> Term:
    english = Term.objects.create(
        slug=slug,
        term=wordings["en"][0],
        definition=wordings["en"][1],
        locale=Locale.objects.get_or_create(language_code="en")[0],
    )
    for code, (term, definition) in wordings.items():
        if code == "en":
            continue
        copy = english.copy_for_translation(Locale.objects.get_or_create(language_code=code)[0])
        copy.term, copy.definition = term, definition
        copy.save()
    return english


@pytest.fixture
def terms(db):
    conference = _term(
        "case-conference",
        {
            "en": ("Case conference", "A meeting of the professionals around one child."),
            "hr": ("Okrugli stol o slučaju", "Sastanak stručnjaka oko jednog djeteta."),
            "sq": ("Tryezë e rastit", "Takim i profesionistëve rreth një fëmije."),
            "mk": ("Тркалезна маса за случај", "Средба на стручњаците околу едно дете."),
        },
    )
    foster = _term(
        "foster-care",
        {"en": ("Foster care", "Care of a child by another family.")},
    )
    return conference, foster


def _entries(response) -> dict[str, dict]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {entry.dt.get_text(strip=True): entry for entry in soup.select(".glossary-entry")}


def test_glossary_shows_terms_in_the_reader_language_and_marks_untranslated_ones(client, terms):
    entries = _entries(client.get("/hr/glossary/"))
    assert "Okrugli stol o slučaju" in entries
    assert not entries["Okrugli stol o slučaju"].has_attr("lang")
    # Foster care has no Croatian wording yet: shown in English, marked as English.
    assert entries["Foster care"]["lang"] == "en"
    other = entries["Okrugli stol o slučaju"].select_one(".term-languages").get_text(" ")
    assert "Case conference" in other and "Тркалезна маса за случај" in other


@pytest.mark.parametrize(
    "query", ["okrugli stol", "OKRUGLI STOL", "tryeze e rastit", "tркалезна", "trkalezna masa"]
)
def test_a_term_typed_in_any_language_or_script_finds_the_english_entry(client, terms, query):
    entries = _entries(client.get("/en/glossary/", {"q": query}))
    assert list(entries) == ["Case conference"]


def test_hostile_or_huge_queries_do_not_fail(client, terms):
    for query in ['"', "*", "NEAR(", "-", "%", "x" * 5000]:
        assert client.get("/en/glossary/", {"q": query}).status_code == 200


def test_equivalent_wordings_give_the_agreed_terms_in_every_language(terms):
    wordings = equivalent_wordings("what is a case conference")
    assert "okrugli stol o slucaju" in wordings
    assert "tryeze e rastit" in wordings
    assert "trkalezna masa za slucaj" in wordings
    assert equivalent_wordings("nothing related") == []


def test_glossary_queries_do_not_grow_with_terms(client, terms):
    def count() -> int:
        client.get("/sq/glossary/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/sq/glossary/").status_code == 200
        return len(queries)

    few = count()
    for number in range(20):
        _term(
            f"term-{number}",
            {"en": (f"Term {number}", "Text."), "sq": (f"Termi {number}", "Tekst.")},
        )
    assert count() == few
