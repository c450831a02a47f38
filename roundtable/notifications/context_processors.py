from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from roundtable.notifications.selectors import unread_count


def unread_notifications(request: HttpRequest) -> dict:
    # Lazy: counted only when the header is rendered for a signed-in member.
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user=request.user))}
