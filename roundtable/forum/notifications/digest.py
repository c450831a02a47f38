"""The daily digest: the posts gathered for each member who chose it, mailed once a day in
their language, each thread with its own unsubscribe link. Access is checked again when
the digest is written: a member who lost access to a group hears nothing more of it."""

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django_tasks import default_task_backend, task

from roundtable.core.emails import send_templated
from roundtable.forum.models import DigestItem, DigestRun, Post
from roundtable.forum.notifications.fanout import (
    author_name,
    member_languages,
    post_excerpt,
    post_url,
)
from roundtable.forum.notifications.unsubscribe import unsubscribe_token, unsubscribe_url
from roundtable.forum.selectors import readers


def next_digest_time(now: datetime.datetime | None = None) -> datetime.datetime:
    now = now or timezone.now()
    run = now.replace(hour=settings.FORUM_DIGEST_HOUR, minute=0, second=0, microsecond=0)
    return run if run > now else run + datetime.timedelta(days=1)


def schedule_digest() -> None:
    """Queue the next digest run. Called when a worker starts and after each run; extra
    runs of the same day stop at once (DigestRun). A backend that cannot defer tasks (the
    tests' immediate one) gets none."""
    if not default_task_backend.supports_defer:
        return
    run_after = next_digest_time()
    send_daily_digests.using(run_after=run_after).enqueue(day=run_after.date().isoformat())


@task()
def send_daily_digests(*, day: str) -> int:
    """Mail each member the posts gathered for their digest, then queue tomorrow's run.
    Returns how many e-mails were queued."""
    try:
        with transaction.atomic():
            DigestRun.objects.create(day=datetime.date.fromisoformat(day))
    except IntegrityError:
        return 0  # another worker already ran today's digest
    sent = digest_send_all()
    schedule_digest()
    return sent


def digest_send_all() -> int:
    User = get_user_model()
    user_ids = list(DigestItem.objects.values_list("user_id", flat=True).distinct())
    sent = 0
    for user in User.objects.filter(pk__in=user_ids, is_active=True):
        items = list(
            DigestItem.objects.filter(user=user)
            .select_related("post__thread__category", "post__author__profile")
            .order_by("post__thread_id", "post__created_at")
        )
        # Access may have changed since the post: check again before mailing.
        categories = {i.post.thread.category_id: i.post.thread.category for i in items}
        just_this_member = User.objects.filter(pk=user.pk)
        readable = {
            pk
            for pk, category in categories.items()
            if readers(category, just_this_member).exists()
        }
        visible = [
            i
            for i in items
            if i.post.thread.category_id in readable
            and i.post.is_visible
            and i.post.thread.is_visible
        ]
        if visible and user.email:
            # Ids only in the queue (see post_email_task); the e-mail is written there.
            digest_email_task.enqueue(
                user_id=user.pk, items=[[i.post_id, i.watch_id] for i in visible]
            )
            sent += 1
        DigestItem.objects.filter(pk__in=[i.pk for i in items]).delete()
    return sent


@task()
def digest_email_task(*, user_id: int, items: list[list[int]]) -> None:
    """Write and send one member's digest from `items`, pairs of post and watch ids."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return
    posts = Post.objects.select_related("thread__category", "author__profile").in_bulk(
        [post_id for post_id, _watch_id in items]
    )
    found = [
        DigestItem(user=user, post=posts[post_id], watch_id=watch_id)
        for post_id, watch_id in items
        if post_id in posts
    ]
    if found:
        _send_digest(user, found)


def _send_digest(user: Any, items: list[DigestItem]) -> None:
    language = member_languages([user.pk]).get(user.pk, settings.LANGUAGE_CODE)
    unsubscribe_all = unsubscribe_url(
        token=unsubscribe_token(user_id=user.pk, what="all"), language=language
    )
    with translation.override(language):
        threads: list[dict[str, Any]] = []
        for item in items:
            post = item.post
            if not threads or threads[-1]["id"] != post.thread_id:
                stop = unsubscribe_url(
                    token=unsubscribe_token(user_id=user.pk, what="watch", watch_id=item.watch_id),
                    language=language,
                )
                threads.append(
                    {"id": post.thread_id, "title": post.thread.title, "stop": stop, "posts": []}
                )
            threads[-1]["posts"].append(
                {
                    "author": author_name(post),
                    "when": date_format(timezone.localtime(post.created_at), "DATETIME_FORMAT"),
                    "excerpt": post_excerpt(post),
                    "url": post_url(post, language),
                }
            )
    send_templated(
        "forum_digest",
        context={"threads": threads, "count": len(items), "unsubscribe_all": unsubscribe_all},
        language=language,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_all}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
