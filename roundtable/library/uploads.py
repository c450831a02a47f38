"""What a library file may be: a PDF, DOCX or ODT whose content matches its name, of limited
size, that does not inflate beyond the limits. The checks live in `roundtable.core.uploads`;
the library adds only its size limit.

Checked on every upload (editors' and members'), before anything is saved.
"""

from django.conf import settings

from roundtable.core.uploads import validate_document_upload

__all__ = ["validate_library_upload"]


def validate_library_upload(upload) -> str:
    """Raise ValidationError unless `upload` is an allowed, readable document; return its type."""
    return validate_document_upload(upload, limit=settings.LIBRARY_MAX_UPLOAD_SIZE)
