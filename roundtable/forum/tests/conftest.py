import pytest
from django.contrib.auth.models import Group

from roundtable.accounts.tests.factories import make_code_of_conduct, make_member
from roundtable.content.demo import create_locales
from roundtable.forum.models import Visibility
from roundtable.forum.tests.factories import make_category, make_moderator


@pytest.fixture(autouse=True)
def _trusted_members(settings):
    """Members' posts go live at once unless a test is about the review of first posts."""
    settings.FORUM_POSTS_BEFORE_TRUSTED = 0


@pytest.fixture
def site(db):
    create_locales()
    make_code_of_conduct(version=1)


@pytest.fixture
def author(site):
    return make_member(full_name="Teuta Krasniqi", username="teuta", country="XK")


@pytest.fixture
def reader(site):
    return make_member(full_name="Goran Petrov", username="goran", country="MK")


@pytest.fixture
def third_member(site):
    return make_member(full_name="Ilinca Rusu", username="ilinca", country="MD")


@pytest.fixture
def outsider(site):
    return make_member(full_name="Oskar Outsider", username="oskar", country="HR")


@pytest.fixture
def moderator(site):
    return make_moderator(make_member(full_name="Mara Moderator", username="mara"))


@pytest.fixture
def public_category(site):
    return make_category("general", name="General discussion")


@pytest.fixture
def conference_group(author, reader, third_member):
    group = Group.objects.create(name="Conference participants")
    group.user_set.add(author, reader, third_member)
    return group


@pytest.fixture
def group_category(conference_group):
    return make_category(
        "conference-follow-up",
        name="Conference follow-up",
        visibility=Visibility.GROUP,
        group=conference_group,
    )


@pytest.fixture
def members_category(site):
    return make_category("practice", name="Practice questions", visibility=Visibility.MEMBERS)


@pytest.fixture
def case_category(site):
    return make_category(
        "case-discussions",
        name="Case discussions",
        visibility=Visibility.MEMBERS,
        is_case_discussion=True,
    )
