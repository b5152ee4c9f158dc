from __future__ import annotations

from pathlib import Path

import pytest

from digitizer.acquire.formats import FileFormat, identify
from digitizer.errors import (
    CorruptImage,
    CorruptPdf,
    EmptyFile,
    FileNotFound,
    FormatMismatch,
    InputError,
    UnreadableFile,
    UnsupportedFormat,
)
from tests.helpers.pages import write_image


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("a.png", "PNG", FileFormat.PNG),
        ("a.JPG", "JPEG", FileFormat.JPEG),
        ("a.jpeg", "JPEG", FileFormat.JPEG),
        ("a.tif", "TIFF", FileFormat.TIFF),
        ("a.bmp", "BMP", FileFormat.BMP),
        ("a.webp", "WEBP", FileFormat.WEBP),
    ],
)
def test_supported_images_are_identified_by_their_bytes(
    inputs: Path, name: str, fmt: str, expected: FileFormat
) -> None:
    path = write_image(inputs / name, 1, fmt)
    assert identify(path).format is expected


def test_a_file_without_an_extension_is_identified_by_its_bytes(inputs: Path) -> None:
    path = write_image(inputs / "scan0001", 1, "PNG")
    assert identify(path).format is FileFormat.PNG


@pytest.mark.parametrize(
    ("name", "content", "error", "words"),
    [
        ("empty.png", b"", EmptyFile, "empty"),
        ("notes.txt", b"just some notes", UnsupportedFormat, "cannot be imported"),
        ("photo.gif", b"GIF89a" + b"\x00" * 40, UnsupportedFormat, "GIF"),
        ("report.docx", b"PK\x03\x04" + b"\x00" * 40, UnsupportedFormat, "ZIP"),
        ("page.png", "Trang một của văn bản".encode(), FormatMismatch, "holds text"),
        ("page.png", b"GIF89a" + b"\x00" * 40, FormatMismatch, "GIF"),
        ("page.jpg", b"\x00\x01\x02\x03" * 50, CorruptImage, "damaged"),
        ("book.pdf", b"\x00\x01\x02\x03" * 50, CorruptPdf, "no PDF header"),
        ("book.pdf", b"%PDF-1.4\n garbage", None, ""),
    ],
)
def test_bad_files_get_a_typed_error(
    inputs: Path, name: str, content: bytes, error: type[InputError] | None, words: str
) -> None:
    path = inputs / name
    path.write_bytes(content)
    if error is None:
        assert identify(path).format is FileFormat.PDF  # damage inside is found later
        return
    with pytest.raises(error, match=words) as raised:
        identify(path)
    assert raised.value.code == error.code
    assert name in raised.value.message


def test_a_png_named_jpg_is_a_mismatch_that_says_how_to_fix_it(inputs: Path) -> None:
    path = write_image(inputs / "page-3.jpg", 3, "PNG")
    with pytest.raises(FormatMismatch, match=r"rename it to page-3\.png"):
        identify(path)


def test_missing_dangling_and_unreadable_files(inputs: Path) -> None:
    with pytest.raises(FileNotFound):
        identify(inputs / "absent.png")

    link = inputs / "link.png"
    link.symlink_to(inputs / "gone.png")
    with pytest.raises(UnreadableFile, match="does not exist"):
        identify(link)

    locked = write_image(inputs / "locked.png", 1)
    locked.chmod(0)
    with pytest.raises(UnreadableFile, match="permission"):
        identify(locked)
