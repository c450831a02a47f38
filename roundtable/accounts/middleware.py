"""Gates every signed-in request passes: MFA for staff, the code of conduct for everyone."""

import re
from urllib.parse import urlencode

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from roundtable.accounts.selectors import member_must_accept_conduct

# Account pages (log out, MFA set-up, e-mail confirmation...) and assets stay reachable, so
# that a member can always satisfy the gate or leave.
_ALWAYS_OPEN = re.compile(r"^/(?:[\w-]+/)?(?:accounts/|static/|media/|healthz)")


class StaffMfaRequiredMiddleware:
    """Staff members must set up an authenticator app before doing anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and (user.is_staff or user.is_superuser)
            and not _ALWAYS_OPEN.match(request.path_info)
            and not is_mfa_enabled(user)
        ):
            messages.warning(
                request,
                _(
                    "Staff accounts must use two-factor authentication. Set up an authenticator app to continue."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class ConductAcceptanceMiddleware:
    """Members accept the current code of conduct before using the platform."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not _ALWAYS_OPEN.match(request.path_info):
            conduct_url = reverse("accounts:conduct")
            if request.path_info != conduct_url and member_must_accept_conduct(user=user):
                return redirect(f"{conduct_url}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
