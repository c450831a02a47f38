"""Every date on the site is one `<time>` from the `time` tag: the reader's language and time
zone in the text, a valid machine-readable moment without microseconds in the attribute."""

import datetime
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.template import Context, Template
from django.utils import formats, timezone, translation
from django.utils.dateparse import parse_datetime

from roundtable.accounts.tests.factories import give_totp
from roundtable.forum.models import Category, Suspension, Thread
from roundtable.forum.services import check_can_post

ROOT = Path(settings.BASE_DIR) / "roundtable"
# HTML's valid date string, or its valid global date and time string to the second, in UTC.
MACHINE_READABLE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?")

TWO_THIRTY = datetime.datetime(2026, 12, 2, 1, 30, tzinfo=datetime.UTC)  # 02:30 in Belgrade
AFTERNOON = datetime.datetime(2026, 3, 4, 13, 5, 9, 123456, tzinfo=datetime.UTC)  # 14:05:09

# What a reader sees, per language: TWO_THIRTY as "date" and "medium", AFTERNOON as "short".
# Compared with CLDR (all of them, on more samples) in roundtable/formats/tests/test_cldr.py.
SHOWN = {
    "en": ("Dec 2, 2026", "Dec 2, 2026, 2:30\u202fAM", "3/4/26, 2:05\u202fPM"),
    "sq": ("2 dhj 2026", "2 dhj 2026, 2:30\u202fp.d.", "4.3.26, 2:05\u202fm.d."),
    "hr": ("2. pro 2026.", "2. pro 2026. 02:30", "04. 03. 2026. 14:05"),
    "sr-latn": ("2. 12. 2026.", "2. 12. 2026. 02:30", "4. 3. 2026. 14:05"),
    "cnr": ("2. 12. 2026.", "2. 12. 2026. 02:30", "4. 3. 2026. 14:05"),
    "bs": ("2. dec 2026.", "2. dec 2026. 02:30", "4. 3. 2026. 14:05"),
    "mk": ("2 дек. 2026\u202fг.", "2 дек. 2026\u202fг., 02:30", "4.3.2026\u202fг., 14:05"),
    "ro": ("2 dec. 2026", "2 dec. 2026, 02:30", "04.03.2026, 14:05"),
    "bg": ("2.12.2026\u202fг.", "2.12.2026\u202fг., 2:30", "4.03.26\u202fг., 14:05"),
    "hu": ("2026. dec. 2.", "2026. dec. 2. 2:30", "2026. 03. 04. 14:05"),
}


def _render(source: str, **context) -> str:
    return Template("{% load roundtable %}" + source).render(Context(context))


def test_every_language_is_shown():
    assert set(SHOWN) == {code for code, _name in settings.LANGUAGES}


@pytest.mark.parametrize("language", list(SHOWN))
def test_time_tag_in_every_language(language):
    with translation.override(language):
        html = _render(
            '{% time a "date" %}|{% time a "medium" %}|{% time b "short" %}',
            a=TWO_THIRTY,
            b=AFTERNOON,
        )
    date, medium, short = SHOWN[language]
    assert html == (
        f'<time datetime="2026-12-02T01:30:00Z">{date}</time>|'
        f'<time datetime="2026-12-02T01:30:00Z">{medium}</time>|'
        f'<time datetime="2026-03-04T13:05:09Z">{short}</time>'
    )


def test_time_tag_attribute_is_valid_html_without_microseconds():
    belgrade = timezone.localtime(AFTERNOON)  # 14:05:09.123456+01:00
    assert _render('{% time t "time" %}', t=belgrade) == (
        '<time datetime="2026-03-04T13:05:09Z">2:05\u202fPM</time>'
    )
    assert _render('{% time d "date" %}', d=datetime.date(2026, 3, 4)) == (
        '<time datetime="2026-03-04">Mar 4, 2026</time>'
    )
    assert _render('{% time d "short_date" %}', d=datetime.date(2026, 3, 4)) == (
        '<time datetime="2026-03-04">3/4/26</time>'
    )
    assert _render('{% time nothing "medium" %}', nothing=None) == ""


def test_time_tag_refuses_what_it_cannot_show():
    with pytest.raises(ValueError, match="Unknown time style"):
        _render('{% time t "long" %}', t=TWO_THIRTY)
    with pytest.raises(ValueError, match="no time of day"):
        _render('{% time d "medium" %}', d=datetime.date(2026, 3, 4))


def test_every_time_element_comes_from_the_tag():
    """No template or Python module writes its own `<time>` (only core/dates.py does)."""
    own = ROOT / "core" / "dates.py"
    found = [
        str(path.relative_to(ROOT))
        for pattern in ("*.html", "*.txt", "*.py")
        for path in ROOT.rglob(pattern)
        if "tests" not in path.parts and path != own and "<time" in path.read_text()
    ]
    assert found == []


def _times(html: str):
    return BeautifulSoup(html, "html.parser").find_all("time")


@pytest.fixture
def demo_member(client, demo):
    client.force_login(get_user_model().objects.get(username="demo"))
    return client


@pytest.mark.parametrize("language", ["en", "mk"])
def test_no_time_on_the_demo_pages_has_microseconds(client, demo, language):
    """The demo's moments are all `now()` and so have microseconds; no page may show them."""
    # Threads belong to the English categories, which every language shows under one slug.
    thread = Thread.objects.filter(category__locale__language_code="en").first()
    pages = [
        f"/{language}/",
        f"/{language}/news/",
        f"/{language}/forum/",
        f"/{language}/forum/t/{thread.pk}/",
        f"/{language}/forum/search/?q=conference",
        f"/{language}/notifications/",
        f"/{language}/forum/moderation/",
        f"/{language}/forum/moderation/log/",
    ]
    categories = Category.objects.filter(locale__language_code="en")
    pages += [f"/{language}/forum/c/{category.slug}/" for category in categories]
    moderator = give_totp(get_user_model().objects.get(username="petra"))
    client.force_login(moderator)
    seen = 0
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        for element in _times(response.content.decode()):
            assert MACHINE_READABLE.fullmatch(element["datetime"]), (url, str(element))
            assert element.get_text().strip(), (url, str(element))
            seen += 1
    assert seen > 20


@pytest.mark.parametrize("language", ["en", "hr"])
def test_case_discussions_rows_show_dates_one_way(demo_member, language):
    """Issue #11: one row said "Dec. 2, 2026" and "12/02/2026 2:30 a.m."."""
    slug = "case-discussions"
    html = demo_member.get(f"/{language}/forum/c/{slug}/").content.decode()
    rows = BeautifulSoup(html, "html.parser").select("tbody tr")
    assert rows
    with translation.override(language):
        for row in rows:
            times = row.find_all("time")
            assert len(times) == 2
            for element in times:
                moment = timezone.localtime(parse_datetime(element["datetime"]))
                # Every date in the row is written the DATE_FORMAT way, a time may follow.
                assert element.get_text().startswith(formats.date_format(moment, "DATE_FORMAT"))


def test_suspension_notice_shows_the_date_in_the_reader_language(demo):
    user = get_user_model().objects.get(username="demo")
    until = datetime.datetime(2099, 3, 4, 13, 5, tzinfo=datetime.UTC)  # 14:05 in Belgrade
    Suspension.objects.create(user=user, until=until, reason="")
    thread = Thread.objects.filter(category__locale__language_code="en").first()
    with translation.override("hr"), timezone.override("Europe/Belgrade"):
        shown = formats.date_format(timezone.localtime(until), "DATETIME_FORMAT")
        with pytest.raises(PermissionDenied) as refused:
            check_can_post(user, category=thread.category)
    # "4. ožu 2099. 14:05" once the month names are CLDR's; it said "2099-03-04 14:05".
    assert shown in str(refused.value) and "2099-03-04" not in str(refused.value)
