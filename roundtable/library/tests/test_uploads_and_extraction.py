"""Uploads are checked before anything is saved; text extraction feeds search, and its
failures are recorded for editors, never shown to readers as a crash."""

import pytest
from django.core.exceptions import ValidationError

from roundtable.library.models import ExtractionStatus, LibraryEntry, LibraryFile
from roundtable.library.services import extract_file_text, suggestion_create
from roundtable.library.tests.factories import (
    docx_bytes,
    encrypted_pdf_bytes,
    make_entry,
    pdf_bytes,
    upload,
)
from roundtable.library.uploads import validate_library_upload

pytestmark = pytest.mark.django_db


def _suggest(client, **overrides):
    data = {
        "title": "Street outreach protocol",
        "summary": "How agencies cooperate.",
        "kind": "protocol",
        "language": "en",
        "file": upload("protocol.pdf", pdf_bytes()),
    }
    data.update(overrides)
    return client.post("/en/library/suggest/", data)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.pdf", b"just some text, not a PDF", "Only PDF, Word (DOCX) and OpenDocument (ODT)"),
        ("script.exe", b"MZ\x90\x00", "Only PDF, Word (DOCX) and OpenDocument (ODT)"),
        ("locked.pdf", None, "protected by a password"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj garbage", "cannot be read"),
        ("report.docx", None, "does not match its name"),
    ],
)
def test_bad_uploads_get_a_clear_message_and_nothing_is_saved(
    client, member, name, content, message
):
    if name == "locked.pdf":
        content = encrypted_pdf_bytes()
    if name == "report.docx":
        content = pdf_bytes()  # a PDF renamed .docx
    client.force_login(member)

    response = _suggest(client, file=upload(name, content))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not LibraryEntry.objects.exists()
    assert not LibraryFile.objects.exists()


def test_an_oversized_upload_is_refused_in_the_reader_language(client, member, settings):
    settings.LIBRARY_MAX_UPLOAD_SIZE = 100
    client.force_login(member)
    response = client.post(
        "/hr/library/suggest/",
        {
            "title": "Velik",
            "summary": "x",
            "kind": "report",
            "language": "hr",
            "file": upload("big.pdf", pdf_bytes()),
        },
    )
    assert response.status_code == 200
    # "This file is 617 bytes; files may be at most 100 bytes", in Croatian.
    assert "dopušteno je najviše 100\xa0byte" in response.content.decode()
    assert not LibraryEntry.objects.exists()


def test_a_member_suggestion_is_a_draft_with_its_text_extracted(
    client, member, django_capture_on_commit_callbacks
):
    from roundtable.accounts.tests.factories import make_member
    from roundtable.notifications.models import Notification

    editor = make_member(full_name="Edita Editor", username="edita", is_superuser=True)
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = _suggest(client)
    assert response.status_code == 302
    entry = LibraryEntry.objects.get()
    assert entry.live is False and entry.submitted_by == member
    item = entry.files.get()
    assert item.file_type == "pdf" and item.size > 0
    assert item.extraction_status == ExtractionStatus.DONE
    assert "Protocol for children in street situations" in item.extracted_text
    entry.refresh_from_db()
    assert "street situations" in entry.search_folded
    # Editors hear of it, and the member does not.
    assert (
        Notification.objects.filter(recipient=editor, kind="library_suggestion_received").count()
        == 1
    )
    assert not Notification.objects.filter(recipient=member).exists()


def test_docx_text_is_extracted(member):
    entry = make_entry(title="Foster guide")
    item = LibraryFile.objects.create(
        entry=entry, file=upload("guide.docx", docx_bytes()), language="en"
    )
    item.file_type = "docx"
    item.save()
    assert extract_file_text.call(file_id=item.pk) == ExtractionStatus.DONE
    item.refresh_from_db()
    assert "Foster care guidance" in item.extracted_text


def test_a_failed_extraction_is_recorded_for_editors_and_the_page_still_works(client, member):
    entry = make_entry(title="Damaged file entry", slug="damaged")
    item = LibraryFile.objects.create(
        entry=entry, file=upload("damaged.pdf", pdf_bytes()), language="en"
    )
    item.file_type = "pdf"
    item.save()
    with open(item.file.path, "wb") as handle:  # the stored file is damaged after upload
        handle.write(b"%PDF-1.4 nothing useful")

    assert extract_file_text.call(file_id=item.pk) == ExtractionStatus.FAILED
    item.refresh_from_db()
    assert item.extraction_error
    assert "damaged.pdf" in entry.extraction_problems()
    assert client.get("/en/library/damaged/").status_code == 200


def test_validator_accepts_real_documents():
    assert validate_library_upload(upload("a.pdf", pdf_bytes())) == "pdf"
    assert validate_library_upload(upload("a.docx", docx_bytes())) == "docx"
    with pytest.raises(ValidationError):
        validate_library_upload(upload("a.odt", docx_bytes()))


def test_members_cannot_flood_the_editors_with_suggestions(client, member):
    client.force_login(member)
    for number in range(5):
        suggestion_create(
            user=member,
            locale=entry_locale(),
            title=f"Doc {number}",
            summary="s",
            kind="report",
            language="en",
            external_url="https://example.org/doc",
        )
    response = _suggest(client)
    assert "try again tomorrow" in response.content.decode()
    assert LibraryEntry.objects.count() == 5


def entry_locale():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


def test_a_docx_bomb_is_refused_at_upload_with_the_reason(client, member):
    from roundtable.core.tests.bombs import docx_bomb

    client.force_login(member)
    response = _suggest(client, file=upload("report.docx", docx_bomb(), "application/msword"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "would take 200.8\xa0MB once unpacked; the limit is 50.0\xa0MB" in page
    assert not LibraryEntry.objects.exists()
    assert not LibraryFile.objects.exists()


def test_extracting_a_bomb_that_slipped_in_fails_without_inflating_it(member):
    """A file stored before the checks existed: its text is refused, memory stays small."""
    import tracemalloc

    from django.core.files.base import ContentFile

    from roundtable.core.tests.bombs import docx_bomb

    entry = make_entry(title="Old upload")
    bomb = docx_bomb(in_document=True)  # a main document of 200 MB of paragraphs
    item = LibraryFile(entry=entry, language="en", file_type="docx", size=len(bomb))
    item.file.save("old.docx", ContentFile(bomb), save=False)
    item.save()

    tracemalloc.start()
    status = extract_file_text.call(file_id=item.pk)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    item.refresh_from_db()
    assert status == ExtractionStatus.FAILED
    assert "once unpacked; the limit is" in item.extraction_error
    assert peak < 20 * 1024 * 1024  # the old parser held gigabytes


def _two_page_pdf() -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for _ in range(2):
        writer.add_page(PdfReader(io.BytesIO(pdf_bytes())).pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_with_too_many_pages_is_refused_with_the_count(monkeypatch):
    monkeypatch.setattr("roundtable.core.uploads.PDF_MAX_PAGES", 1)
    with pytest.raises(ValidationError) as refused:
        validate_library_upload(upload("long.pdf", _two_page_pdf()))
    assert refused.value.messages == ["This PDF has 2 pages; the limit is 1."]


@pytest.mark.parametrize(
    ("limit", "value", "reason"),
    [("PDF_MAX_PAGES", 1, "more than 1 pages"), ("PDF_MAX_SECONDS", -1, "stopped after")],
)
def test_pdf_extraction_stops_at_the_page_and_time_limits(monkeypatch, limit, value, reason):
    from roundtable.library.extraction import ExtractionError, extract_text

    monkeypatch.setattr(f"roundtable.library.extraction.{limit}", value)
    with pytest.raises(ExtractionError, match=reason):
        extract_text(_two_page_pdf(), "pdf")
