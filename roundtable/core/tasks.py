"""Background tasks shared by every capability."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(
    *,
    subject: str,
    body: str,
    to: list[str],
    html_body: str = "",
    from_email: str | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    """Send one message. Runs in the worker so that a slow mail server never slows a page."""
    message = EmailMultiAlternatives(
        subject=subject, body=body, to=to, from_email=from_email, headers=headers
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
