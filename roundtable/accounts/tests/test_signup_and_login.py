import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core import mail

from roundtable.accounts.models import Profile
from roundtable.accounts.tests.factories import PASSWORD, UserFactory, make_member

pytestmark = pytest.mark.django_db


def _signup(client, email="new.member@example.org", language="en"):
    return client.post(
        f"/{language}/accounts/signup/",
        {
            "email": email,
            "password1": "kind-harbour-lantern-42",
            "password2": "kind-harbour-lantern-42",
        },
    )


def test_signup_sends_a_verification_mail_and_creates_a_profile(client, code_of_conduct):
    response = _signup(client)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="new.member@example.org")
    assert Profile.objects.filter(user=user).exists()
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.member@example.org"]
    assert "/en/accounts/confirm-email/" in mail.outbox[0].body


def test_verification_mail_is_written_in_the_language_of_the_sign_up_page(client, code_of_conduct):
    _signup(client, language="sq")
    assert "/sq/accounts/confirm-email/" in mail.outbox[0].body


def test_confirming_the_email_logs_in_and_leads_to_the_code_of_conduct(client, code_of_conduct):
    _signup(client)
    link = re.search(
        r"https?://[^/]+(/en/accounts/confirm-email/[^\s]+)", mail.outbox[0].body
    ).group(1)
    response = client.post(link)
    assert response.status_code == 302
    follow = client.get(response["Location"])
    assert follow.status_code == 302
    assert follow["Location"].startswith("/en/code-of-conduct/")
    assert EmailAddress.objects.get(email="new.member@example.org").verified


def test_unverified_member_cannot_log_in(client, code_of_conduct):
    _signup(client)
    client.logout()
    mail.outbox.clear()
    response = client.post(
        "/en/accounts/login/",
        {"login": "new.member@example.org", "password": "kind-harbour-lantern-42"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session


def test_weak_password_is_refused_with_a_message(client):
    response = client.post(
        "/en/accounts/signup/", {"email": "x@example.org", "password1": "123", "password2": "123"}
    )
    assert response.status_code == 200
    assert get_user_model().objects.count() == 0
    assert "too short" in response.content.decode()


def test_login_is_rate_limited_after_repeated_failures(client, member):
    for _ in range(5):
        response = client.post("/en/accounts/login/", {"login": member.email, "password": "wrong"})
        assert response.status_code == 200
    response = client.post("/en/accounts/login/", {"login": member.email, "password": "wrong"})
    assert "Too many failed login attempts" in response.content.decode()
    response = client.post("/en/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_signup_is_rate_limited(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/h/ip"}
    for i in range(2):
        _signup(client, email=f"person{i}@example.org")
        client.logout()
    response = _signup(client, email="third@example.org")
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert not get_user_model().objects.filter(email="third@example.org").exists()


def test_password_reset_sends_a_link_and_is_rate_limited(client, member, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "reset_password": "2/h/ip"}
    for _ in range(2):
        client.post("/en/accounts/password/reset/", {"email": member.email})
    assert len(mail.outbox) == 2
    assert "/en/accounts/password/reset/key/" in mail.outbox[0].body
    response = client.post("/en/accounts/password/reset/", {"email": member.email})
    assert response.status_code == 429
    assert len(mail.outbox) == 2


def test_staff_without_an_authenticator_must_set_one_up(client, code_of_conduct):
    staff = make_member(full_name="Editor Person", is_staff=True)
    client.force_login(staff)
    for url in ["/en/members/", "/admin/", "/en/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/en/accounts/2fa/totp/activate/"
    # Setting up an authenticator first asks for the password again (allauth reauthentication).
    response = client.get("/en/accounts/2fa/totp/activate/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/en/accounts/reauthenticate/")


def test_staff_with_an_authenticator_may_work(client, code_of_conduct):
    staff = make_member(full_name="Editor Person", is_staff=True)
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(staff)
    assert client.get("/en/members/").status_code == 200


def test_members_who_are_not_staff_are_not_forced_to_use_mfa(client, member):
    client.force_login(member)
    assert client.get("/en/members/").status_code == 200


def test_logout_needs_a_post(client, member):
    client.force_login(member)
    client.get("/en/accounts/logout/")
    assert "_auth_user_id" in client.session
    client.post("/en/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_login_page_is_translated(client):
    html = client.get("/sq/accounts/login/").content.decode()
    assert '<html lang="sq">' in html
    assert UserFactory._meta.model.objects.count() == 0
