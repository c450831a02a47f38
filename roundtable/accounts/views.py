"""Member directory, profiles and the code of conduct."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from roundtable.accounts import selectors, services
from roundtable.accounts.forms import (
    DIRECTORY_QUERY_LENGTH,
    ConductAcceptForm,
    DirectoryFilterForm,
    ProfileForm,
)
from roundtable.core import deid_forms
from roundtable.core.search_input import search_query

DIRECTORY_PAGE_SIZE = 24


def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    _query, too_long = search_query(request.GET, limit=DIRECTORY_QUERY_LENGTH)
    # An over-long query finds no one, and the page says why (not everyone, silently).
    profiles = [] if too_long else selectors.profile_directory(viewer=request.user, **filters)
    page = Paginator(profiles, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    context = {
        "form": form,
        "page_obj": page,
        "filtered": bool(filters) or too_long,
        "too_long": too_long,
        "limit": DIRECTORY_QUERY_LENGTH,
        "query_string": query_string.urlencode(),
    }
    # htmx swaps only the results when a filter changes; without JavaScript the whole page reloads.
    template = "accounts/_directory_results.html" if request.htmx else "accounts/directory.html"
    return render(request, template, context)


def profile_detail(request: HttpRequest, profile_id: int) -> HttpResponse:
    profile = selectors.profile_get_for_viewer(viewer=request.user, profile_id=profile_id)
    return render(
        request,
        "accounts/profile_detail.html",
        {
            "profile": profile,
            "is_own": request.user.is_authenticated and profile.user_id == request.user.pk,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    profile = services.profile_ensure(user=request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = deid_forms.submit(
            form,
            lambda: services.profile_update(
                profile=profile,
                full_name=data["full_name"],
                profession=data["profession"],
                organisation=data["organisation"],
                country=data["country"],
                municipality=data["municipality"],
                bio=data["bio"],
                visibility=data["visibility"],
                show_email=data["show_email"],
                languages=list(data["languages"]),
                expertise=list(data["expertise"]),
                avatar=request.FILES.get("avatar"),
                remove_avatar=data["remove_avatar"],
                confirmed=form.confirmed(),
                handle=data["handle"],
            ),
        )
        if saved is not None:
            messages.success(request, _("Your profile has been saved."))
            return redirect("accounts:profile_detail", profile_id=profile.pk)
    return render(request, "accounts/profile_edit.html", {"form": form, "profile": profile})


@require_http_methods(["GET", "POST"])
def conduct(request: HttpRequest) -> HttpResponse:
    """The code of conduct in force; signed-in members who have not accepted it accept here."""
    code = selectors.conduct_current()
    must_accept = request.user.is_authenticated and selectors.member_must_accept_conduct(
        user=request.user
    )
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    form = ConductAcceptForm(
        request.POST if request.method == "POST" else None,
        initial={"version": code.version if code else None},
    )
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect("account_login")
        if code is not None and form.is_valid() and form.cleaned_data["version"] == code.version:
            services.conduct_accept(
                user=request.user, version=code.version, language=get_language()
            )
            messages.success(request, _("Thank you. You have accepted the code of conduct."))
            return redirect(next_url or "accounts:profile_edit")
        if form.is_valid():
            # The code changed while the member was reading it: show the new version.
            messages.warning(
                request,
                _("The code of conduct has just been updated. Please read the new version."),
            )
            return redirect(request.get_full_path())
    return render(
        request,
        "accounts/conduct.html",
        {
            "code": code,
            "must_accept": must_accept,
            "form": form,
            "next": next_url,
            "last_acceptance": selectors.conduct_last_acceptance(user=request.user)
            if request.user.is_authenticated
            else None,
        },
    )
