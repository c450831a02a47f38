"""Entry pages, downloads, the reading list and the privacy of drafts and lists."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roundtable.library.models import LibraryEntry, LibraryFile, ReadingListItem
from roundtable.library.tests.factories import make_entry, pdf_bytes, upload
from roundtable.news.tests.factories import make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def protocol(site):
    topic = make_topic("street-children", {"en": "Children in street situations"})
    entry = make_entry(
        title="Protocol on children in street situations",
        slug="street-protocol",
        summary="Who does what when a child is found in the street.",
        kind="protocol",
        languages=["en", "sq"],
        topics=[topic],
        year=2024,
        publisher="Regional Child Protection Network",
    )
    for language in ("en", "sq"):
        LibraryFile.objects.create(
            entry=entry,
            file=upload(f"protocol-{language}.pdf", pdf_bytes()),
            language=language,
            size=len(pdf_bytes()),
            file_type="pdf",
        )
    make_entry(title="Outreach toolkit", slug="outreach", topics=[topic])
    make_entry(title="Unrelated law", slug="law", kind="law")
    return entry


def test_entry_page_shows_metadata_files_with_size_and_language_related_and_citation(
    client, protocol
):
    soup = BeautifulSoup(client.get("/en/library/street-protocol/").content, "html.parser")

    files = [a.get_text(" ", strip=True) for a in soup.select(".files a")]
    assert len(files) == 2
    assert any(text.startswith("English — PDF") for text in files)
    assert any(text.startswith("Shqip — PDF") for text in files)
    assert "bytes" in files[0]
    related = [a.text for a in soup.select('[aria-labelledby="related-heading"] a')]
    assert related == ["Outreach toolkit"]
    citation = soup.select_one(".citation").get_text(" ", strip=True)
    assert (
        "Regional Child Protection Network (2024)" in citation
        and "/en/library/street-protocol/" in citation
    )


def test_downloads_are_counted_and_feed_the_most_downloaded_list(client, protocol):
    item = protocol.files.first()
    for _ in range(3):
        response = client.get(f"/en/library/files/{item.pk}/download/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    item.refresh_from_db()
    protocol.refresh_from_db()
    assert item.download_count == 3 and protocol.download_count == 3
    soup = BeautifulSoup(client.get("/en/library/").content, "html.parser")
    assert soup.select_one(".popular li a").text == protocol.title


def test_a_draft_file_cannot_be_downloaded(client, site):
    draft = make_entry(title="Draft", live=False)
    item = LibraryFile.objects.create(entry=draft, file=upload("d.pdf", pdf_bytes()), language="en")
    assert client.get(f"/en/library/files/{item.pk}/download/").status_code == 404


def test_reading_list_is_private_to_its_owner(client, protocol, member, other_member):
    client.force_login(member)
    client.post("/en/library/street-protocol/reading-list/")
    assert ReadingListItem.objects.filter(user=member, entry=protocol).exists()
    assert protocol.title in client.get("/en/library/reading-list/").content.decode()

    client.force_login(other_member)
    assert protocol.title not in client.get("/en/library/reading-list/").content.decode()

    client.logout()
    response = client.get("/en/library/reading-list/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post("/en/library/street-protocol/reading-list/").status_code == 302
    assert ReadingListItem.objects.count() == 1


def test_reading_list_toggle_removes_and_needs_post(client, protocol, member):
    client.force_login(member)
    client.post("/en/library/street-protocol/reading-list/")
    client.post("/en/library/street-protocol/reading-list/")
    assert not ReadingListItem.objects.exists()
    assert client.get("/en/library/street-protocol/reading-list/").status_code == 405


def test_a_suggestion_is_visible_to_its_author_only_until_published(
    client, site, member, other_member
):
    draft = make_entry(title="My suggested guide", slug="my-guide", live=False, submitted_by=member)
    client.force_login(member)
    page = client.get("/en/library/my-guide/")
    assert page.status_code == 200 and "waiting for an editor" in page.content.decode()
    client.force_login(other_member)
    assert client.get("/en/library/my-guide/").status_code == 404
    client.logout()
    assert client.get("/en/library/my-guide/").status_code == 404

    draft.live = True
    draft.save()
    assert client.get("/en/library/my-guide/").status_code == 200


def test_unknown_entry_is_a_404(client, site):
    assert client.get("/en/library/no-such-entry/").status_code == 404


def test_entry_page_queries_do_not_grow_with_related_entries(client, protocol):
    def count() -> int:
        client.get("/en/library/street-protocol/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/library/street-protocol/")
        return len(queries)

    few = count()
    topic = protocol.topics.first()
    for number in range(12):
        make_entry(title=f"Related {number}", topics=[topic])
    assert count() == few
    assert LibraryEntry.objects.count() == 15


def test_reading_list_queries_do_not_grow(client, site, member):
    from roundtable.library.services import reading_list_add

    client.force_login(member)
    reading_list_add(user=member, entry=make_entry(title="First kept"))

    def count() -> int:
        client.get("/en/library/reading-list/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/library/reading-list/").status_code == 200
        return len(queries)

    few = count()
    for number in range(25):
        reading_list_add(user=member, entry=make_entry(title=f"Kept {number}"))
    assert count() == few
