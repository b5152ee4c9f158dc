"""Reading a part of a page again, on its own: a number filled into its slot after printing (by
hand, by a stamp, raised by an e-office system) or a date line the page's OCR spoilt is often
read right once it is cut out, enlarged and recognised as one line.

The reader of records (`digitizer.records.reading`) asks for it through the `Reread` seam and
trusts a reading only where most ways of reading agree. Red ink is read apart (`ReadInk`): an
urgency stamp (độ khẩn) is stamped in red under the number (NĐ 30/2020, Phụ lục I), often
slanted and framed, and the page's OCR works on a copy with the coloured ink taken out.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import cv2
import numpy as np
from PIL import Image

from digitizer.library import Library
from ocr.engine import EngineSettings, OcrError, recognise
from ocr.geometry import Box

Reread = Callable[[int, Box, bool], list[str]]
"""(page number, box on the page image, digits only) → the text of each way of reading it."""
ReadInk = Callable[[int, Box], list[str]]
"""(page number, box) → the text of the red ink in the box, read at each slant a stamp is set at."""

_LINE, _WORD, _SPARSE = 7, 8, 11  # Tesseract page segmentation: a line, a word, scattered
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
        parts: dict[int, Image.Image] = {1: crop}  # a size read two ways is made once
        readings = []
        try:
            for scale, segmentation in ways:
                if scale not in parts:
                    size = (crop.width * scale, crop.height * scale)
                    parts[scale] = crop.resize(size, Image.Resampling.LANCZOS)
                dpi = int(page.effective_dpi * scale)
                readings.append(_read(parts[scale], dpi, segmentation, variables))
        except OcrError:
            return []
        return readings

    return reread


_SLANTS = (0, -40, 40, -25, 25)  # degrees, the way a stamp is set by hand
_RED_SHARE = 0.002  # less red ink than this in the box: no stamp to read


def red_ink_reader(library: Library, document_id: str) -> ReadInk:
    """A `ReadInk` over the document's page images: the red ink alone, its frames (shapes far
    larger than a letter) left out, turned to each slant and read as scattered words."""
    pages = {page.number: page for page in library.pages(document_id)}

    def read(number: int, box: Box) -> list[str]:
        page = pages.get(number)
        if page is None or box.width <= 0 or box.height <= 0:
            return []
        try:
            with Image.open(io.BytesIO(library.read_object(page.image_sha256))) as image:
                if image.mode not in ("RGB", "RGBA", "P", "CMYK"):
                    return []  # no colour, no red ink
                crop = image.crop((box.x0, box.y0, box.x1, box.y1)).convert("RGB")
        except (OSError, ValueError, EOFError):
            return []
        ink = _letters_in_red(np.asarray(crop).astype(np.int16))
        if ink is None:
            return []
        readings = []
        try:
            for slant in _SLANTS:
                turned = ink.rotate(
                    slant, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC
                )
                readings.append(_read(turned, int(page.effective_dpi), _SPARSE, None))
        except OcrError:
            return []
        return readings

    return read


def _letters_in_red(rgb: np.ndarray) -> Image.Image | None:
    red, green, blue = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    mask = ((red > 120) & (red - green > 60) & (red - blue > 60)).astype(np.uint8)
    if mask.mean() < _RED_SHARE:
        return None
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    boxes = stats[1:, cv2.CC_STAT_WIDTH] * stats[1:, cv2.CC_STAT_HEIGHT]
    solid = boxes[stats[1:, cv2.CC_STAT_AREA] > 30]
    if not len(solid):
        return None
    keep = np.zeros(count, bool)
    keep[1:] = boxes <= 20 * np.median(solid)
    return Image.fromarray(np.where(keep[labels], 0, 255).astype(np.uint8))


def _read(part: Image.Image, dpi: int, way: int, variables: dict[str, str] | None) -> str:
    text = recognise(part, dpi, EngineSettings(page_segmentation=way), variables=variables)
    return " ".join(word.text for word in text.words() if word.text.strip())
