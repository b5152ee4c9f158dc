"""Reflowing a document's page text for reading: what an e-book is made of.

The OCR keeps the page as it was printed: lines with their boxes, running headers and footers,
page numbers, words broken at the end of a line. `reflow` turns the pages of one document into
a sequence of `TextBlock`s, headings and paragraphs, as a reader wants them:

- running headers, footers and page numbers are left out: a first or last line of a page that
  is a page number (`12`, `- 12 -`, `Trang 12`, `xii`), or whose text (digits aside) recurs at
  the top or the bottom of several pages;
- lines are joined into paragraphs (the OCR's paragraphs, mended where it split a paragraph at
  a line that runs to the margin, or ran two together after a short line that ends a sentence),
  and a paragraph that runs over a page break is joined across it;
- a word broken with a hyphen at the end of a line is made whole when the two halves make one
  Vietnamese syllable (`quy-` + `ết` → `quyết`); otherwise the hyphen is kept and the halves
  joined without a space (`Mác-` + `Lênin` → `Mác-Lênin`, `24-` + `NQ/TU`);
- headings stay headings: a line in a type at least a quarter larger than the body, a chapter
  line (`CHƯƠNG II`, `Phần thứ nhất`), or a short line in capitals standing alone. Chapter lines
  and much larger type are level 1, the rest level 2; consecutive heading lines of one level
  make one heading.

Where each page began is kept as a `PageMark` inside the blocks, so an e-book can carry the
print page numbers.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ocr.words import Line, PageText, Word
from vietnamese.normalize import nfc

HEADING_RATIO = 1.25
"""A line whose type is this much larger than the body's is a heading."""
LEVEL_ONE_RATIO = 1.5
FURNITURE_ZONE = 0.12
"""A running header or footer lies within this share of the page height from its edge."""

_PAGE_NUMBER = re.compile(
    r"^[\s\-–—(\[.]*(?:trang\s+|page\s+|tr\.\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})[\s\-–—)\].]*$",
    re.IGNORECASE,
)
_CHAPTER = re.compile(
    r"^(?:chương|phần|bài|quyển|tập|mục|chapter|part)\s+(?:[ivxlcdm]+\b|\d+\b|thứ\s+\w+)",
    re.IGNORECASE,
)
_CHAPTER_MISREAD = re.compile(r"^(?:chương|phần)\s+[ivxlcdmt1|]{1,6}\.?$", re.IGNORECASE)
"""A chapter line whose Roman numeral the OCR misread (`CHƯƠNG TII`)."""
_SENTENCE_END = re.compile(r"[.!?…:;”\"»)]$")
_HYPHENS = ("-", "\u2010", "\u00ad")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?$"
)


@dataclass(frozen=True)
class PageMark:
    """Where a printed page begins, inside the text."""

    page: int
    """Its index in the sequence `reflow` was given (0-based)."""


Part = str | PageMark


@dataclass(frozen=True)
class TextBlock:
    """A heading (`level` 1 or 2) or a paragraph (`level` 0)."""

    level: int
    parts: tuple[Part, ...]
    page: int
    """The index of the page the block begins on."""

    @property
    def is_heading(self) -> bool:
        return self.level > 0

    @property
    def text(self) -> str:
        """The block's text, NFC; the lines of a heading are separated by newlines."""
        return "".join(part for part in self.parts if isinstance(part, str))


@dataclass
class _Line:
    page: int
    paragraph: int
    line: Line
    text: str
    size: float
    kind: str = "body"  # body, heading, furniture
    level: int = 0


@dataclass
class _Builder:
    blocks: list[TextBlock] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    level: int = 0
    page: int = 0
    pending_marks: list[PageMark] = field(default_factory=list)

    def flush(self) -> None:
        if any(isinstance(part, str) and part for part in self.parts):
            self.blocks.append(TextBlock(self.level, tuple(self.parts), self.page))
        self.parts = []

    def start(self, level: int, page: int, text: str) -> None:
        self.flush()
        self.level, self.page = level, page
        self.parts = [*self.pending_marks, text]
        self.pending_marks = []


def reflow(pages: Sequence[PageText | None]) -> list[TextBlock]:
    """The headings and paragraphs of one document's pages, furniture left out."""
    lines = _lines(pages)
    if not lines:
        return []
    body_size = _body_size(lines)
    _mark_furniture(lines, pages, body_size)
    _mark_headings(lines, body_size)
    columns = _columns(lines)
    builder = _Builder()
    previous: _Line | None = None
    page_seen = -1
    for item in lines:
        if item.kind == "furniture":
            continue
        new_page = item.page != page_seen
        marks = [PageMark(p) for p in range(page_seen + 1, item.page + 1)]
        if item.kind == "heading" and previous is not None and _same_heading(previous, item):
            builder.parts.extend([*marks, "\n", item.text])
        elif (
            item.kind == "body"
            and previous is not None
            and previous.kind == "body"
            and _continues(previous, item, columns, new_page)
        ):
            builder.parts.extend(marks)
            _join(builder.parts, item.text)
        else:
            builder.pending_marks.extend(marks)
            builder.start(item.level if item.kind == "heading" else 0, item.page, item.text)
        previous = item
        page_seen = item.page
    builder.parts.extend(PageMark(p) for p in range(page_seen + 1, len(pages)))
    builder.flush()
    return builder.blocks


def is_syllable(text: str) -> bool:
    """Whether `text` is shaped like one Vietnamese syllable (initial, vowels, final)."""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text.lower()) if ch not in _TONES)
    return bool(_SYLLABLE.match(unicodedata.normalize("NFC", bare)))


# --- lines --------------------------------------------------------------------------------------


def _lines(pages: Sequence[PageText | None]) -> list[_Line]:
    result = []
    for index, page in enumerate(pages):
        if page is None:
            continue
        paragraph = 0
        for block in page.blocks:
            for para in block.paragraphs:
                paragraph += 1
                for line in para.lines:
                    text = nfc(" ".join(w.text for w in line.words if w.text.strip()))
                    if text:
                        result.append(_Line(index, paragraph, line, text, _line_size(line)))
    return result


def _line_size(line: Line) -> float:
    """The type size of a line in pixels per em, from its words' heights and shapes."""
    sizes = [
        word.box.height / _height_in_ems(word)
        for word in line.words
        if sum(ch.isalpha() for ch in word.text) >= 2
    ]
    if not sizes:
        sizes = [word.box.height / _height_in_ems(word) for word in line.words if word.text]
    return statistics.median(sizes) if sizes else 0.0


def _height_in_ems(word: Word) -> float:
    """How tall, in ems, the ink of `word` is in a common serif or sans type."""
    top = 0.53  # x-height
    bottom = 0.0
    for ch in word.text:
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        above = [m for m in marks if m not in ("\u0323", "\u031b")]  # dot below, horn
        if base.isupper() or base.isdigit():
            top = max(top, 0.73 + 0.22 * min(len(above), 2))
        elif base in "bdfhklt" or (base.isalpha() and len(above) >= 2):
            top = max(top, 0.76 if base in "bdfhklt" else 0.86)
        elif above:
            top = max(top, 0.76)
        if base in "gpqyj" or "\u0323" in marks or ch in ",;":
            bottom = max(bottom, 0.22)
    return top + bottom


def _body_size(lines: list[_Line]) -> float:
    weighted = [item.size for item in lines for _ in item.line.words if item.size > 0]
    return statistics.median(weighted) if weighted else 1.0


# --- furniture ----------------------------------------------------------------------------------


def _furniture_key(text: str) -> str:
    folded = re.sub(r"\d+", "#", text.casefold())
    return re.sub(r"[^\w#]+", " ", folded).strip()


def _mark_furniture(lines: list[_Line], pages: Sequence[PageText | None], body_size: float) -> None:
    """Mark page numbers and running headers and footers. Lines in larger type and chapter
    lines are never furniture, though `CHƯƠNG I` and `CHƯƠNG II` look alike."""
    by_page: dict[int, list[_Line]] = {}
    for item in lines:
        by_page.setdefault(item.page, []).append(item)
    candidates: list[tuple[str, _Line]] = []  # zone, line
    for page, items in by_page.items():
        text = pages[page]
        height = text.height if text is not None else 0
        ordered = sorted(items, key=lambda it: it.line.box.y0)
        top, bottom = ordered[:2], ordered[-2:]
        for zone, group in (("top", top), ("bottom", bottom)):
            for position, item in enumerate(group):
                edge = item.line.box.y0 if zone == "top" else height - item.line.box.y1
                outermost = position == (0 if zone == "top" else len(group) - 1)
                in_zone = height > 0 and edge <= FURNITURE_ZONE * height
                if outermost and _PAGE_NUMBER.match(item.text):
                    item.kind = "furniture"
                elif in_zone or outermost:
                    candidates.append((zone, item))
    pages_with_text = len(by_page)
    needed = max(2, -(-3 * pages_with_text // 10))
    for zone in ("top", "bottom"):
        zoned = [
            item
            for z, item in candidates
            if z == zone
            and item.kind != "furniture"
            and item.size < 1.15 * body_size
            and not _is_chapter(item.text)
        ]
        keys = [_furniture_key(item.text) for item in zoned]
        for item, key in zip(zoned, keys, strict=True):
            if len(key) < 2:
                continue
            pages_alike = {
                other.page
                for other, other_key in zip(zoned, keys, strict=True)
                if other.page != item.page and fuzz.ratio(key, other_key) >= 85
            }
            if len(pages_alike) + 1 >= needed:
                item.kind = "furniture"


# --- headings -----------------------------------------------------------------------------------


def _is_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def _is_chapter(text: str) -> bool:
    return bool(_CHAPTER.match(text) or _CHAPTER_MISREAD.match(text))


def _mark_headings(lines: list[_Line], body_size: float) -> None:
    for index, item in enumerate(lines):
        if item.kind == "furniture":
            continue
        words = len(item.text.split())
        ratio = item.size / body_size if body_size else 1.0
        chapter = _is_chapter(item.text) and words <= 12
        larger = ratio >= HEADING_RATIO and words <= 20
        alone = _stands_alone(lines, index)
        capitals = _is_capitals(item.text) and words <= 12 and alone
        capitals = capitals and not item.text.endswith((",", ";"))
        if chapter or larger or capitals:
            item.kind = "heading"
            item.level = 1 if chapter or ratio >= LEVEL_ONE_RATIO else 2


def _stands_alone(lines: list[_Line], index: int) -> bool:
    """Whether the line is not in the middle of a paragraph of mixed-case lines."""
    item = lines[index]
    neighbours = [
        lines[i]
        for i in (index - 1, index + 1)
        if 0 <= i < len(lines)
        and lines[i].page == item.page
        and lines[i].paragraph == item.paragraph
        and lines[i].kind != "furniture"
    ]
    return all(_is_capitals(other.text) for other in neighbours)


def _same_heading(previous: _Line, line: _Line) -> bool:
    """Whether heading `line` goes on the heading `previous` is in: a line of the same or a
    lower level set close under it (`CHƯƠNG I` over its title)."""
    if previous.kind != "heading" or previous.page != line.page or line.level < previous.level:
        return False
    gap = line.line.box.y0 - previous.line.box.y1
    return gap < 1.5 * max(previous.line.box.height, line.line.box.height)


# --- paragraphs ---------------------------------------------------------------------------------


def _columns(lines: list[_Line]) -> dict[int, tuple[int, int]]:
    """Each page's text column (left, right) in pixels, from its body lines."""
    columns: dict[int, tuple[int, int]] = {}
    for item in lines:
        if item.kind != "body":
            continue
        left, right = columns.get(item.page, (item.line.box.x0, item.line.box.x1))
        columns[item.page] = (min(left, item.line.box.x0), max(right, item.line.box.x1))
    return columns


def _continues(
    previous: _Line, line: _Line, columns: dict[int, tuple[int, int]], new_page: bool
) -> bool:
    """Whether `line` goes on the paragraph that `previous` is in."""
    if previous.text.endswith(_HYPHENS) and len(previous.text) > 1:
        return True
    left, right = columns.get(previous.page, (previous.line.box.x0, previous.line.box.x1))
    width = max(right - left, 1)
    filled = (previous.line.box.x1 - left) / width
    ends_sentence = bool(_SENTENCE_END.search(previous.text))
    first = line.text[0]
    if previous.paragraph == line.paragraph and not new_page:
        return not (filled < 0.75 and ends_sentence)
    return filled >= 0.9 and not ends_sentence and (first.islower() or not first.isalpha())


def _join(parts: list[Part], text: str) -> None:
    """Append a line to a paragraph, mending a word broken at the end of the last line."""
    index = max(i for i, part in enumerate(parts) if isinstance(part, str))
    last = parts[index]
    assert isinstance(last, str)
    head, _, broken = last.rpartition(" ")
    first, _, rest = text.partition(" ")
    if broken.endswith(_HYPHENS) and len(broken) > 1 and first:
        stem = broken[:-1]
        whole_syllable = first[0].islower() and is_syllable(_last_piece(stem) + first)
        joined = stem + first if whole_syllable else stem + "-" + first
        parts[index] = (head + " " if head else "") + joined
        if rest:
            parts.append(" " + rest)
        return
    parts.append(" " + text)


def _last_piece(word: str) -> str:
    """The letters after the last hyphen or non-letter of `word`."""
    match = re.search(r"[^\W\d_]+$", word)
    return match.group(0) if match else word
