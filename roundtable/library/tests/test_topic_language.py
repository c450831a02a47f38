"""An entry's topics are named in the reader's language, as the facets name them, and a
name not yet translated carries its own `lang`."""

import pytest
from bs4 import BeautifulSoup

from roundtable.library.tests.factories import make_entry
from roundtable.news.tests.factories import make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def croatian_entry(site):
    foster = make_topic("foster-care", {"en": "Foster care", "hr": "Udomiteljstvo"})
    street = make_topic("street-children", {"en": "Children in street situations"})
    return make_entry(
        title="Smjernice za udomitelje",
        slug="smjernice-udomitelji",
        locale="hr",
        languages=["hr"],
        topics=[foster, street],
    )


def _topics(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    dt = next(dt for dt in soup.select("dl.metadata dt") if dt.find_next_sibling("dd").a)
    return [(a.get_text(), a.get("lang")) for a in dt.find_next_sibling("dd").find_all("a")]


def test_topics_of_a_croatian_entry_are_english_on_the_english_page(client, croatian_entry):
    assert _topics(client, "/en/library/smjernice-udomitelji/") == [
        ("Children in street situations", None),
        ("Foster care", None),
    ]


def test_topics_are_croatian_on_the_croatian_page_and_an_untranslated_one_says_its_lang(
    client, croatian_entry
):
    assert _topics(client, "/hr/library/smjernice-udomitelji/") == [
        ("Children in street situations", "en"),
        ("Udomiteljstvo", None),
    ]


def test_topic_names_agree_with_the_topic_facet(client, croatian_entry):
    soup = BeautifulSoup(client.get("/hr/library/?q=smjernice").content, "html.parser")
    facet_names = {
        a.get_text()
        for a in soup.select("details.facet a")
        if "topic=" in a.get("href", "") and a.get_text() != "×"
    }
    assert "Udomiteljstvo" in facet_names
    assert "Udomiteljstvo" in [
        name for name, _lang in _topics(client, "/hr/library/smjernice-udomitelji/")
    ]
