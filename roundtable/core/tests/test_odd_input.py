"""Odd input in query parameters: control characters never reach a page."""

import pytest

pytestmark = pytest.mark.django_db

SEARCH_PAGES = ["/en/search/", "/en/forum/search/", "/en/library/", "/en/members/"]


@pytest.mark.parametrize("path", SEARCH_PAGES)
def test_a_nul_byte_in_a_search_is_not_echoed(client, path):
    response = client.get(f"{path}?q=a%00b%01%7F%C2%85c")
    assert response.status_code == 200
    html = response.content.decode()
    assert "\x00" not in html
    assert "\x01" not in html
    assert "\x7f" not in html
    assert "\x85" not in html
    assert 'value="abc"' in html


def test_control_characters_are_stripped_from_every_parameter_and_name(rf):
    from roundtable.core.middleware import CleanQueryParametersMiddleware

    seen = {}

    def view(request):
        seen["get"] = request.GET
        seen["query_string"] = request.META["QUERY_STRING"]

    request = rf.get("/en/search/?q=a%00b&page=%0D%0A2&to%09pic=x&q=c%1Fd")
    CleanQueryParametersMiddleware(view)(request)
    assert seen["get"].getlist("q") == ["ab", "cd"]
    assert seen["get"]["page"] == "2"
    assert seen["get"]["topic"] == "x"
    assert "%00" not in seen["query_string"]
    assert not seen["get"]._mutable


def test_a_clean_query_is_left_alone(rf):
    from roundtable.core.middleware import CleanQueryParametersMiddleware

    request = rf.get("/en/search/?q=za%C5%A1tita+djece")
    original = request.GET
    CleanQueryParametersMiddleware(lambda request: None)(request)
    assert request.GET is original
    assert request.GET["q"] == "zaštita djece"


# --- Over-long searches: said so, nothing shown (not everything, not a cut query) ----------

LIMITS = [
    ("/en/search/", 200),
    ("/en/forum/search/", 200),
    ("/en/library/", 200),
    ("/en/glossary/", 100),
    ("/en/members/", 100),
]


@pytest.fixture
def something_everywhere(db):
    from roundtable.accounts.tests.factories import make_code_of_conduct, make_member
    from roundtable.content.demo import create_locales
    from roundtable.forum.tests.factories import make_category, make_thread
    from roundtable.library.tests.factories import make_entry

    create_locales()
    make_code_of_conduct(version=1)
    member = make_member(full_name="Vesna Everyone", username="vesna")
    make_entry(title="Protocol on children in street situations")
    make_thread(make_category("general"), authors=[member])
    return member


def _alert(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content, "html.parser").select_one('main [role="alert"]')


@pytest.mark.parametrize(("path", "limit"), LIMITS)
def test_an_over_long_search_says_so_and_shows_nothing(client, something_everywhere, path, limit):
    client.force_login(something_everywhere)
    response = client.get(path, {"q": "a" * limit + "b"})
    assert response.status_code == 200
    alert = _alert(response)
    assert alert is not None
    assert f"This search is too long. Use at most {limit} characters." in alert.get_text()
    html = response.content.decode()
    assert "Vesna Everyone" not in html.split("</header>", 1)[1]
    assert "Protocol on children in street situations" not in html
    assert "Follow-up of the regional conference" not in html


@pytest.mark.parametrize(("path", "limit"), LIMITS)
def test_a_search_at_the_limit_is_searched(client, something_everywhere, path, limit):
    client.force_login(something_everywhere)
    response = client.get(path, {"q": "a" * limit})
    assert response.status_code == 200
    assert _alert(response) is None
