"""Passwords that contain the site's name are refused, at sign-up and when changed."""

import pytest
from django.contrib.auth import get_user_model

from roundtable.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

SITE_NAME_PASSWORDS = [
    "Roundtable-2026!",
    "my-ROUNDTABLE-pass",
    "round table harbour 42",
    "Rоundtable-harbour-42",  # a Cyrillic "о"
    "rõundtáble-harbour-42",
]


@pytest.mark.parametrize("password", SITE_NAME_PASSWORDS)
def test_signup_refuses_a_password_with_the_site_name(client, code_of_conduct, password):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "new.member@example.org", "password1": password, "password2": password},
    )
    assert response.status_code == 200
    assert "must not contain the name of the site" in response.content.decode()
    assert not get_user_model().objects.filter(email="new.member@example.org").exists()


@pytest.mark.parametrize("password", SITE_NAME_PASSWORDS[:2])
def test_change_password_refuses_a_password_with_the_site_name(client, member, password):
    client.force_login(member)
    response = client.post(
        "/en/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": password, "password2": password},
    )
    assert response.status_code == 200
    assert "must not contain the name of the site" in response.content.decode()
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_change_password_accepts_an_unrelated_password(client, member):
    client.force_login(member)
    response = client.post(
        "/en/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "kind-harbour-lantern-42",
            "password2": "kind-harbour-lantern-42",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("kind-harbour-lantern-42")
