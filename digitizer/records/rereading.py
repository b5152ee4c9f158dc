"""Reading a part of a page again, on its own: a number filled into its slot after printing (by
hand, by a stamp, raised by an e-office system) or a date line the page's OCR spoilt is often
read right once it is cut out, enlarged and recognised as one line.

The reader of records (`digitizer.records.reading`) asks for it through the `Reread` seam and
trusts a reading only where most ways of reading agree.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from digitizer.library import Library
from ocr.engine import EngineSettings, OcrError, recognise
from ocr.geometry import Box

Reread = Callable[[int, Box, bool], list[str]]
"""(page number, box on the page image, digits only) → the text of each way of reading it."""

_LINE, _WORD = 7, 8  # Tesseract page segmentation: one line; one word
# (enlargement, segmentation): small header print often reads right only at one size.
_DIGIT_WAYS = ((1, _LINE), (2, _LINE), (2, _WORD))
_LINE_WAYS = ((1, _LINE), (2, _LINE), (3, _LINE))


def page_rereader(library: Library, document_id: str) -> Reread:
    """A `Reread` over the document's page images as the library keeps them."""
    pages = {page.number: page for page in library.pages(document_id)}

    def reread(number: int, box: Box, digits_only: bool) -> list[str]:
        page = pages.get(number)
        if page is None or box.width <= 0 or box.height <= 0:
            return []
        try:
            with Image.open(io.BytesIO(library.read_object(page.image_sha256))) as image:
                if getattr(image, "n_frames", 1) > 1:
                    image.seek(page.source_page - 1)
                crop = image.crop((box.x0, box.y0, box.x1, box.y1)).convert("L")
        except (OSError, ValueError, EOFError):
            return []  # an image this cannot open is read as it was, not again
        variables = {"tessedit_char_whitelist": "0123456789"} if digits_only else None
        ways = _DIGIT_WAYS if digits_only else _LINE_WAYS
        scratch = library.objects.temp_folder()
        try:
            readings = []
            for scale, segmentation in ways:
                path = scratch / f"part-{scale}.png"
                if not path.exists():
                    size = (crop.width * scale, crop.height * scale)
                    crop.resize(size, Image.Resampling.LANCZOS).save(path)
                dpi = int(page.effective_dpi * scale)
                readings.append(_read(path, dpi, segmentation, variables))
            return readings
        except OcrError:
            return []
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    return reread


def _read(path: Path, dpi: int, way: int, variables: dict[str, str] | None) -> str:
    text = recognise(path, dpi, EngineSettings(page_segmentation=way), variables=variables)
    return " ".join(word.text for word in text.words() if word.text.strip())
