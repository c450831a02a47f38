"""What a forum attachment may be: an image (JPEG, PNG, WebP, GIF) or a PDF, of limited size.

The type is read from the file's own bytes, never from its name (`roundtable.core.uploads`).
Images, GIFs included, are re-encoded without their metadata: a phone picture's EXIF can
carry the GPS position of a family's home. An image's pixel count is checked from its
header before it is decoded.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image, UnidentifiedImageError

from roundtable.core.uploads import EXTENSIONS, IMAGE_FORMATS, check_pdf, image_reencode

__all__ = ["EXTENSIONS", "IMAGE_FORMATS", "CheckedFile", "check_attachment", "check_attachments"]


@dataclass
class CheckedFile:
    filename: str
    content_type: str
    content: ContentFile

    @property
    def size(self) -> int:
        return self.content.size


def _clean_filename(name: str, extension: str) -> str:
    stem = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].rsplit(".", 1)[0][:80] or "file"
    return f"{stem}.{extension}"


def check_attachment(upload) -> CheckedFile:
    """The upload, checked and cleaned, or a ValidationError saying what is wrong."""
    limit = settings.FORUM_MAX_ATTACHMENT_SIZE
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; attachments may be at most %(limit)s.")
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            },
            code="too_large",
        )
    upload.seek(0)
    data = upload.read()
    if data.startswith(b"%PDF-"):
        check_pdf(data)
        return CheckedFile(
            _clean_filename(upload.name, "pdf"), "application/pdf", ContentFile(data)
        )
    try:
        # Refuses too many pixels (with the numbers) before anything is decoded.
        cleaned = image_reencode(data)
    except ValidationError as error:
        raise ValidationError(
            _("“%(name)s” cannot be attached. %(reason)s")
            % {"name": upload.name, "reason": " ".join(error.messages)},
            code=error.code,
        ) from error
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _(
                "“%(name)s” cannot be attached: only images (JPEG, PNG, WebP, GIF) and PDF files can."
            )
            % {"name": upload.name},
            code="unsupported",
        ) from error
    content_type = cleaned.content_type
    return CheckedFile(
        _clean_filename(upload.name, EXTENSIONS[content_type]),
        content_type,
        ContentFile(cleaned.data),
    )


def check_attachments(uploads: list) -> list[CheckedFile]:
    if len(uploads) > settings.FORUM_MAX_ATTACHMENTS:
        raise ValidationError(
            ngettext(
                "A post can have at most %(count)d attachment.",
                "A post can have at most %(count)d attachments.",
                settings.FORUM_MAX_ATTACHMENTS,
            )
            % {"count": settings.FORUM_MAX_ATTACHMENTS},
            code="too_many",
        )
    return [check_attachment(upload) for upload in uploads]
