"""Pages as the OCR gives them, for the stamp detector: a header of a Vietnamese official
document (issuing body, number, a stamp or not) over lines of running text, laid out on an A4
page at 300 dpi with a word box for every word."""

from __future__ import annotations

from collections.abc import Sequence

from ocr.geometry import Box
from ocr.words import Block, Line, PageText, Paragraph, Word
from tests.helpers.text_pages import SENTENCES

WIDTH, HEIGHT, DPI = 2480, 3508, 300
CHAR = 34  # pixels a character
WORD_HEIGHT = 64
LINE_STEP = 110
HEADER_TOP = 160
BODY_TOP = 1500

Segment = tuple[int, str]  # where a run of words starts (x), and the words


def _line(y: int, segments: Sequence[Segment]) -> Line:
    words = []
    for x_start, text in segments:
        x = x_start
        for token in text.split():
            words.append(Word(token, Box(x, y, x + CHAR * len(token), y + WORD_HEIGHT), 88.0))
            x += CHAR * (len(token) + 1)
    box = Box(min(w.box.x0 for w in words), y, max(w.box.x1 for w in words), y + WORD_HEIGHT)
    return Line(box, tuple(words), (0.0, -14.0))


def _block(lines: list[Line]) -> Block:
    box = Box(
        min(line.box.x0 for line in lines),
        min(line.box.y0 for line in lines),
        max(line.box.x1 for line in lines),
        max(line.box.y1 for line in lines),
    )
    return Block(box, (Paragraph(box, tuple(lines), "vie"),))


def official_page(
    header: Sequence[Sequence[Segment]], body: Sequence[str] = (), body_lines: int = 12
) -> PageText:
    """A page with `header` lines (each one OCR line of segments) at the top and running text
    below: `body` first, then sentences of the helper corpus."""
    header_lines = [
        _line(HEADER_TOP + index * LINE_STEP, segments) for index, segments in enumerate(header)
    ]
    texts = [*body, *(SENTENCES[i % len(SENTENCES)] for i in range(body_lines))]
    body_block = [
        _line(BODY_TOP + index * LINE_STEP, [(240, text)])
        for index, text in enumerate(texts)
        if text  # an empty string leaves a blank line
    ]
    return PageText(WIDTH, HEIGHT, DPI, (_block(header_lines), _block(body_block)))


LEFT, RIGHT = 240, 1400
HEADING = [[(LEFT, "ĐẢNG BỘ TỈNH NGHỆ AN"), (RIGHT, "ĐẢNG CỘNG SẢN VIỆT NAM")]]
NUMBER = [(LEFT, "TỈNH ỦY"), (RIGHT, "Vinh, ngày 12 tháng 3 năm 2024")]
