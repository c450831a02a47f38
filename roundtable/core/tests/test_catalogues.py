"""Every shipped interface language has a complete, valid catalogue."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\{\s*\w+\s*\}\}")


def _catalogue(code: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / to_locale(code) / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(code):
    catalogue = _catalogue(code)
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert untranslated == [], f"{code}: {len(untranslated)} untranslated, e.g. {untranslated[:3]}"
    assert fuzzy == [], f"{code}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:3]}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_every_placeholder(code):
    broken = []
    for entry in _catalogue(code).translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            found = sorted(PLACEHOLDER.findall(text))
            # A singular form may leave out the number ("one member"), never add one.
            if not set(found) <= set(expected) or (not entry.msgid_plural and found != expected):
                broken.append((entry.msgid, text))
    assert broken == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalogue_declares_the_plural_rule_of_its_language(code):
    assert "nplurals=INTEGER" not in _catalogue(code).metadata["Plural-Forms"]


def test_every_catalogue_holds_the_same_strings():
    reference = {(e.msgctxt, e.msgid) for e in _catalogue(TRANSLATED[0])}
    for code in TRANSLATED[1:]:
        assert {(e.msgctxt, e.msgid) for e in _catalogue(code)} == reference, code
