import pytest

from roundtable.accounts.tests.factories import make_code_of_conduct, make_member
from roundtable.content.demo import create_locales


@pytest.fixture
def site(db):
    """Library pages need the locales only, not the page tree."""
    create_locales()


@pytest.fixture
def member(site):
    make_code_of_conduct(version=1)
    return make_member(full_name="Mira Member", username="mira")


@pytest.fixture
def other_member(member):
    return make_member(full_name="Olga Other", username="olga")
