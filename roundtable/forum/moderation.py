"""Moderation: reports, the review queue, hiding, locking, pinning, moving, splitting and
suspending. Every action checks the actor's permission and is written to the log in the
same transaction as the change itself."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from roundtable.core import deid_forms
from roundtable.core.text import fold
from roundtable.forum import notify, selectors
from roundtable.forum.models import (
    ActionKind,
    Attachment,
    AttachmentReview,
    Category,
    ModerationAction,
    Post,
    PostRevision,
    Report,
    ReportReason,
    Suspension,
    Thread,
    ThreadRead,
)
from roundtable.forum.services import category_synchronize, thread_synchronize
from roundtable.notifications.services import notification_send


def moderators():
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="moderate_forum")
            | Q(user_permissions__codename="moderate_forum")
        )
        .distinct()
    )


def _require_moderator(user: AbstractBaseUser) -> None:
    if not selectors.is_moderator(user):
        raise PermissionDenied(_("Only moderators can do this."))


def _log(actor, action: str, *, thread=None, post=None, member=None, note: str = "") -> None:
    ModerationAction.objects.create(
        actor=actor, action=action, thread=thread, post=post, member=member, note=note[:500]
    )


def _resync(*threads: Thread) -> None:
    categories = set()
    for thread in threads:
        thread_synchronize(thread)
        categories.add(Thread.objects.values_list("category_id", flat=True).get(pk=thread.pk))
    for category in Category.objects.filter(pk__in=categories):
        category_synchronize(category)


def _is_first_post(post: Post) -> bool:
    return not Post.objects.filter(
        thread_id=post.thread_id, created_at__lt=post.created_at
    ).exists()


# --- The review queue -------------------------------------------------------------------


@transaction.atomic
def post_approve(*, moderator: AbstractBaseUser, post: Post) -> None:
    _require_moderator(moderator)
    post = Post.objects.select_for_update().select_related("thread").get(pk=post.pk)
    if post.is_approved:
        return
    post.is_approved = True
    post.save(update_fields=["is_approved"])
    thread = post.thread
    if not thread.is_approved and _is_first_post(post):
        Thread.objects.filter(pk=thread.pk).update(is_approved=True)
    _log(moderator, ActionKind.APPROVE, thread=thread, post=post)
    _resync(thread)
    if post.author_id:
        notification_send(
            recipients=[post.author],
            kind=notify.APPROVED,
            params={"thread": thread.title},
            url=reverse("forum:post", args=[post.pk]),
            email=False,
        )
    transaction.on_commit(lambda: notify.post_created_task.enqueue(post_id=post.pk))


@transaction.atomic
def post_reject(*, moderator: AbstractBaseUser, post: Post, note: str = "") -> None:
    """A waiting post that will not be published: hidden (its author still sees it)."""
    _require_moderator(moderator)
    post = Post.objects.select_for_update().select_related("thread").get(pk=post.pk)
    post.is_hidden, post.hidden_by = True, moderator
    post.save(update_fields=["is_hidden", "hidden_by"])
    Post.objects.filter(pk=post.pk).update(is_approved=True)  # out of the queue
    if not post.thread.is_approved and _is_first_post(post):
        Thread.objects.filter(pk=post.thread_id).update(is_hidden=True, is_approved=True)
    _log(moderator, ActionKind.REJECT, thread=post.thread, post=post, note=note)
    _resync(post.thread)


@transaction.atomic
def attachment_review(*, moderator: AbstractBaseUser, attachment: Attachment, approve: bool):
    """A moderator has looked at a held file: shown to the thread's readers, or kept
    from them (its author still sees it, marked as rejected)."""
    _require_moderator(moderator)
    attachment = (
        Attachment.objects.select_for_update().select_related("post__thread").get(pk=attachment.pk)
    )
    attachment.review = AttachmentReview.APPROVED if approve else AttachmentReview.REJECTED
    attachment.save(update_fields=["review"])
    _log(
        moderator,
        ActionKind.FILE_APPROVE if approve else ActionKind.FILE_REJECT,
        thread=attachment.post.thread,
        post=attachment.post,
    )
    return attachment


# --- Posts and threads ------------------------------------------------------------------


@transaction.atomic
def post_redact(*, moderator: AbstractBaseUser, post: Post) -> Post:
    """Remove the text of a post and of every earlier version for good (a child's name,
    a phone number): the post stays in its thread, marked "Redacted by a moderator". The
    log records who and when, never the text. Attachments are not touched (hide the
    post to withdraw them).

    What else held the text: the full-text index follows `search_folded` (SQLite
    triggers, PostgreSQL's generated column); notifications and digest rows hold ids and
    titles only; queued e-mail tasks hold ids and are written when they run."""
    _require_moderator(moderator)
    post = Post.objects.select_for_update().select_related("thread").get(pk=post.pk)
    if post.redacted_at is not None:
        return post
    if connection.vendor == "sqlite":
        # Pages the old text leaves are overwritten with zeros, not just freed.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete = ON")
    # A first post keeps the thread's title searchable, as every first post does.
    searchable = fold(post.thread.title) if _is_first_post(post) else ""
    removed = [post.body, *PostRevision.objects.filter(post=post).values_list("body", flat=True)]
    Post.objects.filter(pk=post.pk).update(
        body="", html="", search_folded=searchable, redacted_at=timezone.now()
    )
    PostRevision.objects.filter(post=post).delete()
    _redact_quotes(thread=post.thread, removed=removed, exclude=post.pk)
    _search_index_purge()
    _log(moderator, ActionKind.REDACT, thread=post.thread, post=post)
    post.refresh_from_db()
    return post


# What a quoted line of a redacted post becomes: language-neutral, the mark of an omission.
QUOTE_REDACTED = "> […]"


def _quoted_from(line: str, removed: list[str]) -> bool:
    """Is `line` a quoted line ("> …", nested too) whose words come from a removed text?"""
    if not line.lstrip().startswith(">"):
        return False
    words = " ".join(line.lstrip().lstrip("> ").split())
    return len(words) >= 3 and any(words in " ".join(text.split()) for text in removed)


def _scrubbed(body: str, removed: list[str]) -> str:
    lines = body.splitlines()
    return "\n".join(QUOTE_REDACTED if _quoted_from(line, removed) else line for line in lines)


def _redact_quotes(*, thread: Thread, removed: list[str], exclude: int) -> None:
    """Replies that quoted the redacted post carry its words: their quoted lines (and
    those of their earlier versions) become "> […]". The rest of each reply is kept."""
    from roundtable.forum.services import _folded, _render

    removed = [text for text in removed if text.strip()]
    if not removed:
        return
    for other in thread.posts.exclude(pk=exclude).filter(body__contains=">"):
        body = _scrubbed(other.body, removed)
        if body != other.body:
            first = _is_first_post(other)
            Post.objects.filter(pk=other.pk).update(
                body=body,
                html=_render(body),
                search_folded=_folded(body, thread.title if first else ""),
            )
    for revision in PostRevision.objects.filter(post__thread=thread, body__contains=">"):
        body = _scrubbed(revision.body, removed)
        if body != revision.body:
            PostRevision.objects.filter(pk=revision.pk).update(body=body)


def _search_index_purge() -> None:
    """SQLite's FTS5 only marks the old words deleted; 'optimize' merges the index into
    one segment and drops them. It reads the whole index, which is fine for a rare act.
    (PostgreSQL rewrites the row's tsvector; the old row version goes at the next
    vacuum.)"""
    if connection.vendor != "sqlite":
        return
    from roundtable.search.fts import fts_table

    table = fts_table(Post)
    with connection.cursor() as cursor:
        # The table name is the model's own, not input.
        cursor.execute(f'INSERT INTO "{table}"("{table}") VALUES (\'optimize\')')  # noqa: S608


@transaction.atomic
def post_set_hidden(*, moderator: AbstractBaseUser, post: Post, hidden: bool, note: str = ""):
    _require_moderator(moderator)
    Post.objects.filter(pk=post.pk).update(
        is_hidden=hidden, hidden_by=moderator if hidden else None
    )
    _log(
        moderator,
        ActionKind.HIDE if hidden else ActionKind.UNHIDE,
        thread=post.thread,
        post=post,
        note=note,
    )
    _resync(post.thread)


@transaction.atomic
def thread_set(
    *, moderator: AbstractBaseUser, thread: Thread, flag: str, value: bool, note: str = ""
):
    """Pin, lock or hide a thread (or undo it)."""
    _require_moderator(moderator)
    actions = {
        "is_pinned": (ActionKind.PIN, ActionKind.UNPIN),
        "is_locked": (ActionKind.LOCK, ActionKind.UNLOCK),
        "is_hidden": (ActionKind.HIDE, ActionKind.UNHIDE),
    }
    if flag not in actions:
        raise ValidationError(_("Unknown moderation action."))
    Thread.objects.filter(pk=thread.pk).update(**{flag: value})
    on, off = actions[flag]
    _log(moderator, on if value else off, thread=thread, note=note)
    _resync(thread)


def _hold_files_for_case_discussion(*, thread: Thread, category: Category) -> None:
    """Files that arrive in a case discussion wait for a moderator like those posted
    there; moderators' own files are trusted as when they post them."""
    if not category.is_case_discussion:
        return
    files = Attachment.objects.filter(post__thread=thread, review=AttachmentReview.APPROVED)
    moderators_files = files.filter(post__author__in=moderators())
    files.exclude(pk__in=moderators_files.values("pk")).update(review=AttachmentReview.HELD)


@transaction.atomic
def thread_move(*, moderator: AbstractBaseUser, thread: Thread, category: Category) -> None:
    _require_moderator(moderator)
    if category.locale_id != thread.category.locale_id:
        raise ValidationError(_("Choose a forum category."))
    old = thread.category
    if old.pk == category.pk:
        return
    Thread.objects.filter(pk=thread.pk).update(category=category)
    _hold_files_for_case_discussion(thread=thread, category=category)
    _log(moderator, ActionKind.MOVE, thread=thread, note=f"{old.name} → {category.name}")
    category_synchronize(old)
    category_synchronize(category)


@transaction.atomic
def thread_split(
    *,
    moderator: AbstractBaseUser,
    thread: Thread,
    post_ids: list[int],
    title: str,
    category: Category,
) -> Thread:
    """Move the chosen posts into a new thread (a side-conversation gets its own place)."""
    from roundtable.forum.services import _check_title

    _require_moderator(moderator)
    title = _check_title(title)
    posts = list(Post.objects.filter(thread=thread, pk__in=post_ids).order_by("created_at", "id"))
    if not posts:
        raise ValidationError(_("Choose at least one post to move into the new thread."))
    if len(posts) == Post.objects.filter(thread=thread).count():
        raise ValidationError(_("Leave at least one post in the original thread."))
    first = posts[0]
    new = Thread.objects.create(
        category=category,
        title=title,
        language=thread.language,
        starter=first.author,
        created_at=first.created_at,
        last_post_at=posts[-1].created_at,
    )
    Post.objects.filter(pk__in=[p.pk for p in posts]).update(thread=new)
    _hold_files_for_case_discussion(thread=new, category=category)
    # The new thread's title is searchable through its first post, as for any thread.
    Post.objects.filter(pk=first.pk).update(search_folded=fold(f"{title}\n{first.body}"))
    # Readers of the old thread have read these posts as far as they had read them there.
    ThreadRead.objects.bulk_create(
        [
            ThreadRead(user_id=read.user_id, thread=new, last_read_at=read.last_read_at)
            for read in ThreadRead.objects.filter(thread=thread)
        ]
    )
    _log(moderator, ActionKind.SPLIT, thread=thread, note=f"→ {title}")
    _resync(thread, new)
    return new


# --- Members ------------------------------------------------------------------------------


@transaction.atomic
def member_suspend(
    *, moderator: AbstractBaseUser, member: AbstractBaseUser, days: int, reason: str
) -> Suspension:
    _require_moderator(moderator)
    if member.pk == moderator.pk:
        raise ValidationError(_("You cannot suspend yourself."))
    if not 1 <= days <= 365:
        raise ValidationError(_("A suspension lasts from 1 to 365 days."))
    if not reason.strip():
        raise ValidationError(_("Give the reason: the member will see it."))
    suspension = Suspension.objects.create(
        user=member,
        until=timezone.now() + datetime.timedelta(days=days),
        reason=reason.strip(),
        created_by=moderator,
    )
    _log(moderator, ActionKind.SUSPEND, member=member, note=reason)
    return suspension


@transaction.atomic
def suspension_lift(*, moderator: AbstractBaseUser, member: AbstractBaseUser) -> None:
    _require_moderator(moderator)
    Suspension.objects.filter(user=member, lifted_at=None, until__gt=timezone.now()).update(
        lifted_at=timezone.now()
    )
    _log(moderator, ActionKind.LIFT, member=member)


# --- Reports ------------------------------------------------------------------------------


@transaction.atomic
def report_create(
    *,
    reporter: AbstractBaseUser,
    post: Post,
    reason: str,
    comment: str = "",
    confirmed: set[str] | None = None,
) -> Report:
    if not reporter.is_authenticated:
        raise PermissionDenied(_("Log in to report a post."))
    if selectors.active_suspension(reporter) is not None:
        raise PermissionDenied(_("Your forum account is suspended: you cannot report posts."))
    if reason not in ReportReason.values:
        raise ValidationError({"reason": _("Choose why you are reporting this post.")})
    if reason == ReportReason.OTHER and not comment.strip():
        raise ValidationError({"comment": _("Tell the moderators what is wrong.")})
    # A reason is members' writing too, read by every moderator.
    deid_forms.check(texts=[("comment", comment.strip())], confirmed=confirmed or set())
    since = timezone.now() - datetime.timedelta(hours=1)
    if (
        Report.objects.filter(reporter=reporter, created_at__gte=since).count()
        >= settings.FORUM_REPORTS_PER_HOUR
    ):
        raise PermissionDenied(
            _("You have sent many reports in the last hour. Please try again later.")
        )
    if Report.objects.filter(reporter=reporter, post=post, resolved_at=None).exists():
        raise ValidationError(
            _("You have already reported this post; a moderator will look at it.")
        )
    report = Report.objects.create(
        post=post, reporter=reporter, reason=reason, comment=comment.strip()[:1000]
    )
    notification_send(
        recipients=list(moderators()),
        kind=notify.REPORTED,
        params={"thread": post.thread.title},
        url=reverse("forum:queue"),
        email=False,
    )
    return report


@transaction.atomic
def report_resolve(*, moderator: AbstractBaseUser, report: Report, hide_post: bool) -> None:
    _require_moderator(moderator)
    Report.objects.filter(post=report.post, resolved_at=None).update(
        resolved_at=timezone.now(), resolved_by=moderator
    )
    if hide_post:
        post_set_hidden(moderator=moderator, post=report.post, hidden=True)
    _log(moderator, ActionKind.RESOLVE, thread=report.post.thread, post=report.post)
