"""What a library file may be: its content must match its type, and its size is limited.

Checked on every upload (editors' and members'), before anything is saved: a renamed
executable, an encrypted or corrupt PDF, or an over-sized file gets a clear message.
"""

import io
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

ALLOWED_EXTENSIONS = {"pdf", "docx", "odt"}
_DOCX_PART = "word/document.xml"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def detect_type(head: bytes, data: io.BytesIO | None = None) -> str | None:
    """'pdf', 'docx' or 'odt' from the file's own bytes, or None."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and data is not None:
        try:
            with zipfile.ZipFile(data) as archive:
                names = set(archive.namelist())
                if _DOCX_PART in names:
                    return "docx"
                if "mimetype" in names and archive.read("mimetype").strip() == _ODT_MIMETYPE:
                    return "odt"
        except zipfile.BadZipFile:
            return None
    return None


def validate_library_upload(upload) -> str:
    """Raise ValidationError unless `upload` is an allowed, readable document; return its type."""
    limit = settings.LIBRARY_MAX_UPLOAD_SIZE
    if upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; files may be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    kind = detect_type(content[:8], io.BytesIO(content))
    if extension not in ALLOWED_EXTENSIONS or kind is None:
        raise ValidationError(
            _("Only PDF, Word (DOCX) and OpenDocument (ODT) documents can be added."),
            code="unsupported",
        )
    if kind != extension:
        raise ValidationError(
            _("The file's content does not match its name (.%(extension)s)."),
            params={"extension": extension},
            code="mismatch",
        )
    if kind == "pdf":
        check_pdf(content)
    return kind


def check_pdf(content: bytes) -> None:
    """Raise ValidationError unless `content` is a readable PDF without a password."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise ValidationError(
                _("This PDF is protected by a password. Please upload a version without one."),
                code="encrypted",
            )
        if len(reader.pages) == 0:
            raise PdfReadError("no pages")
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds of error on a broken file
        raise ValidationError(
            _("This PDF cannot be read; it may be damaged. Please export it again."),
            code="corrupt",
        ) from error
