"""Browser journey: a social worker searches the library, filters, opens and downloads."""

from pathlib import Path

import pytest

from roundtable.content.demo import create_locales
from roundtable.library.models import LibraryFile
from roundtable.library.tests.factories import make_entry, pdf_bytes, upload

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def library(transactional_db):
    create_locales()
    protocol = make_entry(
        title="Protocol on children in street situations",
        slug="street-protocol",
        summary="Who does what when a child is found begging or working in the street.",
        kind="protocol",
        languages=["en", "sq"],
        countries=["AL"],
    )
    LibraryFile.objects.create(
        entry=protocol,
        file=upload("street-protocol-en.pdf", pdf_bytes()),
        language="en",
        size=len(pdf_bytes()),
        file_type="pdf",
        extraction_status="done",
    )
    make_entry(
        title="Street work report",
        summary="Children working in the street: a survey.",
        kind="report",
        countries=["RS"],
    )
    make_entry(title="Foster care toolkit", kind="toolkit")
    return protocol


def test_search_filter_open_and_download(page, library):
    page.goto("/en/library/")
    search_box = page.get_by_label("Search the library")
    search_box.fill("street")
    search_box.press("Enter")
    results = page.locator("#library-results .entry-card")
    page.locator("#library-count", has_text="2 documents").wait_for()
    assert results.count() == 2

    page.locator(".facet a", has_text="Protocol or guideline").click()
    page.locator("#library-count", has_text="1 document").wait_for()
    page.get_by_role("link", name=library.title).click()
    page.get_by_role("heading", name=library.title, level=1).wait_for()

    with page.expect_download() as download_info:
        page.locator(".files a").first.click()
    download = download_info.value
    assert download.suggested_filename == "street-protocol-en.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF")
    page.screenshot(path=str(ARTIFACTS / "journey-library-entry.png"), full_page=True)
    library.files.first().refresh_from_db()
    assert LibraryFile.objects.get(entry=library).download_count == 1
