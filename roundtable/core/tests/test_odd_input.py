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
