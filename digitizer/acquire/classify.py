"""What a page of a stack is: a separator sheet, a blank page, or a page of a document.

The page is read once, in grey and downscaled to about 100 dpi, for both questions, so the look
costs little more than decoding the file (bench/separators.py: about 3 times faster than zbar on
the full page, 5 times faster than the `zbarimg` tool).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from digitizer.acquire.blank import DEFAULT_THRESHOLD, ink_fraction
from digitizer.acquire.formats import DEFAULT_MAX_PIXELS
from digitizer.acquire.images import open_image, read_dpi
from digitizer.acquire.separators import QrFindings, SeparatorSheet, find_separator

WORKING_DPI = 100.0
WORKING_WIDTH = 850  # pixels, when the file does not give its resolution (A4 at 100 dpi)


class PageKind(Enum):
    PAGE = "page"
    SEPARATOR = "separator"
    BLANK = "blank"


@dataclass(frozen=True)
class PageLook:
    """What one look at a page found."""

    kind: PageKind
    ink: float | None = None  # share of the page covered by ink; None when not measured
    separator: SeparatorSheet | None = None
    ignored_codes: tuple[str, ...] = ()
    unreadable: bool = False  # the image could not be opened; the importer will say why
    width: int = 0  # of the page image, in pixels
    height: int = 0
    dpi: float | None = None


def working_image(image: Image.Image) -> NDArray[np.uint8]:
    """`image` in 8-bit grey at about `WORKING_DPI`."""
    dpi = read_dpi(image.info)
    scale = WORKING_DPI / dpi if dpi else WORKING_WIDTH / max(image.width, 1)
    if scale < 1.0:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        if image.mode == "1":
            image = image.convert("L")  # averaging needs grey levels, not bits
        image.draft("L", size)  # JPEG decodes straight at 1/2, 1/4 or 1/8 size
        image = image.convert("L").resize(size, Image.Resampling.BOX)
    else:
        image = image.convert("L")
    return np.asarray(image, dtype=np.uint8)


def look_at_page(
    path: Path,
    blank_threshold: float = DEFAULT_THRESHOLD,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> PageLook:
    """Whether the single-page image at `path` is a separator sheet, blank, or a page."""
    try:
        with open_image(path) as image:
            if image.width * image.height > max_pixels:
                return PageLook(PageKind.PAGE, unreadable=True)  # refused by the importer
            size, dpi = image.size, read_dpi(image.info)
            grey = working_image(image)
    except (OSError, ValueError, Image.DecompressionBombError):
        return PageLook(PageKind.PAGE, unreadable=True)
    return replace(look_at_image(grey, blank_threshold), width=size[0], height=size[1], dpi=dpi)


def look_at_image(grey: NDArray[np.uint8], blank_threshold: float) -> PageLook:
    """The look at a page already made into a working image."""
    findings: QrFindings = find_separator(grey)
    if findings.separator is not None:
        return PageLook(
            PageKind.SEPARATOR, separator=findings.separator, ignored_codes=findings.ignored
        )
    ink = ink_fraction(grey)
    # A page with a code on it (a document's own label) is never blank, however little ink.
    if blank_threshold > 0 and ink < blank_threshold and not findings.ignored:
        return PageLook(PageKind.BLANK, ink=ink)
    return PageLook(PageKind.PAGE, ink=ink, ignored_codes=findings.ignored)
