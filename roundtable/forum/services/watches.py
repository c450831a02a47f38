"""Watches and e-mail settings: which threads and categories a member hears about, how,
and the language their forum e-mails are written in."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from roundtable.forum.models import Category, EmailMode, MemberSettings, Thread, Watch


def remember_language(*, user: AbstractBaseUser) -> None:
    """Forum e-mails are written in the language the member last used the forum in."""
    language = get_language() or settings.LANGUAGE_CODE
    MemberSettings.objects.update_or_create(user=user, defaults={"language": language})


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
    remember_language(user=user)
    watch, _created = Watch.objects.update_or_create(user=user, **target, defaults={"email": email})
    return watch


def mention_emails_set(*, user: AbstractBaseUser, enabled: bool) -> None:
    """Turn the e-mails about mentions of `user` on or off."""
    MemberSettings.objects.update_or_create(user=user, defaults={"mention_emails": enabled})
