"""The translation dashboard: every item against every language, with honest states."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from roundtable.accounts.tests.factories import make_member
from roundtable.news.tests.factories import make_article, make_topic, translate_article
from roundtable.notifications.models import Notification
from roundtable.translations.models import TranslatorLanguage
from roundtable.translations.selectors import State, page_translation, progress_for

pytestmark = pytest.mark.django_db
DASHBOARD = "/admin/translations/"


def _cell(soup: BeautifulSoup, article, code: str):
    row = soup.select_one(f'tr[data-item="{article.translation_key}"]')
    return row.select_one(f'td[data-language="{code}"]')


def _dashboard(client, **params) -> BeautifulSoup:
    response = client.get(DASHBOARD, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_dashboard_shows_partial_croatian_with_the_figure_the_page_shows(editor_client, news_index):
    article = make_article(news_index)
    translate_article(article, "sq")
    croatian = translate_article(article, "hr", skip_paragraphs=[2])
    page_percent = page_translation(croatian).progress.percent
    total = StringSegment.objects.filter(
        source=TranslationSource.objects.get(object_id=article.translation_key)
    ).count()

    soup = _dashboard(editor_client)

    hr_cell = _cell(soup, article, "hr")
    assert hr_cell["data-state"] == State.PARTIAL
    assert f"{total - 1} of {total}, {page_percent} %" in hr_cell.text
    assert _cell(soup, article, "sq")["data-state"] == State.COMPLETE
    assert _cell(soup, article, "mk")["data-state"] == State.MISSING
    # Missing translations link to wagtail-localize's "translate this page".
    assert _cell(soup, article, "mk").a["href"] == reverse(
        "wagtail_localize:submit_page_translation", args=[article.pk]
    )


def test_editing_the_english_source_turns_both_translations_outdated(editor_client, news_index):
    article = make_article(news_index)
    translate_article(article, "sq")
    translate_article(article, "hr", skip_paragraphs=[2])

    article.title = "Six agencies meet around one child — updated"
    article.save_revision().publish()

    soup = _dashboard(editor_client)
    assert _cell(soup, article, "sq")["data-state"] == State.OUTDATED
    assert _cell(soup, article, "hr")["data-state"] == State.OUTDATED
    # The readers of the Croatian page are told too.
    croatian = article.get_translation(Locale.objects.get(language_code="hr"))
    assert page_translation(croatian).progress.state == State.OUTDATED


def test_translators_of_each_target_language_are_notified_in_app_and_by_mail(
    news_index, django_capture_on_commit_callbacks
):
    article = make_article(news_index)
    translate_article(article, "sq")
    translate_article(article, "hr")
    from roundtable.accounts.tests.factories import make_code_of_conduct

    make_code_of_conduct(version=1)
    albanian_translator = make_member(full_name="Arta Translator", username="arta")
    croatian_translator = make_member(full_name="Ivana Translator", username="ivana")
    bystander = make_member(full_name="Not A Translator", username="nobody")
    TranslatorLanguage.objects.create(
        user=albanian_translator, locale=Locale.objects.get(language_code="sq")
    )
    TranslatorLanguage.objects.create(
        user=croatian_translator, locale=Locale.objects.get(language_code="hr")
    )
    mail.outbox.clear()

    article.title = "A changed title"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    assert Notification.objects.filter(recipient=albanian_translator).count() == 1
    assert Notification.objects.filter(recipient=croatian_translator).count() == 1
    assert not Notification.objects.filter(recipient=bystander).exists()
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([albanian_translator.email, croatian_translator.email])
    albanian_mail = next(m for m in mail.outbox if m.to == [albanian_translator.email])
    # Each translator is written to in the language they translate into.
    assert "A changed title" in albanian_mail.subject
    assert "shqip" in albanian_mail.subject.lower()


def test_machine_translated_strings_are_flagged_unreviewed(editor_client, news_index):
    article = make_article(news_index)
    translate_article(article, "sq")
    StringTranslation.objects.filter(locale__language_code="sq").update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )

    soup = _dashboard(editor_client, language="sq")

    assert _cell(soup, article, "sq")["data-state"] == State.MACHINE
    assert _cell(soup, article, "hr") is None  # only the chosen language is shown


def test_filters_by_kind_state_and_series_and_totals_per_language(editor_client, home, news_index):
    from roundtable.news.tests.factories import make_series

    series = make_series(home)
    in_series = make_article(news_index, title="In the series", series=series)
    outside = make_article(news_index, title="Outside the series")
    translate_article(in_series, "hr", skip_paragraphs=[0])
    make_topic("foster-care", {"en": "Foster care", "hr": "Udomiteljstvo"})

    soup = _dashboard(editor_client, kind="news", state="partial", language="hr")
    items = [row["data-item"] for row in soup.select("tr[data-item]")]
    assert items == [str(in_series.translation_key)]
    totals = soup.select_one('table.totals tr[data-language="hr"]')
    assert totals.select_one('td[data-state="partial"]').text.strip() == "1"

    soup = _dashboard(editor_client, series=str(series.translation_key), kind="news")
    items = {row["data-item"] for row in soup.select("tr[data-item]")}
    assert items == {str(in_series.translation_key)}
    assert str(outside.translation_key) not in items

    soup = _dashboard(editor_client, kind="topic")
    assert "Foster care" in soup.select_one("table.translation-states").text


def test_dashboard_query_count_does_not_grow_with_items(
    editor_client, news_index, django_assert_max_num_queries
):
    def measure() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(DASHBOARD).status_code == 200
        return len(queries)

    for number in range(3):
        translate_article(make_article(news_index, title=f"Small {number}"), "hr")
    small = measure()
    for number in range(12):
        translate_article(make_article(news_index, title=f"Large {number}"), "sq")
    assert measure() == small
    with django_assert_max_num_queries(small):
        editor_client.get(DASHBOARD)


def test_anonymous_visitors_and_ordinary_members_cannot_open_the_dashboard(client, db):
    from roundtable.accounts.tests.factories import make_code_of_conduct

    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert "login" in response["Location"]

    make_code_of_conduct(version=1)
    client.force_login(make_member(full_name="Plain Member", username="plain"))
    response = client.get(DASHBOARD)
    assert response.status_code in (302, 403)
    assert b"translation-states" not in response.content


def test_progress_for_a_page_never_translated_is_missing(news_index):
    article = make_article(news_index)
    hr = Locale.objects.get(language_code="hr")
    assert progress_for([article], [hr])[(article.translation_key, hr.pk)].state == State.MISSING
