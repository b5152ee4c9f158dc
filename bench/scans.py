"""Long scanned PDFs for the benchmarks (bench/import.py, bench/ocr.py), each page a plain scan.

The evaluation set has a handful of scans; a benchmark that wants hundreds of pages cycles them.
Exact repeats would give the library identical page images, stored once, which a real book never
does, so `build_unique_pdf` makes every page different in bytes while keeping it a plain scan: a
JPEG gets a comment segment naming the page (its image data untouched), any other scan one
pixel's lowest bit flipped. img2pdf embeds them without re-encoding.

Pillow and img2pdf are imported inside the functions: the benchmarks build their PDF in a child
process and keep their own process small, since its size is the floor under what they measure.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

JPEG_SUFFIXES = (".jpg", ".jpeg")


def jpeg_with_comment(data: bytes, text: str) -> bytes:
    """The same JPEG with a COM segment after SOI (and APP0): pixels and entropy data as they
    were, bytes different."""
    if not data.startswith(b"\xff\xd8"):
        raise ValueError("not a JPEG")
    at = 2
    if data[2:4] == b"\xff\xe0":  # keep JFIF's APP0 first, as the standard wants
        at = 4 + int.from_bytes(data[4:6], "big")
    body = text.encode("ascii")
    segment = b"\xff\xfe" + (len(body) + 2).to_bytes(2, "big") + body
    return data[:at] + segment + data[at:]


def image_with_pixel(path: Path, repeat: int) -> bytes:
    """The scan as a grey PNG with one bottom-edge pixel's lowest bit flipped, a different pixel
    for each `repeat`, saved losslessly with its resolution. (A PNG text chunk would not do:
    img2pdf embeds only the pixels, and the importer takes them out again as they are.)"""
    from PIL import Image

    with Image.open(path) as image:
        image.load()
        grey = image.convert("L") if image.mode != "L" else image
        width, height = grey.size
        x, y = width - 1 - repeat % width, height - 1 - repeat // width
        value = grey.getpixel((x, y))
        if not isinstance(value, int):
            raise ValueError(f"{path.name}: expected a grey scan, got {image.mode}")
        grey.putpixel((x, y), value ^ 1)
        buffer = io.BytesIO()
        options: dict[str, Any] = {"dpi": image.info["dpi"]} if "dpi" in image.info else {}
        grey.save(buffer, format="PNG", **options)
    return buffer.getvalue()


def unique_scans(images: Sequence[Path], pages: int) -> list[bytes]:
    """`pages` scans: `images` cycled, each made different in bytes (see the module's text)."""
    chosen: list[bytes] = []
    for index in range(pages):
        source, repeat = images[index % len(images)], index // len(images)
        if source.suffix.lower() in JPEG_SUFFIXES:
            text = f"digitizer bench page {index + 1}"
            chosen.append(jpeg_with_comment(source.read_bytes(), text))
        else:
            chosen.append(image_with_pixel(source, repeat))
    return chosen


def build_unique_pdf(images: Sequence[Path], pages: int, target: Path) -> None:
    """Write to `target` a `pages`-page PDF of `unique_scans(images, pages)`, one image covering
    each page, embedded by img2pdf without re-encoding, at the scan's own resolution."""
    import img2pdf

    target.write_bytes(img2pdf.convert(unique_scans(images, pages)))
