"""Ten interface languages: URLs, negotiation, switcher, hreflang and translated pages."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def home_pages(db):
    from roundtable.content import demo

    demo.create_locales()
    demo.create_home_pages()


def test_the_first_visit_follows_accept_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sq,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/sq/"


def test_montenegrin_is_negotiated_like_any_other_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="cnr")
    assert response["Location"] == "/cnr/"


def test_a_chosen_language_is_remembered_over_accept_language(client, home_pages):
    client.get("/hr/")
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sq")
    assert response["Location"] == "/hr/"


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_language_renders_its_translated_interface(client, code, home_pages):
    from django.utils import translation

    response = client.get(f"/{code}/members/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    with translation.override(code):
        heading = translation.gettext("Member directory")
        skip = translation.gettext("Skip to main content")
    assert heading in html
    assert skip in html
    if code != "en":
        assert heading != "Member directory"
        assert "Skip to main content" not in html


def test_switcher_keeps_the_reader_on_the_same_page(client, home_pages):
    html = client.get("/en/members/?profession=police").content.decode()
    assert 'href="/sq/members/?profession=police" hreflang="sq" lang="sq"' in html
    assert 'href="/cnr/members/?profession=police" hreflang="cnr" lang="cnr"' in html


def test_hreflang_alternates_list_every_language(client, home_pages, settings):
    settings.SITE_URL = "https://roundtable.example"
    # On SITE_URL's host, whatever host the request came through.
    html = client.get("/en/members/", HTTP_HOST="testserver").content.decode()
    site = "https://roundtable.example"
    for code in LANGUAGE_CODES:
        assert f'<link rel="alternate" hreflang="{code}" href="{site}/{code}/members/">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{site}/en/members/">' in html


def test_home_page_switcher_links_to_each_translation(client, home_pages):
    html = client.get("/sq/").content.decode()
    assert '<html lang="sq">' in html
    assert "profesionistët e mbrojtjes së fëmijëve" in html
    for code in LANGUAGE_CODES:
        assert f'href="/{code}/" hreflang="{code}"' in html


def test_dates_follow_the_locale(client, code_of_conduct_in_force):
    html = client.get("/sq/code-of-conduct/").content.decode()
    # CLDR's medium dates (roundtable/formats, checked against Babel in formats/tests).
    assert "1 mar 2026" in html
    html = client.get("/cnr/code-of-conduct/").content.decode()
    assert "1. 3. 2026." in html


@pytest.fixture
def code_of_conduct_in_force(db):
    import datetime

    from roundtable.accounts.tests.factories import make_code_of_conduct

    return make_code_of_conduct(effective_from=datetime.date(2026, 3, 1))
