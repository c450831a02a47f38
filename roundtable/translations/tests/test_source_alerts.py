"""A changed source reaches the translation workflow whichever app declared its model."""

import pytest
from wagtail.models import Locale

from roundtable.accounts.models import SpokenLanguage
from roundtable.content.models import Topic
from roundtable.glossary.models import Term
from roundtable.translations import signals

pytestmark = pytest.mark.django_db


@pytest.fixture
def changed(monkeypatch):
    seen = []
    monkeypatch.setattr(signals, "source_changed", seen.append)
    return seen


def test_editing_a_term_or_a_topic_reaches_the_translation_workflow(changed):
    english = Locale.objects.get_or_create(language_code="en")[0]
    term = Term.objects.create(slug="kinship", term="Kinship care", definition="x", locale=english)
    topic = Topic.objects.create(slug="care", name="Care", locale=english)
    assert changed == []  # created, not changed
    term.definition = "Care by relatives."
    term.save()
    topic.save()
    assert changed == [term, topic]


def test_a_model_nobody_declared_translatable_is_ignored(changed):
    SpokenLanguage.objects.create(code="xx", position=99).save()
    assert changed == []
