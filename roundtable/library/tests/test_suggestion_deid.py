"""Members' library suggestions are their writing too: the de-identification check reads
the title and the summary before anything is saved."""

import pytest

from roundtable.library.models import LibraryEntry
from roundtable.library.tests.factories import pdf_bytes, upload

pytestmark = pytest.mark.django_db


def _data(**overrides):
    data = {
        "title": "Street outreach protocol",
        "summary": "How agencies cooperate; ask Marija on +381 64 123 4567 for the annex.",
        "kind": "protocol",
        "language": "en",
        "external_url": "https://example.org/protocol.pdf",
    }
    data.update(overrides)
    return data


def test_a_flagged_suggestion_is_highlighted_and_nothing_saved(client, member):
    client.force_login(member)
    response = client.post("/en/library/suggest/", _data())
    page = response.content.decode()
    assert response.status_code == 200
    assert '<mark title="Phone number">+381 64 123 4567</mark>' in page
    assert '<mark title="Person&#x27;s name">Marija</mark>' in page
    assert "Check 2 details before posting" in page
    assert not LibraryEntry.objects.exists()

    confirm = page.split('name="confirm_all" value="', 1)[1].split('"', 1)[0]
    response = client.post(
        "/en/library/suggest/",
        {**_data(), "file": upload("protocol.pdf", pdf_bytes()), "confirm_all": confirm},
    )
    assert response.status_code == 302
    assert LibraryEntry.objects.get().summary == _data()["summary"]


def test_the_suggestion_check_is_shown_in_croatian(client, member):
    client.force_login(member)
    response = client.post(
        "/hr/library/suggest/",
        _data(title="Protokol, nazovite +385 91 234 5678", summary="Kako službe surađuju."),
    )
    page = response.content.decode()
    assert "Prije objave provjerite" in page
    assert "<mark" in page
    assert not LibraryEntry.objects.exists()


def test_a_file_named_after_a_child_is_flagged_before_anything_is_saved(client, member):
    client.force_login(member)
    data = _data(summary="How agencies cooperate.", external_url="")
    response = client.post(
        "/en/library/suggest/", {**data, "file": upload("ana-petrovic_2015.pdf", pdf_bytes())}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<mark" in page and "Check 1 detail before posting" in page
    assert not LibraryEntry.objects.exists()
