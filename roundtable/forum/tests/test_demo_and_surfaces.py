"""The demo forum, and the forum on the shared surfaces: navigation, home page, series
page and site search — each showing only what the viewer may read."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command

from roundtable.content.models import SeriesPage
from roundtable.core import deid
from roundtable.forum.models import Category, Post, Thread

FOLLOW_UP = "After the regional conference in Prizren: what we agreed"
CASE = "Girl of 11 refusing contact with her father after a court decision"


@pytest.fixture
def demo_member(client, demo):
    client.force_login(get_user_model().objects.get(username="demo"))
    return client


def _counts():
    return (Category.objects.count(), Thread.objects.count(), Post.objects.count())


def test_demo_forum_is_complete_and_loads_once(demo):
    before = _counts()
    call_command("demo", verbosity=0)
    assert _counts() == before
    assert Category.objects.filter(locale__language_code="en").count() == 6
    # Every category is named in every language.
    assert Category.objects.count() == 6 * 10
    follow_up = Thread.objects.get(title=FOLLOW_UP)
    posts = follow_up.posts.select_related("author__profile")
    assert follow_up.posts_count == 7 == posts.count()
    assert len({post.author.profile.country for post in posts}) == 7
    assert len({post.author.profile.profession for post in posts}) >= 3
    case = Thread.objects.get(title=CASE)
    assert case.category.is_case_discussion and case.is_approved
    assert all(deid.scan(post.body) == [] for post in case.posts.all())


def test_demo_member_sees_seven_new_posts(demo_member):
    html = demo_member.get("/en/forum/c/events-and-follow-ups/").content.decode()
    row = BeautifulSoup(html, "html.parser").find("a", string=FOLLOW_UP).find_parent("tr")
    assert " ".join(row.select_one(".post-count").get_text().split()) == "7 posts / 7 new"


def test_category_names_follow_the_reader_language(demo_member):
    html = demo_member.get("/sq/forum/").content.decode()
    assert "Ngjarje dhe hapa pasues" in html
    assert '<html lang="sq">' in html


def test_forum_is_in_the_navigation(client, demo):
    soup = BeautifulSoup(client.get("/hr/").content, "html.parser")
    assert soup.select_one('.main-nav a[href="/hr/forum/"]') is not None


def test_home_page_lists_discussions_the_viewer_may_read(client, demo):
    anonymous = client.get("/en/").content.decode()
    assert "How do you prepare a child for a multi-disciplinary meeting?" in anonymous
    assert CASE not in anonymous and FOLLOW_UP not in anonymous
    client.force_login(get_user_model().objects.get(username="demo"))
    member = client.get("/en/").content.decode()
    assert CASE in member and "Our next session: boundaries with families" in member


def test_series_page_lists_its_discussions_for_members(client, demo):
    series = SeriesPage.objects.get(locale__language_code="en", slug="multi-disciplinary-team-work")
    assert FOLLOW_UP not in client.get(series.url).content.decode()
    client.force_login(get_user_model().objects.get(username="demo"))
    html = client.get(series.url).content.decode()
    assert "Discussions" in html and FOLLOW_UP in html


def test_site_search_finds_forum_posts(demo_member, client):
    html = demo_member.get("/en/search/", {"q": "referral form"}).content.decode()
    assert FOLLOW_UP in html
    client.logout()
    assert FOLLOW_UP not in client.get("/en/search/", {"q": "referral form"}).content.decode()


def test_group_category_stays_closed_to_members_outside_it(client, demo):
    client.force_login(get_user_model().objects.get(username="marko"))
    assert "Mentoring circle 2026" not in client.get("/en/forum/").content.decode()
    client.force_login(get_user_model().objects.get(username="demo"))
    assert "Mentoring circle 2026" in client.get("/en/forum/").content.decode()


def test_demo_member_can_reply_at_once(demo_member, django_capture_on_commit_callbacks):
    follow_up = Thread.objects.get(title=FOLLOW_UP)
    with django_capture_on_commit_callbacks(execute=True):
        response = demo_member.post(
            f"/en/forum/t/{follow_up.pk}/reply/", {"body": "We will test the form too."}
        )
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.posts_count == 8  # published, not held: the demo account is trusted
    html = demo_member.get("/en/forum/c/events-and-follow-ups/").content.decode()
    row = BeautifulSoup(html, "html.parser").find("a", string=FOLLOW_UP).find_parent("tr")
    assert " ".join(row.select_one(".post-count").get_text().split()) == "8 posts / 0 new"
