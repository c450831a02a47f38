"""A thread page announces a feed: its category's when the category has one, else the
forum's (there is no feed of one thread's replies)."""

from bs4 import BeautifulSoup
from django.urls import reverse

from roundtable.forum.tests.factories import make_thread


def _feeds(response) -> list[str]:
    assert response.status_code == 200
    head = BeautifulSoup(response.content, "html.parser").head
    return [
        link["href"] for link in head.find_all("link", rel="alternate", type="application/rss+xml")
    ]


def test_public_thread_announces_its_category_feed(client, public_category, author):
    thread = make_thread(public_category, authors=[author])

    feeds = _feeds(client.get(reverse("forum:thread", args=[thread.pk])))

    assert feeds == [reverse("forum:category_feed", args=[public_category.slug])]
    assert client.get(feeds[0]).status_code == 200


def test_members_thread_announces_the_forum_feed_not_a_missing_category_feed(
    client, members_category, author, reader
):
    thread = make_thread(members_category, authors=[author])
    client.force_login(reader)

    feeds = _feeds(client.get(reverse("forum:thread", args=[thread.pk])))

    assert feeds == [reverse("forum:feed")]
