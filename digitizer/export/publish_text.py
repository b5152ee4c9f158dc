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

Given each page's layout (`page_layout.PageLayout`: its rules and pictures), the page's
furniture is also found from where it stands, on a document of any length: a short first line
in the top band set apart from the text (by a rule under it or a wide gap), a short last line
in the bottom band likewise, and lines of ornaments with no letters. The lines under a short rule
low on the page (or trailing lines in smaller type that open with a note label) are the page's
footnotes; their markers in the text (`hồ¹`, which OCR reads as `hồ1`, `hồ!`) become `NoteRef`s
and the notes `footnote` blocks after the paragraph that refers to them. A picture becomes a
`figure` block whose text is its caption (the lines just under it, or else just over it); the
words OCR read into it are dropped. What was left out or joined is told in a `ReflowReport`.
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from digitizer.export.page_layout import PageLayout
from ocr.geometry import Box
from ocr.words import Line, PageText, Word
from vietnamese.normalize import nfc

HEADING_RATIO = 1.25
"""A line whose type is this much larger than the body's is a heading."""
LEVEL_ONE_RATIO = 1.5
IN_FIGURE_CONFIDENCE = 75.0
"""Lines inside a picture whose words OCR read with less confidence than this (the median) are
left out."""
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


@dataclass(frozen=True)
class NoteRef:
    """A footnote's marker in the text: the `number`-th note of page `page`, printed `label`."""

    page: int
    number: int
    label: str


Part = str | PageMark | NoteRef


@dataclass(frozen=True)
class TextBlock:
    """A heading (`level` 1 or 2) or a paragraph (`level` 0); or, by `kind`, a footnote (its
    text, `note` says which) or a figure (its caption, `figure` is its box on page `page`)."""

    level: int
    parts: tuple[Part, ...]
    page: int
    """The index of the page the block begins on."""
    kind: str = "text"
    """`text`, `footnote`, `figure`, or for an administrative document `masthead` (its
    header) and `closing` (recipients and signature)."""
    note: NoteRef | None = None
    figure: Box | None = None
    columns: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    """A masthead's or closing's left and right column, line by line."""

    @property
    def is_heading(self) -> bool:
        return self.level > 0

    @property
    def text(self) -> str:
        """The block's text, NFC; the lines of a heading are separated by newlines."""
        return "".join(part for part in self.parts if isinstance(part, str))


@dataclass(frozen=True)
class Removed:
    """A line left out of the text: `why` is `page number`, `running header`, `running
    footer`, `repeated`, `ornament` or `in figure`."""

    page: int
    text: str
    why: str


@dataclass(frozen=True)
class Joined:
    """A paragraph joined across the break before page `page`: the words either side."""

    page: int
    before: str
    after: str


@dataclass
class ReflowReport:
    """What `reflow` left out, found and joined, for a publisher to check."""

    removed: list[Removed] = field(default_factory=list)
    footnotes: list[TextBlock] = field(default_factory=list)
    unreferenced: list[TextBlock] = field(default_factory=list)
    """Footnotes whose marker was not found in the text (kept, after the page's text)."""
    figures: list[TextBlock] = field(default_factory=list)
    joined: list[Joined] = field(default_factory=list)
    masthead: Masthead | None = None
    """What an administrative document's header says, when it has one."""


@dataclass
class _Line:
    page: int
    paragraph: int
    line: Line
    text: str
    size: float
    kind: str = "body"  # body, heading, furniture, footnote, caption
    level: int = 0
    why: str = ""


_MARK = "\ue000"
"""Stands for a note marker inside a line's text until the blocks are built: `_MARK` + the
note's number on its page + `_MARK_END`."""
_MARK_END = "\ue001"
_MARKED = re.compile(f"{_MARK}(\\d+){_MARK_END}")


@dataclass
class _Builder:
    notes: dict[tuple[int, int], NoteRef]
    """The footnotes' references by page and number on the page."""
    blocks: list[TextBlock] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    level: int = 0
    page: int = 0
    pending_marks: list[PageMark] = field(default_factory=list)
    floating: list[TextBlock] = field(default_factory=list)
    """Footnotes and figures, set after the paragraph in progress."""

    def flush(self) -> None:
        if any(isinstance(part, str) and part.strip(_MARK + _MARK_END) for part in self.parts):
            self.blocks.append(TextBlock(self.level, self._with_notes(), self.page))
        self.parts = []

    def _with_notes(self) -> tuple[Part, ...]:
        out: list[Part] = []
        for part in self.parts:
            if not isinstance(part, str):
                out.append(part)
                continue
            pieces = _MARKED.split(part)
            for position, piece in enumerate(pieces):
                if position % 2:
                    ref = self.notes.get((self.page_of(out), int(piece)))
                    if ref is not None:
                        out.append(ref)
                elif piece:
                    out.append(piece)
        return tuple(out)

    def page_of(self, parts: list[Part]) -> int:
        marks = [part.page for part in parts if isinstance(part, PageMark)]
        return marks[-1] if marks else self.page

    def start(self, level: int, page: int, text: str) -> None:
        self.flush()
        self.blocks.extend(self.floating)
        self.floating = []
        self.level, self.page = level, page
        self.parts = [*self.pending_marks, text]
        self.pending_marks = []


def reflow(
    pages: Sequence[PageText | None],
    layouts: Sequence[PageLayout | None] | None = None,
    report: ReflowReport | None = None,
) -> list[TextBlock]:
    """The headings and paragraphs of one document's pages, furniture left out; with the
    pages' `layouts`, also their footnotes and figures. `report` is filled in if given."""
    report = report if report is not None else ReflowReport()
    lines = _lines(pages)
    if not lines:
        return []
    layouts = list(layouts) if layouts is not None else [None] * len(pages)
    body_size = _body_size(lines)
    figures = _mark_figures(lines, pages, layouts)
    document = _mark_administrative(lines, pages, body_size, report)
    _mark_layout_furniture(lines, pages, layouts, body_size)
    footnotes = _mark_footnotes(lines, pages, layouts, body_size)
    _mark_furniture(lines, pages, body_size)
    _mark_headings(lines, body_size)
    referenced = _find_markers(lines, footnotes)
    columns = _columns(lines)
    builder = _Builder({(b.note.page, b.note.number): b.note for b in footnotes if b.note})
    previous: _Line | None = None
    page_seen = -1
    for item in lines:
        if item.kind in ("furniture", "footnote", "caption", "masthead", "closing"):
            if item.kind == "furniture":
                report.removed.append(Removed(item.page, item.text, item.why or "repeated"))
            continue
        builder.floating.extend(_figures_before(item, figures))
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
            if new_page:
                report.joined.append(
                    Joined(item.page, _plain(previous.text)[-40:], _plain(item.text)[:40])
                )
            builder.parts.extend(marks)
            _join(builder.parts, item.text)
        else:
            builder.pending_marks.extend(marks)
            builder.start(item.level if item.kind == "heading" else 0, item.page, item.text)
        builder.floating.extend(_notes_after(item, footnotes, referenced))
        previous = item
        page_seen = item.page
    builder.parts.extend(PageMark(p) for p in range(page_seen + 1, len(pages)))
    builder.floating.extend(_figures_before(None, figures))
    builder.floating.extend(_notes_after(None, footnotes, referenced))
    builder.flush()
    builder.blocks.extend(builder.floating)
    if document:
        builder.blocks.insert(0, document[0])
        builder.blocks.extend(document[1:])
    for block in builder.blocks:
        if block.kind == "figure":
            report.figures.append(block)
        elif block.kind == "footnote":
            report.footnotes.append(block)
            if block.note and (block.note.page, block.note.number) not in referenced:
                report.unreferenced.append(block)
    return builder.blocks


def _plain(text: str) -> str:
    return _MARKED.sub("", text)


def _figures_before(item: _Line | None, figures: list[TextBlock]) -> list[TextBlock]:
    """The figures whose place in the reading order is before `item` (all that are left when
    `item` is None), taken off `figures`: a figure goes where the text below it begins."""
    taken = []
    for figure in list(figures):
        assert figure.figure is not None
        if (
            item is None
            or figure.page < item.page
            or (figure.page == item.page and figure.figure.y1 <= item.line.box.y0)
        ):
            figures.remove(figure)
            taken.append(figure)
    return taken


def _notes_after(
    item: _Line | None, footnotes: list[TextBlock], referenced: set[tuple[int, int]]
) -> list[TextBlock]:
    """The footnotes to set once `item` is read (all that are left when `item` is None), taken
    off `footnotes`: a note after the line with its marker; without a marker, after its page."""
    taken = []
    for block in list(footnotes):
        ref = block.note
        assert ref is not None
        key = (ref.page, ref.number)
        if (
            item is None
            or (key in referenced and item.page == ref.page and _marker(ref.number) in item.text)
            or (key not in referenced and ref.page < item.page)
        ):
            footnotes.remove(block)
            taken.append(block)
    return taken


def _marker(number: int) -> str:
    return f"{_MARK}{number}{_MARK_END}"


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
        elif base in "bdfhkltđ" or (base.isalpha() and len(above) >= 2):
            top = max(top, 0.76 if base in "bdfhkltđ" else 0.86)
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
    by_page = _by_page([item for item in lines if item.kind == "body"])
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
                    item.kind, item.why = "furniture", "page number"
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


# --- layout: figures, furniture by position, footnotes ----------------------------------------

_NOTE_LABEL = re.compile(r"^(\d{1,2}(?!\d)|[*†‡]{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})\s*(?=\S)")
_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_MISREAD_MARKERS = ("!", "?", "'", "’", "°", "*", "ª", "º")
"""What OCR makes of a superscript digit set close after a word (`hồ¹` → `hồ!`)."""
_HEADER_WORDS = 14


def _by_page(lines: list[_Line]) -> dict[int, list[_Line]]:
    pages: dict[int, list[_Line]] = {}
    for item in lines:
        pages.setdefault(item.page, []).append(item)
    return pages


def _mark_figures(
    lines: list[_Line], pages: Sequence[PageText | None], layouts: Sequence[PageLayout | None]
) -> list[TextBlock]:
    """A figure block for every picture of every page, with its caption; the lines OCR read
    inside the picture are left out, the caption's lines taken out of the text."""
    figures = []
    by_page = _by_page(lines)
    for page, layout in enumerate(layouts):
        if layout is None:
            continue
        for box in layout.figures:
            items = by_page.get(page, [])
            for item in items:
                x = (item.line.box.x0 + item.line.box.x1) / 2
                y = (item.line.box.y0 + item.line.box.y1) / 2
                confidence = statistics.median(word.confidence for word in item.line.words)
                inside = box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1
                # What OCR reads in a picture is noise; a line read with confidence is print
                # over it (a signer's name under a seal) and stays.
                if inside and confidence < IN_FIGURE_CONFIDENCE:
                    item.kind, item.why = "furniture", "in figure"
            caption = _caption(items, box)
            for item in caption:
                item.kind = "caption"
            text = " ".join(item.text for item in caption)
            figures.append(TextBlock(0, (text,), page, kind="figure", figure=box))
    return figures


def _caption(items: list[_Line], box: Box) -> list[_Line]:
    """The lines just under the picture (or else just over it) that lie within its width."""
    free = [item for item in items if item.kind == "body"]
    slack = max(box.width // 10, 10)

    def within(item: _Line) -> bool:
        return item.line.box.x0 >= box.x0 - slack and item.line.box.x1 <= box.x1 + slack

    below = sorted((i for i in free if i.line.box.y0 >= box.y1 - 2), key=lambda i: i.line.box.y0)
    caption: list[_Line] = []
    edge = box.y1
    for item in below:
        close = item.line.box.y0 - edge <= 1.5 * item.line.box.height
        if not (close and within(item)) or len(caption) >= 3:
            break
        caption.append(item)
        edge = item.line.box.y1
    if caption:
        return caption
    above = [i for i in free if i.line.box.y1 <= box.y0 + 2]
    if above:
        last = max(above, key=lambda i: i.line.box.y1)
        if box.y0 - last.line.box.y1 <= 1.5 * last.line.box.height and within(last):
            return [last]
    return []


def _rule_between(layout: PageLayout | None, top: int, bottom: int, width: int) -> bool:
    return layout is not None and any(
        rule.y0 >= top - 2 and rule.y1 <= bottom + 2 and rule.width >= 0.3 * width
        for rule in layout.rules
    )


def _mark_layout_furniture(
    lines: list[_Line],
    pages: Sequence[PageText | None],
    layouts: Sequence[PageLayout | None],
    body_size: float,
) -> None:
    """Ornaments, and on each page a running header or footer found from where it stands: in
    the top (bottom) band, short, not in larger type, set apart from the text by a rule or a
    gap of two ems or more. Each page is judged alone, so headers that alternate between even
    and odd pages go too, and so does the header of a two-page document."""
    for page, items in _by_page(lines).items():
        text = pages[page]
        if text is None:
            continue
        layout = layouts[page] if page < len(layouts) else None
        for item in items:
            if item.kind == "body" and not any(ch.isalnum() for ch in item.text):
                item.kind, item.why = "furniture", "ornament"
        ordered = sorted(
            (item for item in items if item.kind == "body"), key=lambda it: it.line.box.y0
        )
        if len(ordered) < 2:
            continue
        gap_needed = 2 * body_size
        first, second = ordered[0], ordered[1]
        if _is_furniture_shaped(first, body_size) and first.line.box.y0 <= (
            FURNITURE_ZONE * text.height
        ):
            gap = second.line.box.y0 - first.line.box.y1
            ruled = _rule_between(layout, first.line.box.y1, second.line.box.y0, text.width)
            if ruled or gap >= gap_needed or _PAGE_NUMBER.match(first.text):
                first.kind, first.why = "furniture", _furniture_why(first, "running header")
        last, before = ordered[-1], ordered[-2]
        if _is_furniture_shaped(last, body_size) and text.height - last.line.box.y1 <= (
            FURNITURE_ZONE * text.height
        ):
            gap = last.line.box.y0 - before.line.box.y1
            ruled = _rule_between(layout, before.line.box.y1, last.line.box.y0, text.width)
            labelled = bool(_NOTE_LABEL.match(last.text)) and not last.text.strip().isdigit()
            if _PAGE_NUMBER.match(last.text) or ((ruled or gap >= gap_needed) and not labelled):
                last.kind, last.why = "furniture", _furniture_why(last, "running footer")


def _is_furniture_shaped(item: _Line, body_size: float) -> bool:
    return (
        len(item.text.split()) <= _HEADER_WORDS
        and item.size < 1.15 * body_size
        and not _is_chapter(item.text)
    )


def _furniture_why(item: _Line, otherwise: str) -> str:
    return "page number" if _PAGE_NUMBER.match(item.text) else otherwise


def _mark_footnotes(
    lines: list[_Line],
    pages: Sequence[PageText | None],
    layouts: Sequence[PageLayout | None],
    body_size: float,
) -> list[TextBlock]:
    """The footnotes of every page: the lines under a short rule low on the page (a rule at
    the text's left edge, under 60 % of its width), or else the last lines of the page when
    they are in smaller type and the first of them opens with a note label."""
    notes: list[TextBlock] = []
    for page, items in _by_page(lines).items():
        text = pages[page]
        body = sorted((i for i in items if i.kind == "body"), key=lambda i: i.line.box.y0)
        if text is None or len(body) < 2:
            continue
        layout = layouts[page] if page < len(layouts) else None
        left = min(item.line.box.x0 for item in body)
        right = max(item.line.box.x1 for item in body)
        top: float | None = None
        if layout is not None:
            short = [
                rule
                for rule in layout.rules
                if rule.y0 >= 0.5 * text.height
                and rule.width <= 0.6 * (right - left)
                and abs(rule.x0 - left) <= 2 * body_size
                and any(item.line.box.y0 > rule.y1 for item in body)
            ]
            if short:
                top = short[-1].y1
        if top is None:
            trailing: list[_Line] = []
            for item in reversed(body):
                if item.size >= 0.92 * body_size:
                    break
                trailing.insert(0, item)
            while trailing and not _NOTE_LABEL.match(trailing[0].text):
                trailing.pop(0)
            if trailing and len(trailing) < len(body):
                above = body[body.index(trailing[0]) - 1]
                if trailing[0].line.box.y0 - above.line.box.y1 >= 0.8 * body_size:
                    top = trailing[0].line.box.y0 - 1
        if top is None:
            continue
        parts: list[tuple[str, list[str]]] = []
        for item in body:
            if item.line.box.y0 < top:
                continue
            item.kind = "footnote"
            match = _NOTE_LABEL.match(item.text)
            if match or not parts:
                label = match.group(1).translate(_SUPERSCRIPTS) if match else ""
                parts.append((label, [item.text[match.end() :] if match else item.text]))
            else:
                parts[-1][1].append(item.text)
        for number, (label, texts) in enumerate(parts, start=1):
            joined: list[Part] = [texts[0]]
            for more in texts[1:]:
                _join(joined, more)
            note = NoteRef(page, number, label or "*")
            notes.append(TextBlock(0, tuple(joined), page, kind="footnote", note=note))
    return notes


def _find_markers(lines: list[_Line], footnotes: list[TextBlock]) -> set[tuple[int, int]]:
    """Put each footnote's marker into the text of its page, where OCR read it: a word that
    ends with the label (`hồ1`, `hồ¹`), a small word that is the label, or else, in order, a
    word that ends in what OCR makes of a superscript (`hồ!`). The (page, number) of the notes
    whose marker was found."""
    found: set[tuple[int, int]] = set()
    by_page = _by_page(lines)
    for page in sorted({b.page for b in footnotes}):
        notes = [b.note for b in footnotes if b.page == page and b.note is not None]
        items = [i for i in by_page.get(page, []) if i.kind in ("body", "heading")]
        words = [(item, index) for item in items for index in range(len(item.line.words))]
        taken: set[tuple[int, int]] = set()
        unmatched = []
        for ref in notes:
            spot = _label_spot(words, ref.label, taken)
            if spot is None:
                unmatched.append(ref)
                continue
            _place(spot, ref, taken)
            found.add((ref.page, ref.number))
        for ref in unmatched:
            spot = next(
                (
                    (item, index)
                    for item, index in words
                    if (id(item), index) not in taken
                    and _misread_marker(item.line.words[index].text)
                ),
                None,
            )
            if spot is not None:
                _place(spot, ref, taken, misread=True)
                found.add((ref.page, ref.number))
    return found


def _label_spot(
    words: list[tuple[_Line, int]], label: str, taken: set[tuple[int, int]]
) -> tuple[_Line, int] | None:
    for item, index in words:
        if (id(item), index) in taken:
            continue
        word = item.line.words[index]
        text = word.text.translate(_SUPERSCRIPTS)
        heights = sorted(w.box.height for w in item.line.words)
        typical = heights[len(heights) // 2]
        if text == label and index > 0 and word.box.height < 0.8 * typical:
            return item, index
        stem = text[: -len(label)]
        if text.endswith(label) and stem and stem[-1].isalpha() and not label.isalpha():
            return item, index
    return None


def _misread_marker(text: str) -> bool:
    return len(text) >= 2 and text.endswith(_MISREAD_MARKERS) and text[-2].isalpha()


def _place(
    spot: tuple[_Line, int], ref: NoteRef, taken: set[tuple[int, int]], misread: bool = False
) -> None:
    """Write the note's marker into the line's text in place of what OCR read for it."""
    item, index = spot
    taken.add((id(item), index))
    texts = [word.text for word in item.line.words]
    word = texts[index].translate(_SUPERSCRIPTS)
    if misread:
        texts[index] = texts[index][:-1] + _marker(ref.number)
    elif word == ref.label:
        texts[index] = _marker(ref.number)
    else:
        texts[index] = texts[index][: -len(ref.label)] + _marker(ref.number)
    joined = ""
    for text in texts:
        if not text.strip():
            continue
        glue = "" if not joined or text.startswith(_MARK) else " "
        joined += glue + text
    item.text = nfc(joined)


# --- administrative documents -------------------------------------------------------------------

_DOCUMENT_TYPES = (
    "NGHỊ QUYẾT",
    "QUYẾT ĐỊNH",
    "CHỈ THỊ",
    "KẾT LUẬN",
    "THÔNG BÁO",
    "THÔNG TRI",
    "BÁO CÁO",
    "TỜ TRÌNH",
    "KẾ HOẠCH",
    "QUY ĐỊNH",
    "QUY CHẾ",
    "HƯỚNG DẪN",
    "CHƯƠNG TRÌNH",
    "ĐỀ ÁN",
    "CÔNG VĂN",
    "NGHỊ ĐỊNH",
    "THÔNG TƯ",
)
_BODY_START = re.compile(
    r"^(?:ỦY BAN|UỶ BAN|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|CHI BỘ|TỈNH ỦY|TỈNH UỶ|HUYỆN ỦY|HUYỆN UỶ|"
    r"THÀNH ỦY|THÀNH UỶ|BAN|SỞ|BỘ|TỔNG CỤC|CỤC|CHI CỤC|TRUNG TÂM|BỆNH VIỆN|TRƯỜNG|VIỆN|"
    r"VĂN PHÒNG|PHÒNG|HỘI|HỘI ĐỒNG|CÔNG TY|TÒA ÁN|TOÀ ÁN|KHO BẠC|NGÂN HÀNG)\b"
)
"""How the name of a body begins in a header (the lines between carry a name on)."""
_ADDRESSEE = re.compile(r"^kính\s+gửi\b", re.IGNORECASE)
_RECIPIENTS = re.compile(r"^nơi\s+nhận\b", re.IGNORECASE)
NUMBER = re.compile(r"^số\s*:?\s*(\S.*)$", re.IGNORECASE)
PLACE_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_COLUMN_GAP = 3.0
_COLUMN_EMS = 0.8
"""Words on one OCR line stand in two columns when they are further apart than three times the
line's usual word space and than this many ems."""


@dataclass(frozen=True)
class Masthead:
    """What the header of a resolution, directive or letter says (thể thức văn bản)."""

    issuer: str = ""
    """The issuing body: the left column's last line over the number."""
    number: str = ""
    """Số và ký hiệu, without `Số`."""
    place_date: str = ""
    title: str = ""
    """The type name and trích yếu (`Nghị quyết về …`), or a letter's `V/v …`."""


def _segments(item: _Line, body_size: float) -> list[tuple[int, int, str]]:
    """The line cut where its words stand in two columns: (left, right, text) each."""
    words = [word for word in item.line.words if word.text.strip()]
    gaps = sorted(b.box.x0 - a.box.x1 for a, b in itertools.pairwise(words))
    usual = gaps[len(gaps) // 2] if gaps else 0
    apart = max(_COLUMN_GAP * usual, _COLUMN_EMS * body_size)
    segments: list[tuple[int, int, list[str]]] = []
    for word in words:
        if segments and word.box.x0 - segments[-1][1] <= apart:
            x0, _, texts = segments[-1]
            segments[-1] = (x0, word.box.x1, [*texts, word.text])
        else:
            segments.append((word.box.x0, word.box.x1, [word.text]))
    return [(x0, x1, nfc(" ".join(texts))) for x0, x1, texts in segments]


def issuing_body(lines: Sequence[str]) -> str:
    """The issuing body from the lines over the number: the last name there (a superior body may
    stand over it), with the lines that carry it on (`ỦY BAN NHÂN DÂN` / `TỈNH QUẢNG NGÃI`)."""
    bodies: list[str] = []
    for text in lines:
        if not bodies or _BODY_START.match(text):
            bodies.append(text)
        else:
            bodies[-1] += " " + text
    return bodies[-1].strip(" .,;:") if bodies else ""


def _two_columns(
    items: list[_Line], middle: float, body_size: float
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    left: list[tuple[int, str]] = []
    right: list[tuple[int, str]] = []
    for item in items:
        for x0, x1, text in _segments(item, body_size):
            if any(ch.isalnum() for ch in text):
                (left if (x0 + x1) / 2 < middle else right).append((item.line.box.y0, text))
    return tuple(t for _, t in sorted(left)), tuple(t for _, t in sorted(right))


def _mark_administrative(
    lines: list[_Line], pages: Sequence[PageText | None], body_size: float, report: ReflowReport
) -> list[TextBlock]:
    """A resolution's, directive's or letter's header and end, set as the document has them:
    the header's two columns (issuing body and number; motto, place and date) as a `masthead`
    block, the type name and trích yếu as a level-1 heading, and the recipients (`Nơi nhận`)
    beside the signature block as a `closing` block. Nothing when the first page has no type
    name or `Kính gửi` under a number or a date."""
    by_page = _by_page(lines)
    first_page = min(by_page)
    first = pages[first_page]
    if first is None:
        return []
    middle = first.width / 2
    ordered = sorted(by_page[first_page], key=lambda i: i.line.box.y0)
    anchor = next(
        (
            i
            for i in ordered
            if " ".join(i.text.split()).upper() in _DOCUMENT_TYPES or _ADDRESSEE.match(i.text)
        ),
        None,
    )
    if anchor is None:
        return []
    header = [i for i in ordered if i.line.box.y1 <= anchor.line.box.y0 + 2 and i is not anchor]
    left, right = _two_columns(header, middle, body_size)
    number = next((m.group(1) for t in left if (m := NUMBER.match(t))), "")
    dated = next((t for t in right if PLACE_DATE.search(t)), "")
    if not header or not (number or dated):
        return []
    for item in header:
        item.kind = "masthead"
    number_at = next((n for n, t in enumerate(left) if NUMBER.match(t)), len(left))
    issuer = issuing_body(left[:number_at])
    title = ""
    if anchor.text.upper() == anchor.text:
        anchor.kind, anchor.level = "heading", 1
        title_lines = [anchor]
        for item in ordered[ordered.index(anchor) + 1 :]:
            centre = (item.line.box.x0 + item.line.box.x1) / 2
            close = item.line.box.y0 - title_lines[-1].line.box.y1 < item.line.box.height
            if not close or abs(centre - middle) > 0.08 * first.width:
                break
            item.kind, item.level = "heading", 1
            title_lines.append(item)
        kind = " ".join(anchor.text.split())
        title = " ".join([kind[0] + kind[1:].lower(), *(i.text for i in title_lines[1:])])
    else:
        # A letter's trích yếu: `V/v …` and the lines under it in the left column.
        start = next((n for n, t in enumerate(left) if t.lower().startswith("v/v")), len(left))
        title = " ".join(left[start:])
    report.masthead = Masthead(issuer, number, dated, nfc(title))
    blocks = [
        TextBlock(0, (" ".join([*left, *right]),), first_page, "masthead", columns=(left, right))
    ]
    last_page = max(by_page)
    closing_lines = sorted(
        (i for i in by_page[last_page] if i.kind == "body"), key=lambda i: i.line.box.y0
    )
    recipients_at = next(
        (n for n, i in enumerate(closing_lines) if _RECIPIENTS.match(i.text.strip())), None
    )
    if recipients_at is not None:
        tail = closing_lines[recipients_at:]
        for item in tail:
            item.kind = "closing"
        last = pages[last_page]
        end_left, end_right = _two_columns(
            tail, (last.width if last else first.width) / 2, body_size
        )
        text = " ".join([*end_left, *end_right])
        blocks.append(TextBlock(0, (text,), last_page, "closing", columns=(end_left, end_right)))
    return blocks


# --- headings -----------------------------------------------------------------------------------


def _is_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def _is_chapter(text: str) -> bool:
    return bool(_CHAPTER.match(text) or _CHAPTER_MISREAD.match(text))


def _mark_headings(lines: list[_Line], body_size: float) -> None:
    """Headings by type size, chapter lines and capitals; the lines set with a chapter line
    (its title, its years) belong to its heading."""
    for index, item in enumerate(lines):
        if item.kind != "body":
            continue
        words = len(item.text.split())
        opener = lines[index - 1] if index else None
        if (
            opener is not None
            and opener.kind == "heading"
            and opener.level == 1
            and (opener.page, opener.paragraph) == (item.page, item.paragraph)
            and words <= 12
        ):
            item.kind, item.level = "heading", 1
            continue
        ratio = item.size / body_size if body_size else 1.0
        chapter = _is_chapter(item.text) and words <= 12
        larger = ratio >= HEADING_RATIO and words <= 20
        alone = _stands_alone(lines, index) or _centred(item, lines)
        capitals = _is_capitals(item.text) and words <= 12 and alone
        capitals = capitals and not item.text.endswith((",", ";"))
        if chapter or larger or capitals:
            item.kind = "heading"
            item.level = 1 if chapter or ratio >= LEVEL_ONE_RATIO else 2


def _centred(item: _Line, lines: list[_Line]) -> bool:
    """Whether a short line is set in the middle of its page's text (`QUYẾT NGHỊ:`)."""
    same = [other.line.box for other in lines if other.page == item.page and other.kind == "body"]
    left, right = min(box.x0 for box in same), max(box.x1 for box in same)
    box = item.line.box
    width = max(right - left, 1)
    centre = (box.x0 + box.x1) / 2
    return box.width < 0.5 * width and abs(centre - (left + right) / 2) < 0.04 * width


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
    if line.level > 1 and previous.paragraph != line.paragraph:
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
    if ends_sentence:
        return False
    # Over a page break: the next page's first line goes on when it starts in lower case, or
    # when it is not indented (a new paragraph's first line is) and the last line ran full.
    indent = line.line.box.x0 - columns.get(line.page, (line.line.box.x0, 0))[0]
    lower = first.islower() or not first.isalpha()
    return (filled >= 0.8 and lower) or (filled >= 0.9 and indent < 0.8 * line.size)


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
