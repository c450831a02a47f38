"""Hostile files built cheaply inside the tests: images whose header claims a huge size and
archives that inflate far beyond their size. Nothing large is ever held in memory here."""

import io
import struct
import zipfile
import zlib


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bomb(width: int = 13_000, height: int = 13_000) -> bytes:
    """A valid grayscale PNG of width × height black pixels (169 megapixels by default),
    about 170 kB: its rows of zeros are compressed one block at a time."""
    compressor = zlib.compressobj(9)
    row = b"\x00" * (width + 1)  # filter byte + one byte per pixel
    rows_per_block = max(1, 4_000_000 // len(row))
    block = row * rows_per_block
    parts = []
    done = 0
    while done < height:
        count = min(rows_per_block, height - done)
        parts.append(compressor.compress(block if count == rows_per_block else row * count))
        done += count
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", b"".join(parts))
        + _chunk(b"IEND", b"")
    )


def _real_docx() -> bytes:
    import docx

    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Harmless looking")
    document.save(out)
    return out.getvalue()


_PARAGRAPH = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"


def docx_bomb(inflated: int = 200 * 1024 * 1024, *, in_document: bool = False) -> bytes:
    """A real DOCX that inflates to about `inflated` bytes (200 MB by default) from well
    under 1 MB, written to the archive in blocks: a zero-filled extra part, or (with
    `in_document`) a main document of millions of tiny paragraphs, which is what makes an
    XML parser build a huge tree."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_real_docx())) as source,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
    ):
        for info in source.infolist():
            if not (in_document and info.filename == "word/document.xml"):
                archive.writestr(info.filename, source.read(info.filename))
        name = "word/document.xml" if in_document else "word/media/image1.bin"
        block = _PARAGRAPH * 100_000 if in_document else b"\x00" * (4 * 1024 * 1024)
        with archive.open(name, "w", force_zip64=True) as member:
            written = 0
            if in_document:
                head = (
                    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    b'<w:document xmlns:w="http://schemas.openxmlformats.org/'
                    b'wordprocessingml/2006/main"><w:body>'
                )
                member.write(head)
            while written < inflated:
                member.write(block)
                written += len(block)
            if in_document:
                member.write(b"</w:body></w:document>")
    return out.getvalue()
