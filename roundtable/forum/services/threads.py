"""Threads: starting one (its first post goes through the same checks as any post), once
per form."""

import uuid
from typing import cast

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from roundtable.forum import rules, selectors
from roundtable.forum.attachments import check_attachments
from roundtable.forum.models import Category, Post, Thread, ThreadRead, Watch
from roundtable.forum.notifications import fanout
from roundtable.forum.services.counters import category_synchronize, thread_synchronize
from roundtable.forum.services.posts import (
    attachments_save,
    folded_text,
    identifying_check,
    needs_review,
    render_body,
    submit_once,
)
from roundtable.forum.services.watches import remember_language


@transaction.atomic
def thread_create(
    *,
    author: AbstractBaseUser,
    category: Category,
    title: str,
    body: str,
    language: str,
    uploads: list[UploadedFile] | None = None,
    confirmed: set[str] | None = None,
    submit_key: uuid.UUID | None = None,
) -> Thread:
    """Start a thread in `category` with its first post; it waits for a moderator in a case
    discussion or when its author is new."""
    selectors.check_can_post(user=author, category=category)
    title, body = rules.check_title(title=title), rules.check_body(body=body)
    files = check_attachments(uploads or [])
    confirmed_kinds = identifying_check(
        category=category,
        texts=[("title", title), ("body", body)],
        files=files,
        confirmed=confirmed or set(),
    )
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    approved = not category.is_case_discussion and not needs_review(user=author)
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
        html=render_body(body=body),
        created_at=now,
        is_approved=approved,
        deid_confirmed=confirmed_kinds,
        search_folded=folded_text(body=body, title=title),
        submit_key=submit_key,
    )
    attachments_save(post=post, files=files)
    Watch.objects.get_or_create(user=author, thread=thread)
    remember_language(user=author)
    ThreadRead.objects.create(user=author, thread=thread, last_read_at=now)
    thread_synchronize(thread=thread)
    category_synchronize(category=category)
    transaction.on_commit(lambda: fanout.post_created_task.enqueue(post_id=post.pk))
    return thread


def thread_submit(
    *, author: AbstractBaseUser, submit_key: uuid.UUID | None, **fields: object
) -> Thread:
    """`thread_create` once per form: the same form sent again returns the first thread."""
    earlier, thread = submit_once(
        author=author,
        submit_key=submit_key,
        create=lambda: thread_create(author=author, submit_key=submit_key, **fields),  # type: ignore[arg-type]
    )
    # One of the two is always set: the earlier post's thread, or the one just created.
    return earlier.thread if earlier is not None else cast(Thread, thread)
