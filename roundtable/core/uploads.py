"""Checks every upload passes, shared by the library, the forum and avatars.

The type is read from the file's own bytes, never from its name, and a file's cost is
bounded before it is decoded: an image's pixel count is read from its header, a zip
archive's inflated size from its directory, a PDF's page count from its page tree. A
refusal says what was wrong, in the reader's language, with the numbers.
"""

import io
import re
import uuid
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

# Decoding costs about 4 bytes per pixel (a 40-megapixel photo: 160 MB); phone cameras
# stay under 50 megapixels, and pictures shown on a page need far fewer.
IMAGE_MAX_PIXELS = 40_000_000
# Pillow's own guard, for every Image.open in the process (Wagtail renditions included):
# it warns above this and refuses above twice this, before decoding.
PILLOW_MAX_IMAGE_PIXELS = IMAGE_MAX_PIXELS
# An animated GIF keeps its frames while frames × pixels stay under this; otherwise only
# its first frame is kept.
GIF_MAX_ANIMATION_PIXELS = 100_000_000
GIF_MAX_FRAMES = 300
# A DOCX or ODT is a zip archive: its members' inflated sizes are in its directory, read
# before anything is decompressed. Real documents inflate 3–20 times.
ZIP_MAX_INFLATED_SIZE = 50 * 1024 * 1024
ZIP_MAX_RATIO = 100
ZIP_RATIO_FLOOR = 5 * 1024 * 1024  # below this inflated size the ratio is not checked
ZIP_MAX_MEMBERS = 5000
PDF_MAX_PAGES = 2000

IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/gif": "gif"}
DOCUMENT_EXTENSIONS = {"pdf", "docx", "odt"}
_DOCX_PART = "word/document.xml"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_PILLOW_BOMB_PIXELS = re.compile(r"Image size \((\d+) pixels\)")


def configure_pillow() -> None:
    """Called once at start-up (CoreConfig.ready)."""
    Image.MAX_IMAGE_PIXELS = PILLOW_MAX_IMAGE_PIXELS


# --- Sizes --------------------------------------------------------------------------------


def check_size(upload, *, limit: int, name: str = "") -> None:
    """Refuse an upload larger than `limit` bytes (the size the server received)."""
    if upload.size > limit:
        if name:
            message = _("“%(name)s” is %(size)s; files may be at most %(limit)s.")
        else:
            message = _("This file is %(size)s; files may be at most %(limit)s.")
        raise ValidationError(
            message
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )


def read_upload(upload) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


# --- Images -------------------------------------------------------------------------------


def _megapixels(pixels: int) -> str:
    return number_format(round(pixels / 1_000_000), use_l10n=True, force_grouping=True)


def image_too_large(pixels: int, *, limit: int = IMAGE_MAX_PIXELS) -> ValidationError:
    return ValidationError(
        _("The image is too large: %(pixels)s megapixels, the limit is %(limit)s.")
        % {"pixels": _megapixels(pixels), "limit": _megapixels(limit)},
        code="too_many_pixels",
    )


def image_open(data: bytes, *, limit: int = IMAGE_MAX_PIXELS) -> Image.Image:
    """The image, opened but NOT decoded, once its header shows at most `limit` pixels.

    Raises ValidationError (too many pixels) or UnidentifiedImageError (not an image).
    """
    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as error:
        # Pillow refused from the header already; its message carries the pixel count.
        found = _PILLOW_BOMB_PIXELS.search(str(error))
        raise image_too_large(int(found.group(1)) if found else 2 * limit, limit=limit) from error
    pixels = image.width * image.height
    if pixels > limit:
        image.close()
        raise image_too_large(pixels, limit=limit)
    return image


@dataclass
class CleanImage:
    content_type: str
    data: bytes


def image_reencode(data: bytes, *, limit: int = IMAGE_MAX_PIXELS) -> CleanImage:
    """JPEG, PNG, WebP or GIF re-encoded without its metadata (EXIF with the GPS position,
    XMP, comments, application blocks). Raises ValidationError or UnidentifiedImageError."""
    with image_open(data, limit=limit) as image:
        image_format = image.format
        if image_format not in IMAGE_FORMATS:
            raise UnidentifiedImageError(image_format)
        output = io.BytesIO()
        if image_format == "GIF":
            _gif_reencode(image, output)
        else:
            image.load()
            # Saving without `exif=`, `xmp=` or `icc_profile=` drops the metadata.
            image.save(output, format=image_format)
    return CleanImage(IMAGE_FORMATS[image_format], output.getvalue())


def _gif_reencode(image: Image.Image, output: io.BytesIO) -> None:
    """Frames only: Pillow writes back a GIF's comment unless told not to, and the XMP and
    other application blocks are not copied."""
    frames = getattr(image, "n_frames", 1)
    animated = frames > 1 and (
        frames <= GIF_MAX_FRAMES and frames * image.width * image.height <= GIF_MAX_ANIMATION_PIXELS
    )
    image.info.pop("comment", None)
    image.info.pop("xmp", None)
    image.info.pop("extension", None)
    if animated:
        image.seek(0)
        image.save(output, format="GIF", save_all=True, comment=b"", optimize=False)
    else:
        image.seek(0)
        image.load()
        first = image.copy()
        first.info = {key: value for key, value in image.info.items() if key == "transparency"}
        first.save(output, format="GIF", comment=b"")


# --- Documents (PDF, DOCX, ODT) -------------------------------------------------------------


def zip_check(archive: zipfile.ZipFile, *, archive_size: int) -> None:
    """Refuse an archive that would inflate beyond the limits, from its directory alone."""
    members = archive.infolist()
    if len(members) > ZIP_MAX_MEMBERS:
        raise ValidationError(
            _("This document has %(count)s parts; the limit is %(limit)s.")
            % {
                "count": number_format(len(members), force_grouping=True),
                "limit": number_format(ZIP_MAX_MEMBERS, force_grouping=True),
            },
            code="too_many_parts",
        )
    inflated = sum(member.file_size for member in members)
    if inflated > ZIP_MAX_INFLATED_SIZE:
        raise ValidationError(
            _(
                "This document would take %(size)s once unpacked; the limit is %(limit)s. "
                "It may be damaged or built to overload the server."
            )
            % {"size": filesizeformat(inflated), "limit": filesizeformat(ZIP_MAX_INFLATED_SIZE)},
            code="inflates_too_much",
        )
    ratio = inflated / max(archive_size, 1)
    if inflated > ZIP_RATIO_FLOOR and ratio > ZIP_MAX_RATIO:
        raise ValidationError(
            _(
                "This document is compressed %(ratio)s times; the limit is %(limit)s. "
                "It may be damaged or built to overload the server."
            )
            % {
                "ratio": number_format(round(ratio), force_grouping=True),
                "limit": number_format(ZIP_MAX_RATIO, force_grouping=True),
            },
            code="ratio_too_high",
        )


def detect_document_type(head: bytes, data: io.BytesIO | None = None) -> str | None:
    """'pdf', 'docx' or 'odt' from the file's own bytes, or None.

    A zip archive's inflated size is checked before any member is read.
    """
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and data is not None:
        try:
            with zipfile.ZipFile(data) as archive:
                zip_check(archive, archive_size=len(data.getbuffer()))
                names = set(archive.namelist())
                if _DOCX_PART in names:
                    return "docx"
                if (
                    "mimetype" in names
                    and archive.getinfo("mimetype").file_size < 100
                    and archive.read("mimetype").strip() == _ODT_MIMETYPE
                ):
                    return "odt"
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError):
            return None
    return None


def validate_document_upload(upload, *, limit: int) -> str:
    """Raise ValidationError unless `upload` is an allowed, readable PDF, DOCX or ODT;
    return its type."""
    check_size(upload, limit=limit)
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    content = read_upload(upload)
    kind = detect_document_type(content[:8], io.BytesIO(content))
    if extension not in DOCUMENT_EXTENSIONS or kind is None:
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
    """Raise ValidationError unless `content` is a readable PDF without a password and with
    at most PDF_MAX_PAGES pages (counted from the page tree; no page is rendered)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise ValidationError(
                _("This PDF is protected by a password. Please upload a version without one."),
                code="encrypted",
            )
        pages = len(reader.pages)
        if pages == 0:
            raise PdfReadError("no pages")
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds of error on a broken file
        raise ValidationError(
            _("This PDF cannot be read; it may be damaged. Please export it again."),
            code="corrupt",
        ) from error
    if pages > PDF_MAX_PAGES:
        raise ValidationError(
            _("This PDF has %(pages)s pages; the limit is %(limit)s.")
            % {
                "pages": number_format(pages, force_grouping=True),
                "limit": number_format(PDF_MAX_PAGES, force_grouping=True),
            },
            code="too_many_pages",
        )


# --- Private storage ----------------------------------------------------------------------


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files outside MEDIA_ROOT, under PRIVATE_MEDIA_ROOT: only views that check the reader
    serve them. `url_name`, when given, is a URL that takes the stored name and checks."""

    def __init__(self, url_name: str = "", **kwargs):
        self.url_name = url_name
        super().__init__(**kwargs)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    def url(self, name):
        if not self.url_name:
            raise ValueError("Private files have no public URL.")
        from django.urls import reverse

        return reverse(self.url_name, kwargs={"name": name})


def neutral_name(prefix: str, filename: str) -> str:
    """A stored name that says nothing about the file: a random id and its extension."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    extension = extension if extension.isalnum() and len(extension) <= 5 else "bin"
    return f"{prefix}/{uuid.uuid4().hex}.{extension}"
