"""The signed one-click unsubscribe link of every forum e-mail (with the List-Unsubscribe
headers of RFC 8058): making it, reading it back, and applying it. No login is needed;
the signature is the proof."""

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils import translation

from roundtable.forum.models import DigestItem, EmailMode, MemberSettings, Watch

UNSUBSCRIBE_SALT = "roundtable.forum.unsubscribe"


def unsubscribe_token(*, user_id: int, what: str, watch_id: int | None = None) -> str:
    """`what` is "watch" (one watch's e-mails), "mentions" or "all" (every forum e-mail)."""
    return signing.dumps({"u": user_id, "w": what, "id": watch_id}, salt=UNSUBSCRIBE_SALT)


# A link older than this is refused like a forged one (a forwarded or leaked e-mail
# should not keep working for ever).
UNSUBSCRIBE_MAX_AGE = datetime.timedelta(days=365)


def unsubscribe_read(token: str) -> dict[str, Any] | None:
    """The payload of a signed link, or None when it is forged or too old."""
    try:
        payload: dict[str, Any] = signing.loads(
            token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE
        )
        return payload
    except signing.BadSignature:  # SignatureExpired is one too
        return None


def absolute_url(*, path: str) -> str:
    """An address for an e-mail: the site's own, not the request's."""
    return f"{settings.SITE_URL}{path}"


def unsubscribe_url(*, token: str, language: str) -> str:
    """The link for `token`, in the e-mail's language."""
    with translation.override(language):
        return absolute_url(path=reverse("forum:unsubscribe", args=[token]))


def unsubscribe_apply(payload: dict[str, Any]) -> bool:
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
