"""Text extraction from library files (PDF, DOCX, ODT), run in the task queue."""

import io
import zipfile

from defusedxml import ElementTree

MAX_TEXT = 200_000  # characters kept per file; more adds little to search and costs space


class ExtractionError(Exception):
    pass


def extract_text(content: bytes, file_type: str) -> str:
    try:
        if file_type == "pdf":
            text = _pdf(content)
        elif file_type == "docx":
            text = _docx(content)
        elif file_type == "odt":
            text = _odt(content)
        else:
            raise ExtractionError(f"unsupported type {file_type!r}")
    except ExtractionError:
        raise
    except Exception as error:  # the parsers raise many kinds of error on broken files
        raise ExtractionError(f"{type(error).__name__}: {error}") from error
    return text[:MAX_TEXT]


def _pdf(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    if reader.is_encrypted:
        raise ExtractionError("the PDF is encrypted")
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx(content: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(content))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def _odt(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))
    return " ".join(text for text in root.itertext() if text.strip())
