"""What a library file may be: a PDF, DOCX or ODT whose content matches its name, of limited
size, that does not inflate beyond the limits. The checks live in `roundtable.core.uploads`.

Checked on every upload (editors' and members'), before anything is saved.
"""

from django.conf import settings

from roundtable.core.uploads import DOCUMENT_EXTENSIONS as ALLOWED_EXTENSIONS
from roundtable.core.uploads import check_pdf, validate_document_upload
from roundtable.core.uploads import detect_document_type as detect_type

__all__ = ["ALLOWED_EXTENSIONS", "check_pdf", "detect_type", "validate_library_upload"]


def validate_library_upload(upload) -> str:
    """Raise ValidationError unless `upload` is an allowed, readable document; return its type."""
    return validate_document_upload(upload, limit=settings.LIBRARY_MAX_UPLOAD_SIZE)
