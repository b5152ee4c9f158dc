"""EPUB 3 e-books from the reflowed OCR text of one document or of a whole collection (a book).

The book is reflowable XHTML: each chapter one file of headings and paragraphs (see
`publish_text.reflow`), with the print page numbers kept as EPUB page breaks and a page list.
Chapters come from an outline the user gives (title and first page), or else from the level-1
headings found in the text (`CHƯƠNG I …`); a document with none is one chapter under its title.
There is a navigation document, a cover (the first page's image, or a generated title page),
Dublin Core metadata and, if asked, the page images as an appendix.

Each page is read with its layout (`page_layout.analyse` on the upright page image): running
headers, footers, page numbers and ornaments are left out, footnotes become EPUB 3 footnotes
(`<aside epub:type="footnote">`) with a note reference (`epub:type="noteref"`) where the marker
stood, and pictures are cut from the upright page (the original is not touched) into `<figure>`s
with their caption as `<figcaption>` and alt text. What was left out, found and joined comes
back as `PublisherChecks`.

The file is written with `zipfile` and plain XML: fixed order, fixed timestamps and a stable
`dcterms:modified` (when the content last changed), so the same book always gives the same
bytes. All text is NFC.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from PIL import Image

from digitizer.errors import InvalidOutline
from digitizer.export.files import write_atomically
from digitizer.export.model import ExportPage
from digitizer.export.page_layout import PageLayout, analyse
from digitizer.export.publish_text import (
    NUMBER,
    PLACE_DATE,
    NoteRef,
    PageMark,
    ReflowReport,
    TextBlock,
    reflow,
)
from ocr.geometry import Box
from ocr.prepare import render
from vietnamese.normalize import nfc

MEDIA_TYPE = "application/epub+zip"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
IDENTIFIER_NAMESPACE = uuid.UUID("5f1b2c1e-8d0a-4c7e-9b1e-0d161712e401")
"""Book identifiers are UUIDs made from this and the document's (or collection's) id."""
COVER_HEIGHT = 1600
APPENDIX_HEIGHT = 1400
"""Pixels: page images go into the book at most this tall."""
FIGURE_HEIGHT = 1200
APPENDIX_TITLE = "Phụ lục: ảnh các trang gốc"


@dataclass(frozen=True)
class BookDocument:
    """One document of the book: its title and its pages, with the text to publish."""

    id: str
    title: str
    pages: Sequence[ExportPage]
    title_from_text: bool = False
    """`title` is a stand-in (a file name): the title the document's header gives is better."""


@dataclass(frozen=True)
class BookInfo:
    """What the book's package metadata says."""

    key: str
    """What the identifier is made from: `document:<id>` or `collection:<name>`."""
    title: str
    modified: str
    """When the content last changed, `YYYY-MM-DDThh:mm:ssZ`."""
    creators: Sequence[str] = ()
    publisher: str = ""
    issued: date | None = None
    subjects: Sequence[str] = ()
    description: str = ""
    language: str = "vi"
    number: str = ""
    """Số và ký hiệu of a single administrative document."""
    title_from_text: bool = False
    """The title is a stand-in (a file name): the document's own, from its header, is better."""

    @property
    def identifier(self) -> str:
        return f"urn:uuid:{uuid.uuid5(IDENTIFIER_NAMESPACE, self.key)}"


@dataclass(frozen=True)
class OutlineEntry:
    """A chapter the user names: its title and the book page it begins on (1-based, counting
    through every document of the book)."""

    title: str
    page: int


@dataclass(frozen=True)
class PublisherChecks:
    """What a publisher checks before signing off: pages are counted 1, 2 … through the book."""

    removed: tuple[tuple[int, str, str], ...] = ()
    """(page, text, why) of every line left out as furniture."""
    footnotes: tuple[tuple[int, str, str, bool], ...] = ()
    """(page, label, text, whether its marker was found in the text)."""
    figures: tuple[tuple[int, str, tuple[int, int, int, int]], ...] = ()
    """(page, caption, box in the upright page's pixels)."""
    joined: tuple[tuple[int, str, str], ...] = ()
    """(page, the words before the break, the words after) of paragraphs joined across pages."""

    def as_json(self) -> dict[str, Any]:
        return {
            "removed": [{"page": p, "text": t, "why": w} for p, t, w in self.removed],
            "footnotes": [
                {"page": p, "label": label, "text": t, "referenced": r}
                for p, label, t, r in self.footnotes
            ],
            "figures": [{"page": p, "caption": c, "box": list(b)} for p, c, b in self.figures],
            "joined": [{"page": p, "before": b, "after": a} for p, b, a in self.joined],
        }


@dataclass(frozen=True)
class EpubResult:
    chapters: tuple[str, ...]
    pages: int
    cover: str
    """`image` or `title`."""
    images: int
    """Page images in the appendix."""
    checks: PublisherChecks = field(default_factory=PublisherChecks)


@dataclass
class _Chapter:
    title: str
    blocks: list[TextBlock] = field(default_factory=list)
    title_added: bool = False
    """True when the heading is the document's title or the outline's, not text of a page."""
    shift: int = 0
    """Heading levels are shifted down by this (under an added title)."""


def epub_bytes(
    documents: Sequence[BookDocument],
    info: BookInfo,
    *,
    outline: Sequence[OutlineEntry] | None = None,
    cover: str = "image",
    with_images: bool = False,
) -> tuple[bytes, EpubResult]:
    """The EPUB file of `documents`, and a summary of what is in it."""
    if cover not in ("image", "title"):
        raise ValueError(f"cover must be 'image' or 'title', not {cover!r}")
    all_pages = [page for document in documents for page in document.pages]
    report: list[tuple[int, ReflowReport]] = []
    chapters = _chapters(documents, info, outline, len(all_pages), report)
    described = _with_masthead(info, report)
    if described.title != info.title:
        for chapter in chapters:
            if chapter.title_added and chapter.title in (info.title, documents[0].title):
                chapter.title = described.title
    info = described
    files: list[tuple[str, bytes, str, str]] = []  # name, data, id, properties
    spine: list[str] = []
    css = _CSS.encode()
    files.append(("css/book.css", css, "css", ""))
    cover_kind = cover if all_pages else "title"
    cover_image: tuple[str, bytes] | None = None
    if cover_kind == "image":
        cover_image = _image_file(all_pages[0], "images/cover", COVER_HEIGHT)
        files.append((cover_image[0], cover_image[1], "cover-image", "cover-image"))
        files.append(("cover.xhtml", _cover_page(info, cover_image[0]), "cover", ""))
    else:
        files.append(("cover.xhtml", _title_page(info), "cover", ""))
    spine.append("cover")
    page_targets: dict[int, str] = {}
    chapter_files = []
    names = [f"chapter-{number:03d}.xhtml" for number in range(1, len(chapters) + 1)]
    book = _BookFiles(
        notes={
            _note_id(block.note): name
            for name, chapter in zip(names, chapters, strict=True)
            for block in chapter.blocks
            if block.kind == "footnote" and block.note is not None
        }
    )
    for number, (name, chapter) in enumerate(zip(names, chapters, strict=True), start=1):
        for block in chapter.blocks:
            if block.kind == "figure" and block.figure is not None:
                stem = f"images/figure-{len(book.figures) + 1:03d}"
                image_name, data = _figure_file(all_pages[block.page], block.figure, stem)
                files.append((image_name, data, f"fig{len(book.figures) + 1:03d}", ""))
                book.figures[id(block)] = image_name
        chapter_files.append((name, chapter.title))
        xhtml = _chapter_page(info, chapter, name, page_targets, book)
        files.append((name, xhtml, f"c{number:03d}", ""))
        spine.append(f"c{number:03d}")
    images = 0
    if with_images and all_pages:
        figures = []
        for index, page in enumerate(all_pages, start=1):
            image_name, data = _image_file(page, f"images/page-{index:04d}", APPENDIX_HEIGHT)
            files.append((image_name, data, f"img{index:04d}", ""))
            figures.append((index, image_name))
        files.append(("appendix.xhtml", _appendix_page(info, figures), "appendix", ""))
        spine.append("appendix")
        images = len(figures)
    nav = _navigation(info, chapter_files, page_targets, images > 0, cover_kind)
    files.insert(0, ("nav.xhtml", nav, "nav", "nav"))
    opf = _package(info, files, spine)
    data = _zip(
        [
            ("META-INF/container.xml", _CONTAINER.encode()),
            ("OEBPS/content.opf", opf),
            *((f"OEBPS/{name}", content) for name, content, _, _ in files),
        ]
    )
    result = EpubResult(
        chapters=tuple(title for _, title in chapter_files),
        pages=len(all_pages),
        cover=cover_kind,
        images=images,
        checks=_checks(report),
    )
    return data, result


def write_epub(
    documents: Sequence[BookDocument],
    info: BookInfo,
    out: Path,
    *,
    outline: Sequence[OutlineEntry] | None = None,
    cover: str = "image",
    with_images: bool = False,
) -> EpubResult:
    """Write the EPUB of `documents` to `out` (replaced whole, or left as it was)."""
    data, result = epub_bytes(
        documents, info, outline=outline, cover=cover, with_images=with_images
    )
    write_atomically(out, data)
    return result


# --- chapters -----------------------------------------------------------------------------------


def _shifted(block: TextBlock, offset: int) -> TextBlock:
    def shift(part: str | PageMark | NoteRef) -> str | PageMark | NoteRef:
        if isinstance(part, PageMark):
            return PageMark(part.page + offset)
        if isinstance(part, NoteRef):
            return replace(part, page=part.page + offset)
        return part

    note = block.note and replace(block.note, page=block.note.page + offset)
    parts = tuple(shift(part) for part in block.parts)
    return replace(block, parts=parts, page=block.page + offset, note=note)


def page_layout(page: ExportPage) -> PageLayout | None:
    """The rules and pictures of a recognised page, from its upright image."""
    text = page.words_text()
    if text is None:
        return None
    return analyse(_upright(page), text, page.dpi)


def book_blocks(
    documents: Sequence[BookDocument], reports: list[tuple[int, ReflowReport]] | None = None
) -> list[tuple[int, list[TextBlock]]]:
    """Each document's reflowed blocks, their pages counted through the whole book; each
    document's report, with the page it starts at, is added to `reports`."""
    result = []
    offset = 0
    for index, document in enumerate(documents):
        report = ReflowReport()
        texts = [page.words_text() for page in document.pages]
        layouts = [page_layout(page) for page in document.pages]
        blocks = reflow(texts, layouts, report)
        result.append((index, [_shifted(block, offset) for block in blocks]))
        if reports is not None:
            reports.append((offset, report))
        offset += len(document.pages)
    return result


def _with_masthead(info: BookInfo, reports: list[tuple[int, ReflowReport]]) -> BookInfo:
    """The book's description, with what a single document's header says where the archival
    record says nothing: its title (in place of a file name), number, issuing body and date."""
    masthead = reports[0][1].masthead if len(reports) == 1 else None
    if masthead is None:
        return info
    dated = PLACE_DATE.search(masthead.place_date)
    issued = info.issued
    if issued is None and dated:
        try:
            issued = date(int(dated.group(3)), int(dated.group(2)), int(dated.group(1)))
        except ValueError:
            issued = None
    return replace(
        info,
        title=masthead.title if info.title_from_text and masthead.title else info.title,
        creators=info.creators or ([masthead.issuer] if masthead.issuer else []),
        issued=issued,
        number=info.number or masthead.number,
    )


def _checks(reports: list[tuple[int, ReflowReport]]) -> PublisherChecks:
    removed, footnotes, figures, joined = [], [], [], []
    for offset, report in reports:
        removed += [(offset + r.page + 1, r.text, r.why) for r in report.removed]
        footnotes += [
            (offset + b.page + 1, b.note.label if b.note else "", b.text, found)
            for b in report.footnotes
            for found in [b not in report.unreferenced]
        ]
        figures += [
            (offset + b.page + 1, b.text, (b.figure.x0, b.figure.y0, b.figure.x1, b.figure.y1))
            for b in report.figures
            if b.figure is not None
        ]
        joined += [(offset + j.page + 1, j.before, j.after) for j in report.joined]
    return PublisherChecks(tuple(removed), tuple(footnotes), tuple(figures), tuple(joined))


def _chapters(
    documents: Sequence[BookDocument],
    info: BookInfo,
    outline: Sequence[OutlineEntry] | None,
    page_count: int,
    reports: list[tuple[int, ReflowReport]],
) -> list[_Chapter]:
    per_document = book_blocks(documents, reports)
    if outline:
        return _outline_chapters(per_document, info, outline, page_count)
    chapters: list[_Chapter] = []
    for index, blocks in per_document:
        title = documents[index].title or info.title
        masthead = reports[index][1].masthead
        if documents[index].title_from_text and masthead is not None and masthead.title:
            title = masthead.title
        current = _Chapter(title, title_added=True)
        for block in blocks:
            if block.level == 1 and block.kind == "text" and _only_masthead(current):
                # The type name and trích yếu under the header: the document's own title.
                current.title = " ".join(block.text.split())
                current.title_added = False
                current.blocks.append(block)
            elif block.level == 1 and block.kind == "text":
                if current.blocks or not current.title_added:
                    chapters.append(current)
                current = _Chapter(" ".join(block.text.split()), [block])
            else:
                current.blocks.append(block)
        if current.blocks or not current.title_added or not chapters:
            chapters.append(current)
    return chapters or [_Chapter(info.title, title_added=True)]


def _only_masthead(chapter: _Chapter) -> bool:
    return bool(chapter.blocks) and all(block.kind == "masthead" for block in chapter.blocks)


def _outline_chapters(
    per_document: list[tuple[int, list[TextBlock]]],
    info: BookInfo,
    outline: Sequence[OutlineEntry],
    page_count: int,
) -> list[_Chapter]:
    entries = sorted(outline, key=lambda entry: entry.page)
    for entry in entries:
        if not 1 <= entry.page <= page_count or not entry.title.strip():
            raise InvalidOutline(
                f"Outline entry {entry.title!r} starts on page {entry.page}; the book has "
                f"pages 1 to {page_count}, and every entry needs a title."
            )
    blocks = [block for _, document_blocks in per_document for block in document_blocks]
    chapters: list[_Chapter] = []
    if blocks and blocks[0].page < entries[0].page - 1:
        chapters.append(_Chapter(info.title, title_added=True, shift=1))
    for entry in entries:
        chapters.append(_Chapter(nfc(entry.title.strip()), title_added=True, shift=1))
    starts = [entry.page - 1 for entry in entries]
    for block in blocks:
        after = [i for i, start in enumerate(starts) if block.page >= start]
        position = after[-1] + (len(chapters) - len(entries)) if after else 0
        chapters[position].blocks.append(block)
    return chapters


# --- XHTML --------------------------------------------------------------------------------------


def _x(text: str) -> str:
    return escape(nfc(text), {'"': "&quot;"})


def _document(info: BookInfo, title: str, body: str, epub_type: str = "") -> bytes:
    language = _x(info.language)
    body_type = f' epub:type="{epub_type}"' if epub_type else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<!DOCTYPE html>\n"
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        f'xml:lang="{language}" lang="{language}">\n'
        "<head>\n"
        '<meta charset="UTF-8"/>\n'
        f"<title>{_x(title)}</title>\n"
        '<link rel="stylesheet" type="text/css" href="css/book.css"/>\n'
        "</head>\n"
        f"<body{body_type}>\n{body}</body>\n</html>\n"
    ).encode()


@dataclass
class _BookFiles:
    notes: dict[str, str]
    """The chapter file each footnote's id is in."""
    figures: dict[int, str] = field(default_factory=dict)
    """The image file of each figure block (by the block's id)."""


def _note_id(note: NoteRef) -> str:
    return f"note-{note.page + 1}-{note.number}"


def _inline(
    parts: Sequence[str | PageMark | NoteRef],
    targets: dict[int, str],
    name: str,
    notes: dict[str, str] | None = None,
) -> str:
    out = []
    for part in parts:
        if isinstance(part, NoteRef):
            note = _note_id(part)
            where = (notes or {}).get(note, name)
            href = f"#{note}" if where == name else f"{where}#{note}"
            out.append(
                f'<sup><a epub:type="noteref" role="doc-noteref" id="ref-{note[5:]}" '
                f'href="{href}">{_x(part.label)}</a></sup>'
            )
        elif isinstance(part, PageMark):
            anchor = f"page-{part.page + 1}"
            targets.setdefault(part.page, f"{name}#{anchor}")
            out.append(f'<span epub:type="pagebreak" id="{anchor}" title="{part.page + 1}"/>')
        else:
            out.append(_x(part).replace("\n", "<br/>\n"))
    return "".join(out).strip()


def _chapter_page(
    info: BookInfo, chapter: _Chapter, name: str, targets: dict[int, str], book: _BookFiles
) -> bytes:
    lines = ['<section epub:type="chapter" role="doc-chapter">']
    if chapter.title_added:
        lines.append(f'<h1 class="added">{_x(chapter.title)}</h1>')
    for block in chapter.blocks:
        content = _inline(block.parts, targets, name, book.notes)
        if block.kind == "footnote" and block.note is not None:
            note = _note_id(block.note)
            lines.append(
                f'<aside epub:type="footnote" role="doc-footnote" id="{note}" class="footnote">'
                f'<p><span class="label">{_x(block.note.label)}</span> {content}</p></aside>'
            )
        elif block.kind in ("masthead", "closing") and block.columns is not None:
            lines.append(_two_column_table(block.kind, block.columns))
        elif block.kind == "figure":
            caption = " ".join(block.text.split())
            alt = caption or "Hình"
            image = book.figures[id(block)]
            figcaption = f"<figcaption>{content}</figcaption>" if caption else ""
            lines.append(f'<figure><img src="{image}" alt="{_x(alt)}"/>{figcaption}</figure>')
        elif block.level:
            level = min(block.level + chapter.shift, 6)
            lines.append(f"<h{level}>{content}</h{level}>")
        else:
            lines.append(f"<p>{content}</p>")
    lines.append("</section>")
    return _document(info, chapter.title, "\n".join(lines) + "\n", "bodymatter")


def _two_column_table(kind: str, columns: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
    """An administrative document's header (issuing body and number beside the motto, place
    and date) or end (recipients beside the signature), side by side as on paper."""
    cells = []
    for side, texts in zip(("left", "right"), columns, strict=True):
        rows = []
        for text in texts:
            if PLACE_DATE.search(text):
                rows.append(f'<span class="date">{_x(text)}</span>')
            elif kind == "masthead" and NUMBER.match(text):
                rows.append(f'<span class="number">{_x(text)}</span>')
            elif kind == "closing" and side == "left" and text.lower().startswith("nơi nhận"):
                rows.append(f'<span class="recipients">{_x(text)}</span>')
            else:
                rows.append(_x(text))
        cells.append(f'<td class="{side}">' + "<br/>".join(rows) + "</td>")
    return f'<table class="{kind}" role="presentation"><tr>{"".join(cells)}</tr></table>'


def _cover_page(info: BookInfo, image: str) -> bytes:
    body = (
        '<section epub:type="cover" class="cover">\n'
        f'<img src="{image}" alt="{_x("Bìa: " + info.title)}"/>\n'
        "</section>\n"
    )
    return _document(info, info.title, body)


def _title_page(info: BookInfo) -> bytes:
    lines = ['<section epub:type="titlepage" class="titlepage">', f"<h1>{_x(info.title)}</h1>"]
    for creator in info.creators:
        lines.append(f'<p class="creator">{_x(creator)}</p>')
    if info.issued:
        lines.append(f'<p class="date">{_x(info.issued.strftime("%d/%m/%Y"))}</p>')
    if info.publisher:
        lines.append(f'<p class="publisher">{_x(info.publisher)}</p>')
    lines.append("</section>")
    return _document(info, info.title, "\n".join(lines) + "\n", "frontmatter")


def _appendix_page(info: BookInfo, figures: list[tuple[int, str]]) -> bytes:
    lines = ['<section epub:type="appendix" role="doc-appendix">', f"<h1>{_x(APPENDIX_TITLE)}</h1>"]
    for number, image in figures:
        lines.append(
            f'<figure id="image-{number}"><img src="{image}" alt="{_x(f"Trang {number}")}"/>'
            f"<figcaption>{_x(f'Trang {number}')}</figcaption></figure>"
        )
    lines.append("</section>")
    return _document(info, APPENDIX_TITLE, "\n".join(lines) + "\n", "backmatter")


def _navigation(
    info: BookInfo,
    chapters: list[tuple[str, str]],
    page_targets: dict[int, str],
    appendix: bool,
    cover: str,
) -> bytes:
    cover_name = "Bìa" if cover == "image" else "Trang tên sách"
    items = [f'<li><a href="cover.xhtml">{cover_name}</a></li>']
    items += [f'<li><a href="{name}">{_x(title)}</a></li>' for name, title in chapters]
    if appendix:
        items.append(f'<li><a href="appendix.xhtml">{_x(APPENDIX_TITLE)}</a></li>')
    pages = [
        f'<li><a href="{target}">{page + 1}</a></li>'
        for page, target in sorted(page_targets.items())
    ]
    landmarks = [f'<li><a epub:type="cover" href="cover.xhtml">{cover_name}</a></li>']
    if chapters:
        landmarks.append(f'<li><a epub:type="bodymatter" href="{chapters[0][0]}">Nội dung</a></li>')
    body = (
        '<nav epub:type="toc" id="toc" role="doc-toc">\n<h1>Mục lục</h1>\n<ol>\n'
        + "\n".join(items)
        + "\n</ol>\n</nav>\n"
    )
    if pages:
        body += (
            '<nav epub:type="page-list" id="page-list" hidden="hidden">\n<h2>Danh sách trang</h2>\n'
            "<ol>\n" + "\n".join(pages) + "\n</ol>\n</nav>\n"
        )
    body += (
        '<nav epub:type="landmarks" id="landmarks" hidden="hidden">\n<h2>Cột mốc</h2>\n<ol>\n'
        + "\n".join(landmarks)
        + "\n</ol>\n</nav>\n"
    )
    return _document(info, "Mục lục", body)


# --- images -------------------------------------------------------------------------------------


def _upright(page: ExportPage) -> Image.Image:
    with Image.open(page.image_path) as opened:
        opened.load()
        return render(opened, page.preparation)


def _figure_file(page: ExportPage, box: Box, stem: str) -> tuple[str, bytes]:
    """The picture in `box` of the upright page (the original is left as it is)."""
    return _encoded(_upright(page).crop((box.x0, box.y0, box.x1, box.y1)), stem, FIGURE_HEIGHT)


def _image_file(page: ExportPage, stem: str, height: int) -> tuple[str, bytes]:
    """The upright page as an image file for the book: PNG for bilevel and grey scans (small
    and sharp), JPEG for colour, at most `height` pixels tall."""
    return _encoded(_upright(page), stem, height)


def _encoded(upright: Image.Image, stem: str, height: int) -> tuple[str, bytes]:
    if upright.height > height:
        width = max(1, round(upright.width * height / upright.height))
        source = upright.convert("L") if upright.mode == "1" else upright
        upright = source.resize((width, height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    if upright.mode == "RGB":
        upright.save(buffer, format="JPEG", quality=82, optimize=True)
        return f"{stem}.jpg", buffer.getvalue()
    upright.convert("L" if upright.mode != "1" else "1").save(buffer, format="PNG", optimize=True)
    return f"{stem}.png", buffer.getvalue()


# --- package ------------------------------------------------------------------------------------


def _media_type(name: str) -> str:
    if name.endswith(".xhtml"):
        return "application/xhtml+xml"
    if name.endswith(".css"):
        return "text/css"
    if name.endswith(".png"):
        return "image/png"
    if name.endswith(".jpg"):
        return "image/jpeg"
    raise ValueError(name)


def _package(info: BookInfo, files: list[tuple[str, bytes, str, str]], spine: list[str]) -> bytes:
    meta = [
        f'<dc:identifier id="book-id">{_x(info.identifier)}</dc:identifier>',
        f"<dc:title>{_x(info.title)}</dc:title>",
        f"<dc:language>{_x(info.language)}</dc:language>",
    ]
    if info.number:
        meta.append(f'<dc:identifier id="number">{_x(info.number)}</dc:identifier>')
    meta += [f"<dc:creator>{_x(creator)}</dc:creator>" for creator in info.creators if creator]
    if info.issued:
        meta.append(f"<dc:date>{info.issued.isoformat()}</dc:date>")
    if info.publisher:
        meta.append(f"<dc:publisher>{_x(info.publisher)}</dc:publisher>")
    meta += [f"<dc:subject>{_x(subject)}</dc:subject>" for subject in info.subjects if subject]
    if info.description:
        meta.append(f"<dc:description>{_x(info.description)}</dc:description>")
    meta.append(f'<meta property="dcterms:modified">{_x(info.modified)}</meta>')
    manifest = []
    for name, _, item_id, properties in files:
        extra = f' properties="{properties}"' if properties else ""
        manifest.append(
            f'<item id="{item_id}" href="{name}" media-type="{_media_type(name)}"{extra}/>'
        )
    itemrefs = [f'<itemref idref="{item}"/>' for item in spine]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        f'unique-identifier="book-id" xml:lang="{_x(info.language)}">\n'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        + "\n".join(meta)
        + "\n</metadata>\n<manifest>\n"
        + "\n".join(manifest)
        + "\n</manifest>\n<spine>\n"
        + "\n".join(itemrefs)
        + "\n</spine>\n</package>\n"
    ).encode("utf-8")


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    """The OCF container: `mimetype` first and stored, then every entry in the given order,
    all with one fixed timestamp and mode."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        _add(archive, "mimetype", MEDIA_TYPE.encode("ascii"), zipfile.ZIP_STORED)
        for name, data in entries:
            _add(archive, name, data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _add(archive: zipfile.ZipFile, name: str, data: bytes, method: int) -> None:
    entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    entry.compress_type = method
    entry.create_system = 3
    entry.external_attr = 0o100644 << 16
    archive.writestr(entry, data, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None)


_CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""

_CSS = """body { font-family: serif; line-height: 1.5; margin: 0 5%; }
h1, h2, h3 { font-family: sans-serif; text-align: center; line-height: 1.3; }
h1 { font-size: 1.5em; margin: 1.5em 0 1em; }
h2 { font-size: 1.25em; margin: 1.2em 0 0.8em; }
h3 { font-size: 1.1em; margin: 1em 0 0.6em; }
p { margin: 0; text-indent: 1.5em; text-align: justify; }
h1 + p, h2 + p, h3 + p { text-indent: 0; }
.cover { text-align: center; margin: 0; padding: 0; }
.cover img { max-width: 100%; max-height: 100vh; }
.titlepage { text-align: center; margin-top: 30%; }
.titlepage p { text-indent: 0; margin: 0.5em 0; }
figure { margin: 1em 0; text-align: center; page-break-inside: avoid; }
figure img { max-width: 100%; }
figcaption { font-size: 0.9em; font-style: italic; }
table.masthead, table.closing { width: 100%; border-collapse: collapse; margin: 1em 0 1.5em; }
table.closing { margin: 1.5em 0 0; }
table.masthead td, table.closing td { vertical-align: top; text-align: center; width: 50%;
  font-family: serif; font-size: 0.95em; line-height: 1.4; padding: 0 0.3em; }
table.masthead td.left { font-weight: bold; }
table.masthead td.right { font-weight: bold; }
table.closing td.left { text-align: left; font-size: 0.85em; }
table.closing td.right { font-weight: bold; }
span.date { font-style: italic; font-weight: normal; }
span.number { font-weight: normal; }
span.recipients { font-style: italic; font-weight: bold; }
aside.footnote { font-size: 0.85em; margin: 0.6em 0; border-top: 1px solid #999; }
aside.footnote p { text-indent: 0; }
sup { line-height: 0; }
sup a { text-decoration: none; }
"""
