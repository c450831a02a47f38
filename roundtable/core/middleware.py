"""Middleware shared by the whole site."""

from dataclasses import replace

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language_from_path


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """A strict policy on public pages; the Wagtail admin gets the looser one it needs."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponse, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_PATH_PREFIXES):
            admin_policy = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            parts = replace(parts, config=default_config(admin_policy))
        return parts


class RememberLanguageMiddleware:
    """Remember the language of the last page a visitor read.

    The first visit to `/` follows Accept-Language; once a visitor has chosen a language (a
    link in the language switcher is simply a URL with another prefix), `/` sends them back
    to it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=True,
            )
        return response
