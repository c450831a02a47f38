"""The glossary in sitemap.xml: its index in every language, dated by the latest change."""

import pytest
from wagtail.models import Locale

from roundtable.core.tests.sitemap_reading import sitemap_entries
from roundtable.glossary.models import Term

SITE = "https://roundtable.example"

pytestmark = pytest.mark.django_db


def test_sitemap_lists_the_glossary_in_every_language_with_lastmod(client, settings):
    settings.SITE_URL = SITE
    term = Term.objects.create(
        slug="case-conference",
        term="Case conference",
        definition="A meeting of the professionals around one child.",
        locale=Locale.objects.get_or_create(language_code="en")[0],
    )

    entries = sitemap_entries(client)

    for code, _name in settings.LANGUAGES:
        glossary = entries[f"{SITE}/{code}/glossary/"]
        assert glossary.lastmod.startswith(term.updated_at.date().isoformat())
        assert glossary.alternates["cnr"] == f"{SITE}/cnr/glossary/"
