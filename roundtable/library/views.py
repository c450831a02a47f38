"""The library: search with facets, entry pages, downloads, reading list, suggestions."""

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from roundtable.content.selectors import active_locale
from roundtable.core.deid_forms import IdentifyingDetails
from roundtable.core.search_input import search_query
from roundtable.library import selectors, services
from roundtable.library.forms import MAX_QUERY_LENGTH, LibrarySearchForm, SuggestionForm

PAGE_SIZE = 20


def library_index(request: HttpRequest) -> HttpResponse:
    form = LibrarySearchForm(request.GET or None)
    query = form.to_query() if request.GET else selectors.LibraryQuery()
    locale = active_locale()
    text, too_long = search_query(request.GET, limit=MAX_QUERY_LENGTH)
    if too_long:
        # Said so on the page, with nothing found; the box keeps the text to shorten.
        query = replace(query, text=text)
        entries, facets = [], selectors.Facets()
    else:
        entries, facets = selectors.library_search(locale=locale, query=query)
    paginator = Paginator(entries, PAGE_SIZE)
    paginator.count = facets.total  # already counted with the facets
    page = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "query": query,
        "facets": facets,
        "page_obj": page,
        "query_string": params.urlencode(),
        "popular": selectors.most_downloaded(locale=locale) if not request.GET else [],
        "searching": bool(request.GET),
        "too_long": too_long,
        "limit": MAX_QUERY_LENGTH,
    }
    template = "library/_results.html" if request.htmx else "library/index.html"
    return render(request, template, context)


def entry_detail(request: HttpRequest, slug: str) -> HttpResponse:
    locale = active_locale()
    entry = selectors.entry_get(locale=locale, slug=slug, viewer=request.user)
    return render(
        request,
        "library/entry.html",
        {
            "entry": entry,
            "files": selectors.entry_files(entry),
            "topics": selectors.entry_topics(entry, locale=locale),
            "countries": selectors.entry_countries(entry),
            "related": selectors.related_entries(entry, locale=locale),
            "in_reading_list": selectors.in_reading_list(user=request.user, entry=entry),
        },
    )


def download(request: HttpRequest, file_id: int) -> FileResponse:
    item = selectors.file_get_for_download(file_id=file_id, viewer=request.user)
    if item.entry.live:
        services.download_record(item)
    return _file_response(item)


def file_by_name(request: HttpRequest, name: str) -> FileResponse:
    """The stored file's own URL (the admin links to it), with the same check."""
    return _file_response(selectors.file_get_for_download(name=name, viewer=request.user))


def _file_response(item) -> FileResponse:
    response = FileResponse(item.file.open("rb"), as_attachment=True, filename=str(item))
    response["X-Content-Type-Options"] = "nosniff"
    if not item.entry.live:
        response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def reading_list_toggle(request: HttpRequest, slug: str) -> HttpResponse:
    entry = selectors.entry_get(locale=active_locale(), slug=slug)
    if selectors.in_reading_list(user=request.user, entry=entry):
        services.reading_list_remove(user=request.user, entry=entry)
        messages.success(request, _("Removed from your reading list."))
    else:
        services.reading_list_add(user=request.user, entry=entry)
        messages.success(request, _("Added to your reading list."))
    return redirect("library:entry", slug=entry.slug)


@login_required
@require_POST
def reading_list_remove(request: HttpRequest, item_id: int) -> HttpResponse:
    services.reading_list_item_remove(user=request.user, item_id=item_id)
    messages.success(request, _("Removed from your reading list."))
    url = reverse("library:reading_list")
    page = request.POST.get("page", "")
    return redirect(f"{url}?page={page}" if page.isdigit() and page != "1" else url)


@login_required
def reading_list(request: HttpRequest) -> HttpResponse:
    items = selectors.reading_list_for(user=request.user)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "library/reading_list.html", {"page_obj": page})


@login_required
def suggest(request: HttpRequest) -> HttpResponse:
    form = SuggestionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.suggestion_submit(
                submit_key=data.get("submit_key"),
                user=request.user,
                locale=active_locale(),
                title=data["title"],
                summary=data["summary"],
                kind=data["kind"],
                language=data["language"],
                publisher=data["publisher"],
                year=data["year"],
                upload=data["file"],
                external_url=data["external_url"],
                confirmed=form.confirmed(),
            )
        except IdentifyingDetails as error:
            form.refused(error)
        except ValidationError as error:
            for message in error.messages:
                form.add_error("file" if data["file"] else None, message)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Thank you. An editor will review your suggestion before it appears in the library."
                ),
            )
            return redirect("library:index")
    return render(request, "library/suggest.html", {"form": form})
