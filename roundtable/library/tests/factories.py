"""Builders for library tests: entries with their search text, and real documents."""

import io
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale

from roundtable.library.models import DocumentLanguage, EntryCountry, Kind, LibraryEntry
from roundtable.library.services import entry_reindex


def make_entry(
    *,
    title: str,
    summary: str = "",
    kind: str = Kind.REPORT,
    languages=("en",),
    countries=("AL",),
    topics=(),
    year: int = 2024,
    locale: str = "en",
    live: bool = True,
    slug: str | None = None,
    series=None,
    publisher: str = "Institute for Social Protection",
    submitted_by=None,
) -> LibraryEntry:
    entry = LibraryEntry.objects.create(
        title=title,
        slug=slug or f"entry-{uuid.uuid4().hex[:10]}",
        summary=summary,
        kind=kind,
        year=year,
        publisher=publisher,
        locale=Locale.objects.get_or_create(language_code=locale)[0],
        live=live,
        series=series,
        submitted_by=submitted_by,
    )
    for code in languages:
        entry.languages.add(DocumentLanguage.objects.get_or_create(code=code)[0])
    for country in countries:
        EntryCountry.objects.create(entry=entry, country=country)
    entry.topics.set(topics)
    entry.save()  # a ParentalManyToManyField is written when its owner is saved
    entry_reindex(translation_key=entry.translation_key)
    entry.refresh_from_db()
    return entry


def pdf_bytes(text: str = "Protocol for children in street situations") -> bytes:
    """A small, valid PDF whose text pypdf extracts (ASCII text, Helvetica)."""
    stream = f"BT /F1 12 Tf 72 712 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def encrypted_pdf_bytes() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf_bytes())).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(text: str = "Foster care guidance for social workers") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)
