"""Builders of input files for tests: page images in every supported format, PDFs, and the bad
inputs a user can meet. Everything is made on the fly; nothing is read from outside the repo."""

from __future__ import annotations

import io
from pathlib import Path

import img2pdf
import pikepdf
from PIL import Image, ImageDraw


def page_image(number: int, size: tuple[int, int] = (400, 560), mode: str = "L") -> Image.Image:
    """A small page with its number drawn on it, so every page's bytes differ."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, size[0] - 20, 60), outline=0)
    draw.text((40, 30), f"Trang {number}", fill=0)
    for line in range(8):
        y = 90 + line * 40
        draw.line((40, y, 40 + (number * 37 + line * 53) % (size[0] - 80), y), fill=0, width=3)
    return image.convert(mode)


def write_image(
    path: Path, number: int, fmt: str = "PNG", dpi: int = 300, **options: object
) -> Path:
    mode = "1" if options.get("compression") == "group4" else ("RGB" if fmt == "JPEG" else "L")
    page_image(number, mode=mode).save(path, format=fmt, dpi=(dpi, dpi), **options)
    return path


def write_multipage_tiff(path: Path, count: int, dpi: int = 300) -> Path:
    frames = [page_image(n, mode="1") for n in range(1, count + 1)]
    frames[0].save(
        path,
        format="TIFF",
        save_all=True,
        append_images=frames[1:],
        compression="group4",
        dpi=(dpi, dpi),
    )
    return path


def pdf_of_pages(
    path: Path, count: int, dpi: int = 100, size: tuple[int, int] = (400, 560)
) -> Path:
    """A scanned-style PDF: one bilevel G4 image per page at `dpi`, embedded without re-encoding."""
    images = []
    for number in range(1, count + 1):
        buffer = io.BytesIO()
        page_image(number, size=size, mode="1").save(
            buffer, format="TIFF", compression="group4", dpi=(dpi, dpi)
        )
        images.append(buffer.getvalue())
    path.write_bytes(img2pdf.convert(images))
    return path


def encrypt_pdf(source: Path, target: Path, password: str) -> Path:
    with pikepdf.open(source) as pdf:
        pdf.save(target, encryption=pikepdf.Encryption(owner=password + "-owner", user=password))
    return target
