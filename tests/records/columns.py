"""Word models of record pages laid out in the two header columns, without OCR."""

from __future__ import annotations

from ocr.geometry import Box
from ocr.words import Block, Line, PageText, Paragraph, Word


def columns(text: str, width: int = 2480) -> PageText:
    """`text` laid out as a page whose lines hold a left and a right part split at " | ", each
    OCR line running across both columns as OCR often reads a header; a part alone on its
    line starting with ">" is centred."""
    lines = []
    for row, line_text in enumerate(t for t in text.splitlines() if t.strip()):
        y = 200 + row * 110
        left, _, right = line_text.partition(" | ")
        words = []
        for part, x in ((left, 200), (right, 1300)):
            if part.startswith(">"):
                part = part[1:]
                x = width // 2 - 15 * len(part)
            for token in part.split():
                words.append(Word(token, Box(x, y, x + 30 * len(token), y + 60), 90.0))
                x += 30 * (len(token) + 1)
        box = Box(min(w.box.x0 for w in words), y, max(w.box.x1 for w in words), y + 60)
        lines.append(Line(box, tuple(words)))
    area = Box(200, 200, width - 200, lines[-1].box.y1)
    height = 3508
    return PageText(width, height, 300, (Block(area, (Paragraph(area, tuple(lines)),)),))
