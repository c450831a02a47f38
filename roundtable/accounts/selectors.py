"""Reads about members. Permission checks live here, so list and detail pages agree."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Max, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from wagtail.models import Locale

from roundtable.accounts.choices import Visibility
from roundtable.accounts.models import CodeOfConduct, ConductAcceptance, Profile
from roundtable.core.text import fold

Viewer = AbstractBaseUser | AnonymousUser


def _listed(*, viewer: Viewer) -> Q:
    """Profiles anyone may find: public ones, and members-only ones for signed-in members.

    A profile without a name is not listed: it belongs to someone who has not finished
    joining yet.
    """
    allowed = [Visibility.PUBLIC]
    if viewer.is_authenticated:
        allowed.append(Visibility.MEMBERS)
    return Q(visibility__in=allowed, user__is_active=True) & ~Q(full_name="")


def profiles_visible_to(*, viewer: Viewer) -> QuerySet[Profile]:
    """Profiles a viewer may open: the listed ones and, whatever its visibility, their own."""
    visible = _listed(viewer=viewer)
    if viewer.is_authenticated:
        visible |= Q(user=viewer)
    return Profile.objects.filter(visible)


def profile_get_for_viewer(*, viewer: Viewer, profile_id: int) -> Profile:
    """The profile, or 404 when the viewer may not see it (never 403: that would leak it)."""
    profile = (
        profiles_visible_to(viewer=viewer)
        .select_related("user")
        .prefetch_related("languages", "expertise")
        .filter(pk=profile_id)
        .first()
    )
    if profile is None:
        raise Http404
    return profile


def profile_directory(
    *,
    viewer: Viewer,
    query: str = "",
    profession: str = "",
    country: str = "",
    language: str = "",
    expertise: str = "",
) -> QuerySet[Profile]:
    """The member directory: visible, listed profiles matching every given filter."""
    # Hidden profiles, the viewer's own included, never appear in the directory.
    profiles = Profile.objects.filter(_listed(viewer=viewer))
    if query:
        for word in fold(query).split()[:8]:
            profiles = profiles.filter(search_folded__contains=word)
    if profession:
        profiles = profiles.filter(profession=profession)
    if country:
        profiles = profiles.filter(country=country)
    if language:
        profiles = profiles.filter(languages__code=language)
    if expertise:
        profiles = profiles.filter(expertise__slug=expertise)
    # No DISTINCT: each M2M filter matches one value, and a profile holds a value at most
    # once, so the joins cannot duplicate rows (DISTINCT made the count 5x slower).
    return (
        profiles.select_related("user")
        .prefetch_related("languages", "expertise")
        .order_by("full_name", "pk")
    )


def conduct_current_version() -> int | None:
    """The version of the code of conduct in force today, whatever its language."""
    today = timezone.localdate()
    return CodeOfConduct.objects.filter(effective_from__lte=today).aggregate(v=Max("version"))["v"]


def conduct_current() -> CodeOfConduct | None:
    """The code in force, in the active language when translated, else in its source."""
    version = conduct_current_version()
    if version is None:
        return None
    candidates = CodeOfConduct.objects.filter(version=version).select_related("locale")
    active = Locale.get_active()
    localized = next((c for c in candidates if c.locale_id == active.pk), None)
    if localized is not None:
        return localized
    default_code = Locale.get_default().language_code
    return next((c for c in candidates if c.locale.language_code == default_code), None) or next(
        iter(candidates), None
    )


def member_must_accept_conduct(*, user: AbstractBaseUser) -> bool:
    version = conduct_current_version()
    if version is None:
        return False
    return not ConductAcceptance.objects.filter(user=user, version__gte=version).exists()


def conduct_last_acceptance(*, user: AbstractBaseUser) -> ConductAcceptance | None:
    return ConductAcceptance.objects.filter(user=user).order_by("-version").first()
