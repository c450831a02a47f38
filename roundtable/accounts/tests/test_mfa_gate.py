"""Two-factor authentication for every member with powers.

Staff, superusers, forum moderators, library editors, translators and Wagtail admin users
without an authenticator app are sent to the set-up page from every admin and moderation
URL, GET and POST, and change nothing there.
"""

import re._constants as sre_constants
import re._parser as sre_parse

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from wagtail.models import Locale

from roundtable.accounts.models import Profile
from roundtable.accounts.selectors import user_has_powers
from roundtable.accounts.tests.factories import give_totp, make_member
from roundtable.content.demo import create_locales
from roundtable.forum.models import Report, ReportReason
from roundtable.forum.tests.factories import make_category, make_thread
from roundtable.translations.models import TranslatorLanguage

MFA_SETUP = "/en/accounts/2fa/totp/activate/"
GUARDED_PREFIXES = ("admin/", "django-admin/", "en/forum/moderation/")


def _permission(label: str) -> Permission:
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _group(name: str, *permissions: str) -> Group:
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(*[_permission(label) for label in permissions])
    return group


def _give_role(user, role: str):
    if role == "staff":
        user.is_staff = True
        user.save()
    elif role == "superuser":
        user.is_superuser = True
        user.save()
    elif role == "staff_superuser":
        user.is_staff = user.is_superuser = True
        user.save()
    elif role == "moderator_by_group":
        user.groups.add(_group("Forum moderators", "forum.moderate_forum"))
    elif role == "moderator_group_without_permission":
        user.groups.add(_group("Forum moderators"))
    elif role == "moderator_by_permission":
        user.user_permissions.add(_permission("forum.moderate_forum"))
    elif role == "library_editor":
        user.groups.add(
            _group("Library editors", "library.add_libraryentry", "library.change_libraryentry")
        )
    elif role == "library_editor_by_permission":
        user.user_permissions.add(_permission("library.change_libraryentry"))
    elif role == "admin_user":
        user.groups.add(_group("Editors", "wagtailadmin.access_admin"))
    elif role == "translator":
        TranslatorLanguage.objects.create(user=user, locale=Locale.objects.get(language_code="sq"))
    else:  # pragma: no cover
        raise AssertionError(role)
    return user


ROLES = [
    "staff",
    "superuser",
    "staff_superuser",
    "moderator_by_group",
    "moderator_group_without_permission",
    "moderator_by_permission",
    "library_editor",
    "library_editor_by_permission",
    "admin_user",
    "translator",
]


# --- Every URL pattern, with its parameters filled in --------------------------------


def _example(parsed, values: dict[str, str]) -> str:
    """A string the parsed regular expression matches: digits where digits fit, named
    groups from `values` when given."""
    out = []
    for op, arg in parsed:
        if op is sre_constants.LITERAL:
            out.append(chr(arg))
        elif op is sre_constants.NOT_LITERAL:
            out.append("1" if chr(arg) != "1" else "a")
        elif op is sre_constants.ANY:
            out.append("1")
        elif op is sre_constants.IN:
            out.append(_example_char(arg))
        elif op is sre_constants.BRANCH:
            out.append(_example(arg[1][0], values))
        elif op is sre_constants.SUBPATTERN:
            group, _add, _del, sub = arg
            name = next((n for n, i in parsed.state.groupdict.items() if i == group), None)
            out.append(values[name] if name in values else _example(sub, values))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, _high, sub = arg
            out.append(_example(sub, values) * max(low, 1))
        elif op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue
        else:  # pragma: no cover
            raise AssertionError(f"unhandled regex element {op}")
    return "".join(out)


def _example_char(items) -> str:
    if items and items[0][0] is sre_constants.NEGATE:
        excluded = {chr(arg) for op, arg in items[1:] if op is sre_constants.LITERAL}
        return next(c for c in "1a" if c not in excluded)
    for op, arg in items:
        if op is sre_constants.CATEGORY:
            return (
                "1" if arg in (sre_constants.CATEGORY_DIGIT, sre_constants.CATEGORY_WORD) else " "
            )
        if op is sre_constants.RANGE:
            low, high = arg
            return "1" if low <= ord("1") <= high else chr(low)
    return next(chr(arg) for op, arg in items if op is sre_constants.LITERAL)


def _walk(patterns, prefix: str = ""):
    for pattern in patterns:
        regex = prefix + pattern.pattern.regex.pattern.lstrip("^")
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, regex)
        elif isinstance(pattern, URLPattern):
            yield regex


def guarded_paths(values: dict[str, str]) -> list[str]:
    """Every admin and moderation URL pattern of the site, as a path to request."""
    paths = set()
    for regex in _walk(get_resolver().url_patterns):
        # Route patterns end with \Z, regex patterns with $: neither is part of the path.
        regex = regex.replace("\\Z", "").replace("$", "")
        path = _example(sre_parse.parse(regex), values)
        if path.startswith(GUARDED_PREFIXES):
            paths.add("/" + path)
    return sorted(paths)


def _fingerprint() -> dict:
    """Row counts of every table, and the members' data: any write shows here."""
    counts = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        # Logging in writes the session; anything else is a change.
        if model._meta.managed and not model._meta.proxy and model._meta.label != "sessions.Session"
    }
    profiles = list(Profile.objects.order_by("pk").values())
    users = list(
        apps.get_model("auth", "User")
        .objects.order_by("pk")
        .values("pk", "email", "is_staff", "is_superuser", "is_active")
    )
    return {"counts": counts, "profiles": profiles, "users": users}


@pytest.fixture
def site(db):
    create_locales()
    from roundtable.accounts.tests.factories import make_code_of_conduct

    make_code_of_conduct(version=1)


@pytest.fixture
def objects(site):
    """Something for each kind of id to point at, so that an ungated view would answer."""
    author = make_member(full_name="Teuta Krasniqi", username="teuta")
    category = make_category("general", name="General discussion")
    thread = make_thread(category, authors=[author], posts=2)
    post = thread.posts.first()
    report = Report.objects.create(post=post, reporter=author, reason=ReportReason.OTHER)
    return {
        "post_id": str(post.pk),
        "thread_id": str(thread.pk),
        "report_id": str(report.pk),
        "user_id": str(author.pk),
        "profile_id": str(author.profile.pk),
        "object_id": str(author.profile.pk),
    }


def test_the_walk_covers_every_admin_and_moderation_pattern(objects):
    paths = guarded_paths(objects)
    assert len(paths) > 350
    assert "/django-admin/accounts/profile/" in paths
    assert f"/django-admin/accounts/profile/{objects['object_id']}/change/" in paths
    assert f"/en/forum/moderation/p/{objects['post_id']}/review/" in paths
    # Each path is a real one: it resolves to a view.
    for path in paths:
        resolve(path)


@pytest.mark.parametrize("role", ROLES)
def test_members_with_powers_but_no_authenticator_are_refused_everywhere(client, objects, role):
    user = _give_role(make_member(full_name="Petra Power", username="petra"), role)
    assert user_has_powers(type(user).objects.get(pk=user.pk))
    client.force_login(user)
    before = _fingerprint()
    for path in guarded_paths(objects):
        for method in (client.get, client.post):
            response = method(path)
            assert response.status_code == 302, (method.__name__, path, response.status_code)
            assert response["Location"] == MFA_SETUP, (method.__name__, path)
    assert _fingerprint() == before


def test_superuser_without_authenticator_cannot_open_profiles_in_django_admin(client, objects):
    admin = make_member(full_name="Sara Super", username="sara", is_staff=True, is_superuser=True)
    client.force_login(admin)
    for path in [
        "/django-admin/accounts/profile/",
        f"/django-admin/accounts/profile/{objects['profile_id']}/change/",
    ]:
        response = client.get(path)
        assert (response.status_code, response["Location"]) == (302, MFA_SETUP)
    response = client.get(MFA_SETUP, follow=True)
    assert response.status_code == 200
    assert "two-factor authentication" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "path"),
    [
        ("staff", "/en/members/"),
        ("staff_superuser", "/django-admin/accounts/profile/"),
        ("superuser", "/admin/"),
        ("moderator_by_group", "/en/forum/moderation/"),
        ("moderator_by_permission", "/en/forum/moderation/"),
        ("library_editor", "/en/members/"),
        ("admin_user", "/admin/"),
        ("translator", "/en/members/"),
    ],
)
def test_members_with_powers_and_an_authenticator_get_through(client, objects, role, path):
    user = give_totp(_give_role(make_member(full_name="Petra Power", username="petra"), role))
    client.force_login(user)
    assert client.get(path).status_code == 200


def test_ordinary_members_have_no_powers(site):
    member = make_member(full_name="Ana Member", username="ana")
    member.groups.add(Group.objects.create(name="Conference participants"))
    assert user_has_powers(member) is False


def test_the_gates_cost_one_query_per_request(site, django_assert_num_queries):
    user = _give_role(make_member(full_name="Petra Power", username="petra"), "translator")
    user = type(user).objects.get(pk=user.pk)
    with django_assert_num_queries(1):
        assert user_has_powers(user) and user_has_powers(user)


def test_account_pages_stay_open_without_an_authenticator(client, site):
    user = make_member(full_name="Sara Super", username="sara", is_superuser=True)
    client.force_login(user)
    for path in ["/en/accounts/logout/", "/en/accounts/password/reset/", "/healthz"]:
        response = client.get(path)
        assert response.get("Location") != MFA_SETUP, path
    for path in [
        "/en/accounts/email/",
        "/en/accounts/password/change/",
        "/en/members/",
        "/admin/accounts-lookalike/",
    ]:
        assert client.get(path)["Location"] == MFA_SETUP, path
