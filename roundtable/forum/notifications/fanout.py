"""Who hears about a new post, and how: in the app, or by e-mail at once (the daily digest
gathers the rest: forum.notifications.digest).

Recipients are always filtered by who may read the category: a member outside a group
never receives a notification or an e-mail about that group's threads. E-mails about
case discussions never carry the post's text, only a link. Every e-mail has a signed
one-click unsubscribe link (forum.notifications.unsubscribe).
"""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django_tasks import task

from roundtable.accounts.selectors import profiles_by_handle
from roundtable.core.emails import send_templated
from roundtable.forum.markdown import mentioned_usernames
from roundtable.forum.models import DigestItem, EmailMode, MemberSettings, Post, Watch
from roundtable.forum.notifications.unsubscribe import (
    absolute_url,
    unsubscribe_token,
    unsubscribe_url,
)
from roundtable.forum.selectors import moderators, readers
from roundtable.notifications import kinds
from roundtable.notifications.services import notification_send

REPLY = "forum_reply"
NEW_THREAD = "forum_new_thread"
MENTION = "forum_mention"
WAITING = "forum_waiting"
REPORTED = "forum_reported"
APPROVED = "forum_approved"


def post_url(post: Post, language: str) -> str:
    """The post's permanent address, in `language`, for an e-mail."""
    with translation.override(language):
        return absolute_url(path=reverse("forum:post", args=[post.pk]))


def author_name(post: Post) -> str:
    """The name an e-mail gives the post's author."""
    profile = getattr(post.author, "profile", None) if post.author else None
    return profile.display_name if profile else _("A member")


def member_languages(user_ids: Iterable[int]) -> dict[int, str]:
    """The language each member last used the forum in (those with settings)."""
    return dict(MemberSettings.objects.filter(user__in=user_ids).values_list("user_id", "language"))


def post_excerpt(post: Post) -> str:
    """What an e-mail quotes of a post: never a case discussion's or a redacted text."""
    if post.redacted_at:
        return _("Redacted by a moderator.")
    if post.thread.category.is_case_discussion:
        return _("This is a case discussion: read it on Roundtable.")
    return Truncator(post.body).chars(600)


def _send_immediate(
    *, post: Post, recipients: Iterable[Any], kind: str, what: str, watches: dict[int, int]
) -> None:
    """One e-mail per recipient, queued after the commit. The task gets ids only: the
    queue never holds a copy of the text, which a moderator may have to redact."""
    for user in recipients:
        if not user.email:
            continue
        transaction.on_commit(
            lambda user_id=user.pk: post_email_task.enqueue(
                post_id=post.pk,
                user_id=user_id,
                kind=kind,
                what=what,
                watch_id=watches.get(user_id),
            )
        )


@task()
def post_email_task(
    *, post_id: int, user_id: int, kind: str, what: str, watch_id: int | None = None
) -> None:
    """Write and send one e-mail about a post, in the recipient's language, from the post
    as it is now (a post redacted meanwhile goes out redacted)."""
    post = (
        Post.objects.select_related("thread__category", "author__profile")
        .filter(pk=post_id)
        .first()
    )
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if post is None or user is None or not user.email:
        return
    language = member_languages([user.pk]).get(user.pk, settings.LANGUAGE_CODE)
    token = unsubscribe_token(user_id=user.pk, what=what, watch_id=watch_id)
    unsubscribe = unsubscribe_url(token=token, language=language)
    with translation.override(language):
        context = {
            "message": kinds.render(
                kind, {"author": author_name(post), "thread": post.thread.title}
            ),
            "excerpt": post_excerpt(post),
            "link": post_url(post, language),
            "unsubscribe": unsubscribe,
        }
    send_templated(
        "forum_post",
        context=context,
        language=language,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


@task()
def post_created_task(*, post_id: int) -> None:
    post_created(post_id)


def post_created(post_id: int) -> None:
    """A post became visible (written by a trusted member, or approved): tell watchers and
    mentioned members. A post still waiting for review tells the moderators instead."""
    post = (
        Post.objects.select_related("thread__category", "author__profile")
        .filter(pk=post_id)
        .first()
    )
    if post is None:
        return
    if not post.is_approved or not post.thread.is_approved:
        _tell_moderators(post)
        return
    with transaction.atomic():
        # The creation task and the approval's task may both get here: the first to set
        # `notified_at` tells everyone, the other stops. Rolled back with the
        # notifications if they fail, so a retry can claim it again.
        claimed = Post.objects.filter(pk=post.pk, notified_at=None).update(
            notified_at=timezone.now()
        )
        if claimed:
            _tell_watchers_and_mentioned(post)


def _tell_moderators(post: Post) -> None:
    notification_send(
        recipients=list(moderators()),
        kind=WAITING,
        params={"thread": post.thread.title},
        url=reverse("forum:queue"),
        email=False,
    )


def _tell_watchers_and_mentioned(post: Post) -> None:
    thread, category = post.thread, post.thread.category
    is_first = (
        post.created_at == thread.created_at
        and not thread.posts.filter(created_at__lt=post.created_at).exists()
    )
    User = get_user_model()
    params = {"author": author_name(post), "thread": thread.title}
    url = reverse("forum:post", args=[post.pk])
    mentioned = set()
    names = mentioned_usernames(post.body)
    if names:
        mentioned_users = readers(
            category,
            User.objects.filter(
                pk__in=[p.user_id for p in profiles_by_handle(handles=names).values()]
            ).exclude(pk=post.author_id),
        )
        mentioned_users = list(mentioned_users.select_related("forum_settings"))
        mentioned = {user.pk for user in mentioned_users}
        notification_send(
            recipients=mentioned_users, kind=MENTION, params=params, url=url, email=False
        )
        wanting_mail = [
            user
            for user in mentioned_users
            if getattr(user, "forum_settings", None) is None or user.forum_settings.mention_emails
        ]
        _send_immediate(
            post=post, recipients=wanting_mail, kind=MENTION, what="mentions", watches={}
        )

    # A thread watch decides over a category watch for the same member.
    watches = {}
    for watch in Watch.objects.filter(Q(thread=thread) | Q(category=category)).order_by(
        "category_id"
    ):
        if watch.user_id not in watches or watch.thread_id:
            watches[watch.user_id] = watch
    watches.pop(post.author_id, None)
    for user_id in mentioned:
        watches.pop(user_id, None)
    if not watches:
        return
    allowed = readers(category, User.objects.filter(pk__in=watches.keys()))
    recipients = list(allowed)
    kind = NEW_THREAD if is_first else REPLY
    notification_send(recipients=recipients, kind=kind, params=params, url=url, email=False)
    immediate = [u for u in recipients if watches[u.pk].email == EmailMode.IMMEDIATE]
    _send_immediate(
        post=post,
        recipients=immediate,
        kind=kind,
        what="watch",
        watches={u.pk: watches[u.pk].pk for u in immediate},
    )
    DigestItem.objects.bulk_create(
        [
            DigestItem(user=u, post=post, watch=watches[u.pk])
            for u in recipients
            if watches[u.pk].email == EmailMode.DIGEST
        ],
        ignore_conflicts=True,
    )
