"""E-mails are templates, rendered in the recipient's language.

`send_templated("notification", to=[...], context={...}, language="sq")` renders, from the
owning app's `templates/emails/`:
- `notification_subject.txt` (one line; newlines and runs of spaces are folded),
- `notification_body.txt`,
- `notification_body.html`, when it exists (sent as the HTML alternative).

The subject is prefixed with `settings.EMAIL_SUBJECT_PREFIX`. Every template gets
`site_url` (`SITE_URL`'s origin), and links are built with `absolute_url`: a mail is read
outside the site, so a link must never depend on the request that caused it. Text
templates turn autoescaping off themselves (`{% autoescape off %}`): a plain-text e-mail
must show "Ana & Goran", not "Ana &amp; Goran".
"""

from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from roundtable.core.seo import absolute_url, site_origin
from roundtable.core.tasks import send_email

__all__ = ["RenderedEmail", "absolute_url", "render_templated", "send_templated"]

# Mail clients cut long subjects anyway; some servers refuse a header line beyond 998.
SUBJECT_MAX_LENGTH = 200


@dataclass(frozen=True)
class RenderedEmail:
    """A message ready to send: subject (prefixed), plain-text body, optional HTML body."""

    subject: str
    body: str
    html_body: str = ""

    def send(
        self, *, to: list[str], headers: dict[str, str] | None = None, queue: bool = False
    ) -> None:
        """Send now (from a task or a command), or through the task queue with `queue`, so
        that a slow mail server never slows a page."""
        arguments: dict[str, Any] = {
            "subject": self.subject,
            "body": self.body,
            "to": to,
            "html_body": self.html_body,
            "headers": headers,
        }
        if queue:
            send_email.enqueue(**arguments)
        else:
            send_email.call(**arguments)


def render_templated(name: str, *, context: dict[str, Any], language: str) -> RenderedEmail:
    """The e-mail `name` rendered in `language` from `emails/<name>_*` templates."""
    full_context = {"site_url": site_origin(), "language": language, **context}
    with translation.override(language):
        subject = render_to_string(f"emails/{name}_subject.txt", full_context)
        body = render_to_string(f"emails/{name}_body.txt", full_context)
        html_body: str = ""
        with suppress(TemplateDoesNotExist):  # the HTML part is optional
            html_body = render_to_string(f"emails/{name}_body.html", full_context)
    # A subject is one header line: the template's line breaks and indents are folded.
    one_line = " ".join(f"{settings.EMAIL_SUBJECT_PREFIX}{subject}".split())
    return RenderedEmail(
        subject=one_line[:SUBJECT_MAX_LENGTH], body=body.strip(), html_body=html_body.strip()
    )


def send_templated(
    name: str,
    *,
    to: list[str],
    context: dict[str, Any],
    language: str,
    headers: dict[str, str] | None = None,
    queue: bool = False,
) -> None:
    """Render the e-mail `name` in `language` (see the module) and send it to `to`."""
    render_templated(name, context=context, language=language).send(
        to=to, headers=headers, queue=queue
    )
