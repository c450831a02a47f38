from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from roundtable.notifications.models import Notification


def notifications_for(*, user: AbstractBaseUser) -> QuerySet[Notification]:
    """A member's own notifications, newest first; nobody else's are ever reachable."""
    return Notification.objects.filter(recipient=user)


def unread_count(*, user: AbstractBaseUser) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
