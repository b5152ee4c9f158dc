"""Reading order fixes on a recognised page.

The header of a Vietnamese administrative document stands in two columns: the issuing body and
the number on the left; the national motto, the place and the date on the right. Tesseract
often reads each row across both columns as one line ("ỦY BAN NHÂN DÂN … CỘNG HÒA XÃ HỘI CHỦ
NGHĨA VIỆT NAM"), which spoils the text and any reading of the record from it. Such rows are
split at the gutter, and the header is given as its left column, then its right column.
"""

from __future__ import annotations

import itertools
import statistics
from typing import Final

from ocr.geometry import Box
from ocr.words import Block, Line, PageText, Paragraph, Word

_HEADER_ZONE: Final = 0.4
"""The header lies in this top share of the page."""
_MIN_GUTTER_LINE_HEIGHTS: Final = 2.5
"""A gap between two words this many line heights wide is a column gutter, not a space."""
_GUTTER_BAND: Final = (0.25, 0.75)
"""The gutter of a two-column header lies in this band of the page's width."""
_GUTTER_SLACK: Final = 0.08
"""How far (share of the page width) a row's gap may lie from the header's gutter."""
_REACH_LINE_HEIGHTS: Final = 3.0
"""Lines this close above or below a split row belong to the header too."""


def _gutter(line: Line, page_width: int) -> int | None:
    """The x of the widest gap between the line's words, when it is a column gutter."""
    words = line.words
    height = max(1, line.box.height)
    best: tuple[int, int] | None = None
    for left, right in itertools.pairwise(words):
        gap = right.box.x0 - left.box.x1
        middle = (left.box.x1 + right.box.x0) // 2
        if (
            gap >= _MIN_GUTTER_LINE_HEIGHTS * height
            and _GUTTER_BAND[0] * page_width <= middle <= _GUTTER_BAND[1] * page_width
            and (best is None or gap > best[0])
        ):
            best = (gap, middle)
    return best[1] if best else None


def _gap_at(line: Line, gutter: int, page_width: int) -> int | None:
    """The middle of a gap of at least a line height that lies at the header's gutter."""
    height = max(1, line.box.height)
    slack = _GUTTER_SLACK * page_width
    for left, right in itertools.pairwise(line.words):
        if (
            right.box.x0 - left.box.x1 >= height
            and left.box.x1 <= gutter + slack
            and right.box.x0 >= gutter - slack
        ):
            return (left.box.x1 + right.box.x0) // 2
    return None


def _line_of(words: list[Word], like: Line) -> Line:
    box = words[0].box
    for word in words[1:]:
        box = box.union(word.box)
    return Line(box=box, words=tuple(words), baseline=like.baseline)


def _block_of(lines: list[Line]) -> Block:
    box = lines[0].box
    for line in lines[1:]:
        box = box.union(line.box)
    return Block(box=box, paragraphs=(Paragraph(box=box, lines=tuple(lines)),))


def split_header_columns(text: PageText) -> PageText:
    """The page with a two-column header given column by column; unchanged when it has none."""
    lines = list(text.lines())
    zone = _HEADER_ZONE * text.height
    gutters = {
        id(line): gutter
        for line in lines
        if line.box.y1 <= zone and (gutter := _gutter(line, text.width)) is not None
    }
    if not gutters:
        return text
    split_rows = [line for line in lines if id(line) in gutters]
    gutter = round(statistics.median(gutters.values()))
    reach = _REACH_LINE_HEIGHTS * statistics.median(line.box.height for line in split_rows)
    top = min(line.box.y0 for line in split_rows) - reach
    bottom = max(line.box.y1 for line in split_rows) + reach

    left: list[Line] = []
    right: list[Line] = []
    header: set[int] = set()
    for line in lines:
        if not (top <= line.box.y0 and line.box.y1 <= bottom):
            continue
        # A row with a gutter of its own, or a narrower gap where the other rows have theirs.
        at = gutters.get(id(line)) or _gap_at(line, gutter, text.width)
        if at is not None:
            left.append(_line_of([w for w in line.words if w.box.x1 <= at], line))
            right.append(_line_of([w for w in line.words if w.box.x0 >= at], line))
        elif line.box.x1 <= gutter:
            left.append(line)
        elif line.box.x0 >= gutter:
            right.append(line)
        else:
            continue  # a line across the gutter (a title) is not part of the columns
        header.add(id(line))
    left.sort(key=lambda line: line.box.y0)
    right.sort(key=lambda line: line.box.y0)

    blocks: list[Block] = []
    placed = False
    for block in text.blocks:
        paragraphs: list[Paragraph] = []
        for paragraph in block.paragraphs:
            kept = [line for line in paragraph.lines if id(line) not in header]
            if len(kept) != len(paragraph.lines) and not placed:
                # The header goes where its first line was read, before what followed it.
                if paragraphs:
                    blocks.append(Block(box=block.box, paragraphs=tuple(paragraphs)))
                    paragraphs = []
                blocks.extend(_block_of(column) for column in (left, right) if column)
                placed = True
            if kept:
                paragraphs.append(_paragraph_of(kept, paragraph))
        if paragraphs:
            blocks.append(Block(box=block.box, paragraphs=tuple(paragraphs)))
    return PageText(text.width, text.height, text.dpi, tuple(blocks))


def _paragraph_of(lines: list[Line], like: Paragraph) -> Paragraph:
    if len(lines) == len(like.lines):
        return like
    box: Box = lines[0].box
    for line in lines[1:]:
        box = box.union(line.box)
    return Paragraph(box=box, lines=tuple(lines), language=like.language)
