import pytest

from roundtable.news.tests.factories import make_news_index, make_site


@pytest.fixture
def home(db):
    return make_site()


@pytest.fixture
def news_index(home):
    return make_news_index(home)


@pytest.fixture
def editor(db):
    from roundtable.accounts.tests.factories import make_code_of_conduct, make_member

    make_code_of_conduct(version=1)
    return make_member(
        full_name="Elena Editor", username="editor", is_staff=True, is_superuser=True
    )


@pytest.fixture
def editor_client(client, editor):
    """A signed-in editor. MFA is mandatory for staff: the gate is satisfied for tests."""
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(editor)
    return client
