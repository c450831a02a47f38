"""Benchmark data for the library: ten entries per unit of scale (100,000 by default)."""

from wagtail.models import Locale

from roundtable.content.demo import create_locales, load
from roundtable.content.models import Topic
from roundtable.library.generate import generate_entries

ENTRIES_PER_SCALE = 10

CASES = [
    ("library, no query (facets over everything)", "/en/library/"),
    ("library, one common word", "/en/library/?q=child"),
    ("library, two words without accents", "/hr/library/?q=zastita+djece"),
    ("library, Albanian word + kind facet", "/sq/library/?q=femijeve&kind=report"),
    ("library, Cyrillic query", "/mk/library/?q=%D0%B7%D0%B0%D1%88%D1%82%D0%B8%D1%82%D0%B0"),
    ("library, query + country + year", "/en/library/?q=social&country=AL&year=2020"),
    ("library, sorted by date, page 20", "/en/library/?q=care&sort=date&page=20"),
    ("site search, glossary term", "/en/search/?q=foster+care"),
]


def populate(*, scale: int) -> None:
    create_locales()
    english_locale = Locale.objects.get(language_code="en")
    for entry in load("topics.json"):
        Topic.objects.get_or_create(
            locale=english_locale, slug=entry["slug"], defaults={"name": entry["labels"]["en"]}
        )
    generate_entries(count=scale * ENTRIES_PER_SCALE)


def login(client) -> None:
    """Anonymous readers: the library is public."""
