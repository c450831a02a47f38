"""What a forum attachment may be: an image (JPEG, PNG, WebP, GIF) or a PDF, of limited size.

The type is read from the file's own bytes, never from its name. Photos are re-encoded
without their metadata: a phone picture's EXIF can carry the GPS position of a family's
home.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image, UnidentifiedImageError

from roundtable.library.uploads import check_pdf

IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/gif": "gif"}


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
        with Image.open(io.BytesIO(data)) as image:
            image_format = image.format
            if image_format not in IMAGE_FORMATS:
                raise UnidentifiedImageError
            image.load()
            content_type = IMAGE_FORMATS[image_format]
            if image_format == "GIF":
                cleaned = data  # animations are kept; GIF carries no camera metadata
            else:
                output = io.BytesIO()
                # Saving without `exif=` drops the metadata, GPS position included.
                image.save(output, format=image_format)
                cleaned = output.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _(
                "“%(name)s” cannot be attached: only images (JPEG, PNG, WebP, GIF) and PDF files can."
            )
            % {"name": upload.name},
            code="unsupported",
        ) from error
    return CheckedFile(
        _clean_filename(upload.name, EXTENSIONS[content_type]), content_type, ContentFile(cleaned)
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
