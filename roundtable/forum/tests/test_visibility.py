"""Who may NOT read what: group and members-only threads stay closed to outsiders and
visitors on every path — pages, posts, attachments, search, feeds and the home page."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from roundtable.forum.models import Attachment
from roundtable.forum.tests.factories import make_thread


@pytest.fixture
def secret_thread(group_category, author):
    thread = make_thread(group_category, authors=[author], title="Closed follow-up zebrafinch")
    post = thread.posts.get()
    attachment = Attachment(
        post=post, filename="minutes.pdf", content_type="application/pdf", size=4
    )
    attachment.file.save("minutes.pdf", ContentFile(b"%PDF"), save=True)
    return thread


@pytest.fixture
def members_thread(members_category, author):
    return make_thread(members_category, authors=[author], title="Members question kingfisher")


def _paths(thread):
    post = thread.posts.get()
    return [
        reverse("forum:category", args=[thread.category.slug]),
        reverse("forum:thread", args=[thread.pk]),
        reverse("forum:thread_unread", args=[thread.pk]),
        reverse("forum:post", args=[post.pk]),
        reverse("forum:post_history", args=[post.pk]),
        reverse("forum:attachment", args=[post.attachments.get().pk])
        if post.attachments.exists()
        else reverse("forum:post", args=[post.pk]),
        reverse("forum:category_feed", args=[thread.category.slug]),
    ]


def test_group_thread_is_closed_to_an_outsider(client, secret_thread, outsider, reader):
    client.force_login(outsider)
    for path in _paths(secret_thread):
        assert client.get(path).status_code == 404, path
    assert (
        client.post(reverse("forum:reply", args=[secret_thread.pk]), {"body": "Hi"}).status_code
        == 404
    )
    for surface in [
        reverse("forum:index"),
        reverse("search:search") + "?q=zebrafinch",
        reverse("forum:search") + "?q=zebrafinch",
        reverse("forum:feed"),
    ]:
        assert "Closed follow-up" not in client.get(surface).content.decode(), surface

    client.force_login(reader)
    assert client.get(reverse("forum:thread", args=[secret_thread.pk])).status_code == 200
    results = client.get(reverse("search:search") + "?q=zebrafinch").content.decode()
    assert "Closed follow-up zebrafinch" in results
    assert client.get(_paths(secret_thread)[5]).status_code == 200  # the attachment
    # Members see it, but feed readers never do: no feed for a group category.
    assert (
        client.get(reverse("forum:category_feed", args=[secret_thread.category.slug])).status_code
        == 404
    )


def test_members_only_thread_is_closed_to_visitors(client, members_thread, reader):
    # Its pages ask a visitor to log in (test_sign_in_links); the rest stays closed.
    paths = _paths(members_thread)
    for path in [paths[0], paths[1], paths[2], paths[3]]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert "Members question" not in response.content.decode()
    for path in [paths[4], paths[6]]:  # a post's history, the category's feed
        assert client.get(path).status_code == 404, path
    for surface in [
        reverse("forum:index"),
        reverse("search:search") + "?q=kingfisher",
        reverse("forum:feed"),
        "/en/",
    ]:
        assert "Members question" not in client.get(surface).content.decode(), surface
    client.force_login(reader)
    assert client.get(reverse("forum:thread", args=[members_thread.pk])).status_code == 200


def test_public_threads_are_in_the_feed_and_search(client, public_category, author):
    make_thread(public_category, authors=[author], title="Open question heron")
    assert "Open question heron" in client.get(reverse("forum:feed")).content.decode()
    assert (
        "Open question heron"
        in client.get(reverse("forum:category_feed", args=[public_category.slug])).content.decode()
    )
    assert (
        "Open question heron" in client.get(reverse("search:search") + "?q=heron").content.decode()
    )


def test_hidden_posts_and_threads_are_gone_for_members(client, public_category, author, reader):
    thread = make_thread(public_category, authors=[author, reader], title="Heated thread", posts=2)
    first, second = thread.posts.order_by("created_at")
    second.is_hidden = True
    second.save()
    client.force_login(author)
    page = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    assert f'id="post-{second.pk}"' not in page
    assert client.get(reverse("forum:post", args=[second.pk])).status_code == 404
    thread.is_hidden = True
    thread.save()
    assert client.get(reverse("forum:thread", args=[thread.pk])).status_code == 404


def test_moderation_pages_are_closed_to_members(client, public_category, author, reader):
    thread = make_thread(public_category, authors=[author])
    post = thread.posts.get()
    client.force_login(reader)
    for path in [
        reverse("forum:queue"),
        reverse("forum:log"),
        reverse("forum:move", args=[thread.pk]),
        reverse("forum:split", args=[thread.pk]),
        reverse("forum:suspend", args=[author.pk]),
    ]:
        assert client.get(path).status_code == 403, path
    assert (
        client.post(
            reverse("forum:thread_action", args=[thread.pk]), {"action": "lock"}
        ).status_code
        == 403
    )
    assert (
        client.post(reverse("forum:post_action", args=[post.pk]), {"action": "hide"}).status_code
        == 403
    )
    thread.refresh_from_db()
    assert not thread.is_locked
    client.logout()
    assert client.get(reverse("forum:queue")).status_code == 302


def test_feed_query_count_is_flat(client, public_category, author, django_assert_max_num_queries):
    for number in range(12):
        make_thread(public_category, authors=[author], title=f"Public thread {number}")
    with django_assert_max_num_queries(6):
        response = client.get(reverse("forum:feed"))
    assert response.content.decode().count("<item>") == 12


def test_refusals_are_explained_in_the_readers_language(client, public_category, reader):
    from django.utils import translation

    client.force_login(reader)
    with translation.override("hr"):
        response = client.get(reverse("forum:queue"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Nije dopušteno" in html and '<html lang="hr">' in html


def test_search_looks_at_the_latest_matches_only(client, public_category, author, monkeypatch):
    from roundtable.forum import search_provider

    monkeypatch.setattr(search_provider, "RANK_WINDOW", 3)
    for number in range(5):
        make_thread(public_category, authors=[author], title=f"Thread {number} about heron")
    response = client.get(reverse("forum:search"), {"q": "heron"})
    html = response.content.decode()
    assert "3 posts found" in html
    assert "Showing the best matches among the latest 3" in html
