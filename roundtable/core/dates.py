"""Dates and times as readers see them: every `<time>` on the site comes from `time_element`.

The text follows the reader's language (our format modules in roundtable/formats, which follow
CLDR) in the active time zone. The `datetime` attribute is for machines: a valid HTML date, or
a global date and time in UTC to the second (HTML allows fractions, but nobody needs them and
they made 111 of the Nu Html Checker's errors in issue #11).
"""

import datetime

from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

# Style -> Django format setting. "date" and "short_date" also take a date; the others need a
# datetime. One list row shows its dates in one style, so that it never mixes two.
STYLES = {
    "date": "DATE_FORMAT",  # Dec 2, 2026 (in English)
    "short_date": "SHORT_DATE_FORMAT",  # 12/2/26
    "medium": "DATETIME_FORMAT",  # Dec 2, 2026, 2:30 AM
    "short": "SHORT_DATETIME_FORMAT",  # 12/2/26, 2:30 AM
    "time": "TIME_FORMAT",  # 2:30 AM
}
_DATE_STYLES = ("date", "short_date")


def machine_readable(value: datetime.date) -> str:
    """`value` as the HTML `datetime` attribute wants it, without microseconds."""
    if not isinstance(value, datetime.datetime):
        return value.isoformat()
    value = value.replace(microsecond=0)
    if timezone.is_naive(value):
        return value.isoformat()  # a "local date and time": the site always stores aware ones
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def time_element(value: datetime.date | None, style: str = "medium") -> SafeString | str:
    """`<time datetime="…">…</time>` for a date or datetime, or "" for None."""
    if value is None or value == "":
        return ""
    if style not in STYLES:
        raise ValueError(f"Unknown time style {style!r}; use one of {', '.join(STYLES)}")
    shown = value
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            shown = timezone.localtime(value)
    elif style not in _DATE_STYLES:
        raise ValueError("A date has no time of day: use the style 'date' or 'short_date'")
    return format_html(
        '<time datetime="{}">{}</time>',
        machine_readable(value),
        formats.date_format(shown, STYLES[style]),
    )
