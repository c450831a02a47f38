"""Removing a document from the reading list page: a POST form (CSRF, no JavaScript
needed), idempotent, and only for the list's owner."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from roundtable.library.models import ReadingListItem
from roundtable.library.services import reading_list_add
from roundtable.library.tests.factories import make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept(member):
    entry = make_entry(title="Protocol on children in street situations", slug="street-protocol")
    return reading_list_add(user=member, entry=entry)


def test_the_reading_list_page_has_a_remove_form_that_works_without_javascript(
    client, member, kept
):
    client.force_login(member)
    soup = BeautifulSoup(client.get("/en/library/reading-list/").content, "html.parser")
    form = soup.select_one(".entry-card form")
    assert form["method"] == "post"
    assert form.select_one('input[name="csrfmiddlewaretoken"]') is not None
    assert form.select_one('button[type="submit"]').get_text(strip=True) == (
        "Remove from my reading list"
    )

    response = client.post(form["action"], {"page": "1"})
    assert response.status_code == 302
    assert response["Location"] == "/en/library/reading-list/"
    assert not ReadingListItem.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Removed from your reading list." in page
    assert "Protocol on children in street situations" not in page

    # Sent again (a reload, a double click): nothing to remove, no error.
    assert client.post(form["action"]).status_code == 302


def test_the_form_needs_a_csrf_token(member, kept):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post(f"/en/library/reading-list/{kept.pk}/remove/")
    assert response.status_code == 403
    assert ReadingListItem.objects.filter(pk=kept.pk).exists()


def test_only_the_owner_can_remove_an_item(client, other_member, kept):
    client.force_login(other_member)
    client.post(f"/en/library/reading-list/{kept.pk}/remove/")
    assert ReadingListItem.objects.filter(pk=kept.pk).exists()


def test_removing_needs_post_and_a_login(client, member, kept):
    url = f"/en/library/reading-list/{kept.pk}/remove/"
    assert client.post(url)["Location"].startswith("/en/accounts/login/")
    client.force_login(member)
    assert client.get(url).status_code == 405
    assert ReadingListItem.objects.filter(pk=kept.pk).exists()
