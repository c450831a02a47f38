import pytest

from roundtable.accounts.tests.factories import make_code_of_conduct, make_member


@pytest.fixture
def code_of_conduct(db):
    return make_code_of_conduct(version=1)


@pytest.fixture
def member(code_of_conduct):
    return make_member(full_name="Jovana Marić", username="jovana")


@pytest.fixture
def other_member(code_of_conduct):
    return make_member(
        full_name="Luan Berisha", username="luan", country="XK", municipality="Prizren"
    )
