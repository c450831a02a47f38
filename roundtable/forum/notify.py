"""Who hears about a new post, and how: in the app, by e-mail at once, or in a daily digest.

Recipients are always filtered by who may read the category: a member outside a group
never receives a notification, an e-mail or a digest line about that group's threads.
E-mails about case discussions never carry the post's text, only a link. Every e-mail
has a signed one-click unsubscribe link (and the List-Unsubscribe headers of RFC 8058).
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import default_task_backend, task

from roundtable.core.tasks import send_email
from roundtable.forum.models import (
    DigestItem,
    DigestRun,
    EmailMode,
    MemberSettings,
    Post,
    Watch,
)
from roundtable.notifications import kinds
from roundtable.notifications.services import notification_send

REPLY = "forum_reply"
NEW_THREAD = "forum_new_thread"
MENTION = "forum_mention"
WAITING = "forum_waiting"
REPORTED = "forum_reported"
APPROVED = "forum_approved"

kinds.register(REPLY, gettext_lazy("%(author)s replied in “%(thread)s”."))
kinds.register(NEW_THREAD, gettext_lazy("%(author)s started a new thread: “%(thread)s”."))
kinds.register(MENTION, gettext_lazy("%(author)s mentioned you in “%(thread)s”."))
kinds.register(WAITING, gettext_lazy("A post in “%(thread)s” is waiting for review."))
kinds.register(REPORTED, gettext_lazy("A post in “%(thread)s” was reported."))
kinds.register(APPROVED, gettext_lazy("A moderator approved your post in “%(thread)s”."))

UNSUBSCRIBE_SALT = "roundtable.forum.unsubscribe"


def unsubscribe_token(*, user_id: int, what: str, watch_id: int | None = None) -> str:
    """`what` is "watch" (one watch's e-mails), "mentions" or "all" (every forum e-mail)."""
    return signing.dumps({"u": user_id, "w": what, "id": watch_id}, salt=UNSUBSCRIBE_SALT)


# A link older than this is refused like a forged one (a forwarded or leaked e-mail
# should not keep working for ever).
UNSUBSCRIBE_MAX_AGE = datetime.timedelta(days=365)


def unsubscribe_read(token: str) -> dict | None:
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one too
        return None


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _post_url(post: Post, language: str) -> str:
    with translation.override(language):
        return _absolute(reverse("forum:post", args=[post.pk]))


def _unsubscribe_url(token: str, language: str) -> str:
    with translation.override(language):
        return _absolute(reverse("forum:unsubscribe", args=[token]))


def _author_name(post: Post) -> str:
    profile = getattr(post.author, "profile", None) if post.author else None
    return profile.display_name if profile else _("A member")


def _languages(user_ids) -> dict[int, str]:
    return dict(MemberSettings.objects.filter(user__in=user_ids).values_list("user_id", "language"))


def _excerpt(post: Post) -> str:
    if post.redacted_at:
        return _("Redacted by a moderator.")
    if post.thread.category.is_case_discussion:
        return _("This is a case discussion: read it on Roundtable.")
    return Truncator(post.body).chars(600)


def _send_immediate(*, post: Post, recipients, kind: str, what: str, watches: dict) -> None:
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
    language = _languages([user.pk]).get(user.pk, settings.LANGUAGE_CODE)
    token = unsubscribe_token(user_id=user.pk, what=what, watch_id=watch_id)
    unsubscribe = _unsubscribe_url(token, language)
    with translation.override(language):
        subject = kinds.render(kind, {"author": _author_name(post), "thread": post.thread.title})
        body = _(
            "%(message)s\n\n%(excerpt)s\n\nRead and reply: %(link)s\n\n"
            "Stop these e-mails with one click: %(unsubscribe)s"
        ) % {
            "message": subject,
            "excerpt": _excerpt(post),
            "link": _post_url(post, language),
            "unsubscribe": unsubscribe,
        }
    send_email.call(
        subject=f"[Roundtable] {subject}"[:200],
        body=body,
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
    from roundtable.forum.moderation import moderators

    notification_send(
        recipients=list(moderators()),
        kind=WAITING,
        params={"thread": post.thread.title},
        url=reverse("forum:queue"),
        email=False,
    )


def _tell_watchers_and_mentioned(post: Post) -> None:
    from roundtable.accounts.selectors import profiles_by_handle
    from roundtable.forum.markdown import mentioned_usernames
    from roundtable.forum.selectors import readers

    thread, category = post.thread, post.thread.category
    is_first = (
        post.created_at == thread.created_at
        and not thread.posts.filter(created_at__lt=post.created_at).exists()
    )
    User = get_user_model()
    params = {"author": _author_name(post), "thread": thread.title}
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


# --- The daily digest -------------------------------------------------------------------


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
    from roundtable.forum.selectors import readers

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


def _send_digest(user, items: list[DigestItem]) -> None:
    language = _languages([user.pk]).get(user.pk, settings.LANGUAGE_CODE)
    unsubscribe_all = _unsubscribe_url(unsubscribe_token(user_id=user.pk, what="all"), language)
    with translation.override(language):
        lines = []
        current_thread = None
        for item in items:
            post = item.post
            if post.thread_id != current_thread:
                current_thread = post.thread_id
                stop = _unsubscribe_url(
                    unsubscribe_token(user_id=user.pk, what="watch", watch_id=item.watch_id),
                    language,
                )
                lines.append(f"\n== {post.thread.title} ==")
                lines.append(_("Stop e-mails about this: %(link)s") % {"link": stop})
            lines.append(
                f"\n{_author_name(post)} · "
                + date_format(timezone.localtime(post.created_at), "DATETIME_FORMAT")
            )
            lines.append(_excerpt(post))
            lines.append(_post_url(post, language))
        count = len(items)
        subject = translation.ngettext(
            "Forum digest: %(count)d new post", "Forum digest: %(count)d new posts", count
        ) % {"count": count}
        body = (
            "\n".join(lines)
            + "\n\n"
            + _("Stop every forum e-mail with one click: %(link)s") % {"link": unsubscribe_all}
        )
    send_email.call(
        subject=f"[Roundtable] {subject}",
        body=body.strip(),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_all}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def unsubscribe_apply(payload: dict) -> bool:
    """Stop the e-mails a signed link names; returns False when nothing matched."""
    user_id, what = payload.get("u"), payload.get("w")
    if what == "watch":
        return bool(
            Watch.objects.filter(pk=payload.get("id"), user_id=user_id).update(email=EmailMode.NONE)
        )
    if what in {"mentions", "all"}:
        if not get_user_model().objects.filter(pk=user_id).exists():
            return False
        MemberSettings.objects.update_or_create(user_id=user_id, defaults={"mention_emails": False})
        if what == "all":
            Watch.objects.filter(user_id=user_id).update(email=EmailMode.NONE)
            DigestItem.objects.filter(user_id=user_id).delete()
        return True
    return False
