"""Unread tracking: "N posts / M new" per thread, new threads per category, marking read."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from roundtable.forum.tests.factories import make_thread


def _row_text(response, thread) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    link = soup.find("a", href=reverse("forum:thread", args=[thread.pk]))
    return " ".join(link.find_parent("tr").select_one(".post-count").get_text().split())


@pytest.fixture
def follow_up(group_category, author, third_member, moderator):
    return make_thread(group_category, authors=[author, third_member], posts=7)


def test_reading_and_replying_change_the_counts(client, follow_up, reader, third_member):
    category_url = reverse("forum:category", args=[follow_up.category.slug])
    client.force_login(reader)
    assert _row_text(client.get(category_url), follow_up) == "7 posts / 7 new"

    client.get(reverse("forum:thread", args=[follow_up.pk]))
    assert _row_text(client.get(category_url), follow_up) == "7 posts / 0 new"

    client.force_login(third_member)
    response = client.post(
        reverse("forum:reply", args=[follow_up.pk]), {"body": "Here are the minutes."}
    )
    assert response.status_code == 302

    client.force_login(reader)
    assert _row_text(client.get(category_url), follow_up) == "8 posts / 1 new"


def test_counts_are_per_member(client, follow_up, reader, author):
    client.force_login(reader)
    client.get(reverse("forum:thread", args=[follow_up.pk]))
    client.force_login(author)
    category_url = reverse("forum:category", args=[follow_up.category.slug])
    # The author wrote some of the posts but never opened the thread page.
    assert _row_text(client.get(category_url), follow_up) == "7 posts / 7 new"


def test_counts_in_another_language(client, follow_up, reader):
    client.force_login(reader)
    with translation.override("hr"):
        response = client.get(reverse("forum:category", args=[follow_up.category.slug]))
        assert response.content.decode().startswith("<!DOCTYPE html>")
        assert '<html lang="hr">' in response.content.decode()
        assert _row_text(response, follow_up) == "7 objava / 7 novih"


def test_jump_to_first_unread_post(client, group_category, author, third_member, reader):
    thread = make_thread(group_category, authors=[author, third_member], posts=45)
    client.force_login(reader)
    # Reading page 1 (posts 1-20) leaves post 21 as the first unread.
    client.get(reverse("forum:thread", args=[thread.pk]))
    response = client.get(reverse("forum:thread_unread", args=[thread.pk]))
    twenty_first = thread.posts.order_by("created_at")[20]
    assert response["Location"].endswith(f"?page=2#post-{twenty_first.pk}")


def test_category_shows_new_threads_and_marks_read(client, public_category, author, reader):
    make_thread(public_category, authors=[author], title="First question")
    make_thread(public_category, authors=[author], title="Second question")
    client.force_login(reader)
    index = client.get(reverse("forum:index")).content.decode()
    assert "2 new threads" in index

    client.post(reverse("forum:mark_category_read", args=[public_category.slug]))
    index = client.get(reverse("forum:index")).content.decode()
    assert "new thread" not in index
    response = client.get(reverse("forum:category", args=[public_category.slug]))
    assert "2 posts" not in response.content.decode()
    assert "1 post / 0 new" in " ".join(response.content.decode().split())


def test_mark_everything_read(client, public_category, members_category, author, reader):
    make_thread(public_category, authors=[author])
    make_thread(members_category, authors=[author])
    client.force_login(reader)
    assert "1 new thread" in client.get(reverse("forum:index")).content.decode()
    client.post(reverse("forum:mark_all_read"))
    assert "new thread" not in client.get(reverse("forum:index")).content.decode()


def test_visitors_see_counts_without_unread_marks(client, public_category, author):
    thread = make_thread(public_category, authors=[author], posts=3)
    response = client.get(reverse("forum:category", args=[public_category.slug]))
    assert _row_text(response, thread) == "3 posts"
