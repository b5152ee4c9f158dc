"""Image files: decode every frame once to prove the file whole, read size and resolution."""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageFile, UnidentifiedImageError

from digitizer.acquire.formats import (
    DEFAULT_MAX_PAGES,
    DEFAULT_MAX_PIXELS,
    FileFormat,
    IdentifiedFile,
)
from digitizer.errors import CorruptImage, ImageTooLarge, TooManyPages, TruncatedImage

# The pixel limit is meant for images of up to three bytes a pixel (8-bit grey or colour); a
# deeper image (16-bit, with alpha) takes more memory per pixel and counts for more.
_BYTES_PER_PIXEL_ALLOWED = 3
_BYTES_PER_PIXEL = {"1": 1, "L": 1, "P": 1, "LA": 2, "RGB": 3, "YCbCr": 3, "LAB": 3, "HSV": 3}

_PILLOW_FORMATS = {
    FileFormat.PNG: "PNG",
    FileFormat.JPEG: "JPEG",
    FileFormat.TIFF: "TIFF",
    FileFormat.BMP: "BMP",
    FileFormat.WEBP: "WEBP",
}


@dataclass(frozen=True)
class Frame:
    """One page inside an image file."""

    width: int
    height: int
    dpi: float | None
    mode: str  # Pillow mode: "1" bilevel, "L" grey, "RGB" …


@dataclass(frozen=True)
class ProbedImage:
    file: IdentifiedFile
    frames: tuple[Frame, ...]


def read_dpi(info: Mapping[Any, Any]) -> float | None:
    """The horizontal resolution an image declares, rounded sensibly, or None."""
    dpi = info.get("dpi")
    if not isinstance(dpi, tuple) or not dpi:
        return None
    try:
        value = float(dpi[0])
    except (TypeError, ValueError):
        return None
    if value <= 1:  # "1 dpi" and "0 dpi" are writers saying nothing
        return None
    # PNG stores pixels per metre, so 300 dpi comes back as 299.9994.
    return float(round(value)) if abs(value - round(value)) < 0.05 else round(value, 2)


@contextmanager
def open_image(path: Path) -> Iterator[Image.Image]:
    """Open an image with Pillow's global pixel guard off and truncated decoding refused.

    The caller checks the size against its own limit (`probe_image` does) before decoding.
    """
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        previous = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = None
        try:
            image = Image.open(path)
        finally:
            Image.MAX_IMAGE_PIXELS = previous
        with image:
            yield image


def bytes_per_pixel(mode: str) -> int:
    """What one pixel of a Pillow `mode` takes in memory once decoded."""
    if mode in _BYTES_PER_PIXEL:
        return _BYTES_PER_PIXEL[mode]
    if mode.startswith("I;16"):
        return 2
    return Image.getmodebands(mode) * (2 if "16" in mode else 4 if mode in ("I", "F") else 1)


def _check_size(path: Path, image: Image.Image, max_pixels: int, frame: int) -> None:
    width, height = image.size
    if width <= 0 or height <= 0:
        raise CorruptImage(f"{path.name}: the image has no pixels.", source=path)
    weight = max(1.0, bytes_per_pixel(image.mode) / _BYTES_PER_PIXEL_ALLOWED)
    if width * height * weight > max_pixels:
        where = f" (page {frame + 1})" if frame else ""
        deep = f" of {bytes_per_pixel(image.mode)} bytes each" if weight > 1 else ""
        raise ImageTooLarge(
            f"{path.name}{where}: {width} × {height} pixels{deep} is above the limit of "
            f"{max_pixels:,} pixels; it may be a decompression bomb. Raise the limit with "
            f"--max-pixels if the scan is genuine.",
            source=path,
        )


def check_page_count(path: Path, count: int, max_pages: int) -> None:
    if count > max_pages:
        raise TooManyPages(
            f"{path.name}: {count:,} pages is more than the limit of {max_pages:,} for one file; "
            "raise it with --max-pages if the file is genuine.",
            source=path,
        )


def probe_image(
    file: IdentifiedFile, max_pixels: int = DEFAULT_MAX_PIXELS, max_pages: int = DEFAULT_MAX_PAGES
) -> ProbedImage:
    """Decode every frame of an image file; raise an `InputError` if any cannot be read."""
    path = file.path
    try:
        with open_image(path) as image:
            if image.format != _PILLOW_FORMATS[file.format]:
                raise CorruptImage(
                    f"{path.name}: not a readable {file.format.label} image.", source=path
                )
            # Only TIFF holds pages; the extra frames of an animated WebP or PNG are not pages.
            count = getattr(image, "n_frames", 1) if file.format is FileFormat.TIFF else 1
            check_page_count(path, count, max_pages)
            frames = []
            for index in range(count):
                image.seek(index)
                _check_size(path, image, max_pixels, index)
                image.load()
                frames.append(Frame(image.width, image.height, read_dpi(image.info), image.mode))
    except (ImageTooLarge, CorruptImage, TooManyPages):
        raise
    except Image.DecompressionBombError as error:
        raise ImageTooLarge(f"{path.name}: too many pixels ({error}).", source=path) from error
    except UnidentifiedImageError as error:
        raise CorruptImage(
            f"{path.name}: damaged, it cannot be read as a {file.format.label} image.", source=path
        ) from error
    except (OSError, SyntaxError, ValueError, EOFError, IndexError) as error:
        text = str(error)
        if "truncated" in text or isinstance(error, EOFError) or "end of file" in text.lower():
            raise TruncatedImage(
                f"{path.name}: the file is cut short; the image is incomplete.", source=path
            ) from error
        raise CorruptImage(f"{path.name}: damaged image data ({text}).", source=path) from error
    return ProbedImage(file, tuple(frames))


def extract_frame(path: Path, index: int, target_stem: Path) -> tuple[Path, str]:
    """Write frame `index` of a multi-page TIFF as its own lossless file.

    Bilevel frames become CCITT G4 TIFF (the compact fax coding scanners use), the rest PNG.
    Returns the file written and its media type.
    """
    with open_image(path) as image:
        image.seek(index)
        image.load()
        dpi = image.info.get("dpi")
        options: dict[str, object] = {"dpi": dpi} if dpi else {}
        if image.mode == "1":
            target = target_stem.with_suffix(".tif")
            image.save(target, format="TIFF", compression="group4", **options)
            return target, FileFormat.TIFF.media_type
        target = target_stem.with_suffix(".png")
        frame = (
            image
            if image.mode in ("L", "LA", "RGB", "RGBA", "P", "I;16", "I")
            else image.convert("RGB")
        )
        frame.save(target, format="PNG", optimize=False, **options)
        return target, FileFormat.PNG.media_type
