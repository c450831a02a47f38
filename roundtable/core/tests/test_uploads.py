"""The shared upload checks: a hostile file is refused from its header or its archive
directory, before it is decoded, with a message that says what was wrong; images, GIFs
included, lose their metadata."""

import io
import time
import tracemalloc

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from roundtable.core.tests.bombs import docx_bomb, png_bomb
from roundtable.core.uploads import image_reencode, image_too_large, validate_document_upload

GPS = "GPS 42.4411N 19.2636E"


def test_a_169_megapixel_png_is_refused_from_its_header_in_a_few_milliseconds():
    bomb = png_bomb()
    tracemalloc.start()
    started = time.monotonic()
    with pytest.raises(ValidationError) as refused:
        image_reencode(bomb)
    elapsed = time.monotonic() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert refused.value.messages == ["The image is too large: 169 megapixels, the limit is 40."]
    assert peak < 5 * 1024 * 1024  # decoding it would take 169 MB
    assert elapsed < 1


def test_the_pixel_numbers_are_formatted_for_the_reader_language():
    with translation.override("hr"):
        message = image_too_large(1_234_000_000).messages[0]
    assert "1.234" in message


def _gif_with_metadata(frames: int = 1) -> bytes:
    colours = ["red", "green", "blue"]
    images = [Image.new("RGB", (16, 16), colours[i]) for i in range(frames)]
    output = io.BytesIO()
    images[0].save(
        output,
        format="GIF",
        save_all=frames > 1,
        append_images=images[1:],
        comment=f"Taken at home, {GPS}".encode(),
    )
    data = output.getvalue()
    # An XMP application extension (as Photoshop writes it) before the trailer.
    xmp = f'<x:xmpmeta><rdf:Description exif:GPSLatitude="{GPS}"/></x:xmpmeta>'.encode()
    blocks = b"".join(
        bytes([len(xmp[i : i + 255])]) + xmp[i : i + 255] for i in range(0, len(xmp), 255)
    )
    extension = b"\x21\xff\x0b" + b"XMP DataXMP" + blocks + b"\x00"
    return data[:-1] + extension + data[-1:]


@pytest.mark.parametrize("frames", [1, 3])
def test_a_gif_loses_its_comment_and_xmp_and_keeps_its_frames(frames):
    gif = _gif_with_metadata(frames)
    assert GPS.encode() in gif and b"XMP DataXMP" in gif
    with Image.open(io.BytesIO(gif)) as original:
        assert getattr(original, "n_frames", 1) == frames

    cleaned = image_reencode(gif)

    assert cleaned.content_type == "image/gif"
    assert GPS.encode() not in cleaned.data
    assert b"XMP DataXMP" not in cleaned.data
    with Image.open(io.BytesIO(cleaned.data)) as image:
        assert getattr(image, "n_frames", 1) == frames


@pytest.mark.parametrize(
    ("inflated", "message"),
    [
        (200 * 1024 * 1024, "would take 200.8\xa0MB once unpacked; the limit is 50.0\xa0MB"),
        (10 * 1024 * 1024, "is compressed"),
    ],
)
def test_a_docx_that_inflates_too_much_is_refused_from_its_directory(inflated, message):
    bomb = docx_bomb(inflated)
    with pytest.raises(ValidationError) as refused:
        validate_document_upload(SimpleUploadedFile("report.docx", bomb), limit=25 * 1024 * 1024)
    assert message in refused.value.messages[0]
