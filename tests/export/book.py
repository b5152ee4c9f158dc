"""Pages of a small printed book, drawn with DejaVu Serif, with everything a reflow must undo:
a running header, page numbers in the footer, chapter headings in larger type, justified
paragraphs with an indented first line that run over page breaks, and words broken with a
hyphen at the end of a line. Each page comes with its word boxes (as drawn) and the book with
what a reader should get back: its headings and paragraphs in order."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from digitizer.export.publish_text import is_syllable
from ocr.geometry import Box
from ocr.words import Block, Line, PageText, Paragraph, Word
from tests.export.pages import VIETNAMESE_LINES

SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
SERIF_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")
HEADER = "Lịch sử Đảng bộ huyện Cẩm Xuyên"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


@dataclass(frozen=True)
class BookPage:
    image: Image.Image
    text: PageText
    dpi: int


@dataclass
class Book:
    pages: list[BookPage] = field(default_factory=list)
    blocks: list[tuple[int, str]] = field(default_factory=list)
    """What a reader should get: (level, text) with 0 for a paragraph; heading lines are
    joined by a newline."""
    furniture: list[str] = field(default_factory=list)
    """The running headers and page numbers drawn."""


@dataclass
class _Page:
    draw: ImageDraw.ImageDraw
    image: Image.Image
    y: float
    paragraphs: list[Paragraph] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)


def _words(seed: int) -> list[str]:
    vocabulary = [w.strip(",;:") for w in " ".join(VIETNAMESE_LINES).split()]
    vocabulary = [w for w in vocabulary if w.isalpha() and len(w) > 1]
    return vocabulary + [w.lower() for w in vocabulary] * 2


def _sentences(chooser: random.Random, vocabulary: list[str], count: int) -> list[str]:
    words: list[str] = []
    for _ in range(count):
        sentence = [chooser.choice(vocabulary) for _ in range(chooser.randint(6, 14))]
        sentence[0] = sentence[0][0].upper() + sentence[0][1:]
        sentence[-1] += "."
        words.extend(sentence)
    return words


def book(
    page_count: int,
    *,
    chapters: dict[int, str] | None = None,
    first_chapter: int = 1,
    dpi: int = 150,
    size_mm: tuple[float, float] = (105.0, 148.0),
    seed: int = 1,
    header: str = HEADER,
    first_page_number: int = 1,
    max_lines: int = 100,
) -> Book:
    """`page_count` pages of an A6 book; `chapters` maps a page index to the title of the
    chapter that opens there (`CHƯƠNG <roman>` is drawn above it); at most `max_lines` body
    lines a page (fewer lines make OCR quicker)."""
    chapters = chapters or {}
    chooser = random.Random(seed)
    vocabulary = _words(seed)
    width, height = (round(v / 25.4 * dpi) for v in size_mm)
    mm = dpi / 25.4
    body = ImageFont.truetype(str(SERIF), round(10 * dpi / 72))
    small = ImageFont.truetype(str(SERIF), round(7.5 * dpi / 72))
    chapter_font = ImageFont.truetype(str(SERIF_BOLD), round(16 * dpi / 72))
    title_font = ImageFont.truetype(str(SERIF_BOLD), round(13 * dpi / 72))
    left, right = 14 * mm, width - 14 * mm
    top, bottom = 18 * mm, height - 16 * mm
    pitch = 10 * dpi / 72 * 1.55
    result = Book()
    words: list[str] = []
    paragraph: list[str] = []
    chapter_number = first_chapter
    carry: str | None = None
    for index in range(page_count):
        image = Image.new("L", (width, height), 255)
        page = _Page(ImageDraw.Draw(image), image, top)
        blocks: list[Block] = []
        number = first_page_number + index
        if index in chapters:
            if paragraph:
                result.blocks.append((0, " ".join(paragraph)))
                paragraph = []
                words = []
            page.y = top + 6 * mm
            lines = [
                _centred(page, f"CHƯƠNG {ROMAN[chapter_number - 1]}", chapter_font, width),
                _centred(page, chapters[index].upper(), title_font, width),
            ]
            chapter_number += 1
            blocks.append(_block([Paragraph(_union(lines), tuple(lines), "vie")]))
            result.blocks.append(
                (1, f"CHƯƠNG {ROMAN[chapter_number - 2]}\n{chapters[index].upper()}")
            )
            page.y += pitch
        else:
            line = _at(page, header, small, (width - small.getlength(header)) / 2, 9 * mm)
            blocks.append(_block([Paragraph(line.box, (line,), "vie")]))
            result.furniture.append(header)
        paragraph_lines: list[Line] = []
        drawn_lines = 0
        while page.y + pitch <= bottom and drawn_lines < max_lines:
            drawn_lines += 1
            if not words:
                if paragraph:
                    result.blocks.append((0, " ".join(paragraph)))
                    paragraph = []
                    if paragraph_lines:
                        page.paragraphs.append(
                            Paragraph(_union(paragraph_lines), tuple(paragraph_lines), "vie")
                        )
                        paragraph_lines = []
                words = _sentences(chooser, vocabulary, chooser.randint(2, 4))
                first = True
            else:
                first = not paragraph
            indent = 6 * mm if first else 0.0
            line_words, broken = _fill(words, body, right - left - indent, chooser)
            if not line_words:
                break
            drawn = _justified(page, line_words, body, left + indent, right, last=not words)
            paragraph_lines.append(drawn)
            truth = list(line_words)
            if carry is not None:
                truth[0] = carry
            if broken is not None:
                truth.pop()
            paragraph.extend(truth)
            carry = broken
            page.y += pitch
        if paragraph_lines:
            page.paragraphs.append(
                Paragraph(_union(paragraph_lines), tuple(paragraph_lines), "vie")
            )
        if not words and paragraph:
            result.blocks.append((0, " ".join(paragraph)))
            paragraph = []
        if page.paragraphs:
            blocks.append(_block(page.paragraphs))
        footer = str(number)
        line = _at(page, footer, small, (width - small.getlength(footer)) / 2, height - 9 * mm)
        blocks.append(_block([Paragraph(line.box, (line,), "vie")]))
        result.furniture.append(footer)
        result.pages.append(BookPage(image, PageText(width, height, dpi, tuple(blocks)), dpi))
    if paragraph:
        result.blocks.append((0, " ".join(paragraph)))
    return result


def _fill(
    words: list[str], font: ImageFont.FreeTypeFont, width: float, chooser: random.Random
) -> tuple[list[str], str | None]:
    """Take the words for one line off `words`; maybe break the next word with a hyphen.
    Returns the line's words and the whole broken word (None when none was broken)."""
    line: list[str] = []
    space = font.getlength(" ")
    used = 0.0
    while words:
        word = words[0]
        needed = font.getlength(word) + (space if line else 0.0)
        if used + needed <= width:
            line.append(words.pop(0))
            used += needed
            continue
        bare = word.rstrip(".")
        if len(bare) >= 5 and bare == word and is_syllable(word) and chooser.random() < 0.5:
            head = word[:3] + "-"
            if used + space + font.getlength(head) <= width:
                words[0] = word[3:]  # the rest of the word opens the next line
                line.append(head)
                return line, word
        break
    return line, None


def _justified(
    page: _Page,
    words: list[str],
    font: ImageFont.FreeTypeFont,
    left: float,
    right: float,
    *,
    last: bool,
) -> Line:
    baseline = round(page.y + font.size)
    widths = [font.getlength(w) for w in words]
    gap = font.getlength(" ")
    if not last and len(words) > 1:
        gap = (right - left - sum(widths)) / (len(words) - 1)
    x = left
    built = []
    for word, advance in zip(words, widths, strict=True):
        x0, y0, x1, y1 = page.draw.textbbox((x, baseline), word, font=font, anchor="ls")
        page.draw.text((x, baseline), word, font=font, fill=0, anchor="ls")
        built.append(
            Word(word, Box(math.floor(x0), math.floor(y0), math.ceil(x1), math.ceil(y1)), 93.0)
        )
        x += advance + gap
    box = _union(built)
    return Line(box, tuple(built), (0.0, float(baseline - box.y1)))


def _at(page: _Page, text: str, font: ImageFont.FreeTypeFont, x: float, y: float) -> Line:
    """A one-line text with its top near `y`."""
    baseline = round(y + font.size)
    built = []
    for word in text.split():
        x0, y0, x1, y1 = page.draw.textbbox((x, baseline), word, font=font, anchor="ls")
        page.draw.text((x, baseline), word, font=font, fill=0, anchor="ls")
        built.append(
            Word(word, Box(math.floor(x0), math.floor(y0), math.ceil(x1), math.ceil(y1)), 93.0)
        )
        x = x1 + font.getlength(" ")
    box = _union(built)
    return Line(box, tuple(built), (0.0, float(baseline - box.y1)))


def _centred(page: _Page, text: str, font: ImageFont.FreeTypeFont, width: int) -> Line:
    line = _at(page, text, font, (width - font.getlength(text)) / 2, page.y)
    page.y += font.size * 1.6
    return line


def _union(items: list[Line] | list[Word]) -> Box:
    box = items[0].box
    for item in items[1:]:
        box = box.union(item.box)
    return box


def _block(paragraphs: list[Paragraph]) -> Block:
    box = paragraphs[0].box
    for paragraph in paragraphs[1:]:
        box = box.union(paragraph.box)
    return Block(box, tuple(paragraphs))
