"""Reads about members. Permission checks live here, so list and detail pages agree."""

from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Permission
from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone
from wagtail.models import Locale

from roundtable.accounts.choices import Visibility
from roundtable.accounts.models import CodeOfConduct, ConductAcceptance, HandleHistory, Profile
from roundtable.core.access import SignInRequired
from roundtable.core.text import fold

Viewer = AbstractBaseUser | AnonymousUser


class _AnyMember:
    """Stands for "some signed-in member" where a rule depends only on being signed in."""

    is_authenticated = True


_ANY_MEMBER = _AnyMember()


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
    """The profile, or 404 when the viewer may not see it (never 403: that would leak it).

    A visitor who is not signed in and asks for a profile every member may see is asked
    to log in instead; a hidden profile is a 404 for them as for everyone else."""
    profile = (
        profiles_visible_to(viewer=viewer)
        .select_related("user")
        .prefetch_related("languages", "expertise")
        .filter(pk=profile_id)
        .first()
    )
    if profile is None:
        if not viewer.is_authenticated:
            for_members = Profile.objects.filter(
                _listed(viewer=_ANY_MEMBER), pk=profile_id, visibility=Visibility.MEMBERS
            )
            if for_members.exists():
                raise SignInRequired
        raise Http404
    return profile


def profiles_by_handle(*, handles: set[str]) -> dict[str, Profile]:
    """Active members' profiles by folded handle, current or former (a mention written
    before a member changed their handle still finds them). Two queries at most."""
    folded = {fold(handle) for handle in handles if handle}
    if not folded:
        return {}
    found = {
        profile.handle_folded: profile
        for profile in Profile.objects.filter(handle_folded__in=folded, user__is_active=True)
    }
    missing = folded - found.keys()
    if missing:
        for former in HandleHistory.objects.filter(
            handle_folded__in=missing, user__is_active=True
        ).select_related("user__profile"):
            found[former.handle_folded] = former.user.profile
    return found


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


# --- Powers and standing -------------------------------------------------------------

FORUM_MODERATORS_GROUP = "Forum moderators"
# Recovery codes alone are not an authenticator: they only back one up.
MFA_TYPES = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
_STANDING_CACHE = "_roundtable_standing"


@dataclass(frozen=True)
class Standing:
    """What the gates of every signed-in request need to know about the member."""

    has_powers: bool
    has_authenticator: bool
    must_accept_conduct: bool


def _power_permissions() -> QuerySet[Permission]:
    """Permissions that let a member change what others read: moderating the forum, editing
    the library, entering the Wagtail admin (pages, snippets, translations, images...)."""
    return Permission.objects.filter(
        Q(content_type__app_label="library")
        | Q(content_type__app_label="forum", codename="moderate_forum")
        | Q(content_type__app_label="wagtailadmin", codename="access_admin")
    )


def member_standing(user: AbstractBaseUser) -> Standing:
    """Powers, authenticator and code-of-conduct standing of a signed-in member, in one query.

    Members with powers are staff, superusers, forum moderators (the group or the
    permission), library editors, translators and Wagtail admin users. The answer is kept on
    the user object, which lives for one request: the MFA and conduct gates share the query.
    """
    cached = getattr(user, _STANDING_CACHE, None)
    if cached is not None:
        return cached
    User = get_user_model()
    permissions = _power_permissions()
    through_groups = User.groups.through.objects.filter(user_id=OuterRef("pk")).filter(
        Q(group__name=FORUM_MODERATORS_GROUP) | Q(group__permissions__in=permissions)
    )
    direct = User.user_permissions.through.objects.filter(
        user_id=OuterRef("pk"), permission__in=permissions
    )
    # Translators are assigned languages in the translations app; reaching the model through
    # the reverse relation keeps accounts from importing that app.
    translator = User._meta.get_field("translator_languages").related_model.objects.filter(
        user_id=OuterRef("pk")
    )
    version = (
        CodeOfConduct.objects.filter(effective_from__lte=timezone.localdate())
        .order_by("-version")
        .values("version")[:1]
    )
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            has_powers=Exists(through_groups) | Exists(direct) | Exists(translator),
            has_authenticator=Exists(
                Authenticator.objects.filter(user_id=OuterRef("pk"), type__in=MFA_TYPES)
            ),
            conduct_version=Subquery(version),
            accepted=Exists(
                ConductAcceptance.objects.filter(
                    user_id=OuterRef("pk"), version__gte=Subquery(version)
                )
            ),
        )
        .values("has_powers", "has_authenticator", "conduct_version", "accepted")
        .first()
    ) or {
        "has_powers": False,
        "has_authenticator": False,
        "conduct_version": None,
        "accepted": True,
    }
    standing = Standing(
        has_powers=bool(user.is_staff or user.is_superuser or row["has_powers"]),
        has_authenticator=bool(row["has_authenticator"]),
        must_accept_conduct=row["conduct_version"] is not None and not row["accepted"],
    )
    setattr(user, _STANDING_CACHE, standing)
    return standing


def user_has_powers(user: Viewer) -> bool:
    """Whether the member holds powers over other members' content or data; such accounts
    must use two-factor authentication."""
    if not user.is_authenticated or not user.is_active:
        return False
    return member_standing(user).has_powers
