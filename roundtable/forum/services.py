"""Writes of the forum: threads and posts, reading marks, watches, helpful marks.

Everything a member submits is checked before anything is written, and each write runs
in one transaction: a post with a bad attachment leaves no thread, no post and no file.
Notifications go out after the transaction commits (forum.notify). Moderation is in
forum.moderation.
"""

import datetime
import uuid
from contextlib import suppress

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from roundtable.core import deid_forms
from roundtable.core.text import fold
from roundtable.forum import markdown, notify, selectors
from roundtable.forum.attachments import CheckedFile, check_attachments
from roundtable.forum.models import (
    ActionKind,
    Attachment,
    AttachmentReview,
    Category,
    CategoryRead,
    EmailMode,
    HelpfulMark,
    MemberSettings,
    ModerationAction,
    Post,
    PostRevision,
    Thread,
    ThreadRead,
    Watch,
)

MIN_BODY = 2
MAX_BODY = 20_000
MIN_TITLE = 5
MAX_TITLE = 200


# Raised by the check below; the form piece that shows it lives in core.deid_forms.
IdentifyingDetails = deid_forms.IdentifyingDetails


# --- Checks ---------------------------------------------------------------------------


def _check_body(body: str) -> str:
    body = (body or "").strip()
    if len(body) < MIN_BODY:
        raise ValidationError({"body": _("Write a message before posting.")})
    if len(body) > MAX_BODY:
        raise ValidationError(
            {
                "body": _("Your message has %(length)s characters; the limit is %(limit)s.")
                % {"length": len(body), "limit": MAX_BODY}
            }
        )
    return body


def _check_title(title: str) -> str:
    title = " ".join((title or "").split())
    if len(title) < MIN_TITLE:
        raise ValidationError({"title": _("Give the thread a title of at least 5 characters.")})
    if len(title) > MAX_TITLE:
        raise ValidationError({"title": _("The title can be at most 200 characters long.")})
    return title


def check_can_post(user: AbstractBaseUser, *, category: Category, thread: Thread | None = None):
    """Raise PermissionDenied with the reason when `user` may not post here now."""
    if not user.is_authenticated:
        raise PermissionDenied(_("Log in to take part in discussions."))
    suspension = selectors.active_suspension(user)
    if suspension is not None:
        raise PermissionDenied(
            _("Your forum account is suspended until %(date)s.")
            % {"date": date_format(timezone.localtime(suspension.until), "DATETIME_FORMAT")}
        )
    if not selectors.can_read_category(user, category):
        raise PermissionDenied(_("You cannot post in this category."))
    if thread is not None and thread.is_locked and not selectors.is_moderator(user):
        raise PermissionDenied(_("This thread is locked: no new replies can be added."))
    since = timezone.now() - datetime.timedelta(minutes=10)
    recent = Post.objects.filter(author=user, created_at__gte=since).count()
    if recent >= settings.FORUM_POSTS_PER_10_MINUTES and not selectors.is_moderator(user):
        raise PermissionDenied(
            _("You have posted a lot in the last few minutes. Please wait a little and try again.")
        )


def _check_identifying(
    *,
    category: Category,
    texts: list[tuple[str, str]],
    files: list[CheckedFile] = (),
    confirmed: set[str],
) -> list[str]:
    """Every post in every category is checked, its attachments' names too: the code of
    conduct forbids identifying a child anywhere. Case discussions need each flag
    confirmed; elsewhere one confirmation will do. Returns the kinds confirmed, for the
    record, or raises IdentifyingDetails listing the flags still open."""
    from roundtable.accounts.selectors import profiles_by_handle

    named = [("attachments", checked.filename) for checked in files]
    # A mention of a member is a colleague, not a child: `profiles_by_handle` keeps only
    # the handles of real members, so "@" before a child's name does not hide it.
    mentioned = {handle for _field, text in texts for handle in markdown.mentioned_usernames(text)}
    members = set(profiles_by_handle(handles=mentioned)) if mentioned else set()
    return deid_forms.check(
        texts=texts,
        file_names=named,
        confirmed=confirmed,
        each=category.is_case_discussion,
        members=members,
    )


def _needs_review(user: AbstractBaseUser) -> bool:
    """A new member's first posts wait for a moderator."""
    if selectors.is_moderator(user):
        return False
    return selectors.approved_posts_count(user) < settings.FORUM_POSTS_BEFORE_TRUSTED


# --- Posts ------------------------------------------------------------------------------


def _mentions(text: str) -> dict[str, str]:
    from django.urls import reverse

    from roundtable.accounts.selectors import profiles_by_handle

    profiles = profiles_by_handle(handles=markdown.mentioned_usernames(text))
    return {
        folded: reverse("accounts:profile_detail", args=[profile.pk])
        for folded, profile in profiles.items()
    }


def _render(body: str) -> str:
    return markdown.render(body, mentions=_mentions(body))


def _folded(post_body: str, title: str = "") -> str:
    return fold(f"{title}\n{post_body}")


def _save_attachments(post: Post, files: list[CheckedFile]) -> None:
    """Write the files and their rows. Files are not transactional: if a write fails, the
    files already written are removed before the error rolls the transaction back.
    In case discussions the files wait for a moderator: the de-identification check
    cannot read a photo or a PDF."""
    held = post.thread.category.is_case_discussion and not selectors.is_moderator(post.author)
    written = []
    try:
        for checked in files:
            attachment = Attachment(
                post=post,
                filename=checked.filename,
                content_type=checked.content_type,
                size=checked.size,
                review=AttachmentReview.HELD if held else AttachmentReview.APPROVED,
            )
            attachment.file.save(checked.filename, checked.content, save=False)
            written.append(attachment.file.name)
            attachment.save()
    except Exception:
        storage = Attachment._meta.get_field("file").storage
        for name in written:
            storage.delete(name)
        raise


def remember_language(user: AbstractBaseUser) -> None:
    """Forum e-mails are written in the language the member last used the forum in."""
    language = get_language() or settings.LANGUAGE_CODE
    MemberSettings.objects.update_or_create(user=user, defaults={"language": language})


@transaction.atomic
def thread_create(
    *,
    author: AbstractBaseUser,
    category: Category,
    title: str,
    body: str,
    language: str,
    uploads: list | None = None,
    confirmed: set[str] | None = None,
    submit_key: uuid.UUID | None = None,
) -> Thread:
    check_can_post(author, category=category)
    title, body = _check_title(title), _check_body(body)
    files = check_attachments(uploads or [])
    confirmed_kinds = _check_identifying(
        category=category,
        texts=[("title", title), ("body", body)],
        files=files,
        confirmed=confirmed or set(),
    )
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    approved = not category.is_case_discussion and not _needs_review(author)
    if category.is_case_discussion and selectors.is_moderator(author):
        approved = True
    now = timezone.now()
    thread = Thread.objects.create(
        category=category,
        title=title,
        language=language,
        starter=author,
        created_at=now,
        last_post_at=now,
        last_poster=author,
        is_approved=approved,
    )
    post = Post.objects.create(
        thread=thread,
        author=author,
        body=body,
        language=language,
        html=_render(body),
        created_at=now,
        is_approved=approved,
        deid_confirmed=confirmed_kinds,
        search_folded=_folded(body, title),
        submit_key=submit_key,
    )
    _save_attachments(post, files)
    Watch.objects.get_or_create(user=author, thread=thread)
    remember_language(author)
    ThreadRead.objects.create(user=author, thread=thread, last_read_at=now)
    thread_synchronize(thread)
    category_synchronize(category)
    transaction.on_commit(lambda: notify.post_created_task.enqueue(post_id=post.pk))
    return thread


@transaction.atomic
def post_create(
    *,
    author: AbstractBaseUser,
    thread: Thread,
    body: str,
    language: str | None = None,
    uploads: list | None = None,
    confirmed: set[str] | None = None,
    submit_key: uuid.UUID | None = None,
) -> Post:
    """A reply in `language` (one of the interface languages; by default its thread's)."""
    thread = Thread.objects.select_for_update().select_related("category").get(pk=thread.pk)
    check_can_post(author, category=thread.category, thread=thread)
    body = _check_body(body)
    files = check_attachments(uploads or [])
    confirmed_kinds = _check_identifying(
        category=thread.category,
        texts=[("body", body)],
        files=files,
        confirmed=confirmed or set(),
    )
    if language not in dict(settings.LANGUAGES):
        language = thread.language
    post = Post.objects.create(
        thread=thread,
        author=author,
        body=body,
        language=language,
        html=_render(body),
        is_approved=not _needs_review(author),
        deid_confirmed=confirmed_kinds,
        search_folded=_folded(body),
        submit_key=submit_key,
    )
    _save_attachments(post, files)
    Watch.objects.get_or_create(user=author, thread=thread)
    remember_language(author)
    if post.is_approved:
        thread_mark_read(author, thread, up_to=post.created_at)
    thread_synchronize(thread)
    category_synchronize(thread.category)
    transaction.on_commit(lambda: notify.post_created_task.enqueue(post_id=post.pk))
    return post


def _submitted(*, author: AbstractBaseUser, submit_key: uuid.UUID | None) -> Post | None:
    """The post an earlier sending of the same form created, if any."""
    if submit_key is None:
        return None
    post = Post.objects.select_related("thread").filter(submit_key=submit_key).first()
    if post is not None and post.author_id != author.pk:
        raise ValidationError(_("This form was already sent. Reload the page and write again."))
    return post


def _once(*, author: AbstractBaseUser, submit_key: uuid.UUID | None, create):
    """Run `create` unless the same form was sent before; returns the earlier post or None
    with the new result. Two sendings at once: the unique key lets one insert win, and the
    other (its transaction rolled back) finds the winner's post."""
    earlier = _submitted(author=author, submit_key=submit_key)
    if earlier is not None:
        return earlier, None
    try:
        return None, create()
    except IntegrityError:
        earlier = _submitted(author=author, submit_key=submit_key)
        if earlier is None:
            raise
        return earlier, None


def thread_submit(*, author: AbstractBaseUser, submit_key: uuid.UUID | None, **fields) -> Thread:
    """`thread_create` once per form: the same form sent again returns the first thread."""
    earlier, thread = _once(
        author=author,
        submit_key=submit_key,
        create=lambda: thread_create(author=author, submit_key=submit_key, **fields),
    )
    return earlier.thread if earlier is not None else thread


def post_submit(*, author: AbstractBaseUser, submit_key: uuid.UUID | None, **fields) -> Post:
    """`post_create` once per form: the same form sent again returns the first reply."""
    earlier, post = _once(
        author=author,
        submit_key=submit_key,
        create=lambda: post_create(author=author, submit_key=submit_key, **fields),
    )
    return earlier if earlier is not None else post


def can_edit(
    user: AbstractBaseUser,
    post: Post,
    *,
    is_moderator: bool | None = None,
    suspended: bool | None = None,
) -> bool:
    """Moderators edit any post; authors their own, unless hidden, redacted, locked or
    suspended (a redacted post is not the author's to write again). A page listing many
    posts passes `is_moderator` and `suspended`, found once."""
    if not user.is_authenticated:
        return False
    if is_moderator is None:
        is_moderator = selectors.is_moderator(user)
    if is_moderator:
        return True
    if (
        post.author_id != user.pk
        or post.is_hidden
        or post.redacted_at is not None
        or post.thread.is_locked
    ):
        return False
    if suspended is None:
        suspended = selectors.active_suspension(user) is not None
    return not suspended


@transaction.atomic
def post_edit(
    *, editor: AbstractBaseUser, post: Post, body: str, confirmed: set[str] | None = None
) -> Post:
    """Change a post's text; the previous text is kept in the post's history."""
    post = Post.objects.select_for_update().select_related("thread__category").get(pk=post.pk)
    if not can_edit(editor, post):
        raise PermissionDenied(_("You cannot edit this post."))
    body = _check_body(body)
    if body == post.body:
        return post
    confirmed_kinds = _check_identifying(
        category=post.thread.category, texts=[("body", body)], confirmed=confirmed or set()
    )
    PostRevision.objects.create(post=post, body=post.body, edited_by=editor)
    is_first = not Post.objects.filter(thread=post.thread, created_at__lt=post.created_at).exists()
    post.body = body
    post.html = _render(body)
    post.search_folded = _folded(body, post.thread.title if is_first else "")
    post.edited_at = timezone.now()
    post.edit_count = F("edit_count") + 1
    post.deid_confirmed = confirmed_kinds
    post.save()
    post.refresh_from_db()
    if post.author_id != editor.pk:
        _log_moderator_edit(editor=editor, post=post)
    return post


def _log_moderator_edit(*, editor: AbstractBaseUser, post: Post) -> None:
    """A moderator changed someone else's words: the log says who, which post and when,
    never the text (it may be what had to go)."""
    ModerationAction.objects.create(
        actor=editor, action=ActionKind.EDIT, thread=post.thread, post=post
    )


def post_revisions(post: Post):
    return post.revisions.select_related("edited_by__profile")


@transaction.atomic
def helpful_toggle(*, user: AbstractBaseUser, post: Post) -> bool:
    """Mark or unmark a post as helpful; returns whether it is now marked. Members cannot
    mark their own posts."""
    if not user.is_authenticated or post.author_id == user.pk:
        raise PermissionDenied(_("You cannot mark your own post as helpful."))
    deleted, _rows = HelpfulMark.objects.filter(user=user, post=post).delete()
    if not deleted:
        # A double click may have marked it meanwhile: the unique constraint keeps one.
        with suppress(IntegrityError), transaction.atomic():
            HelpfulMark.objects.create(user=user, post=post)
    Post.objects.filter(pk=post.pk).update(
        helpful_count=HelpfulMark.objects.filter(post=post).count()
    )
    return not deleted


# --- Reading marks --------------------------------------------------------------------


def thread_mark_read(user: AbstractBaseUser, thread: Thread, *, up_to: datetime.datetime) -> None:
    """Remember that `user` has read `thread` up to the post written at `up_to`; the mark
    only moves forward."""
    if not user.is_authenticated:
        return
    updated = ThreadRead.objects.filter(user=user, thread=thread, last_read_at__lt=up_to).update(
        last_read_at=up_to
    )
    if not updated:
        # Two tabs opening the thread at once may both get here: one row wins.
        with suppress(IntegrityError), transaction.atomic():
            ThreadRead.objects.get_or_create(
                user=user, thread=thread, defaults={"last_read_at": up_to}
            )


@transaction.atomic
def category_mark_read(user: AbstractBaseUser, category: Category) -> None:
    now = timezone.now()
    CategoryRead.objects.update_or_create(
        user=user, category=category, defaults={"last_read_at": now}
    )
    # Thread marks older than the category's are now redundant.
    ThreadRead.objects.filter(user=user, thread__category=category, last_read_at__lt=now).delete()


@transaction.atomic
def all_mark_read(user: AbstractBaseUser) -> None:
    for category in selectors.readable_categories(user):
        category_mark_read(user, category)


# --- Watching -------------------------------------------------------------------------


def watch_set(
    *,
    user: AbstractBaseUser,
    email: str | None,
    thread: Thread | None = None,
    category: Category | None = None,
) -> Watch | None:
    """Watch a thread or a category with the given e-mail mode; `email=None` stops watching."""
    target = {"thread": thread} if thread is not None else {"category": category}
    if email is None:
        Watch.objects.filter(user=user, **target).delete()
        return None
    if email not in EmailMode.values:
        raise ValidationError(_("Choose how you want to be notified."))
    remember_language(user)
    watch, _created = Watch.objects.update_or_create(user=user, **target, defaults={"email": email})
    return watch


def mention_emails_set(*, user: AbstractBaseUser, enabled: bool) -> None:
    MemberSettings.objects.update_or_create(user=user, defaults={"mention_emails": enabled})


# --- Counters -------------------------------------------------------------------------


def thread_synchronize(thread: Thread) -> None:
    """Recount a thread's visible posts and find its last one (after any change)."""
    visible = Post.objects.filter(thread=thread, is_approved=True, is_hidden=False)
    last = visible.select_related(None).order_by("-created_at", "-id").first()
    if last is None:
        # A thread whose only posts wait for review shows its first post's time.
        last = Post.objects.filter(thread=thread).order_by("created_at", "id").first()
    Thread.objects.filter(pk=thread.pk).update(
        posts_count=visible.count(),
        last_post_at=last.created_at if last else thread.created_at,
        last_poster_id=last.author_id if last else None,
    )


def category_synchronize(category: Category) -> None:
    threads = Thread.objects.filter(category=category, is_approved=True, is_hidden=False)
    totals = threads.aggregate(threads=Count("id"), last=Max("last_post_at"))
    posts = Post.objects.filter(thread__in=threads, is_approved=True, is_hidden=False).count()
    last_thread = threads.order_by("-last_post_at", "-id").first()
    Category.objects.filter(pk=category.pk).update(
        threads_count=totals["threads"],
        posts_count=posts,
        last_post_at=totals["last"],
        last_thread=last_thread,
    )
