import pytest

from roundtable.news.tests.factories import make_news_index, make_site


@pytest.fixture
def home(db):
    return make_site()


@pytest.fixture
def news_index(home):
    return make_news_index(home)
