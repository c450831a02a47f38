"""Views shared by the whole site."""

from django.http import HttpRequest, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from roundtable.core.health import health_report


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    report = health_report()
    return JsonResponse(report, status=200 if report["ok"] else 503)


def rate_limited(request: HttpRequest, exception: Exception | None = None):
    return render(request, "429.html", status=429)
