"""Text extraction from library files (PDF, DOCX, ODT), run in the task queue.

A file that slipped past the upload checks (uploaded before they existed, or copied in by
hand) must not take the worker down: a zip archive's inflated size and ratio are checked
from its directory before anything is decompressed, DOCX and ODT text is read as a stream
and stops at MAX_TEXT, and a PDF is read up to PDF_MAX_PAGES pages and PDF_MAX_SECONDS.
"""

import io
import time
import zipfile

from defusedxml.ElementTree import iterparse
from django.core.exceptions import ValidationError

from roundtable.core.uploads import PDF_MAX_PAGES, zip_check

MAX_TEXT = 200_000  # characters kept per file; more adds little to search and costs space
PDF_MAX_SECONDS = 60

_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


class ExtractionError(Exception):
    pass


def extract_text(content: bytes, file_type: str) -> str:
    try:
        if file_type == "pdf":
            text = _pdf(content)
        elif file_type == "docx":
            text = _zipped_xml(content, "word/document.xml", paragraph=f"{_WORD}p")
        elif file_type == "odt":
            text = _zipped_xml(content, "content.xml", paragraph=None)
        else:
            raise ExtractionError(f"unsupported type {file_type!r}")
    except ExtractionError:
        raise
    except ValidationError as error:
        raise ExtractionError(" ".join(error.messages)) from error
    except Exception as error:  # the parsers raise many kinds of error on broken files
        raise ExtractionError(f"{type(error).__name__}: {error}") from error
    return text[:MAX_TEXT]


def _pdf(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    if reader.is_encrypted:
        raise ExtractionError("the PDF is encrypted")
    deadline = time.monotonic() + PDF_MAX_SECONDS
    parts: list[str] = []
    length = 0
    for number, page in enumerate(reader.pages, start=1):
        if number > PDF_MAX_PAGES:
            raise ExtractionError(f"the PDF has more than {PDF_MAX_PAGES} pages")
        if time.monotonic() > deadline:
            raise ExtractionError(f"stopped after {PDF_MAX_SECONDS} s, at page {number}")
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
        if length >= MAX_TEXT:
            break
    return "\n".join(parts)


def _zipped_xml(content: bytes, member: str, *, paragraph: str | None) -> str:
    """The text of one XML member of a zip archive, parsed as a stream: memory stays bounded
    by the elements open at one time, and reading stops once MAX_TEXT characters are in."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        zip_check(archive, archive_size=len(content))
        parts: list[str] = []
        length = 0
        with archive.open(member) as stream:
            for _event, element in iterparse(stream, events=("end",)):
                if paragraph is not None:
                    # DOCX: the text runs of one paragraph make a line.
                    if element.tag == paragraph:
                        text = "".join(node.text or "" for node in element.iter(f"{_WORD}t"))
                        parts.append(text)
                        length += len(text) + 1
                        element.clear()
                elif element.tag in {f"{_ODF_TEXT}p", f"{_ODF_TEXT}h"}:
                    text = "".join(element.itertext()).strip()
                    if text:
                        parts.append(text)
                        length += len(text) + 1
                    element.clear()
                if length >= MAX_TEXT:
                    break
    return ("\n" if paragraph is not None else " ").join(parts)
