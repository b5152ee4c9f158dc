"""Stacks of pages as a feeder or a copier gives them: documents of text, separator sheets
rendered as scanned pages, and blank backs, in one multi-page file or one folder."""

from __future__ import annotations

import functools
import io
import subprocess
import tempfile
from pathlib import Path

import img2pdf
import numpy as np
from PIL import Image, ImageDraw

from digitizer.acquire.separators import SeparatorSheet
from digitizer.acquire.sheets import write_separator_sheet
from digitizer.export.qr import qr_code
from tests.helpers.text_pages import text_page

DPI = 150


@functools.cache
def _sheet_pdf(sheet: SeparatorSheet) -> bytes:
    """The sheet's PDF, made once per test process (embedding its font takes a second)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "sheet.pdf"
        write_separator_sheet(sheet, out)
        return out.read_bytes()


def separator_image(folder: Path, sheet: SeparatorSheet, name: str, dpi: int = DPI) -> Path:
    """The separator sheet printed (as a PDF) and scanned back in grey at `dpi`."""
    pdf = folder / f"{name}.pdf"
    pdf.write_bytes(_sheet_pdf(sheet))
    subprocess.run(
        ["pdftoppm", "-gray", "-png", "-singlefile", "-r", str(dpi), str(pdf), str(folder / name)],
        check=True,
        capture_output=True,
    )
    pdf.unlink()
    return folder / f"{name}.png"


def blank_image(path: Path, seed: int = 7, dpi: int = DPI) -> Path:
    """The empty back of a sheet: off-white paper with scanner noise, dust and a dark edge."""
    rng = np.random.default_rng(seed)
    height, width = round(11.69 * dpi), round(8.27 * dpi)
    paper = rng.normal(242, 5, (height, width))
    for _ in range(60):  # dust
        y, x = rng.integers(0, height - 2), rng.integers(0, width - 2)
        paper[y : y + 2, x : x + 2] = 40
    paper[:, :8] = 25  # the feeder's shadow along one edge
    Image.fromarray(np.clip(paper, 0, 255).astype(np.uint8)).save(path, dpi=(dpi, dpi))
    return path


def text_image(path: Path, first_line: int, dpi: int = DPI) -> Path:
    return text_page(first_line, line_count=4, dpi=dpi).save(path)


def nine_page_stack(folder: Path, second: SeparatorSheet | None = None) -> list[Path]:
    """Pages of 3 documents × 2 pages, a separator before the second and third documents and
    a blank back after the second document's last page: 9 page images, in stack order.
    `second` is what the second separator says (by default nothing)."""
    folder.mkdir(parents=True, exist_ok=True)
    first_sheet = separator_image(folder, SeparatorSheet(), "sheet-a")
    second_sheet = separator_image(folder, second or SeparatorSheet(), "sheet-b")
    pages = [
        text_image(folder / f"doc{d}-page{p}.png", d * 2 + p) for d in (1, 2, 3) for p in (1, 2)
    ]
    blank = blank_image(folder / "blank.png")
    return [pages[0], pages[1], first_sheet, pages[2], pages[3], blank, second_sheet, *pages[4:]]


def as_pdf(images: list[Path], path: Path) -> Path:
    """One PDF with `images` as its pages, as a copier's scan-to-file gives."""
    path.write_bytes(img2pdf.convert([str(image) for image in images]))
    return path


def as_folder(images: list[Path], folder: Path) -> Path:
    """The pages as numbered files in one folder, as a feeder batch saved to disk."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, image in enumerate(images, start=1):
        (folder / f"scan-{number:03d}.png").write_bytes(image.read_bytes())
    return folder


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def page_with_code(folder: Path, payload: str, side: int = 500) -> Path:
    """A text page at 150 dpi with a QR code of `payload` drawn on it."""
    page = text_image(folder / "page-with-code.png", 0)
    code = qr_code(payload)
    unit = side // (code.size + 8)
    with Image.open(page) as image:
        canvas = Image.new("L", (image.width, image.height + side), 255)
        canvas.paste(image, (0, 0))
    draw = ImageDraw.Draw(canvas)
    top = image.height + 4 * unit
    for row, cells in enumerate(code.modules):
        for column, dark in enumerate(cells):
            if dark:
                x, y = 100 + (column + 4) * unit, top + row * unit
                draw.rectangle((x, y, x + unit - 1, y + unit - 1), fill=0)
    canvas.save(page, dpi=(150, 150))
    return page
