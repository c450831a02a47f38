import pytest
from django.urls import reverse
from wagtail.models import Locale

from roundtable.accounts.models import ConductAcceptance
from roundtable.accounts.tests.factories import UserFactory, make_code_of_conduct, make_member

pytestmark = pytest.mark.django_db
CONDUCT = "/en/code-of-conduct/"


def test_new_member_is_sent_to_the_code_before_anything_else(client, code_of_conduct):
    user = UserFactory()
    client.force_login(user)
    response = client.get("/en/members/")
    assert response.status_code == 302
    assert response["Location"] == f"{CONDUCT}?next=%2Fen%2Fmembers%2F"


def test_accepting_records_version_language_and_date_then_continues(client, code_of_conduct):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/hr/code-of-conduct/", {"accept": "on", "version": 1, "next": "/hr/members/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/hr/members/"
    acceptance = ConductAcceptance.objects.get(user=user)
    assert (acceptance.version, acceptance.language) == (1, "hr")
    assert acceptance.accepted_at is not None
    assert client.get("/hr/members/").status_code == 200


def test_not_ticking_the_box_changes_nothing(client, code_of_conduct):
    user = UserFactory()
    client.force_login(user)
    response = client.post(CONDUCT, {"version": 1})
    assert response.status_code == 200
    assert "Tick the box" in response.content.decode()
    assert not ConductAcceptance.objects.filter(user=user).exists()


def test_a_new_version_asks_members_again(client, member):
    client.force_login(member)
    assert client.get("/en/members/").status_code == 200
    make_code_of_conduct(version=2, title="Code of conduct, second edition")
    response = client.get("/en/members/")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "second edition" in page
    assert "has changed since you last accepted it" in page
    client.post(CONDUCT, {"accept": "on", "version": 2})
    assert client.get("/en/members/").status_code == 200
    assert list(
        member.conduct_acceptances.order_by("version").values_list("version", flat=True)
    ) == [1, 2]


def test_accepting_an_outdated_version_does_not_count(client, code_of_conduct):
    user = UserFactory()
    client.force_login(user)
    make_code_of_conduct(version=2)
    client.post(CONDUCT, {"accept": "on", "version": 1})
    assert not ConductAcceptance.objects.filter(user=user).exists()


def test_the_code_is_shown_in_the_readers_language_when_translated(client, code_of_conduct):
    albanian, _ = Locale.objects.get_or_create(language_code="sq")
    translation = code_of_conduct.copy_for_translation(albanian)
    translation.title = "Kodi i sjelljes"
    translation.save()
    assert "Kodi i sjelljes" in client.get("/sq/code-of-conduct/").content.decode()
    assert "Code of conduct v1" in client.get("/hr/code-of-conduct/").content.decode()


def test_anonymous_visitors_can_read_but_not_accept(client, code_of_conduct):
    assert client.get(CONDUCT).status_code == 200
    response = client.post(CONDUCT, {"accept": "on", "version": 1})
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert ConductAcceptance.objects.count() == 0


def test_next_must_stay_on_this_site(client, code_of_conduct):
    user = UserFactory()
    client.force_login(user)
    response = client.post(CONDUCT, {"accept": "on", "version": 1, "next": "https://evil.example/"})
    assert response["Location"] == reverse("accounts:profile_edit")


def test_members_who_accepted_see_when(client, code_of_conduct):
    user = make_member(full_name="Ana Test")
    client.force_login(user)
    assert "You accepted version 1" in client.get(CONDUCT).content.decode()
