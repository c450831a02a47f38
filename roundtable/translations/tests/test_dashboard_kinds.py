"""The dashboard lists every translatable model the capabilities declare: library entries,
forum categories and the code of conduct too, each with a link to translate it."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from roundtable.accounts.models import CodeOfConduct
from roundtable.forum.tests.factories import make_category
from roundtable.library.tests.factories import make_entry

pytestmark = pytest.mark.django_db
DASHBOARD = "/admin/translations/"


def _row(client, obj, **params):
    response = client.get(DASHBOARD, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one(f'tr[data-item="{obj.translation_key}"]')


def test_library_entry_forum_category_and_code_of_conduct_are_on_the_dashboard(editor_client, home):
    entry = make_entry(title="Protocol for children in street situations")
    category = make_category("foster-care", name="Foster care")
    conduct = CodeOfConduct.objects.get(version=1)

    for obj, label, kind in [
        (entry, "Library entry", "libraryentry"),
        (category, "Forum category", "forumcategory"),
        (conduct, "Code of conduct", "conduct"),
    ]:
        row = _row(editor_client, obj)
        assert row is not None, label
        assert label in row.text
        cell = row.select_one('td[data-language="sq"]')
        assert cell["data-state"] == "missing"
        meta = obj._meta
        assert cell.a["href"] == reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, obj.pk],
        )
        # The kind filter offers it, and keeps it.
        assert _row(editor_client, obj, kind=kind) is not None


def test_translators_are_told_when_a_forum_category_changes(
    home, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    from roundtable.accounts.tests.factories import make_code_of_conduct, make_member
    from roundtable.notifications.models import Notification
    from roundtable.translations.demo_support import translate_with_localize
    from roundtable.translations.models import TranslatorLanguage

    albanian = Locale.objects.get(language_code="sq")
    category = make_category("foster-care", name="Foster care")
    translate_with_localize(category, locale=albanian, translate=lambda path: f"[sq] {path}")
    make_code_of_conduct(version=1)
    translator = make_member(full_name="Arta Translator", username="arta")
    TranslatorLanguage.objects.create(user=translator, locale=albanian)

    category.name = "Foster care and adoption"
    with django_capture_on_commit_callbacks(execute=True):
        category.save()

    notification = Notification.objects.get(recipient=translator)
    assert notification.kind == "translation_source_changed"
