"""The title and body rules of the forum, in one place: the forms size their fields from
these limits and the services apply the checks, so a form and a service cannot disagree
about what a thread title or a post may be."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MIN_BODY = 2
MAX_BODY = 20_000
MIN_TITLE = 5
MAX_TITLE = 200


def check_body(*, body: str) -> str:
    """The post's text, stripped; raises ValidationError on the `body` field if it is
    too short or too long."""
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


def check_title(*, title: str) -> str:
    """The thread title with its whitespace folded; raises ValidationError on the `title`
    field if it is too short or too long."""
    title = " ".join((title or "").split())
    if len(title) < MIN_TITLE:
        raise ValidationError({"title": _("Give the thread a title of at least 5 characters.")})
    if len(title) > MAX_TITLE:
        raise ValidationError({"title": _("The title can be at most 200 characters long.")})
    return title
