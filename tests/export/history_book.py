"""A small Party-history book as a printer sets it, drawn with DejaVu Serif: two chapters, running
headers that alternate between the book's title (even pages) and the chapter's (odd pages) with a
rule under them, page numbers at the foot, footnotes under a short rule with superscript markers
in the text, a photograph with its caption, and paragraphs that run over page breaks. Each page
comes with its word boxes as drawn, and the book with what a reader should get back."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from ocr.geometry import Box
from ocr.words import Block, Line, PageText, Paragraph, Word
from tests.export.book import SERIF, SERIF_BOLD, _sentences, _union, _words

BOOK_TITLE = "Lịch sử Đảng bộ xã Đông Lâm"
CHAPTERS = ("Những năm tháng đầu tiên", "Xây dựng quê hương")
NOTES = (
    "Theo báo cáo của Ban Chấp hành Đảng bộ xã năm 1946.",
    "Nay là thôn Đông Lâm thuộc xã Đông Lâm.",
    "Số liệu của Ban Tuyên giáo Huyện ủy năm 1978.",
)
CAPTION = "Ảnh: Trụ sở Đảng ủy xã Đông Lâm năm 1975"


@dataclass(frozen=True)
class DrawnPage:
    image: Image.Image
    text: PageText
    dpi: int


@dataclass
class HistoryBook:
    pages: list[DrawnPage] = field(default_factory=list)
    chapters: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    """Every body paragraph's text, note markers left out, in reading order."""
    crossing: list[str] = field(default_factory=list)
    """The paragraphs that run over a page break."""
    furniture: list[str] = field(default_factory=list)
    """The running headers and page numbers drawn."""
    notes: list[tuple[str, str]] = field(default_factory=list)
    """(marker, footnote text)."""
    noted_words: list[str] = field(default_factory=list)
    """The word each marker is set after."""
    figure: Box | None = None
    figure_page: int = -1


@dataclass
class _Token:
    word: str
    note: str = ""


def history_book(*, dpi: int = 200, seed: int = 4, pages: int = 7) -> HistoryBook:
    """A 105 × 148 mm book of `pages` pages; chapter 2 opens on page index 4, the photograph is
    on page index 2, footnotes on pages 1, 2 and 5."""
    chooser = random.Random(seed)
    vocabulary = _words(seed)
    width, height = round(105 / 25.4 * dpi), round(148 / 25.4 * dpi)
    mm = dpi / 25.4
    pt = dpi / 72
    body = ImageFont.truetype(str(SERIF), round(10 * pt))
    note_font = ImageFont.truetype(str(SERIF), round(8 * pt))
    marker_font = ImageFont.truetype(str(SERIF), round(6.5 * pt))
    small = ImageFont.truetype(str(SERIF), round(8 * pt))
    chapter_font = ImageFont.truetype(str(SERIF_BOLD), round(15 * pt))
    title_font = ImageFont.truetype(str(SERIF_BOLD), round(12 * pt))
    left, right = 13 * mm, width - 13 * mm
    top, bottom = 20 * mm, height - 16 * mm
    pitch = 10 * pt * 1.5
    note_pages = {1: [0], 2: [1], 5: [2]}
    chapter_pages = {0: 0, 4: 1}
    result = HistoryBook(chapters=[f"CHƯƠNG {'I' * (i + 1)}" for i in range(2)])
    tokens: list[_Token] = []
    paragraph: list[str] = []
    chapter = 0
    for index in range(pages):
        image = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(image)
        blocks: list[Block] = []
        number = index + 1
        y = top
        if index in chapter_pages:
            if paragraph:
                result.paragraphs.append(" ".join(paragraph))
                paragraph, tokens = [], []
            chapter = chapter_pages[index]
            y = top + 8 * mm
            lines = []
            for text, font in (
                (f"CHƯƠNG {'I' * (chapter + 1)}", chapter_font),
                (CHAPTERS[chapter].upper(), title_font),
            ):
                lines.append(_at(draw, text, font, (width - font.getlength(text)) / 2, y))
                y += font.size * 1.7
            y += pitch
            blocks.append(_block([Paragraph(_union(lines), tuple(lines), "vie")]))
        else:
            header = BOOK_TITLE if number % 2 == 0 else CHAPTERS[chapter]
            line = _at(draw, header, small, (width - small.getlength(header)) / 2, 8 * mm)
            draw.line([(left, line.box.y1 + 8), (right, line.box.y1 + 8)], fill=0, width=2)
            blocks.append(_block([Paragraph(line.box, (line,), "vie")]))
            result.furniture.append(header)
        notes = [(str(n + 1), NOTES[n]) for n in note_pages.get(index, [])]
        note_height = len(notes) * note_font.size * 1.5 + (4 * mm if notes else 0)
        page_bottom = bottom - note_height
        pending_notes = [label for label, _ in notes]
        paragraphs: list[Paragraph] = []
        current: list[Line] = []
        line_count = 0
        while y + pitch <= page_bottom:
            if index == 2 and result.figure is None and not tokens and line_count >= 3:
                if current:
                    paragraphs.append(Paragraph(_union(current), tuple(current), "vie"))
                    current = []
                y = _photograph(image, draw, result, chooser, left, right, y, mm, small, index)
                paragraphs.append(result_caption := _caption_paragraph(draw, small, width, y))
                y = result_caption.box.y1 + 6 * mm
                continue
            if not tokens:
                if paragraph:
                    result.paragraphs.append(" ".join(paragraph))
                    paragraph = []
                if current:
                    paragraphs.append(Paragraph(_union(current), tuple(current), "vie"))
                    current = []
                tokens = [_Token(w) for w in _sentences(chooser, vocabulary, chooser.randint(3, 5))]
            first = not paragraph
            indent = 6 * mm if first else 0.0
            taken = _take(tokens, body, right - left - indent)
            if pending_notes and line_count >= 2 and len(taken) > 2:
                taken[1].note = pending_notes.pop(0)
                result.noted_words.append(taken[1].word)
            current.append(
                _justified(draw, taken, body, marker_font, left + indent, right, y, not tokens)
            )
            paragraph.extend(t.word for t in taken)
            y += pitch
            line_count += 1
        if current:
            paragraphs.append(Paragraph(_union(current), tuple(current), "vie"))
        if paragraphs:
            blocks.append(_block(paragraphs))
        if notes:
            rule_y = round(bottom - note_height + 2 * mm)
            draw.line([(left, rule_y), (left + 30 * mm, rule_y)], fill=0, width=2)
            note_y = rule_y + 2 * mm
            note_lines = []
            for label, text in notes:
                marker = _at(draw, label, marker_font, left, note_y - 2)
                line = _at(draw, text, note_font, left + marker_font.getlength(label) + 4, note_y)
                note_lines.append(
                    Line(marker.box.union(line.box), (*marker.words, *line.words), line.baseline)
                )
                note_y += note_font.size * 1.5
                result.notes.append((label, text))
            blocks.append(_block([Paragraph(_union(note_lines), tuple(note_lines), "vie")]))
        footer = str(number)
        line = _at(draw, footer, small, (width - small.getlength(footer)) / 2, height - 10 * mm)
        blocks.append(_block([Paragraph(line.box, (line,), "vie")]))
        result.furniture.append(footer)
        result.pages.append(DrawnPage(image, PageText(width, height, dpi, tuple(blocks)), dpi))
    if paragraph:
        result.paragraphs.append(" ".join(paragraph))
    result.crossing = [p for p in result.paragraphs if _crosses(p, result)]
    return result


def _crosses(paragraph: str, book: HistoryBook) -> bool:
    """Whether the paragraph's words are split between two pages' texts."""
    head, tail = paragraph.split()[:3], paragraph.split()[-3:]
    for first, second in zip(book.pages, book.pages[1:], strict=False):
        if " ".join(head) in _plain(first.text) and " ".join(tail) in _plain(second.text):
            return " ".join(tail) not in _plain(first.text)
    return False


def _plain(text: PageText) -> str:
    return " ".join(word.text for word in text.words())


def _take(tokens: list[_Token], font: ImageFont.FreeTypeFont, width: float) -> list[_Token]:
    line: list[_Token] = []
    used = 0.0
    space = font.getlength(" ")
    while tokens:
        needed = font.getlength(tokens[0].word) + (space if line else 0.0) + space
        if used + needed > width and line:
            break
        line.append(tokens.pop(0))
        used += needed
    return line


def _justified(
    draw: ImageDraw.ImageDraw,
    tokens: list[_Token],
    font: ImageFont.FreeTypeFont,
    marker_font: ImageFont.FreeTypeFont,
    left: float,
    right: float,
    y: float,
    last: bool,
) -> Line:
    baseline = round(y + font.size)
    widths = [
        font.getlength(t.word) + (marker_font.getlength(t.note) + 2 if t.note else 0)
        for t in tokens
    ]
    gap = font.getlength(" ")
    if not last and len(tokens) > 1:
        gap = (right - left - sum(widths)) / (len(tokens) - 1)
    x = left
    built = []
    for token, advance in zip(tokens, widths, strict=True):
        x0, y0, x1, y1 = draw.textbbox((x, baseline), token.word, font=font, anchor="ls")
        draw.text((x, baseline), token.word, font=font, fill=0, anchor="ls")
        built.append(Word(token.word, _box(x0, y0, x1, y1), 93.0))
        if token.note:
            raised = baseline - round(font.size * 0.4)
            mx = x1 + 2
            mark = draw.textbbox((mx, raised), token.note, font=marker_font, anchor="ls")
            draw.text((mx, raised), token.note, font=marker_font, fill=0, anchor="ls")
            built.append(Word(token.note, Box(*(round(v) for v in mark)), 90.0))
        x += advance + gap
    box = _union(built)
    return Line(box, tuple(built), (0.0, float(baseline - box.y1)))


def _at(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, x: float, y: float
) -> Line:
    baseline = round(y + font.size)
    built = []
    for word in text.split():
        x0, y0, x1, y1 = draw.textbbox((x, baseline), word, font=font, anchor="ls")
        draw.text((x, baseline), word, font=font, fill=0, anchor="ls")
        built.append(Word(word, _box(x0, y0, x1, y1), 93.0))
        x = x1 + font.getlength(" ")
    box = _union(built)
    return Line(box, tuple(built), (0.0, float(baseline - box.y1)))


def _photograph(
    image: Image.Image,
    draw: ImageDraw.ImageDraw,
    book: HistoryBook,
    chooser: random.Random,
    left: float,
    right: float,
    y: float,
    mm: float,
    small: ImageFont.FreeTypeFont,
    index: int,
) -> float:
    """A half-tone photograph: a grey sky, a house, trees; returns the y under it."""
    x0, x1 = round(left + 8 * mm), round(right - 8 * mm)
    y0, y1 = round(y + 3 * mm), round(y + 3 * mm + 38 * mm)
    for row in range(y0, y1):
        shade = 200 - round(80 * (row - y0) / (y1 - y0))
        draw.line([(x0, row), (x1, row)], fill=shade)
    ground = y0 + (y1 - y0) * 2 // 3
    draw.rectangle([x0, ground, x1, y1], fill=90)
    draw.polygon([(x0 + 60, ground), (x0 + 160, ground - 90), (x0 + 260, ground)], fill=40)
    draw.rectangle([x0 + 80, ground, x0 + 240, ground + 60], fill=60)
    for _ in range(6):
        tx = chooser.randint(x0 + 300, x1 - 40)
        draw.ellipse([tx - 30, ground - 90, tx + 30, ground - 10], fill=chooser.randint(20, 70))
    book.figure = Box(x0, y0, x1, y1)
    book.figure_page = index
    return y1 + 2 * mm


def _caption_paragraph(
    draw: ImageDraw.ImageDraw, font: ImageFont.FreeTypeFont, width: int, y: float
) -> Paragraph:
    line = _at(draw, CAPTION, font, (width - font.getlength(CAPTION)) / 2, y)
    return Paragraph(line.box, (line,), "vie")


def _block(paragraphs: list[Paragraph]) -> Block:
    box = paragraphs[0].box
    for paragraph in paragraphs[1:]:
        box = box.union(paragraph.box)
    return Block(box, tuple(paragraphs))


def _box(x0: float, y0: float, x1: float, y1: float) -> Box:
    return Box(math.floor(x0), math.floor(y0), math.ceil(x1), math.ceil(y1))
