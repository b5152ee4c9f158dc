"""Sheets of labels for archive boxes and folders: an A4 PDF/A, a grid of labels (3 × 8 by
default, the common 70 × 37 mm stock), each with a QR code, its human-readable code under it,
the archive code and the short title.

Text is real text in an embedded DejaVu Sans subset (see `fonts`): it prints sharp on any
printer and the sheet can be searched for a title. Codes are at least 2 cm wide; a grid too
dense for that is refused rather than printed unreadable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from digitizer.errors import LayoutImpossible
from digitizer.export.drawing import MM, AddedPage, Canvas
from digitizer.export.fonts import SANS, SANS_BOLD, EmbeddedFont
from digitizer.export.model import DocumentInfo
from digitizer.export.pdfa import write_pdfa
from digitizer.export.qr import MIN_SIDE_MM, QUIET_ZONE, qr_code

A4 = (210.0 * MM, 297.0 * MM)
DEFAULT_GRID = (3, 8)
PADDING_MM = 2.0
CAPTION_MM = 3.0
CODE_SIZE = 9.0
TITLE_SIZE = 7.5
CAPTION_SIZE = 6.0


@dataclass(frozen=True)
class Label:
    """One label: what its QR code carries, and what it says."""

    payload: str
    archive_code: str
    title: str
    caption: str
    """The human-readable code printed under the QR code (the document id)."""


@dataclass(frozen=True)
class LabelPlace:
    """Where a label went: sheet (1-based), row and column (0-based), and its code's box in
    PDF points (x0, y0, x1, y1 from the bottom-left corner)."""

    sheet: int
    row: int
    column: int
    code_box: tuple[float, float, float, float]
    side_mm: float


def label_sheets(
    labels: Sequence[Label], grid: tuple[int, int] = DEFAULT_GRID
) -> tuple[list[AddedPage], list[LabelPlace]]:
    """The sheets (as pages for `write_pdfa`) holding `labels` in reading order."""
    columns, rows = grid
    if columns < 1 or rows < 1:
        raise LayoutImpossible(f"A label grid needs at least one column and row, not {grid}.")
    cell_w, cell_h = A4[0] / columns, A4[1] / rows
    regular, bold = EmbeddedFont(SANS), EmbeddedFont(SANS_BOLD)
    per_sheet = columns * rows
    pages: list[AddedPage] = []
    places: list[LabelPlace] = []
    for start in range(0, len(labels), per_sheet):
        canvas = Canvas()
        for offset, label in enumerate(labels[start : start + per_sheet]):
            row, column = divmod(offset, columns)
            x, y = column * cell_w, A4[1] - (row + 1) * cell_h
            box, side_mm = _draw_label(canvas, label, x, y, cell_w, cell_h, regular, bold)
            places.append(LabelPlace(len(pages) + 1, row, column, box, side_mm))
        pages.append(AddedPage(A4, canvas))
    return pages, places


def write_labels(
    labels: Sequence[Label],
    out: Path,
    grid: tuple[int, int] = DEFAULT_GRID,
    title: str = "Nhãn hồ sơ",
) -> list[LabelPlace]:
    """Write the label sheets of `labels` as one PDF/A-2b file at `out`."""
    if not labels:
        raise ValueError("no labels to print")
    pages, places = label_sheets(labels, grid)
    write_pdfa([], DocumentInfo(title=title), out, added_pages=pages)
    return places


def _draw_label(
    canvas: Canvas,
    label: Label,
    x: float,
    y: float,
    width: float,
    height: float,
    regular: EmbeddedFont,
    bold: EmbeddedFont,
) -> tuple[tuple[float, float, float, float], float]:
    code = qr_code(label.payload)
    padding = PADDING_MM * MM
    room = min(height - 2 * padding - CAPTION_MM * MM, width * 0.5)
    side = room * code.size / code.size_with_quiet_zone
    side_mm = side / MM
    if side_mm < MIN_SIDE_MM:
        raise LayoutImpossible(
            f"A label of {width / MM:.0f} × {height / MM:.0f} mm leaves room for a "
            f"{side_mm:.1f} mm QR code; codes must be at least {MIN_SIDE_MM:.0f} mm wide. "
            "Choose a grid with fewer labels."
        )
    quiet = QUIET_ZONE * side / code.size
    code_x = x + padding + quiet
    code_y = y + height - padding - quiet - side
    canvas.qr(code.modules, code_x, code_y, side)
    canvas.text(
        regular.fit(label.caption, CAPTION_SIZE, room),
        code_x + side / 2,
        code_y - quiet - CAPTION_MM * MM * 0.55,
        regular,
        CAPTION_SIZE,
        align="center",
    )
    text_x = x + padding + room + 1.0 * MM
    text_width = x + width - padding - text_x
    baseline = y + height - padding - CODE_SIZE
    for line in bold.wrap(label.archive_code, CODE_SIZE, text_width, 2):
        canvas.text(line, text_x, baseline, bold, CODE_SIZE)
        baseline -= CODE_SIZE * 1.2
    baseline -= 2.0
    lines_left = max(1, int((baseline - (y + padding)) // (TITLE_SIZE * 1.25)) + 1)
    for line in regular.wrap(label.title, TITLE_SIZE, text_width, min(lines_left, 6)):
        canvas.text(line, text_x, baseline, regular, TITLE_SIZE)
        baseline -= TITLE_SIZE * 1.25
    return (code_x, code_y, code_x + side, code_y + side), side_mm
