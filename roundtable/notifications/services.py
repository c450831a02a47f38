"""Writes of notifications: in-app rows and, through the task queue, e-mails (templates
`emails/notification_*` of this app, through `core.emails`)."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from roundtable.core.emails import absolute_url, render_templated
from roundtable.notifications.kinds import render
from roundtable.notifications.models import Notification


@transaction.atomic
def notification_send(
    *,
    recipients: Iterable[AbstractBaseUser],
    kind: str,
    params: dict,
    url: str = "",
    language: str = settings.LANGUAGE_CODE,
    email: bool = True,
) -> list[Notification]:
    """Notify each recipient in the app and, when `email`, by mail in `language`.

    Mails are queued after the transaction commits, so that a rolled-back change never
    sends one.
    """
    recipients = [user for user in recipients if user.is_active]
    notifications = Notification.objects.bulk_create(
        [Notification(recipient=user, kind=kind, params=params, url=url) for user in recipients]
    )
    if email:
        with translation.override(language):
            # The message is rendered once, in the mail's language; the inbox is named in it.
            context = {
                "message": render(kind, params),
                "link": absolute_url(url) if url else "",
                "inbox": absolute_url(reverse("notifications:list")),
            }
        rendered = render_templated("notification", context=context, language=language)
        addresses = [user.email for user in recipients if user.email]
        for address in addresses:
            transaction.on_commit(lambda address=address: rendered.send(to=[address], queue=True))
    return notifications


def notifications_mark_read(*, user: AbstractBaseUser, ids: list[int] | None = None) -> int:
    """Mark the given notifications (or all) of `user` as read; returns how many changed."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())
