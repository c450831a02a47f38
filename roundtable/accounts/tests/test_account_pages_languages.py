"""Account pages speak the reader's language: no English left on a translated page.

Every account page allauth serves here (anonymous and signed in, two-factor set-up and
sign-in, reauthentication), every form submitted empty and with bad values, and every password
rule and validator message is rendered in English and in each translated language. A visible
text (text nodes outside script and style, and the placeholder, title, aria-label, alt and
button values) that is identical to the English rendering of the same page is English left
behind, unless ALLOWED says why it may stay. The library strings these pages show come into
our catalogues through roundtable/core/vendor_strings.py (manage.py collect_vendor_strings).
"""

import re

import lxml.html
import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib.auth.password_validation import (
    get_default_password_validators,
    password_validators_help_texts,
)
from django.core import validators
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from roundtable.accounts.tests.factories import PASSWORD, make_member

pytestmark = pytest.mark.django_db

TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
MEMBER = "ana.member@example.org"
TWO_FACTOR_MEMBER = "tomo.member@example.org"
UNVERIFIED = "vesna.member@example.org"

# Texts that are the same in every language.
ALLOWED_PATTERNS = [
    re.compile(r"^[\W\d_]*$"),  # numbers, punctuation, symbols
    re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$"),  # e-mail addresses
    re.compile(r"^https?://\S+$|^otpauth://"),  # addresses
    re.compile(r"^[A-Z2-7]{16,}$"),  # an authenticator app's secret key
    re.compile(r"^[A-Za-z0-9]{8}$"),  # recovery codes
]
ALLOWED = {
    settings.WAGTAIL_SITE_NAME,
    # The language switcher names each language in that language, on every page.
    *(LANG_INFO[code]["name_local"] for code, _name in settings.LANGUAGES),
    *(LANG_INFO[code]["name_local"].capitalize() for code, _name in settings.LANGUAGES),
    *(code for code, _name in settings.LANGUAGES),
    *(code.upper() for code, _name in settings.LANGUAGES),
    # Values the tests typed in, echoed back into their fields.
    "not-an-address",
}
# Words a language writes as English does: the same word, not a missing translation.
ALLOWED_IN = {
    "sq": {"Email", "Email:"},
    "hr": {"Forum"},
    "sr-latn": {"Forum"},
    "cnr": {"Forum"},
    "bs": {"Forum"},
    "ro": {"Email", "Email:", "Forum"},
}


def visible_texts(html: str) -> list[str]:
    tree = lxml.html.fromstring(html)
    hidden = "ancestor::script or ancestor::style or ancestor::template or ancestor::svg"
    texts = tree.xpath(f"//text()[not({hidden})]")
    texts += tree.xpath(
        "//@placeholder | //@title | //@aria-label | //@alt"
        " | //input[@type='submit' or @type='button' or @type='reset']/@value"
    )
    return [" ".join(str(text).split()) for text in texts if str(text).strip()]


def english_left(language: str, texts: list[str], english: list[str]) -> list[str]:
    allowed = ALLOWED | ALLOWED_IN.get(language, set())
    english = set(english)
    return sorted(
        {
            text
            for text in texts
            if text in english
            and text not in allowed
            and not any(pattern.match(text) for pattern in ALLOWED_PATTERNS)
        }
    )


@pytest.fixture
def members(code_of_conduct, settings):
    settings.ACCOUNT_RATE_LIMITS = False
    member = make_member(email=MEMBER, username="ana")
    two_factor = make_member(email=TWO_FACTOR_MEMBER, username="tomo")
    secret = generate_totp_secret()
    TOTP.activate(two_factor, secret)
    RecoveryCodes.activate(two_factor)
    unverified = make_member(email=UNVERIFIED, username="vesna")
    EmailAddress.objects.filter(user=unverified).update(verified=False)
    return {"member": member, "two_factor": two_factor, "unverified": unverified}


def unused_code(authenticator: Authenticator) -> str:
    authenticator.refresh_from_db()
    return RecoveryCodes(authenticator).get_unused_codes()[0]


def account_pages(language: str, members: dict) -> dict[str, str]:
    """Every account page and form state, rendered in `language`: {what: html}."""
    pages = {}
    prefix = f"/{language}/accounts"

    def render(client: Client, what: str, url: str, data: dict | None = None) -> None:
        response = (
            client.post(url, data, follow=True)
            if data is not None
            else client.get(url, follow=True)
        )
        assert response.status_code == 200, f"{what}: {response.status_code}"
        pages[what] = response.content.decode()

    anonymous = Client()
    render(anonymous, "login", f"{prefix}/login/")
    render(anonymous, "login, empty", f"{prefix}/login/", {})
    render(anonymous, "login, bad address", f"{prefix}/login/", {"login": "not-an-address"})
    render(
        anonymous,
        "login, wrong password",
        f"{prefix}/login/",
        {"login": MEMBER, "password": "wrong"},
    )
    render(
        anonymous,
        "login, unverified",
        f"{prefix}/login/",
        {"login": UNVERIFIED, "password": PASSWORD},
    )
    render(Client(), "signup", f"{prefix}/signup/")
    render(Client(), "signup, empty", f"{prefix}/signup/", {})
    for what, password1, password2 in [
        ("mismatch", "kind-harbour-lantern-42", "kind-harbour-lantern-43"),
        ("short, common, numeric", "1234567", "1234567"),
        ("similar to the address", "ana.member.example", "ana.member.example"),
        ("the site's name", "my-roundtable-2026", "my-roundtable-2026"),
    ]:
        data = {"email": "not-an-address", "password1": password1, "password2": password2}
        render(Client(), f"signup, {what}", f"{prefix}/signup/", data)
    render(
        Client(),
        "signup, known address",
        f"{prefix}/signup/",
        {
            "email": MEMBER,
            "password1": "kind-harbour-lantern-42",
            "password2": "kind-harbour-lantern-42",
        },
    )
    render(Client(), "inactive", f"{prefix}/inactive/")
    render(Client(), "verification sent", f"{prefix}/confirm-email/")
    unverified_address = EmailAddress.objects.get(email=UNVERIFIED)
    key = EmailConfirmationHMAC(unverified_address).key
    render(Client(), "confirm e-mail", f"{prefix}/confirm-email/{key}/")
    render(Client(), "confirm e-mail, bad key", f"{prefix}/confirm-email/not-a-key/")
    render(Client(), "password reset", f"{prefix}/password/reset/")
    render(Client(), "password reset, empty", f"{prefix}/password/reset/", {})
    render(
        Client(),
        "password reset, bad address",
        f"{prefix}/password/reset/",
        {"email": "not-an-address"},
    )
    render(Client(), "password reset, sent", f"{prefix}/password/reset/", {"email": MEMBER})
    render(Client(), "password reset done", f"{prefix}/password/reset/done/")
    render(Client(), "password reset key done", f"{prefix}/password/reset/key/done/")
    render(Client(), "password reset, bad key", f"{prefix}/password/reset/key/1-bad-key/")
    member = members["member"]
    uid = user_pk_to_url_str(member)
    token = default_token_generator.make_token(member)
    resetting = Client()
    render(resetting, "password reset from key", f"{prefix}/password/reset/key/{uid}-{token}/")
    set_password = f"{prefix}/password/reset/key/{uid}-set-password/"
    render(resetting, "password reset from key, empty", set_password, {})
    render(
        resetting,
        "password reset from key, weak",
        set_password,
        {"password1": "1234567", "password2": "7654321"},
    )

    two_factor_login = Client()
    render(
        two_factor_login,
        "two-factor sign-in",
        f"{prefix}/login/",
        {"login": TWO_FACTOR_MEMBER, "password": PASSWORD},
    )
    render(two_factor_login, "two-factor sign-in, empty", f"{prefix}/2fa/authenticate/", {})
    render(
        two_factor_login,
        "two-factor sign-in, wrong code",
        f"{prefix}/2fa/authenticate/",
        {"code": "000000"},
    )

    # Signed in through the form (not force_login), so that pages asking for a recent sign-in
    # (two-factor set-up, e-mail changes) show themselves, not the reauthentication page.
    signed_in = Client()
    signed_in.post(f"{prefix}/login/", {"login": MEMBER, "password": PASSWORD})
    render(signed_in, "reauthenticate", f"{prefix}/reauthenticate/")
    render(signed_in, "reauthenticate, wrong", f"{prefix}/reauthenticate/", {"password": "wrong"})
    signed_in.post(f"{prefix}/reauthenticate/", {"password": PASSWORD})
    for what, path in [
        ("e-mail addresses", "email/"),
        ("password change", "password/change/"),
        ("password set", "password/set/"),
        ("sign out", "logout/"),
        ("two-factor overview", "2fa/"),
        ("authenticator app set-up", "2fa/totp/activate/"),
    ]:
        render(signed_in, what, f"{prefix}/{path}")
    render(signed_in, "authenticator app set-up, empty", f"{prefix}/2fa/totp/activate/", {})
    render(
        signed_in,
        "authenticator app set-up, wrong",
        f"{prefix}/2fa/totp/activate/",
        {"code": "000000"},
    )
    render(signed_in, "e-mail addresses, empty", f"{prefix}/email/", {"action_add": ""})
    render(
        signed_in,
        "e-mail addresses, bad",
        f"{prefix}/email/",
        {"action_add": "", "email": "not-an-address"},
    )
    render(
        signed_in,
        "e-mail addresses, taken",
        f"{prefix}/email/",
        {"action_add": "", "email": TWO_FACTOR_MEMBER},
    )
    render(signed_in, "password change, empty", f"{prefix}/password/change/", {})
    render(
        signed_in,
        "password change, wrong",
        f"{prefix}/password/change/",
        {"oldpassword": "wrong", "password1": "1234567", "password2": "7654321"},
    )

    two_factor = Client()
    two_factor.post(f"{prefix}/login/", {"login": TWO_FACTOR_MEMBER, "password": PASSWORD})
    authenticator = Authenticator.objects.get(
        user=members["two_factor"], type=Authenticator.Type.RECOVERY_CODES
    )
    two_factor.post(f"{prefix}/2fa/authenticate/", {"code": unused_code(authenticator)})
    render(two_factor, "two-factor reauthenticate", f"{prefix}/2fa/reauthenticate/")
    render(
        two_factor,
        "two-factor reauthenticate, wrong",
        f"{prefix}/2fa/reauthenticate/",
        {"code": "000000"},
    )
    two_factor.post(f"{prefix}/2fa/reauthenticate/", {"code": unused_code(authenticator)})
    for what, path in [
        ("two-factor overview, set up", "2fa/"),
        ("authenticator app removal", "2fa/totp/deactivate/"),
        ("recovery codes", "2fa/recovery-codes/"),
        ("new recovery codes", "2fa/recovery-codes/generate/"),
    ]:
        render(two_factor, what, f"{prefix}/{path}")
    render(two_factor, "new recovery codes, made", f"{prefix}/2fa/recovery-codes/generate/", {})
    return pages


def validator_messages(language: str, user) -> dict[str, list[str]]:
    """Password rules and their errors, and the field validators' messages, in `language`."""
    messages = {}
    with translation.override(language):
        messages["password rules"] = [str(text) for text in password_validators_help_texts()]
        for password in ["1234567", "password", "iva.kovac.example", "roundtable-in-2026"]:
            for validator in get_default_password_validators():
                try:
                    validator.validate(password, user)
                except ValidationError as error:
                    key = f"{type(validator).__name__} on {password}"
                    messages[key] = [str(message) for message in error.messages]
        for what, validator, value in [
            ("e-mail", validators.EmailValidator(), "not-an-address"),
            ("web address", validators.URLValidator(), "not a link"),
            ("too long", validators.MaxLengthValidator(5), "a long value"),
            ("too short", validators.MinLengthValidator(5), "abc"),
            ("slug", validators.validate_slug, "no spaces here"),
        ]:
            try:
                validator(value)
            except ValidationError as error:
                messages[what] = [str(message) for message in error.messages]
    return messages


@pytest.fixture(scope="module")
def english_pages() -> dict:
    """The English texts of every account page, rendered once for the whole module."""
    return {}


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_account_page_shows_english_text(language, members, english_pages):
    if not english_pages:
        english_pages.update(
            {what: visible_texts(html) for what, html in account_pages("en", members).items()}
        )
    translated = account_pages(language, members)
    assert translated.keys() == english_pages.keys()
    leftovers = {}  # English text: the first page showing it
    for what, html in translated.items():
        for text in english_left(language, visible_texts(html), english_pages[what]):
            leftovers.setdefault(text, what)
    assert "\n".join(f"{text!r} on {what}" for text, what in leftovers.items()) == ""


@pytest.mark.parametrize("language", TRANSLATED)
def test_password_rules_and_validator_messages_are_translated(language, code_of_conduct):
    user = make_member(email="iva.kovac@example.org", username="iva")
    english = validator_messages("en", user)
    translated = validator_messages(language, user)
    assert translated.keys() == english.keys()
    leftovers = {
        what: found
        for what, texts in translated.items()
        if (found := english_left(language, texts, english[what]))
    }
    assert leftovers == {}
