"""Every page of the Wagtail admin that editors use opens (200, never 500), for an editor
with the editors' permissions and for a superuser.

Snippet types come from Wagtail's snippet registry and page types from the Page subclasses,
so a new type is covered without touching this file; the demo content provides an instance
of each.
"""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import Locale, Page, get_page_models
from wagtail.snippets.models import get_snippet_models

from roundtable.accounts.tests.factories import make_member

pytestmark = pytest.mark.django_db


def _snippet_models() -> list:
    return sorted(get_snippet_models(), key=lambda model: model._meta.label)


def _page_models() -> list:
    return sorted(
        (model for model in get_page_models() if model is not Page and model.is_creatable),
        key=lambda model: model._meta.label,
    )


def _with_mfa(user):
    # MFA is mandatory for everyone with powers: the gate is satisfied as a real editor
    # would satisfy it, with an authenticator app.
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    assert is_mfa_enabled(user)
    return user


def _editor():
    """A non-superuser in Wagtail's Editors group, which holds what the library, forum,
    glossary and content editors need."""
    editors = Group.objects.get(name="Editors")
    models = [*_snippet_models()]
    codenames = {"add", "change", "delete", "publish", "view"}
    for model in models:
        content_type = ContentType.objects.get_for_model(model)
        editors.permissions.add(
            *Permission.objects.filter(
                content_type=content_type,
                codename__in=[f"{verb}_{model._meta.model_name}" for verb in codenames],
            )
        )
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = make_member(full_name="Edith Editor", username="edith", is_staff=False)
    user.groups.add(editors)
    return _with_mfa(user)


def _superuser():
    return _with_mfa(
        make_member(full_name="Sam Super", username="sam", is_staff=True, is_superuser=True)
    )


@pytest.fixture(params=["editor", "superuser"])
def admin_client(request, client, demo):
    user = _editor() if request.param == "editor" else _superuser()
    client.force_login(user)
    return client


def _translator_language():
    from roundtable.translations.models import TranslatorLanguage

    translator = make_member(full_name="Tina Translator", username="tina")
    return TranslatorLanguage.objects.create(
        user=translator, locale=Locale.objects.get(language_code="sq")
    )


# Types the demo does not hold because they name real members' roles: built here.
_BUILDERS = {"translations.TranslatorLanguage": _translator_language}


def _instance(model):
    instance = model.objects.order_by("pk").first()
    if instance is None and model._meta.label in _BUILDERS:
        instance = _BUILDERS[model._meta.label]()
    assert instance is not None, (
        f"The demo content has no {model._meta.label}: add one to its demo.py so that the "
        "admin pages of this type are tested."
    )
    return instance


def _assert_opens(client, url: str) -> None:
    # No redirect either: Wagtail answers a missing permission by redirecting to the dashboard.
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"


@pytest.mark.parametrize("model", _snippet_models(), ids=lambda model: model._meta.label)
def test_snippet_listing_add_and_edit_open(admin_client, model):
    viewset = model.snippet_viewset
    _assert_opens(admin_client, reverse(viewset.get_url_name("list")))
    add = reverse(viewset.get_url_name("add"))
    if hasattr(model, "locale"):
        add += f"?locale={Locale.get_default().language_code}"
    _assert_opens(admin_client, add)
    instance = _instance(model)
    _assert_opens(admin_client, reverse(viewset.get_url_name("edit"), args=[instance.pk]))


@pytest.mark.parametrize("model", _page_models(), ids=lambda model: model._meta.label)
def test_page_listing_add_and_edit_open(admin_client, model):
    page = _instance(model)
    parent = page.get_parent()
    _assert_opens(admin_client, reverse("wagtailadmin_explore", args=[parent.pk]))
    add = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
    if model.can_create_at(parent.specific):
        _assert_opens(admin_client, add)
    else:
        # A page type allowed once (max_count) already exists: Wagtail refuses the form.
        assert admin_client.get(add).status_code in {302, 403}
    _assert_opens(admin_client, reverse("wagtailadmin_pages:edit", args=[page.pk]))


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/translations/",
        # The library listing filtered as editors use it: members' suggestions waiting for
        # review, and entries whose text could not be extracted.
        "/admin/snippets/library/libraryentry/?live=false",
        "/admin/snippets/library/libraryentry/?q=extraction",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
    ],
)
def test_editor_pages_open(admin_client, url):
    _assert_opens(admin_client, url)


def test_every_snippet_and_page_type_is_covered(demo):
    """The demo provides one of each type, so the tests above reach its edit page."""
    for model in [*_snippet_models(), *_page_models()]:
        _instance(model)
