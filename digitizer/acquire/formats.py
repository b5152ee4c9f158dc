"""What a file holds, told by its first bytes, and whether its name agrees."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from digitizer.errors import (
    CorruptImage,
    CorruptPdf,
    EmptyFile,
    FileNotFound,
    FormatMismatch,
    UnreadableFile,
    UnsupportedFormat,
)

# The limits every file taken in is held to (checked as its pages are decoded, in
# `digitizer.acquire.images`); here, where the command line can name them without loading
# Pillow.
# About A3 at 600 dpi, the largest page an archive scanner produces; Pillow's own default.
DEFAULT_MAX_PIXELS = 89_478_485
# The most pages one file may hold: a thick bound volume scanned as one multi-page TIFF or PDF.
# Each frame is decoded to prove the file whole, so a file of thousands of tiny frames would
# otherwise take minutes before anything is said.
DEFAULT_MAX_PAGES = 5_000


class FileFormat(Enum):
    PNG = "image/png"
    JPEG = "image/jpeg"
    TIFF = "image/tiff"
    BMP = "image/bmp"
    WEBP = "image/webp"
    PDF = "application/pdf"

    @property
    def media_type(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        return self.name

    @property
    def is_image(self) -> bool:
        return self is not FileFormat.PDF


EXTENSIONS: dict[str, FileFormat] = {
    ".png": FileFormat.PNG,
    ".jpg": FileFormat.JPEG,
    ".jpeg": FileFormat.JPEG,
    ".jpe": FileFormat.JPEG,
    ".jfif": FileFormat.JPEG,
    ".tif": FileFormat.TIFF,
    ".tiff": FileFormat.TIFF,
    ".bmp": FileFormat.BMP,
    ".dib": FileFormat.BMP,
    ".webp": FileFormat.WEBP,
    ".pdf": FileFormat.PDF,
}

SUPPORTED = "PNG, JPEG, TIFF, BMP, WebP or PDF"

# Formats we recognise but do not take, so the message can name them.
_KNOWN_OTHERS = [
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"PK\x03\x04", "ZIP (or an Office document)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x00\x00\x00\x0cjP  ", "JPEG 2000"),
    (b"\xff\x4f\xff\x51", "JPEG 2000"),
    (b"AT&TFORM", "DjVu"),
    (b"8BPS", "Photoshop"),
]


def sniff(head: bytes) -> FileFormat | None:
    """The supported format the bytes start with, or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileFormat.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return FileFormat.JPEG
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return FileFormat.TIFF
    if head.startswith(b"BM") and len(head) >= 26:
        return FileFormat.BMP
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return FileFormat.WEBP
    if b"%PDF-" in head[:1024]:
        return FileFormat.PDF
    return None


def _other_format(head: bytes) -> str | None:
    for magic, name in _KNOWN_OTHERS:
        if head.startswith(magic):
            return name
    return None


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        # A cut in the middle of a multi-byte character is still text.
        try:
            head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True


@dataclass(frozen=True)
class IdentifiedFile:
    path: Path
    format: FileFormat
    size: int


def identify(path: Path) -> IdentifiedFile:
    """Check that `path` is a readable, non-empty file of a supported format its name agrees with.

    Raises the matching `InputError` otherwise.
    """
    try:
        info = path.stat()
    except FileNotFoundError as error:
        if path.is_symlink():
            raise UnreadableFile(
                f"{path.name}: a link to a file that does not exist.", source=path
            ) from error
        raise FileNotFound(f"{path}: no such file.", source=path) from error
    except OSError as error:
        raise UnreadableFile(
            f"{path.name}: cannot be read ({error.strerror}).", source=path
        ) from error
    if not path.is_file():
        raise UnsupportedFormat(f"{path.name}: not a regular file.", source=path)
    # Root reads anything; a file nobody may read is still treated as off limits.
    if info.st_mode & 0o444 == 0:
        raise UnreadableFile(f"{path.name}: permission denied (no one may read it).", source=path)
    try:
        with path.open("rb") as stream:
            head = stream.read(1024)
    except OSError as error:
        raise UnreadableFile(
            f"{path.name}: cannot be read ({error.strerror}).", source=path
        ) from error
    if info.st_size == 0 or not head:
        raise EmptyFile(f"{path.name}: the file is empty (0 bytes).", source=path)

    found = sniff(head)
    suffix = path.suffix.lower()
    named = EXTENSIONS.get(suffix)
    if named is None and suffix and found is None:
        other = _other_format(head)
        what = f"a {other} file" if other else f"a {suffix} file"
        raise UnsupportedFormat(
            f"{path.name}: {what} cannot be imported; Digitizer takes {SUPPORTED}.", source=path
        )
    if named is None and suffix:
        raise FormatMismatch(
            f"{path.name}: holds a {found.label if found else 'different'} file but is named "
            f"{suffix}; rename it to match.",
            source=path,
        )
    if found is None:
        if named is None:
            raise UnsupportedFormat(
                f"{path.name}: not a file Digitizer can import ({SUPPORTED}).", source=path
            )
        other = _other_format(head)
        if other:
            raise FormatMismatch(
                f"{path.name}: holds a {other} file, not {named.label}; "
                f"Digitizer takes {SUPPORTED}.",
                source=path,
            )
        if _looks_like_text(head):
            raise FormatMismatch(f"{path.name}: holds text, not a {named.label} file.", source=path)
        if named is FileFormat.PDF:
            raise CorruptPdf(f"{path.name}: not a readable PDF (no PDF header).", source=path)
        raise CorruptImage(
            f"{path.name}: damaged, it does not start like a {named.label} image.", source=path
        )
    if named is not None and named is not found:
        right = next(ext for ext, fmt in EXTENSIONS.items() if fmt is found)
        raise FormatMismatch(
            f"{path.name}: named {named.label} but holds a {found.label} file; "
            f"rename it to {path.stem}{right}.",
            source=path,
        )
    return IdentifiedFile(path, found, info.st_size)
