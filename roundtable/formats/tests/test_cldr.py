"""Our dates and times against CLDR's (Babel's copy of it), in every shipped language.

Each Django format is rendered as the site renders it (`django.utils.formats`, in the active
time zone) and compared with Babel's rendering of the matching CLDR format; each month name
Django's formats can show is compared with CLDR's. Where we differ on purpose, DIFFERENCES
below says so and why; any other difference fails, and so does an entry that no longer differs.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from babel import Locale
from babel.dates import format_date, format_datetime, format_skeleton, format_time
from django.conf import settings
from django.utils import dateformat, formats, timezone, translation

# The CLDR locale whose conventions each interface language follows. CLDR has no Montenegrin
# of its own: Babel maps "cnr" to Serbian (Latin script) as written in Montenegro.
CLDR_LOCALES = {
    "en": "en",
    "sq": "sq",
    "hr": "hr",
    "sr-latn": "sr_Latn",
    "cnr": "sr_Latn_ME",
    "bs": "bs",
    "mk": "mk",
    "ro": "ro",
    "bg": "bg",
    "hu": "hu",
}
LANGUAGES = [code for code, _name in settings.LANGUAGES]

UTC = datetime.UTC
SAMPLES = [
    # 14:05:09 on 4 March in Belgrade: single-digit day and month, an afternoon, seconds.
    datetime.datetime(2026, 3, 4, 13, 5, 9, 123456, tzinfo=UTC),
    # 02:30 on 2 December: the case-discussions row of issue #11, a morning.
    datetime.datetime(2026, 12, 2, 1, 30, tzinfo=UTC),
    # 23:30 UTC on 30 November is already 1 December in Belgrade.
    datetime.datetime(2026, 11, 30, 23, 30, tzinfo=UTC),
    # Noon and midnight, which Django's English default spells out ("noon", "midnight").
    datetime.datetime(2026, 7, 15, 10, 0, tzinfo=UTC),
    datetime.datetime(2026, 1, 9, 23, 0, tzinfo=UTC),
]

# Django setting -> how CLDR writes the same thing (a moment in the active time zone, a locale).
CLDR: dict[str, Callable[[datetime.datetime, str], str]] = {
    "DATE_FORMAT": lambda moment, locale: format_date(moment, "medium", locale=locale),
    "SHORT_DATE_FORMAT": lambda moment, locale: format_date(moment, "short", locale=locale),
    "TIME_FORMAT": lambda moment, locale: format_time(
        moment, "short", tzinfo=moment.tzinfo, locale=locale
    ),
    "DATETIME_FORMAT": lambda moment, locale: format_datetime(
        moment, "medium", tzinfo=moment.tzinfo, locale=locale
    ),
    "SHORT_DATETIME_FORMAT": lambda moment, locale: format_datetime(
        moment, "short", tzinfo=moment.tzinfo, locale=locale
    ),
    "YEAR_MONTH_FORMAT": lambda moment, locale: format_skeleton("yMMMM", moment, locale=locale),
    "MONTH_DAY_FORMAT": lambda moment, locale: format_skeleton("MMMMd", moment, locale=locale),
}

# Django's month-name format characters -> CLDR's month names (context, width).
MONTH_NAMES = {
    "F": ("stand-alone", "wide"),  # the month on its own: "siječanj 2026."
    "E": ("format", "wide"),  # the month in a date: "4. siječnja"
    "N": ("format", "abbreviated"),  # in medium dates: "4. sij 2026."
}


def _medium_date_short_time(moment: datetime.datetime, locale: str) -> str:
    """CLDR's medium date-time pattern around its medium date and its short time."""
    pattern = Locale.parse(locale).datetime_formats["medium"]
    return pattern.replace("{1}", format_date(moment, "medium", locale=locale)).replace(
        "{0}", format_time(moment, "short", tzinfo=moment.tzinfo, locale=locale)
    )


@dataclass(frozen=True)
class Difference:
    languages: tuple[str, ...]
    setting: str  # a Django setting of CLDR, or a month-name format character of MONTH_NAMES
    instead: Callable[[datetime.datetime, str], str] | None  # None: never used in that language
    reason: str


# Every deliberate difference from CLDR, with its reason. Nothing else may differ.
DIFFERENCES = [
    Difference(
        tuple(LANGUAGES),
        "DATETIME_FORMAT",
        _medium_date_short_time,
        "CLDR's medium time has seconds (14:05:09), which say nothing on a post, an edit or a "
        "notification. We keep CLDR's medium date and its way of joining date and time, with "
        "CLDR's short time.",
    ),
    Difference(
        ("en",),
        "N",
        None,
        "Django's English abbreviations are AP style (Jan., March, Sept.). The English formats "
        "use M instead, which gives CLDR's Jan, Mar, Sep, and never N.",
    ),
]


def _difference(language: str, setting: str) -> Difference | None:
    found = [d for d in DIFFERENCES if language in d.languages and d.setting == setting]
    assert len(found) <= 1, f"{language} {setting} is listed twice in DIFFERENCES"
    return found[0] if found else None


def _uses(format_string: str, character: str) -> bool:
    """Whether a Django date format uses `character` as a format character (not escaped)."""
    return re.search(rf"(?<!\\){character}", format_string) is not None


def test_every_shipped_language_has_a_cldr_locale():
    assert set(CLDR_LOCALES) == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("setting", list(CLDR))
def test_formats_match_cldr(language, setting):
    locale = CLDR_LOCALES[language]
    difference = _difference(language, setting)
    with translation.override(language):
        for sample in SAMPLES:
            moment = timezone.localtime(sample)
            ours = formats.date_format(moment, setting)
            cldr = CLDR[setting](moment, locale)
            if difference is None:
                assert ours == cldr, f"{language} {setting}: ours {ours!r}, CLDR {cldr!r}"
            else:
                assert ours != cldr, f"{language} {setting} now matches CLDR: drop its entry"
                assert ours == difference.instead(moment, locale), (language, setting, ours)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("character", list(MONTH_NAMES))
def test_month_names_match_cldr(language, character):
    """Lower-case mid-sentence where the language writes them so, and in the right case."""
    context, width = MONTH_NAMES[character]
    difference = _difference(language, character)
    with translation.override(language):
        if difference is not None:
            assert difference.instead is None
            used = [name for name in CLDR if _uses(formats.get_format(name), character)]
            assert used == [], f"{language} formats use {character}, listed as never used"
            return
        cldr = Locale.parse(CLDR_LOCALES[language]).months[context][width]
        ours = {
            month: dateformat.format(datetime.date(2026, month, 4), character)
            for month in range(1, 13)
        }
    assert ours == dict(cldr.items())
