"""Links to members-only pages, opened while logged out: log in, then back to the page.
Anything narrower (a group's category, case discussions, a waiting or hidden thread, a
hidden profile) answers exactly like a page that does not exist, logged in or not."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from roundtable.accounts.choices import Visibility as ProfileVisibility
from roundtable.accounts.tests.factories import PASSWORD, make_member
from roundtable.forum.tests.factories import make_thread

LOGIN = "/en/accounts/login/"


def _login_next(response) -> str:
    """The `next` of a redirect to the login page (fails on any other answer)."""
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path.endswith("/accounts/login/")
    return parse_qs(location.query)["next"][0]


def _log_in(client, member, next_url: str):
    return client.post(
        LOGIN, {"login": member.email, "password": PASSWORD, "next": next_url}, follow=False
    )


@pytest.fixture
def members_thread(members_category, author):
    return make_thread(members_category, authors=[author], title="Members question kingfisher")


def test_a_logged_out_member_is_asked_to_log_in_and_taken_back_to_the_thread(
    client, members_thread, reader
):
    url = reverse("forum:thread", args=[members_thread.pk]) + "?page=1"

    response = client.get(url)

    assert _login_next(response) == url
    assert "kingfisher" not in response.content.decode()
    after_login = _log_in(client, reader, url)
    assert after_login.status_code == 302
    assert after_login["Location"] == url
    assert "kingfisher" in client.get(url).content.decode()


def test_members_only_category_post_link_and_unread_link_ask_to_log_in(
    client, members_thread, members_category
):
    post = members_thread.posts.get()
    for url in [
        reverse("forum:category", args=[members_category.slug]),
        reverse("forum:post", args=[post.pk]),
        reverse("forum:thread_unread", args=[members_thread.pk]),
        "/hr" + reverse("forum:category", args=[members_category.slug])[3:],
    ]:
        assert _login_next(client.get(url)) == url, url
    # In the page's language: the Croatian link leads to the Croatian login page.
    croatian = client.get(f"/hr/forum/c/{members_category.slug}/")
    assert urlsplit(croatian["Location"]).path == "/hr/accounts/login/"


def test_notifications_and_a_members_profile_ask_to_log_in(client, site):
    profile = make_member(full_name="Ana Members", visibility=ProfileVisibility.MEMBERS).profile
    for url in [
        reverse("notifications:list"),
        reverse("accounts:profile_detail", args=[profile.pk]),
    ]:
        assert _login_next(client.get(url)) == url, url


def test_narrower_content_is_404_for_visitors_and_for_members_who_may_not_read_it(
    client, group_category, case_category, members_category, author, outsider
):
    group_thread = make_thread(group_category, authors=[author], title="Group thread")
    case_thread = make_thread(case_category, authors=[author], title="Case thread")
    waiting = make_thread(members_category, authors=[author], title="Waiting thread")
    waiting.is_approved = False
    waiting.save()
    hidden = make_thread(members_category, authors=[author], title="Hidden thread")
    hidden.is_hidden = True
    hidden.save()
    waiting_post = make_thread(members_category, authors=[author], title="Reply").posts.get()
    waiting_post.is_approved = False
    waiting_post.save()
    hidden_profile = make_member(full_name="Hidden Person", visibility=ProfileVisibility.HIDDEN)
    # Case discussions are for signed-in members, but a visitor must not learn of them.
    case_urls = [
        reverse("forum:category", args=[case_category.slug]),
        reverse("forum:thread", args=[case_thread.pk]),
        reverse("forum:post", args=[case_thread.posts.get().pk]),
    ]
    urls = [
        reverse("forum:category", args=[group_category.slug]),
        reverse("forum:thread", args=[group_thread.pk]),
        reverse("forum:post", args=[group_thread.posts.get().pk]),
        reverse("forum:thread", args=[waiting.pk]),
        reverse("forum:thread", args=[hidden.pk]),
        reverse("forum:post", args=[waiting_post.pk]),
        reverse("accounts:profile_detail", args=[hidden_profile.profile.pk]),
    ]
    nothing_there = [
        reverse("forum:category", args=["no-such-category"]),
        reverse("forum:thread", args=[999_999]),
        reverse("accounts:profile_detail", args=[999_999]),
    ]

    for url in case_urls + urls + nothing_there:
        assert client.get(url).status_code == 404, url
    client.force_login(outsider)
    for url in urls + nothing_there:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "https:/evil.example/"]
)
def test_next_never_leads_off_the_site(client, members_category, reader, target):
    response = _log_in(client, reader, target)

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.netloc in ("", "testserver")
    assert not response["Location"].startswith("//")
    assert "evil.example" not in response["Location"]
