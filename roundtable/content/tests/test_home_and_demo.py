import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale, Page

from roundtable.accounts.models import CodeOfConduct, ConductAcceptance, Profile
from roundtable.content.models import Funder, HomePage

pytestmark = pytest.mark.django_db


def _counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "homes": HomePage.objects.count(),
        "locales": Locale.objects.count(),
        "funders": Funder.objects.count(),
        "users": get_user_model().objects.count(),
        "profiles": Profile.objects.count(),
        "codes": CodeOfConduct.objects.count(),
        "acceptances": ConductAcceptance.objects.count(),
    }


def test_demo_runs_twice_without_duplicating_anything(demo):
    first = _counts()
    call_command("demo", verbosity=0)
    assert _counts() == first
    assert first["homes"] == len(settings.LANGUAGES)
    assert first["codes"] == len(settings.LANGUAGES)
    assert first["profiles"] >= 20


def test_demo_members_come_from_several_countries_and_professions(demo):
    profiles = Profile.objects.exclude(full_name="")
    assert profiles.values("country").distinct().count() >= 8
    assert profiles.values("profession").distinct().count() >= 6


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_home_page_exists_in_every_language(client, demo, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    home = HomePage.objects.get(locale__language_code=code)
    assert home.title in html


def test_footer_credits_funders_and_lists_languages(client, demo):
    html = client.get("/hr/").content.decode()
    footer = html.split('class="site-footer"')[1]
    assert "Adriatic Children&#x27;s Fund" in footer or "Adriatic Children's Fund" in footer
    assert 'lang="sq">Shqip</a>' in footer
    assert 'lang="mk">Македонски</a>' in footer


def test_demo_login_account_can_sign_in(client, demo):
    response = client.post(
        "/en/accounts/login/", {"login": "demo@roundtable.example", "password": "roundtable-demo"}
    )
    assert response.status_code == 302
    assert client.get("/en/members/").status_code == 200


def test_home_page_query_count_is_bounded(client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        assert client.get("/en/").status_code == 200
