"""Links to what any signed-in member may read, opened by someone who is not signed in.

A selector raises `SignInRequired` only when the object exists *and* every signed-in
member may read it (a members-only category, a member's profile shown to members): the
visitor is then asked to log in and brought back. Anything narrower (a group's category,
case discussions, a waiting post, a hidden profile) stays a plain 404 for everyone who
may not read it, signed in or not, so a link never confirms that it exists.

`SignInRequired` is an `Http404`: wherever the middleware does not turn it into the
sign-in redirect (a feed, a test calling a selector), it stays the safe answer.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse


class SignInRequired(Http404):
    """What was asked for is there for every signed-in member: ask the visitor to log in."""


class SignInRequiredMiddleware:
    """Turns `SignInRequired` into a redirect to the login page, back to this page after it.

    `next` is the request's own path and query, never a URL from the request's
    parameters, and allauth checks it again (same host only) before following it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if not isinstance(exception, SignInRequired):
            return None
        if request.user.is_authenticated or request.method not in ("GET", "HEAD"):
            return None  # the 404 it also is
        return redirect_to_login(request.get_full_path())
