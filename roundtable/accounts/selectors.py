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


def profiles_visible_to(*, viewer: Viewer) -> QuerySet[Profile]:
    """Profiles a viewer may open: public ones, members-only ones for members, and their own.

    A profile without a name is not listed: it belongs to someone who has not finished
    joining yet.
    """
    allowed = Q(visibility=Visibility.PUBLIC)
    if viewer.is_authenticated:
        allowed |= Q(visibility=Visibility.MEMBERS)
    listed = Profile.objects.filter(allowed, user__is_active=True).exclude(full_name="")
    if viewer.is_authenticated:
        listed = listed | Profile.objects.filter(user=viewer)
    return listed


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
    profiles = profiles_visible_to(viewer=viewer).exclude(visibility=Visibility.HIDDEN)
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
    return (
        profiles.select_related("user")
        .prefetch_related("languages", "expertise")
        .order_by("full_name", "pk")
        .distinct()
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
