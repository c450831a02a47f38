"""Editors manage forum categories in the Wagtail admin: created in English, translated
with wagtail-localize, and a group category must name its group."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from roundtable.accounts.tests.factories import make_member
from roundtable.forum.models import Category


@pytest.fixture
def editor_client(client, site):
    editor = make_member(
        full_name="Elena Editor", username="editor", is_staff=True, is_superuser=True
    )
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(editor)
    return client


def _form(**fields):
    return {
        "name": "Foster care",
        "slug": "foster-care",
        "description": "",
        "position": 0,
        "visibility": "public",
        "group": "",
        "series": "",
        "topic": "",
        "country": "",
        **fields,
    }


def test_editor_creates_a_category(editor_client):
    add = reverse("wagtailsnippets_forum_category:add")
    assert editor_client.get(add).status_code == 200
    response = editor_client.post(add, _form())
    assert response.status_code == 302
    category = Category.objects.get(slug="foster-care")
    assert category.locale.language_code == "en"
    assert editor_client.get(reverse("wagtailsnippets_forum_category:list")).status_code == 200
    assert "Foster care" in editor_client.get(reverse("forum:index")).content.decode()


def test_group_category_needs_its_group(editor_client):
    response = editor_client.post(
        reverse("wagtailsnippets_forum_category:add"), _form(visibility="group")
    )
    assert response.status_code == 200
    assert "Choose the group that may read this category." in response.content.decode()
    assert not Category.objects.exists()
