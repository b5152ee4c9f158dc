"""Vector drawing on PDF pages: what the QR stamps, back covers and label sheets are made of.

A `PageDrawing` adds operators to a page's content stream as `write_pdfa` writes the page, so a
stamped PDF is one PDF/A file written in one go (never a finished file edited afterwards).
Coordinates are PDF points with the origin at the bottom-left corner of the page.

`Canvas` collects operators: filled rectangles, QR codes (one rectangle per run of dark
modules, so the code is sharp at any resolution) and lines of text in an `EmbeddedFont`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import pikepdf
from pikepdf import Dictionary, Name

from digitizer.export.fonts import EmbeddedFont
from digitizer.export.model import number_text

MM = 72.0 / 25.4
"""Points in a millimetre."""


class PageDrawing(Protocol):
    """Something drawn over a page."""

    def draw(self, pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> bytes:
        """Add what the drawing uses (fonts) to `resources` and return its operators. They run
        inside `q … Q`, after the page's own content."""
        ...


@dataclass(frozen=True)
class AddedPage:
    """A page with no scan, only a drawing (a back cover, a sheet of labels)."""

    size: tuple[float, float]
    """Width and height in points."""
    drawing: PageDrawing


@dataclass
class Canvas:
    """Operators for one page, and the fonts they use. Implements `PageDrawing`."""

    operations: list[bytes] = field(default_factory=list)
    fonts: dict[str, EmbeddedFont] = field(default_factory=dict)

    def _font_name(self, font: EmbeddedFont) -> str:
        for name, known in self.fonts.items():
            if known is font:
                return name
        name = f"DgF{len(self.fonts) + 1}"
        self.fonts[name] = font
        return name

    def rectangle(self, x: float, y: float, width: float, height: float, grey: float) -> None:
        """A filled rectangle in `grey` (0 black … 1 white)."""
        self.operations.append(
            f"{_n(grey)} g {_n(x)} {_n(y)} {_n(width)} {_n(height)} re f".encode()
        )

    def qr(self, modules: Sequence[Sequence[bool]], x: float, y: float, side: float) -> None:
        """The QR code's dark modules (no quiet zone in `modules`) in a `side`-point square
        whose bottom-left corner is at (x, y)."""
        count = len(modules)
        unit = side / count
        parts = [b"0 g"]
        for row, cells in enumerate(modules):
            top = y + side - (row + 1) * unit
            column = 0
            while column < count:
                if not cells[column]:
                    column += 1
                    continue
                start = column
                while column < count and cells[column]:
                    column += 1
                parts.append(
                    f"{_n(x + start * unit)} {_n(top)} {_n((column - start) * unit)} "
                    f"{_n(unit)} re".encode()
                )
        parts.append(b"f")
        self.operations.append(b"\n".join(parts))

    def text(
        self,
        text: str,
        x: float,
        y: float,
        font: EmbeddedFont,
        size: float,
        *,
        align: str = "left",
    ) -> None:
        """One line of black text with its baseline at `y`; `x` is its left end, centre or
        right end as `align` says."""
        if not text:
            return
        width = font.width(text, size)
        if align == "center":
            x -= width / 2.0
        elif align == "right":
            x -= width
        name = self._font_name(font)
        self.operations.append(
            b"BT 0 Tr 0 g /"
            + name.encode()
            + f" {_n(size)} Tf 1 0 0 1 {_n(x)} {_n(y)} Tm ".encode()
            + font.encode(text)
            + b" Tj ET"
        )

    def draw(self, pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> bytes:
        if self.fonts:
            fonts = resources.get(Name.Font)
            if fonts is None:
                fonts = Dictionary()
                resources.Font = fonts
            for name, font in self.fonts.items():
                fonts[Name("/" + name)] = font.pdf_object(pdf)
        return b"\n".join(self.operations)


def _n(value: float) -> str:
    return number_text(value, 3)
