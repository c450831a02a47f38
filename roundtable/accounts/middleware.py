"""Gates every signed-in request passes: MFA for members with powers, the code of conduct for
everyone."""

import re
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from roundtable.accounts.selectors import member_standing


def _language_prefix() -> str:
    """The language prefixes of roundtable/urls.py's i18n_patterns (/en/, /sq/, ...)."""
    return "(?:" + "|".join(re.escape(code) for code, _name in settings.LANGUAGES) + ")"


def _assets() -> str:
    prefixes = [settings.STATIC_URL, settings.MEDIA_URL]
    return "|".join(re.escape("/" + prefix.strip("/") + "/") for prefix in prefixes if prefix)


def _mfa_open() -> re.Pattern:
    """Pages a member with powers but without an authenticator may still open: allauth's
    log in and out, two-factor set-up (which asks for the password again), e-mail
    confirmation and password reset; plus assets and the health check. Anchored on the real
    prefixes, so that /django-admin/accounts/... is not one of them."""
    account_pages = "login/|logout/|reauthenticate/|2fa/|confirm-email/|password/reset/"
    return re.compile(
        rf"^(?:/{_language_prefix()}/accounts/(?:{account_pages})|{_assets()}|/healthz$)"
    )


def _conduct_open() -> re.Pattern:
    """Every allauth page stays open before the code of conduct is accepted, so that a member
    can always manage their account or leave; plus assets and the health check."""
    return re.compile(rf"^(?:/{_language_prefix()}/accounts/|{_assets()}|/healthz$)")


class StaffMfaRequiredMiddleware:
    """Members with powers (staff, moderators, editors, translators) must set up an
    authenticator app before doing anything else."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.always_open = _mfa_open()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not self.always_open.match(request.path_info)
            and member_standing(user).has_powers
            and not member_standing(user).has_authenticator
        ):
            messages.warning(
                request,
                _(
                    "Accounts that can edit, moderate or translate must use two-factor authentication. Set up an authenticator app to continue."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class ConductAcceptanceMiddleware:
    """Members accept the current code of conduct before using the platform."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.always_open = _conduct_open()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not self.always_open.match(request.path_info):
            conduct_url = reverse("accounts:conduct")
            if request.path_info != conduct_url and member_standing(user).must_accept_conduct:
                return redirect(f"{conduct_url}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
