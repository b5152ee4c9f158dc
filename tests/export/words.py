"""Small hand-made word models for the text, hOCR and ALTO tests."""

from __future__ import annotations

from pathlib import Path

from digitizer.export.model import ExportPage
from ocr.geometry import Box, Preparation
from ocr.words import Block, Line, PageText, Paragraph, Word


def line(y: int, *words: tuple[str, int, int], confidence: float = 90.0) -> Line:
    """A line at `y` (top) of words given as (text, left, right), 40 px tall, baseline 8 px up."""
    built = tuple(Word(text, Box(x0, y, x1, y + 40), confidence) for text, x0, x1 in words)
    box = built[0].box
    for word in built[1:]:
        box = box.union(word.box)
    return Line(box, built, (0.0125, -8.0))


def page_text(*paragraphs: tuple[Line, ...], width: int = 1000, height: int = 1400) -> PageText:
    built = []
    for lines in paragraphs:
        box = lines[0].box
        for each in lines[1:]:
            box = box.union(each.box)
        built.append(Paragraph(box, lines, "vie"))
    block_box = built[0].box
    for paragraph in built[1:]:
        block_box = block_box.union(paragraph.box)
    return PageText(width, height, 200, (Block(block_box, tuple(built)),))


def sample_text() -> PageText:
    return page_text(
        (
            line(100, ("CỘNG", 100, 220), ("HÒA", 232, 330), ("XÃ", 342, 400)),
            line(150, ("Độc", 100, 170), ("lập", 182, 240), confidence=47.25),
        ),
        (line(250, ("Số:", 100, 150), ("24-NQ/TU", 162, 330), confidence=100.0),),
    )


def export_page(
    text: PageText | None, name: str = "trang-1.png", size: tuple[int, int] = (1000, 1400)
) -> ExportPage:
    return ExportPage(Path("/library/objects") / name, 200, Preparation(size), text)
