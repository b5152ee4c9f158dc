"""Where a QR code goes on a document's pages, and the drawings that put it there.

A code is stamped only in white space: the place must be clear of every word box the OCR found
(with a millimetre to spare) and of ink the OCR did not read as words (stamps, signatures,
rules, scanner borders), which an ink check on the prepared page finds. The page is looked at
as a grid of 1 mm cells; a place is a run of free cells as large as the stamp (the code, its
quiet zone of four modules and the human-readable code under it), kept away from the paper's
edge. Codes are 25 mm wide where there is room and never narrower than 20 mm; with no room on
a page, the code goes on an added back page, and the plan says so.

Placements:
- `cover`: on the first page, in the white space nearest its bottom-right corner;
- `footer`: on every page, in the bottom 30 % of the page, nearest the bottom-right corner;
- `back`: on an added back-cover page, large, with the title and the link.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image, UnidentifiedImageError

from digitizer.export.drawing import MM, AddedPage, Canvas
from digitizer.export.fonts import EmbeddedFont
from digitizer.export.model import ExportPage
from digitizer.export.qr import MIN_SIDE_MM, QUIET_ZONE, QrCode
from ocr.geometry import Box
from ocr.prepare import render

PREFERRED_SIDE_MM = 25.0
SIDES_MM = (PREFERRED_SIDE_MM, MIN_SIDE_MM)
"""Code widths tried, widest first."""
EDGES_MM = (8.0, 4.0)
"""Distances kept from the paper's edge, tried widest first (printers do not print the rim)."""
CAPTION_SIZE = 6.5
"""Points: the human-readable code under the QR code."""
CAPTION_MM = 3.5
FOOTER_SHARE = 0.30
"""The bottom share of the page that `footer` placement looks in."""
WORD_MARGIN_MM = 1.0
INK_FRACTION = 0.04
"""A 1 mm cell whose dark share (after smoothing specks away) is above this holds ink."""
A4 = (595.276, 841.89)


class Placement(Enum):
    COVER = "cover"
    BACK = "back"
    FOOTER = "footer"


@dataclass(frozen=True)
class StampPlace:
    """Where one code went."""

    page: int
    """1-based page of the written PDF."""
    added_page: bool
    """True on the added back page."""
    box: tuple[float, float, float, float]
    """The whole stamp (code, quiet zone, caption) in PDF points: x0, y0, x1, y1 from the
    bottom-left corner."""
    code_box: tuple[float, float, float, float]
    """The code's modules alone, in PDF points."""
    pixel_box: Box | None
    """The stamp in the prepared page's pixels (the frame of the word boxes); None on an added
    page."""
    side_mm: float
    """The code's width."""

    def as_json(self) -> dict[str, object]:
        return {
            "page": self.page,
            "added_page": self.added_page,
            "box_pt": [round(v, 2) for v in self.box],
            "code_box_pt": [round(v, 2) for v in self.code_box],
            "box_px": self.pixel_box.as_list() if self.pixel_box else None,
            "side_mm": round(self.side_mm, 1),
        }


@dataclass
class StampPlan:
    """The drawings that `write_pdfa` takes, and a record of where each code went."""

    drawings: dict[int, Canvas] = field(default_factory=dict)
    added_pages: list[AddedPage] = field(default_factory=list)
    places: list[StampPlace] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class BackCover:
    """What the added back page says besides the code."""

    title: str
    caption: str
    link: str = ""
    archive_code: str = ""


def plan_stamps(
    pages: Sequence[ExportPage],
    code: QrCode,
    caption: str,
    placement: Placement,
    font: EmbeddedFont,
    back: BackCover,
) -> StampPlan:
    """Where `code` goes on `pages` for `placement`, and the drawings that put it there."""
    plan = StampPlan()
    need_back = placement is Placement.BACK
    if placement is Placement.COVER:
        if not _stamp_page(plan, pages, 0, code, caption, font, footer=False):
            need_back = True
            plan.notes.append(
                "The cover has no white space for a 2 cm code; it is on an added back page."
            )
    elif placement is Placement.FOOTER:
        crowded = [
            index + 1
            for index in range(len(pages))
            if not _stamp_page(plan, pages, index, code, caption, font, footer=True)
        ]
        if crowded:
            need_back = True
            listed = ", ".join(map(str, crowded))
            plan.notes.append(
                f"No white space for a 2 cm code in the footer of page(s) {listed}; "
                "the code is on an added back page."
            )
    if need_back:
        size = pages[0].points if pages else A4
        canvas, place = _back_page(size, code, caption, font, back, len(pages) + 1)
        plan.added_pages.append(AddedPage(size, canvas))
        plan.places.append(place)
    return plan


# --- finding white space -----------------------------------------------------------------------


def _stamp_page(
    plan: StampPlan,
    pages: Sequence[ExportPage],
    index: int,
    code: QrCode,
    caption: str,
    font: EmbeddedFont,
    *,
    footer: bool,
) -> bool:
    page = pages[index]
    occupied = occupancy(page)
    for side in SIDES_MM:
        width, height = _stamp_size(code, side)
        for edge in EDGES_MM:
            spot = _free_spot(occupied, width, height, edge, footer=footer)
            if spot is None:
                continue
            canvas, place = _stamp(page, index + 1, spot, code, side, caption, font)
            plan.drawings[index] = canvas
            plan.places.append(place)
            return True
    return False


def occupancy(page: ExportPage) -> npt.NDArray[np.bool_]:
    """The prepared page as a grid of 1 mm cells (rows from the top): True where a word box
    (grown by a millimetre) or ink lies."""
    width, height = page.size
    per_mm = MM / page.points_per_pixel  # pixels per millimetre
    columns, rows = max(1, int(width / per_mm)), max(1, int(height / per_mm))
    occupied = _ink_cells(page, columns, rows)
    text = page.words_text()
    if text is not None:
        for word in text.words():
            if not word.text.strip():
                continue
            x0 = max(0, math.floor(word.box.x0 / per_mm - WORD_MARGIN_MM))
            y0 = max(0, math.floor(word.box.y0 / per_mm - WORD_MARGIN_MM))
            x1 = min(columns, math.ceil(word.box.x1 / per_mm + WORD_MARGIN_MM))
            y1 = min(rows, math.ceil(word.box.y1 / per_mm + WORD_MARGIN_MM))
            occupied[y0:y1, x0:x1] = True
    return occupied


def _ink_cells(page: ExportPage, columns: int, rows: int) -> npt.NDArray[np.bool_]:
    """Cells with ink on the prepared page. Specks smaller than about 0.3 mm are smoothed away
    first (the page is looked at, averaged, at 2 pixels a millimetre)."""
    try:
        with Image.open(page.image_path) as opened:
            opened.load()
            prepared = render(opened, page.preparation).convert("L")
    except (UnidentifiedImageError, OSError, ValueError):
        # Unreadable here means unreadable for the PDF too; that writer reports it.
        return np.zeros((rows, columns), dtype=np.bool_)
    dark = (np.asarray(prepared, dtype=np.uint8) < 128).astype(np.float32)
    coarse = cv2.resize(dark, (columns * 3, rows * 3), interpolation=cv2.INTER_AREA)
    inked = (coarse > 0.5).astype(np.float32)
    cells = cv2.resize(inked, (columns, rows), interpolation=cv2.INTER_AREA)
    ink = (cells > INK_FRACTION).astype(np.uint8)
    # A millimetre to spare round ink, as round words.
    grown = cv2.dilate(ink, np.ones((3, 3), dtype=np.uint8))
    return np.asarray(grown > 0, dtype=np.bool_)


def _free_spot(
    occupied: npt.NDArray[np.bool_],
    width_mm: float,
    height_mm: float,
    edge_mm: float,
    *,
    footer: bool,
) -> tuple[int, int, int, int] | None:
    """The free window of cells (column, row, columns, rows) nearest the bottom-right corner,
    or None."""
    rows, columns = occupied.shape
    w, h, edge = math.ceil(width_mm), math.ceil(height_mm), math.ceil(edge_mm)
    if w + 2 * edge > columns or h + 2 * edge > rows:
        return None
    blocked = occupied.copy()
    blocked[:edge, :] = blocked[rows - edge :, :] = True
    blocked[:, :edge] = blocked[:, columns - edge :] = True
    if footer:
        blocked[: rows - math.floor(rows * FOOTER_SHARE), :] = True
    total = np.zeros((rows + 1, columns + 1), dtype=np.int64)
    total[1:, 1:] = np.cumsum(np.cumsum(blocked, axis=0), axis=1)
    sums = total[h:, w:] - total[:-h, w:] - total[h:, :-w] + total[:-h, :-w]
    free_rows, free_columns = np.nonzero(sums == 0)
    if not len(free_rows):
        return None
    # Nearest the bottom-right corner, the bottom counting three times the side.
    cost = 3 * (rows - edge - (free_rows + h)) + (columns - edge - (free_columns + w))
    best = int(np.argmin(cost))
    return int(free_columns[best]), int(free_rows[best]), w, h


# --- drawing ------------------------------------------------------------------------------------


def _stamp_size(code: QrCode, side_mm: float) -> tuple[float, float]:
    """Width and height in millimetres of the stamp with a `side_mm` code."""
    quiet = QUIET_ZONE * side_mm / code.size
    return side_mm + 2 * quiet, side_mm + 2 * quiet + CAPTION_MM


def _stamp(
    page: ExportPage,
    number: int,
    spot: tuple[int, int, int, int],
    code: QrCode,
    side_mm: float,
    caption: str,
    font: EmbeddedFont,
) -> tuple[Canvas, StampPlace]:
    column, row, _, _ = spot
    width_mm, height_mm = _stamp_size(code, side_mm)
    per_mm = MM / page.points_per_pixel  # pixels per millimetre
    _, page_height = page.points
    x0 = column * MM
    top = page_height - row * MM
    y0 = top - height_mm * MM
    quiet = QUIET_ZONE * side_mm / code.size * MM
    side = side_mm * MM
    canvas = Canvas()
    canvas.rectangle(x0, y0, width_mm * MM, height_mm * MM, 1.0)
    code_x, code_y = x0 + quiet, top - quiet - side
    canvas.qr(code.modules, code_x, code_y, side)
    canvas.text(caption, x0 + width_mm * MM / 2, y0 + 1.0 * MM, font, CAPTION_SIZE, align="center")
    pixel_box = Box(
        math.floor(column * per_mm),
        math.floor(row * per_mm),
        math.ceil((column + width_mm) * per_mm),
        math.ceil((row + height_mm) * per_mm),
    )
    place = StampPlace(
        page=number,
        added_page=False,
        box=(x0, y0, x0 + width_mm * MM, top),
        code_box=(code_x, code_y, code_x + side, code_y + side),
        pixel_box=pixel_box,
        side_mm=side_mm,
    )
    return canvas, place


def _back_page(
    size: tuple[float, float],
    code: QrCode,
    caption: str,
    font: EmbeddedFont,
    back: BackCover,
    number: int,
) -> tuple[Canvas, StampPlace]:
    """A back cover: the title near the top, a 40 mm code in the middle, the id and the link
    under it."""
    width, height = size
    side_mm = min(40.0, max(MIN_SIDE_MM, (min(width, height) / MM) * 0.3))
    side = side_mm * MM
    canvas = Canvas()
    margin = 20 * MM
    y = height - 30 * MM
    for line in font.wrap(back.title, 14, width - 2 * margin, 3):
        canvas.text(line, width / 2, y, font, 14, align="center")
        y -= 20
    if back.archive_code:
        canvas.text(back.archive_code, width / 2, y - 4, font, 10, align="center")
    code_x, code_y = (width - side) / 2, (height - side) / 2
    canvas.qr(code.modules, code_x, code_y, side)
    canvas.text(caption, width / 2, code_y - 6 * MM, font, 10, align="center")
    if back.link:
        canvas.text(
            font.fit(back.link, 8, width - 2 * margin),
            width / 2,
            code_y - 11 * MM,
            font,
            8,
            align="center",
        )
    quiet = QUIET_ZONE * side / code.size
    place = StampPlace(
        page=number,
        added_page=True,
        box=(code_x - quiet, code_y - quiet, code_x + side + quiet, code_y + side + quiet),
        code_box=(code_x, code_y, code_x + side, code_y + side),
        pixel_box=None,
        side_mm=side_mm,
    )
    return canvas, place
