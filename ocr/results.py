"""Tesseract's reading of a page, walked word by word into the word model.

The walk follows Tesseract's own hOCR writer step for step (the same blocks, paragraphs, lines,
boxes, baselines and whole-number confidences), without the hOCR: writing it took about
0.1 s a page, two thirds more than reading the words this way, and its text then had to be
parsed back.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Final

from ocr.geometry import Box
from ocr.words import Block, Line, PageText, Paragraph, Word

_BLOCK, _PARAGRAPH, _LINE, _WORD = 0, 1, 2, 3
"""Tesseract's page iterator levels (RIL_BLOCK … RIL_WORD)."""
_PAGE_UP = 0
"""Tesseract's orientation of upright text: other lines (a vertical one) have no baseline."""
_NO_BOX: Final = Box(0, 0, 0, 0)


def page_text(api: Any, width: int, height: int, dpi: int) -> PageText:
    """The page `api` has just recognised, of `width` × `height` pixels at `dpi`; blocks,
    paragraphs and lines without a word are left out."""
    page = _PageBuilder()
    words = api.GetIterator()
    while words is not None and not words.Empty(_BLOCK):
        if words.Empty(_WORD):
            words.Next(_WORD)
            continue
        if words.IsAtBeginningOf(_BLOCK):
            page.start_block(_box(words, _BLOCK))
        if words.IsAtBeginningOf(_PARAGRAPH):
            page.start_paragraph(_box(words, _PARAGRAPH), words.WordRecognitionLanguage() or "")
        if words.IsAtBeginningOf(_LINE):
            box = _box(words, _LINE)
            page.start_line(box, _baseline(words, box))
        text = (words.GetUTF8Text(_WORD) or "").strip()
        if text:
            # hOCR's x_wconf: the confidence cut to a whole number.
            confidence = float(int(words.Confidence(_WORD)))
            page.add(Word(text=text, box=_box(words, _WORD), confidence=confidence))
        words.Next(_WORD)
    return PageText(width=width, height=height, dpi=dpi, blocks=page.finish())


def _box(words: Any, level: int) -> Box:
    found = words.BoundingBox(level)
    return _NO_BOX if found is None else Box(*found)


def _baseline(words: Any, box: Box) -> tuple[float, float]:
    """The line's baseline as hOCR gives it: slope, and offset from the box's bottom-left
    corner, each rounded to three places and written to six significant digits."""
    if words.Orientation()[0] != _PAGE_UP:
        return (0.0, 0.0)
    found = words.Baseline(_LINE)
    if not found:
        return (0.0, 0.0)
    (x1, y1), (x2, y2) = found
    x1, x2, y1, y2 = x1 - box.x0, x2 - box.x0, y1 - box.y1, y2 - box.y1
    if x1 == x2:
        return (0.0, 0.0)
    slope = (y2 - y1) / (x2 - x1)
    return (_as_hocr_writes(slope), _as_hocr_writes(y1 - slope * x1))


def _as_hocr_writes(value: float) -> float:
    """`round(value * 1000) / 1000` in C (halves away from zero), through a C++ stream's
    default six significant digits."""
    rounded = math.copysign(math.floor(abs(value) * 1000.0 + 0.5) / 1000.0, value)
    return float(f"{rounded:.6g}")


@dataclass
class _PageBuilder:
    """Collects words into lines, paragraphs and blocks as the walk opens them."""

    blocks: list[Block] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    block_box: Box = _NO_BOX
    paragraph_box: Box = _NO_BOX
    language: str = ""
    line_box: Box = _NO_BOX
    baseline: tuple[float, float] = (0.0, 0.0)

    def start_block(self, box: Box) -> None:
        self._end_block()
        self.block_box = box

    def start_paragraph(self, box: Box, language: str) -> None:
        self._end_paragraph()
        self.paragraph_box, self.language = box, language

    def start_line(self, box: Box, baseline: tuple[float, float]) -> None:
        self._end_line()
        self.line_box, self.baseline = box, baseline

    def add(self, word: Word) -> None:
        self.words.append(word)

    def finish(self) -> tuple[Block, ...]:
        self._end_block()
        return tuple(self.blocks)

    def _end_line(self) -> None:
        if self.words:
            self.lines.append(Line(self.line_box, tuple(self.words), self.baseline))
        self.words = []

    def _end_paragraph(self) -> None:
        self._end_line()
        if self.lines:
            self.paragraphs.append(Paragraph(self.paragraph_box, tuple(self.lines), self.language))
        self.lines = []

    def _end_block(self) -> None:
        self._end_paragraph()
        if self.paragraphs:
            self.blocks.append(Block(self.block_box, tuple(self.paragraphs)))
        self.paragraphs = []
