"""Pages for a signed-in member are never stored by a shared cache (proxy, CDN)."""

import pytest

from roundtable.accounts.tests.factories import make_member

pytestmark = pytest.mark.django_db


def test_a_member_page_is_private(client):
    client.force_login(make_member(full_name="Mira Member", username="mira"))
    response = client.get("/en/profile/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_every_response_to_a_signed_in_member_is_private(client):
    client.force_login(make_member(full_name="Mira Member", username="mira"))
    response = client.get("/en/library/")
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_stricter_no_store_is_kept(client):
    client.force_login(make_member(full_name="Mira Member", username="mira"))
    response = client.get("/healthz")
    assert "no-store" in response["Cache-Control"]


def test_a_response_that_sets_a_cookie_is_private(client):
    # A first visit to a language-prefixed page remembers the language in a cookie.
    response = client.get("/en/library/")
    assert "django_language" in response.cookies
    assert "private" in response["Cache-Control"]


def test_a_page_for_a_visitor_without_cookies_stays_cacheable(client):
    response = client.get("/sitemap.xml")
    assert not response.cookies
    assert "private" not in response.get("Cache-Control", "")
