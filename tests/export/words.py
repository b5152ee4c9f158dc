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


def resolution_page() -> PageText:
    """A resolution's first and only page as OCR reads it: the header's two columns run together
    on one line, the recipients beside the signature."""
    text = "Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ xã Đông Lâm nhiệm kỳ"
    body = [(word, 100 + 112 * n, 200 + 112 * n) for n, word in enumerate(text.split(" "))]
    return page_text(
        (
            line(
                100,
                *_spaced("ĐẢNG BỘ TỈNH HOÀI SƠN", 100),
                *_spaced("ĐẢNG CỘNG SẢN VIỆT NAM", 1100),
            ),
            line(150, *_spaced("ĐẢNG ỦY XÃ ĐÔNG LÂM", 120)),
        ),
        (line(210, *_spaced("Số 12-NQ/ĐU", 200)),),
        (line(240, *_spaced("Đông Lâm, ngày 15 tháng 3 năm 2026", 1000)),),
        (
            line(350, *_spaced("NGHỊ QUYẾT", 880)),
            line(400, *_spaced("về số hóa tài liệu lưu trữ", 740)),
        ),
        (line(500, *body[:15]), line(550, *body[:6])),
        (
            line(700, *_spaced("Nơi nhận:", 100), *_spaced("T/M ĐẢNG ỦY", 1200)),
            line(750, *_spaced("- Như trên;", 100), *_spaced("BÍ THƯ", 1250)),
            line(850, *_spaced("Phạm Quang Khiêm", 1200)),
        ),
        width=2000,
    )


def _spaced(text: str, x: int) -> list[tuple[str, int, int]]:
    """Words set from `x` on, 25 px per letter and 20 px apart."""
    placed = []
    for word in text.split():
        placed.append((word, x, x + 25 * len(word)))
        x += 25 * len(word) + 20
    return placed
