"""Views shared by the whole site."""

from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.static import serve

from roundtable.core.health import health_report
from roundtable.core.seo import robots_txt_lines


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """ok or not ok for everyone (load balancers); the details only for staff and for a
    request made on this machine. Behind a local proxy every request comes from 127.0.0.1,
    so a request carrying X-Forwarded-For is never taken for a local one."""
    report = health_report()
    status = 200 if report["ok"] else 503
    if not _may_see_details(request):
        return JsonResponse({"ok": report["ok"]}, status=status)
    return JsonResponse(report, status=status)


def _may_see_details(request: HttpRequest) -> bool:
    local = (
        request.META.get("REMOTE_ADDR") in ("127.0.0.1", "::1")
        and "HTTP_X_FORWARDED_FOR" not in request.META
    )
    if local:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_active and user.is_staff)


def rate_limited(request: HttpRequest, exception: Exception | None = None):
    return render(request, "429.html", status=429)


MEDIA_MAX_AGE = 24 * 60 * 60


def public_media(request: HttpRequest, path: str) -> HttpResponse:
    """A file under MEDIA_ROOT, for production without a web server serving /media/.

    `serve` refuses paths that leave MEDIA_ROOT (404); private files are never reached,
    even if PRIVATE_MEDIA_ROOT were placed inside MEDIA_ROOT.
    """
    root = Path(settings.MEDIA_ROOT).resolve()
    target = (root / path).resolve()
    if not target.is_relative_to(root) or target.is_relative_to(
        Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    ):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = f"public, max-age={MEDIA_MAX_AGE}"
    # Served with the type guessed from the name; the browser must not guess another.
    response["X-Content-Type-Options"] = "nosniff"
    return response


def robots_txt(request: HttpRequest) -> HttpResponse:
    """robots.txt: where the sitemap is, and what not to crawl (see core.seo)."""
    response = HttpResponse(
        "\n".join(robots_txt_lines()) + "\n", content_type="text/plain; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=86400"
    return response
