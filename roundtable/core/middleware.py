"""Middleware shared by the whole site."""

import re
from dataclasses import replace
from importlib import import_module

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.cache import patch_cache_control
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


# Control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F) and lone
# surrogates. No query parameter of ours needs one, and a NUL echoed into a page or a
# database query only does harm.
_UNWANTED_IN_QUERY = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


class CleanQueryParametersMiddleware:
    """Strip control characters and lone surrogates from every query parameter, once, so
    no view has to: a NUL byte in `?q=` would otherwise be echoed into `<title>`.

    `request.GET` is immutable, so it is rebuilt (names and values alike), and the raw
    `QUERY_STRING` with it, so that links built from either agree.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.GET
        if any(
            _UNWANTED_IN_QUERY.search(key) or any(_UNWANTED_IN_QUERY.search(v) for v in values)
            for key, values in query.lists()
        ):
            cleaned = QueryDict(mutable=True, encoding=query.encoding)
            for key, values in query.lists():
                for value in values:
                    cleaned.appendlist(
                        _UNWANTED_IN_QUERY.sub("", key), _UNWANTED_IN_QUERY.sub("", value)
                    )
            cleaned._mutable = False
            request.GET = cleaned
            request.META["QUERY_STRING"] = cleaned.urlencode()
        return self.get_response(request)


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


class HealthCheckMiddleware:
    """Answer /healthz before every other middleware.

    Load balancers probe over plain HTTP with the server's IP address as Host: the HTTPS
    redirect and the ALLOWED_HOSTS check (CommonMiddleware) would turn the probe into a 301
    or a 400. The answer depends on no host name and reveals details only to staff or to a
    local request (see core.views.healthz), so it is safe to give before those checks.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info != "/healthz":
            return self.get_response(request)
        from django.contrib.auth import get_user
        from django.utils.functional import SimpleLazyObject

        from roundtable.core.views import healthz

        # The session and user middleware have not run yet: load the user only if needed.
        engine = import_module(settings.SESSION_ENGINE)
        request.session = engine.SessionStore(request.COOKIES.get(settings.SESSION_COOKIE_NAME))
        request.user = SimpleLazyObject(lambda: get_user(request))
        return healthz(request)


class PrivateCacheMiddleware:
    """`Cache-Control: private` on every response that depends on who is asking.

    A shared cache (a proxy, a CDN) must never hand one member's page to another reader.
    Private are: every response to a visitor with a session (signed in, or with anything
    kept in the session), every response that starts a session or sets a cookie, and every
    response to a signed-in user. A visitor without cookies gets the one anonymous version
    of a page, which the `Vary: Cookie` Django adds keeps apart from the members' pages, so
    it stays cacheable. A stricter `no-store` is kept as it is.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        personal = (
            settings.SESSION_COOKIE_NAME in request.COOKIES
            or bool(response.cookies)
            or (user is not None and user.is_authenticated)
        )
        if personal:
            directives = response.get("Cache-Control", "").lower()
            if "no-store" not in directives and "private" not in directives:
                patch_cache_control(response, private=True)
        return response
