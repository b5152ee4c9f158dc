"""Printing separator sheets: an A4 PDF/A page with a large QR code and what it means in words.

The code is 12 cm wide, so it is found on a page scanned at any resolution, in grey or lineart,
and downscaled before decoding. The words say what the sheet is and what it carries, in
Vietnamese with the English beside, so that a person sorting a stack knows it at a glance.
"""

from __future__ import annotations

from pathlib import Path

from digitizer.acquire.separators import SeparatorSheet
from digitizer.export.drawing import MM, AddedPage, Canvas
from digitizer.export.fonts import SANS, SANS_BOLD, EmbeddedFont
from digitizer.export.labels import A4
from digitizer.export.model import DocumentInfo
from digitizer.export.pdfa import write_pdfa
from digitizer.export.qr import QUIET_ZONE, qr_code

CODE_SIDE_MM = 120.0
TITLE = "TỜ PHÂN CÁCH TÀI LIỆU"
SUBTITLE = "Document separator sheet"
INSTRUCTIONS = (
    "Đặt tờ này trước trang đầu của mỗi tài liệu mới trong chồng giấy quét.",
    "Tờ này bắt đầu một tài liệu mới và không được lưu vào tài liệu nào.",
    "Put this sheet before the first page of each new document in the stack.",
)


def separator_page(sheet: SeparatorSheet) -> AddedPage:
    """The separator sheet as one A4 page for `write_pdfa`."""
    regular, bold = EmbeddedFont(SANS), EmbeddedFont(SANS_BOLD)
    width, height = A4
    centre = width / 2
    canvas = Canvas()
    level = sheet.classification
    top = height - 25 * MM
    if level is not None and level.is_secret:
        # The level stands at the top and foot of the sheet, as on a classified document.
        banner = level.vietnamese_name.upper()
        canvas.text(banner, centre, height - 14 * MM, bold, 20, align="center")
        canvas.text(banner, centre, 10 * MM, bold, 20, align="center")
        top -= 6 * MM
    canvas.text(TITLE, centre, top, bold, 26, align="center")
    canvas.text(SUBTITLE, centre, top - 10 * MM, regular, 13, align="center")

    code = qr_code(sheet.payload())
    side = CODE_SIDE_MM * MM * code.size / code.size_with_quiet_zone
    code_top = top - 20 * MM - QUIET_ZONE * side / code.size
    canvas.qr(code.modules, centre - side / 2, code_top - side, side)

    baseline = code_top - side - QUIET_ZONE * side / code.size - 10 * MM
    lines = [
        f"Hồ sơ / Collection: {sheet.collection or '—'}",
        "Độ mật / Classification: "
        + (f"{level.vietnamese_name} ({level.value})" if level is not None else "—"),
    ]
    for line in lines:
        canvas.text(bold.fit(line, 15, width - 40 * MM), centre, baseline, bold, 15, align="center")
        baseline -= 9 * MM
    baseline -= 4 * MM
    for line in INSTRUCTIONS:
        canvas.text(line, centre, baseline, regular, 10.5, align="center")
        baseline -= 6 * MM
    return AddedPage(A4, canvas)


def write_separator_sheet(sheet: SeparatorSheet, out: Path) -> None:
    """Write the separator sheet as a one-page PDF/A-2b file at `out` (replaced whole)."""
    info = DocumentInfo(title=f"{TITLE} — {SUBTITLE}", subject=sheet.payload())
    write_pdfa([], info, out, added_pages=[separator_page(sheet)])
