"""The forum's pages cost the same number of queries at 10 and at 1,000 threads or posts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from roundtable.forum.models import Post, ThreadRead
from roundtable.forum.tests.factories import make_many_threads, make_thread

BUDGET = {"index": 26, "category": 30, "thread": 34}


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["index", "category"])
def test_thread_lists_stay_flat(client, public_category, members_category, author, reader, page):
    client.force_login(reader)
    url = (
        reverse("forum:index")
        if page == "index"
        else reverse("forum:category", args=[public_category.slug])
    )
    client.get(url)  # warm the per-process caches (locales, session)
    counts = []
    for total in (10, 1000):
        public_category.refresh_from_db()
        members_category.refresh_from_db()
        make_many_threads(
            public_category, author=author, count=total - public_category.threads_count
        )
        make_many_threads(
            members_category, author=author, count=total - members_category.threads_count
        )
        # Some threads read, some not: the unread counts have work to do.
        ThreadRead.objects.bulk_create(
            [
                ThreadRead(user=reader, thread=t, last_read_at=t.last_post_at)
                for t in public_category.threads.order_by("id")[::3]
            ],
            ignore_conflicts=True,
        )
        counts.append(_queries(client, url))
    assert counts[0] == counts[1], counts
    assert counts[1] <= BUDGET[page]


def test_thread_page_stays_flat(client, public_category, author, reader, third_member):
    client.force_login(reader)
    small = make_thread(public_category, authors=[author, third_member], posts=10)
    large = make_thread(public_category, authors=[author, third_member], posts=1000, title="Long")
    urls = [
        reverse("forum:thread", args=[small.pk]),
        reverse("forum:thread", args=[large.pk]) + "?page=25",
    ]
    counts = []
    for url in urls:
        client.get(url)  # the first visit also writes the reading mark
        counts.append(_queries(client, url))
    assert counts[0] == counts[1], counts
    assert counts[1] <= BUDGET["thread"]


def _grow(category, author, reader, total):
    """`total` threads, each watched, reported and moderated once, and each with a file
    held for a moderator, for the other lists."""
    from roundtable.forum.models import (
        ActionKind,
        Attachment,
        AttachmentReview,
        ModerationAction,
        Report,
        Watch,
    )

    make_many_threads(category, author=author, count=total)
    posts = list(Post.objects.filter(thread__category=category).order_by("id")[:total])
    Watch.objects.bulk_create(
        [Watch(user=reader, thread_id=post.thread_id) for post in posts], ignore_conflicts=True
    )
    Report.objects.bulk_create(
        [Report(post=post, reporter=reader, reason="spam") for post in posts]
    )
    Post.objects.filter(pk__in=[post.pk for post in posts[: total // 2]]).update(is_approved=False)
    ModerationAction.objects.bulk_create(
        [
            ModerationAction(action=ActionKind.HIDE, post=post, thread_id=post.thread_id)
            for post in posts
        ]
    )
    Attachment.objects.bulk_create(
        [
            Attachment(
                post=post,
                file=f"forum/held-{post.pk}.pdf",
                filename=f"plan-{post.pk}.pdf",
                content_type="application/pdf",
                size=100,
                review=AttachmentReview.HELD,
            )
            for post in posts
        ]
    )


@pytest.mark.parametrize(
    ("page", "who"),
    [
        ("forum:watching", "reader"),
        ("forum:queue", "moderator"),
        ("forum:log", "moderator"),
        ("forum:search", "reader"),
    ],
)
def test_other_lists_stay_flat(client, public_category, author, reader, moderator, page, who):
    client.force_login(reader if who == "reader" else moderator)
    url = reverse(page) + ("?q=generated" if page == "forum:search" else "")
    client.get(url)  # warm the per-process caches
    counts = []
    for total in (10, 1000):
        _grow(public_category, author, reader, total)
        counts.append(_queries(client, url))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 30
