"""Writes of notifications: in-app rows and, through the task queue, e-mails."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from roundtable.core.tasks import send_email
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
        absolute = f"{settings.SITE_URL}{url}" if url.startswith("/") else url
        with translation.override(language):
            subject = render(kind, params)
            body = _("%(message)s\n\n%(link)s\n\nYour notifications: %(inbox)s") % {
                "message": subject,
                "link": absolute,
                "inbox": f"{settings.SITE_URL}/{language}/notifications/",
            }
        addresses = [user.email for user in recipients if user.email]
        for address in addresses:
            transaction.on_commit(
                lambda address=address: send_email.enqueue(
                    subject=f"[Roundtable] {subject}"[:200], body=body, to=[address]
                )
            )
    return notifications


def notifications_mark_read(*, user: AbstractBaseUser, ids: list[int] | None = None) -> int:
    """Mark the given notifications (or all) of `user` as read; returns how many changed."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())
