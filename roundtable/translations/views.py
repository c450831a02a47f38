"""The translation dashboard in the Wagtail admin."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from roundtable.content.models import SeriesPage
from roundtable.translations.dashboard import KINDS, dashboard_rows, translate_url
from roundtable.translations.selectors import State

PAGE_SIZE = 50


def dashboard(request: HttpRequest) -> HttpResponse:
    language = request.GET.get("language", "")
    kind = request.GET.get("kind", "")
    series = request.GET.get("series", "")
    state = request.GET.get("state", "")
    if state not in State.values:
        state = ""
    rows, columns, totals = dashboard_rows(
        language=language, kind=kind, series=_valid_uuid(series), state=state
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    for row in page.object_list:
        row.cells = [
            {
                "locale": loc,
                "progress": row.progress[loc.language_code],
                "url": translate_url(row, loc),
            }
            for loc in columns
        ]
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(
        request,
        "translations/dashboard.html",
        {
            "page_title": _("Translation dashboard"),
            "page_obj": page,
            "columns": columns,
            "totals": [(loc, totals[loc.language_code]) for loc in columns],
            "states": State.choices,
            "kinds": KINDS,
            "series_choices": SeriesPage.objects.filter(locale__language_code="en").order_by(
                "title"
            ),
            "selected": {"language": language, "kind": kind, "series": series, "state": state},
            "query_string": query_string.urlencode(),
        },
    )


def _valid_uuid(value: str) -> str:
    import uuid

    try:
        return str(uuid.UUID(value)) if value else ""
    except ValueError:
        return ""
