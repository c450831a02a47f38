"""django-allauth hooks: neutral usernames, profile creation and mail through the task queue."""

import secrets

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import user_username
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest

from roundtable.accounts.services import profile_ensure
from roundtable.core.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request: HttpRequest, user) -> None:
        # allauth would derive the username from the e-mail address; the username is never
        # shown (members are @handle), but it must not carry the address either.
        if not user_username(user):
            user_username(user, f"m{secrets.token_hex(8)}")

    def save_user(self, request: HttpRequest, user, form, commit: bool = True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            profile_ensure(user=user)
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Render now, in the reader's language and with the request's URLs; send later, in
        # the worker, so a slow mail server never slows sign-up or password reset.
        # The same context allauth's own send_mail gives every account e-mail: the site's
        # name and domain ("Hello from Roundtable!") and the recipient's address (the
        # unknown-account mail names it).
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
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
