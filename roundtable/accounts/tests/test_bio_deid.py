"""A member's bio is checked for details that could identify a child or a family before
the profile is saved."""

import pytest
from django.urls import reverse

from roundtable.accounts.models import Profile

pytestmark = pytest.mark.django_db

BIO = "Ten years in foster care. Last year I placed the girl Marija with her aunt."


def _data(**overrides):
    data = {
        "full_name": "Jovana Marić",
        "profession": "psychologist",
        "organisation": "Centre for Social Work Nikšić",
        "country": "ME",
        "municipality": "Nikšić",
        "bio": BIO,
        "visibility": "members",
    }
    data.update(overrides)
    return data


def test_a_flagged_bio_is_highlighted_and_nothing_saved(client, member):
    client.force_login(member)
    before = Profile.objects.get(user=member).bio
    response = client.post(reverse("accounts:profile_edit"), _data())
    page = response.content.decode()
    assert response.status_code == 200
    assert '<mark title="Person&#x27;s name">Marija</mark>' in page
    assert "Nothing has been saved yet" in page
    assert Profile.objects.get(user=member).bio == before

    confirm = page.split('name="confirm_all" value="', 1)[1].split('"', 1)[0]
    response = client.post(reverse("accounts:profile_edit"), {**_data(), "confirm_all": confirm})
    assert response.status_code == 302
    assert Profile.objects.get(user=member).bio == BIO


def test_a_clean_bio_saves_without_a_question(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:profile_edit"), _data(bio="Ten years in foster care."))
    assert response.status_code == 302
