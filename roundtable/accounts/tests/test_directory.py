import pytest

from roundtable.accounts.choices import Visibility
from roundtable.accounts.tests.factories import make_member

pytestmark = pytest.mark.django_db
URL = "/en/members/"


def _names(response) -> list[str]:
    return [p.full_name for p in response.context["page_obj"].object_list]


def test_anonymous_visitors_see_only_public_profiles(client, code_of_conduct):
    make_member(full_name="Public Person", visibility=Visibility.PUBLIC)
    make_member(full_name="Members Person", visibility=Visibility.MEMBERS)
    make_member(full_name="Hidden Person", visibility=Visibility.HIDDEN)
    assert _names(client.get(URL)) == ["Public Person"]


def test_members_see_public_and_members_profiles_but_not_hidden_ones(client, code_of_conduct):
    viewer = make_member(full_name="Viewer Person", visibility=Visibility.HIDDEN)
    make_member(full_name="Public Person", visibility=Visibility.PUBLIC)
    make_member(full_name="Members Person", visibility=Visibility.MEMBERS)
    make_member(full_name="Hidden Person", visibility=Visibility.HIDDEN)
    client.force_login(viewer)
    assert _names(client.get(URL)) == ["Members Person", "Public Person"]


def test_members_without_a_name_are_not_listed(client, code_of_conduct):
    from roundtable.accounts.tests.factories import UserFactory

    UserFactory()  # signed up, never filled in a profile
    viewer = make_member(full_name="Viewer Person")
    client.force_login(viewer)
    assert _names(client.get(URL)) == ["Viewer Person"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"profession": "police"}, ["Arta Police"]),
        ({"country": "XK"}, ["Arta Police"]),
        ({"language": "mk"}, ["Dimitar Teacher"]),
        ({"expertise": "foster-care"}, ["Sanja Social"]),
        ({"q": "niksic"}, ["Sanja Social"]),
        ({"q": "NIKŠIĆ"}, ["Sanja Social"]),
        ({"q": "Никшић"}, ["Sanja Social"]),
        ({"country": "XK", "profession": "teacher"}, []),
        ({"profession": "not-a-profession"}, ["Arta Police", "Dimitar Teacher", "Sanja Social"]),
    ],
)
def test_directory_filters(client, code_of_conduct, params, expected):
    make_member(
        full_name="Arta Police",
        profession="police",
        country="XK",
        municipality="Pejë",
        languages=["sq"],
    )
    make_member(
        full_name="Dimitar Teacher",
        profession="teacher",
        country="MK",
        municipality="Ohrid",
        languages=["mk"],
    )
    make_member(
        full_name="Sanja Social",
        profession="social_worker",
        country="ME",
        municipality="Nikšić",
        expertise=["foster-care"],
    )
    viewer = make_member(full_name="Zed Viewer", visibility=Visibility.HIDDEN, municipality="Bar")
    client.force_login(viewer)
    response = client.get(URL, params)
    assert response.status_code == 200
    assert _names(response) == expected


def test_directory_is_paginated(client, code_of_conduct):
    for i in range(30):
        make_member(full_name=f"Member {i:02d}", visibility=Visibility.PUBLIC)
    first = client.get(URL)
    second = client.get(URL, {"page": 2})
    assert len(first.context["page_obj"].object_list) == 24
    assert len(second.context["page_obj"].object_list) == 6
    assert "30 members" in first.content.decode()


def test_htmx_request_returns_only_the_results(client, code_of_conduct):
    make_member(full_name="Public Person", visibility=Visibility.PUBLIC)
    response = client.get(URL, {"q": "public"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'id="directory-results"' in html
    assert "<html" not in html


def test_directory_query_count_does_not_grow_with_members(
    client, code_of_conduct, django_assert_max_num_queries
):
    viewer = make_member(full_name="Viewer Person", languages=["en", "sq"], expertise=["adoption"])
    client.force_login(viewer)
    for i in range(3):
        make_member(full_name=f"Few {i}", languages=["en"], expertise=["adoption"])
    # The page chrome (sections in the navigation, footer pages, notification count) costs a
    # fixed number of queries; what matters is that the count stays flat below.
    with django_assert_max_num_queries(19) as few:
        client.get(URL)
    for i in range(25):
        make_member(
            full_name=f"Many {i}", languages=["en", "sr"], expertise=["adoption", "disability"]
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)


def test_directory_is_translated(client, code_of_conduct):
    response = client.get("/sq/members/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sq">' in html
    assert 'href="/en/members/" hreflang="en"' in html
