"""The image recognition reads: the prepared page with what only confuses Tesseract taken out.

Forms fill whole lines with dot leaders ("Xã, huyện, tỉnh: ………………"); Tesseract's layout analysis
takes a block of them for a picture or a separator and can drop every line around it. Seals,
stamps and signatures in red or blue ink lie over the date, the signature and the number.
Both are taken out of a copy given to recognition only: the page as shown and stored keeps
them. A page scanned under 150 ppi is also enlarged in it; word boxes read on it are mapped
back to the page's own frame.

Recognition always reads a grey (or, for a bilevel scan, black-and-white) copy, cleaned or
not, never the colour file: Tesseract thresholds and reads a colour page channel by channel
and decodes it once more, which on the 300 ppi evaluation pages took 10–15 % more of its time
than the same page in grey, for the same words.

Fine pages are read at their own resolution. Reduced to 225–250 ppi, the 300 ppi evaluation
pages read 7–11 % faster with a lower mean CER, but a small framed "MẬT" stamp of a drawn page
went unread under 250 ppi (a page's stamp is what seals a secret document), and at 250 ppi the
handwritten number of a real circular was taken from a partial read: a resolution that gives
up neither needs a larger evaluation than the sets at hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image

from ocr.engine import grey_pixels

GreyArray = npt.NDArray[np.uint8]

_MIN_LEADER_DOTS: Final = 6
"""Fewer dots in a row are punctuation ("...") rather than a leader."""
_DOT_SIZE_INCHES: Final = 1 / 40
"""The largest dot of a leader: a full stop in 14 pt text is well under this."""
_DOT_GAP_INCHES: Final = 1 / 10
"""The widest gap between two dots of one leader."""
_ROW_TOLERANCE: Final = 0.5
"""Dots of one leader sit within this many dot sizes of one another vertically."""

_LOW_DPI: Final = 150
_ENLARGE: Final = 2
"""Pages under 150 ppi are read enlarged twice: on drawn pages brought down to 100 ppi this
cut CER from 1.4–14 % to 0.04–0.8 %; at 150 ppi it gained nothing clear."""

_INK_SATURATION: Final = 80
"""HSV saturation above which a pixel is coloured ink (a seal, a stamp, a pen), not print."""
_INK_VALUE: Final = 90
"""HSV value below which a pixel is dark print whatever its hue."""
_MIN_COLOUR_SHARE: Final = 0.002
"""Less coloured ink than this share of the page is not worth a copy."""


@dataclass(frozen=True)
class Cleaning:
    """What was taken out of the recognition copy, for the page's preparation record."""

    leader_dots: int = 0
    colour_pixels: int = 0
    scale: int = 1
    """The copy is this many times the page's size (a low-resolution page, enlarged)."""

    @property
    def changed(self) -> bool:
        return bool(self.leader_dots or self.colour_pixels or self.scale != 1)

    def as_json(self) -> dict[str, int]:
        return {
            "leader_dots": self.leader_dots,
            "colour_pixels": self.colour_pixels,
            "scale": self.scale,
        }


def reading_scale(dpi: int) -> int:
    """How many times the page's size recognition reads it at: 1 for a page read as it is."""
    return _ENLARGE if 0 < dpi < _LOW_DPI else 1


def recognition_copy(
    page: Image.Image, dpi: int, grey: GreyArray | None = None
) -> tuple[GreyArray, Cleaning]:
    """The page as recognition should see it, as 8-bit grey pixels (a bilevel page as 0 and
    255): the page itself when nothing was taken out of it. Dots and ink are looked for at the
    page's own resolution, before any enlarging. `grey`: the page already converted to grey, if
    the caller has it.

    Pixels rather than an image: Tesseract is handed the array's bytes, which takes a copy of
    a millisecond where an image's own took 16 ms for an A4 page at 300 ppi."""
    if page.mode in ("RGBA", "P", "CMYK", "YCbCr"):
        page, grey = page.convert("RGB"), None
    ink_free: GreyArray | None = None
    colour_pixels = 0
    if page.mode == "RGB" and _may_hold_colour_ink(page):
        ink_free, colour_pixels = _drop_colour_ink(np.asarray(page))
        if colour_pixels < _MIN_COLOUR_SHARE * ink_free.size:
            ink_free, colour_pixels = None, 0
    if ink_free is not None:
        grey = ink_free
    elif grey is None:
        grey = grey_pixels(page)
    cleaned, dots = _erase_leaders(grey, dpi)
    scale = reading_scale(dpi)
    cleaning = Cleaning(leader_dots=dots, colour_pixels=colour_pixels, scale=scale)
    if scale > 1:
        copy = Image.fromarray(cleaned)
        enlarged = (copy.width * _ENLARGE, copy.height * _ENLARGE)
        cleaned = np.asarray(copy.resize(enlarged, Image.Resampling.LANCZOS), dtype=np.uint8)
    return cleaned, cleaning


def _colour_ink(rgb: npt.NDArray[np.uint8]) -> npt.NDArray[np.bool_]:
    """Where `rgb` holds red or blue ink.

    Print is black or grey (no saturation); a seal, a stamp, a signature is saturated red or
    blue."""
    hsv = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2HSV)
    hue, saturation = hsv[:, :, 0], hsv[:, :, 1]
    # OpenCV's hue runs 0–179: red wraps around 0, blue sits about 100–130.
    reddish = (hue <= 12) | (hue >= 160)
    bluish = (hue >= 95) & (hue <= 135)
    # Dark pixels take any hue from JPEG noise at a black letter's edge: only bright ones count.
    ink: npt.NDArray[np.bool_] = (
        (saturation >= _INK_SATURATION) & (hsv[:, :, 2] >= _INK_VALUE) & (reddish | bluish)
    )
    return ink


def _may_hold_colour_ink(page: Image.Image) -> bool:
    """Whether every other pixel each way (picked, not averaged: a thin stroke keeps its colour,
    and a stroke two pixels thin is never skipped) holds enough coloured ink for the whole page
    to be worth looking at."""
    half = ((page.width + 1) // 2, (page.height + 1) // 2)
    sample = _colour_ink(np.asarray(page.resize(half, Image.Resampling.NEAREST)))
    return int(np.count_nonzero(sample)) >= _MIN_COLOUR_SHARE / 2 * sample.size


def _drop_colour_ink(rgb: npt.NDArray[np.uint8]) -> tuple[GreyArray, int]:
    """Grey pixels with red and blue ink made paper; and how many pixels that was. Taking the
    ink out leaves the black text under it readable."""
    ink = _colour_ink(rgb)
    grey = np.asarray(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), dtype=np.uint8)
    count = int(np.count_nonzero(ink))
    if count:
        grey = grey.copy()
        grey[ink] = 255
    return grey, count


def _erase_leaders(grey: GreyArray, dpi: int) -> tuple[GreyArray, int]:
    """Paint out runs of small dots in a row; how many dots were painted out."""
    _, inked = cv2.threshold(grey, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    binary: GreyArray = np.asarray(inked, dtype=np.uint8)
    # Most pages hold no leader: a look at half the height (a pixel inked when either of the
    # two under it is, so no dot is lost, and dots side by side never merge) finds none there
    # in about half the time.
    if not _leader_dots(_rows_halved(binary), dpi, rows_halved=True)[0]:
        return grey, 0
    erased, stats = _leader_dots(binary, dpi)
    if not erased:
        return grey, 0
    cleaned = grey.copy()
    for label in erased:
        x, y, w, h = (int(v) for v in stats[label, :4])
        cleaned[y : y + h, x : x + w] = 255
    return cleaned, len(erased)


def _rows_halved(binary: GreyArray) -> GreyArray:
    """`binary` at half its height: each row the union of two."""
    height = binary.shape[0] // 2 * 2
    halved: GreyArray = binary[0:height:2] | binary[1:height:2]
    return halved


def _leader_dots(
    binary: GreyArray, dpi: int, *, rows_halved: bool = False
) -> tuple[list[int], npt.NDArray[np.int32]]:
    """The labels of the dots that make leaders in `binary` (1 = ink), and the components'
    stats. `rows_halved`: `binary` is a page at half its height, each of its rows the union
    of two, where a dot is up to a pixel taller (once doubled back) than on the page."""
    count, _, found, centres = cv2.connectedComponentsWithStats(binary, connectivity=8)
    stats: npt.NDArray[np.int32] = np.asarray(found, dtype=np.int32)
    if count <= 1:
        return [], stats
    rows = 2 if rows_halved else 1
    slack = 2 if rows_halved else 0
    largest = max(2.0, dpi * _DOT_SIZE_INCHES)
    gap = dpi * _DOT_GAP_INCHES
    widths = stats[1:, cv2.CC_STAT_WIDTH]
    heights = stats[1:, cv2.CC_STAT_HEIGHT] * rows
    small = (
        (widths <= largest)
        & (heights <= largest + slack)
        & (widths <= 3 * heights)
        & (heights <= 3 * widths + slack)
        & (stats[1:, cv2.CC_STAT_AREA] >= 2 // rows)
    )
    dots = np.flatnonzero(small) + 1
    if len(dots) < _MIN_LEADER_DOTS:
        return [], stats
    xs, ys = centres[:, 0], centres[:, 1] * rows
    order = dots[np.lexsort((xs[dots], np.round(ys[dots] / largest)))]
    erased: list[int] = []
    run: list[int] = [int(order[0])]
    for label in order[1:]:
        label = int(label)
        last = run[-1]
        same_row = abs(ys[label] - ys[last]) <= _ROW_TOLERANCE * largest + 1 + slack
        near = 0 < xs[label] - xs[last] <= gap
        if same_row and near:
            run.append(label)
            continue
        if len(run) >= _MIN_LEADER_DOTS:
            erased.extend(run)
        run = [label]
    if len(run) >= _MIN_LEADER_DOTS:
        erased.extend(run)
    return erased, stats
