"""Posts: replies, edits and helpful marks, and the checks every new text goes through
(the de-identification check, review for new members, attachments, one post per form).

Everything a member submits is checked before anything is written, and each write runs
in one transaction: a post with a bad attachment leaves no thread, no post and no file.
Notifications go out after the transaction commits (forum.notifications.fanout).
"""

import uuid
from collections.abc import Callable
from contextlib import suppress
from typing import TypeVar, cast

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from roundtable.core import deid_forms
from roundtable.core.text import fold
from roundtable.forum import markdown, rules, selectors
from roundtable.forum.attachments import CheckedFile, check_attachments
from roundtable.forum.models import (
    ActionKind,
    Attachment,
    AttachmentReview,
    Category,
    HelpfulMark,
    ModerationAction,
    Post,
    PostRevision,
    Thread,
    Watch,
)
from roundtable.forum.notifications import fanout
from roundtable.forum.services.counters import category_synchronize, thread_synchronize
from roundtable.forum.services.reading import thread_mark_read
from roundtable.forum.services.watches import remember_language

# Raised by the check below; the form piece that shows it lives in core.deid_forms.
IdentifyingDetails = deid_forms.IdentifyingDetails

Created = TypeVar("Created")


# --- Checks ---------------------------------------------------------------------------


def identifying_check(
    *,
    category: Category,
    texts: list[tuple[str, str]],
    files: list[CheckedFile] | tuple[()] = (),
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
    found: list[str] = deid_forms.check(
        texts=texts,
        file_names=named,
        confirmed=confirmed,
        each=category.is_case_discussion,
        members=members,
    )
    return found


def needs_review(*, user: AbstractBaseUser) -> bool:
    """A new member's first posts wait for a moderator."""
    if selectors.is_moderator(user):
        return False
    trusted_after: int = settings.FORUM_POSTS_BEFORE_TRUSTED
    return selectors.approved_posts_count(user) < trusted_after


# --- Text and files -------------------------------------------------------------------


def _mentions(text: str) -> dict[str, str]:
    from roundtable.accounts.selectors import profiles_by_handle

    profiles = profiles_by_handle(handles=markdown.mentioned_usernames(text))
    return {
        folded: reverse("accounts:profile_detail", args=[profile.pk])
        for folded, profile in profiles.items()
    }


def render_body(*, body: str) -> str:
    """The post's HTML, with mentions of members linked to their profiles."""
    html: str = markdown.render(body, mentions=_mentions(body))
    return html


def folded_text(*, body: str, title: str = "") -> str:
    """What full-text search reads for a post (a first post carries its thread's title)."""
    return fold(f"{title}\n{body}")


def attachments_save(*, post: Post, files: list[CheckedFile]) -> None:
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


# --- Posts ------------------------------------------------------------------------------


@transaction.atomic
def post_create(
    *,
    author: AbstractBaseUser,
    thread: Thread,
    body: str,
    language: str | None = None,
    uploads: list[UploadedFile] | None = None,
    confirmed: set[str] | None = None,
    submit_key: uuid.UUID | None = None,
) -> Post:
    """A reply in `language` (one of the interface languages; by default its thread's)."""
    thread = Thread.objects.select_for_update().select_related("category").get(pk=thread.pk)
    selectors.check_can_post(user=author, category=thread.category, thread=thread)
    body = rules.check_body(body=body)
    files = check_attachments(uploads or [])
    confirmed_kinds = identifying_check(
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
        html=render_body(body=body),
        is_approved=not needs_review(user=author),
        deid_confirmed=confirmed_kinds,
        search_folded=folded_text(body=body),
        submit_key=submit_key,
    )
    attachments_save(post=post, files=files)
    Watch.objects.get_or_create(user=author, thread=thread)
    remember_language(user=author)
    if post.is_approved:
        thread_mark_read(user=author, thread=thread, up_to=post.created_at)
    thread_synchronize(thread=thread)
    category_synchronize(category=thread.category)
    transaction.on_commit(lambda: fanout.post_created_task.enqueue(post_id=post.pk))
    return post


def _submitted(*, author: AbstractBaseUser, submit_key: uuid.UUID | None) -> Post | None:
    """The post an earlier sending of the same form created, if any."""
    if submit_key is None:
        return None
    post = Post.objects.select_related("thread").filter(submit_key=submit_key).first()
    if post is not None and post.author_id != author.pk:
        raise ValidationError(_("This form was already sent. Reload the page and write again."))
    return post


def submit_once(
    *, author: AbstractBaseUser, submit_key: uuid.UUID | None, create: Callable[[], Created]
) -> tuple[Post | None, Created | None]:
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


def post_submit(
    *, author: AbstractBaseUser, submit_key: uuid.UUID | None, **fields: object
) -> Post:
    """`post_create` once per form: the same form sent again returns the first reply."""
    earlier, post = submit_once(
        author=author,
        submit_key=submit_key,
        create=lambda: post_create(author=author, submit_key=submit_key, **fields),  # type: ignore[arg-type]
    )
    # One of the two is always set: the earlier post, or the one just created.
    return earlier if earlier is not None else cast(Post, post)


@transaction.atomic
def post_edit(
    *, editor: AbstractBaseUser, post: Post, body: str, confirmed: set[str] | None = None
) -> Post:
    """Change a post's text; the previous text is kept in the post's history."""
    post = Post.objects.select_for_update().select_related("thread__category").get(pk=post.pk)
    if not selectors.can_edit(user=editor, post=post):
        raise PermissionDenied(_("You cannot edit this post."))
    body = rules.check_body(body=body)
    if body == post.body:
        return post
    confirmed_kinds = identifying_check(
        category=post.thread.category, texts=[("body", body)], confirmed=confirmed or set()
    )
    PostRevision.objects.create(post=post, body=post.body, edited_by=editor)
    is_first = not Post.objects.filter(thread=post.thread, created_at__lt=post.created_at).exists()
    post.body = body
    post.html = render_body(body=body)
    post.search_folded = folded_text(body=body, title=post.thread.title if is_first else "")
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


def post_revisions(*, post: Post) -> QuerySet[PostRevision]:
    """The earlier versions of a post, with who edited each."""
    revisions: QuerySet[PostRevision] = post.revisions.select_related("edited_by__profile")
    return revisions


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
