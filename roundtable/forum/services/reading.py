"""Reading marks: how far a member has read a thread, and "mark as read" for a category
or the whole forum. Marks only move forward."""

import datetime
from contextlib import suppress

from django.db import IntegrityError, transaction
from django.utils import timezone

from roundtable.forum import selectors
from roundtable.forum.models import Category, CategoryRead, Thread, ThreadRead
from roundtable.forum.selectors import Viewer


def thread_mark_read(*, user: Viewer, thread: Thread, up_to: datetime.datetime) -> None:
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
def category_mark_read(*, user: Viewer, category: Category) -> None:
    """Mark every thread of `category` as read for `user`, now."""
    now = timezone.now()
    CategoryRead.objects.update_or_create(
        user=user, category=category, defaults={"last_read_at": now}
    )
    # Thread marks older than the category's are now redundant.
    ThreadRead.objects.filter(user=user, thread__category=category, last_read_at__lt=now).delete()


@transaction.atomic
def all_mark_read(*, user: Viewer) -> None:
    """Mark every category `user` may read as read."""
    for category in selectors.readable_categories(user):
        category_mark_read(user=user, category=category)
