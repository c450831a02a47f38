"""django-allauth hooks: profile creation and mail through the task queue."""

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from roundtable.accounts.services import profile_ensure
from roundtable.core.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request: HttpRequest, user, form, commit: bool = True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            profile_ensure(user=user)
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Render now, in the reader's language and with the request's URLs; send later, in
        # the worker, so a slow mail server never slows sign-up or password reset.
        message = self.render_mail(template_prefix, email, context)
        html_body = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        send_email.enqueue(
            subject=str(message.subject),
            body=message.body,
            to=list(message.to),
            html_body=html_body,
            from_email=message.from_email,
        )
