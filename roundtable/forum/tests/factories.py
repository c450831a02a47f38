"""Builders for forum tests: categories, and threads with posts at chosen times.

`make_thread` writes rows directly (no checks, no notifications) so that a test can build
1,000 threads quickly; tests of posting itself go through the services.
"""

import datetime

from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Locale

from roundtable.core.text import fold
from roundtable.forum.markdown import render
from roundtable.forum.models import Category, Post, Thread, Visibility
from roundtable.forum.services import category_synchronize, thread_synchronize


def make_category(
    slug: str = "general",
    *,
    name: str | None = None,
    visibility: str = Visibility.PUBLIC,
    group: Group | None = None,
    is_case_discussion: bool = False,
    **fields,
) -> Category:
    locale, _created = Locale.objects.get_or_create(language_code="en")
    return Category.objects.create(
        locale=locale,
        slug=slug,
        name=name or slug.replace("-", " ").capitalize(),
        visibility=visibility,
        group=group,
        is_case_discussion=is_case_discussion,
        **fields,
    )


def make_thread(
    category: Category,
    *,
    authors: list,
    title: str = "Follow-up of the regional conference",
    posts: int | None = None,
    start: datetime.datetime | None = None,
    synchronize: bool = True,
) -> Thread:
    """A thread with `posts` posts (default: one per author), written one hour apart by
    the authors in turn, the last one an hour ago."""
    count = posts or len(authors)
    start = start or timezone.now() - datetime.timedelta(hours=count + 1)
    thread = Thread.objects.create(
        category=category, title=title, starter=authors[0], created_at=start, last_post_at=start
    )
    Post.objects.bulk_create(
        [
            Post(
                thread=thread,
                author=authors[number % len(authors)],
                body=f"Post number {number + 1} about the conference follow-up.",
                html=render(f"Post number {number + 1} about the conference follow-up."),
                created_at=start + datetime.timedelta(hours=number),
                search_folded=fold(f"{title} post number {number + 1} conference follow-up"),
            )
            for number in range(count)
        ]
    )
    if synchronize:
        thread_synchronize(thread)
        category_synchronize(category)
        thread.refresh_from_db()
    return thread


def make_moderator(user):
    """A member of the Forum moderators group, with the authenticator app every member with
    powers must have (accounts' MFA gate)."""
    from roundtable.accounts.tests.factories import give_totp

    group, _created = Group.objects.get_or_create(name="Forum moderators")
    group.permissions.add(Permission.objects.get(codename="moderate_forum"))
    user.groups.add(group)
    return give_totp(user)


def make_many_threads(category: Category, *, author, count: int) -> None:
    """`count` one-post threads in two bulk inserts (for query-count tests and benches)."""
    now = timezone.now()
    threads = Thread.objects.bulk_create(
        [
            Thread(
                category=category,
                title=f"Generated thread {number}",
                starter=author,
                last_poster=author,
                created_at=now - datetime.timedelta(minutes=number + 1),
                last_post_at=now - datetime.timedelta(minutes=number + 1),
                posts_count=1,
            )
            for number in range(count)
        ]
    )
    Post.objects.bulk_create(
        [
            Post(
                thread=thread,
                author=author,
                body="Generated post.",
                html="<p>Generated post.</p>",
                created_at=thread.created_at,
                search_folded="generated post",
            )
            for thread in threads
        ]
    )
    category_synchronize(category)
