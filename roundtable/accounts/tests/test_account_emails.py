"""Every account e-mail, in every interface language, names the site and its recipient.

The mails allauth sends here are driven through the real pages (sign-up, sign-up with an
address already registered, a new verification mail, a password reset for a known and for an
unknown address); the notification mails (password changed or reset, e-mail address changed,
two-factor authentication turned on or off, new recovery codes) through allauth's own
`send_notification_mail`, with notifications turned on.
"""

import re

import pytest
from allauth.account.adapter import get_adapter
from allauth.core.context import request_context
from django.conf import settings
from django.contrib.sites.models import Site
from django.core import mail
from django.test import RequestFactory
from django.utils import translation

from roundtable.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
NEW_ADDRESS = "new.member@example.org"
UNKNOWN_ADDRESS = "nobody.here@example.org"
PASSWORD = "kind-harbour-lantern-42"

# What an empty or unrendered placeholder leaves behind.
EMPTY_PLACEHOLDERS = {
    "a name missing before '!' ('Hello from !')": re.compile(r"\s[!.,?]"),
    "two spaces where a word was": re.compile(r"[^\s.!?]  +\S"),
    "nothing after a label ('Browser: ')": re.compile(r"^[^\n:]{1,40}:[ \t]*(\n(?!\n)|\Z)", re.M),
    "an unrendered template tag": re.compile(r"\{\{|\{%|%\(\w+\)|\bNone\b"),
    "an empty pair of quotes or brackets": re.compile(r"“”|\"\"|\(\)|\[\]"),
}
# Each notification with the context allauth's flows give it.
NOTIFICATIONS = {
    "account/email/password_changed": {},
    "account/email/password_set": {},
    "account/email/password_reset": {},
    "account/email/email_changed": {"from_email": "old@example.org", "to_email": "new@example.org"},
    "account/email/email_confirm": {},
    "account/email/email_deleted": {"deleted_email": "old@example.org"},
    "mfa/email/totp_activated": {},
    "mfa/email/totp_deactivated": {},
    "mfa/email/recovery_codes_generated": {},
}


@pytest.fixture
def account_mails(client, settings, code_of_conduct):
    """Every account mail, sent in `language`: a list of (what, expected recipient, message)."""
    settings.ACCOUNT_RATE_LIMITS = False
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True

    def send(language: str) -> list[tuple[str, str, mail.EmailMessage]]:
        member = UserFactory(email="known.member@example.org")
        sent = []

        def collect(what: str, recipient: str) -> None:
            assert len(mail.outbox) == 1, f"{what}: {len(mail.outbox)} mails"
            sent.append((what, recipient, mail.outbox.pop()))

        signup = {"email": NEW_ADDRESS, "password1": PASSWORD, "password2": PASSWORD}
        client.post(f"/{language}/accounts/signup/", signup)
        collect("sign-up confirmation", NEW_ADDRESS)
        client.logout()
        client.post(f"/{language}/accounts/signup/", {**signup, "email": member.email})
        collect("account already exists", member.email)
        client.logout()
        client.post(f"/{language}/accounts/password/reset/", {"email": member.email})
        collect("password reset", member.email)
        client.post(f"/{language}/accounts/password/reset/", {"email": UNKNOWN_ADDRESS})
        collect("unknown account", UNKNOWN_ADDRESS)
        client.force_login(member)
        client.post(
            f"/{language}/accounts/email/", {"email": "second@example.org", "action_add": ""}
        )
        collect("confirmation of an added address", "second@example.org")

        request = RequestFactory().get(f"/{language}/accounts/email/")
        request.user = member
        request.LANGUAGE_CODE = language
        with request_context(request), translation.override(language):
            for prefix, context in NOTIFICATIONS.items():
                get_adapter(request).send_notification_mail(prefix, member, context)
                collect(prefix, member.email)
        return sent

    return send


def test_the_site_takes_its_name_and_domain_from_the_settings():
    site = Site.objects.get_current()
    assert site.name == "Roundtable"
    assert site.domain == settings.SITE_URL.split("://", 1)[1].rstrip("/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_account_mail_names_the_site_and_fills_every_placeholder(language, account_mails):
    problems = []
    for what, recipient, message in account_mails(language):
        if message.to != [recipient]:
            problems.append(f"{what}: sent to {message.to}, not {recipient}")
        texts = {"subject": message.subject, "body": message.body}
        texts.update({f"html {i}": body for i, (body, _t) in enumerate(message.alternatives)})
        for part, text in texts.items():
            if "Roundtable" not in text and part != "subject":
                problems.append(f"{what} ({part}): the site's name is missing")
            for problem, pattern in EMPTY_PLACEHOLDERS.items():
                for match in pattern.finditer(text):
                    context = text[max(0, match.start() - 40) : match.end() + 20]
                    problems.append(f"{what} ({part}): {problem}: {context!r}")
        if what in {"unknown account", "account already exists"} and recipient not in (
            message.body
        ):
            problems.append(f"{what}: the body does not say which address was used")
    assert "\n".join(problems) == ""
