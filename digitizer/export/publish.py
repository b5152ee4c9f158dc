"""Publishing from the library: EPUB e-books, QR-labelled PDF/A files, label sheets and archival
packages, for one document or a whole collection.

`publish` is what the service API calls. Every format first refuses documents classified Mật or
above (`guard.refuse_secret`), and the formats made from text refuse pages without OCR text
unless told to let them through. Each file is replaced whole or not at all.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata as package_metadata
from pathlib import Path
from typing import Any

from digitizer.errors import FileNotFound, InvalidOutline, UnknownFormat
from digitizer.export.collection import (
    Selection,
    content_modified,
    pages_to_publish,
    require_text,
    select,
)
from digitizer.export.epub import BookDocument, BookInfo, OutlineEntry, epub_bytes
from digitizer.export.files import write_atomically
from digitizer.export.fonts import EmbeddedFont
from digitizer.export.guard import refuse_secret
from digitizer.export.labels import DEFAULT_GRID, Label, write_labels
from digitizer.export.model import SOFTWARE_NAME, DocumentInfo
from digitizer.export.names import PUBLISH_FORMATS, PUBLISHER_SETTING, URL_TEMPLATE_SETTING
from digitizer.export.package import DublinCore, bag_zip
from digitizer.export.pdfa import write_pdfa
from digitizer.export.qr import document_payload, qr_code
from digitizer.export.qr_stamp import BackCover, Placement, plan_stamps
from digitizer.export.text import document_text
from digitizer.library import Library
from digitizer.model import Document


@dataclass(frozen=True)
class PublishOptions:
    """How to publish; each format reads the options that concern it."""

    placement: Placement = Placement.COVER
    """qr-pdf: where the code goes."""
    url_template: str | None = None
    """The QR link template; None takes the library's setting (`qr.url_template`)."""
    outline: Sequence[OutlineEntry] | None = None
    """epub: the chapters; None finds them in the text."""
    cover: str = "image"
    """epub: `image` (the first page) or `title` (a generated title page)."""
    with_images: bool = False
    """epub: add the page images as an appendix."""
    with_epub: bool = False
    """package: add the EPUB."""
    grid: tuple[int, int] = DEFAULT_GRID
    """labels: columns × rows on an A4 sheet."""
    each: bool = False
    """labels: a label for each document of a collection instead of one for the collection."""
    allow_unrecognised: bool = False
    """Let pages without OCR text through (as images only, or no text)."""
    report: bool = False
    """epub: say what was left out as furniture, the footnotes and figures, the joins."""


@dataclass(frozen=True)
class PublishResult:
    format: str
    path: Path
    documents: tuple[str, ...]
    pages: int
    size: int
    details: dict[str, Any] = field(default_factory=dict)
    """What the format has to say: chapters, where each QR code went, the labels, the files."""
    notes: tuple[str, ...] = ()
    """Things the user should know, e.g. a QR code that had to go on an added page."""

    def as_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "path": str(self.path),
            "documents": list(self.documents),
            "pages": self.pages,
            "bytes": self.size,
            **self.details,
            "notes": list(self.notes),
        }


def publish(
    library: Library,
    fmt: str,
    out: Path,
    *,
    documents: Sequence[str] = (),
    collections: Sequence[str] = (),
    options: PublishOptions | None = None,
) -> PublishResult:
    """Write `fmt` for the named documents or collection to `out`.

    epub and package take one document or one collection; qr-pdf takes one document; labels
    take any number of both.
    """
    options = options or PublishOptions()
    if fmt not in PUBLISH_FORMATS:
        raise UnknownFormat(f"Unknown format {fmt!r}; choose one of {', '.join(PUBLISH_FORMATS)}.")
    if not out.parent.is_dir():
        raise FileNotFound(f"Cannot write {out}: the folder {out.parent} does not exist.")
    if fmt == "labels":
        return _labels(library, documents, collections, out, options)
    if len(documents) + len(collections) != 1 or (fmt == "qr-pdf" and collections):
        what = "one document" if fmt == "qr-pdf" else "one document or one collection"
        raise ValueError(f"{fmt} takes {what}")
    selection = (
        select(library, reference=documents[0])
        if documents
        else select(library, collection=collections[0])
    )
    if fmt == "epub":
        return _epub(library, selection, out, options)
    if fmt == "qr-pdf":
        return _qr_pdf(library, selection.documents[0], out, options)
    return _package(library, selection, out, options)


def read_outline(path: Path) -> list[OutlineEntry]:
    """A chapter outline from a JSON file (`[{"title": …, "page": N}, …]`, or the list under
    `"chapters"`) or a CSV file (`title,page` rows; a header row is skipped)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidOutline(f"Cannot read the outline {path}: {error}") from error
    entries: list[OutlineEntry] = []
    try:
        if path.suffix.lower() == ".json" or text.lstrip().startswith(("[", "{")):
            data = json.loads(text)
            items = data.get("chapters", []) if isinstance(data, dict) else data
            for item in items:
                entries.append(OutlineEntry(str(item["title"]), int(item["page"])))
        else:
            for row in csv.reader(io.StringIO(text)):
                if not row or not "".join(row).strip():
                    continue
                if len(row) < 2:
                    raise ValueError(f"row {row!r} needs a title and a page")
                if not entries and not row[1].strip().isdigit():
                    continue  # a header row
                entries.append(OutlineEntry(row[0].strip(), int(row[1])))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise InvalidOutline(
            f"The outline {path} is not a list of chapter titles and first pages ({error})."
        ) from error
    if not entries:
        raise InvalidOutline(f"The outline {path} names no chapters.")
    return entries


# --- EPUB ---------------------------------------------------------------------------------------


def _book_info(library: Library, selection: Selection) -> BookInfo:
    documents = selection.documents
    metas = [d.metadata for d in documents]
    creators = _distinct(m.issuing_body for m in metas)
    dates = {m.issued_on for m in metas}
    subjects = _distinct(
        [*(k for m in metas for k in m.keywords), *(m.document_type for m in metas)]
    )
    single = metas[0] if len(metas) == 1 else None
    return BookInfo(
        key=selection.key,
        title=selection.title,
        modified=content_modified(library, documents),
        creators=creators,
        publisher=library.get_setting(PUBLISHER_SETTING) or (creators[0] if creators else ""),
        issued=next(iter(dates)) if len(dates) == 1 else None,
        subjects=subjects,
        description=single.abstract if single else "",
        language=(single.language if single else "vi") or "vi",
        number=single.number_symbol if single else "",
        title_from_text=len(documents) == 1 and _stand_in_title(documents[0]),
    )


def _book_documents(library: Library, selection: Selection) -> list[BookDocument]:
    return [
        BookDocument(
            d.id,
            d.metadata.title or d.id,
            pages_to_publish(library, d.id),
            title_from_text=_stand_in_title(d),
        )
        for d in selection.documents
    ]


def _stand_in_title(document: Document) -> bool:
    """Whether the record's title is only what import put there: the file's name."""
    title = document.metadata.title
    return not title or title in {Path(source.name).stem for source in document.sources}


def _epub(
    library: Library, selection: Selection, out: Path, options: PublishOptions
) -> PublishResult:
    refuse_secret(selection.documents, "an EPUB")
    if not options.allow_unrecognised:
        require_text(library, selection.documents)
    data, result = epub_bytes(
        _book_documents(library, selection),
        _book_info(library, selection),
        outline=options.outline,
        cover=options.cover,
        with_images=options.with_images,
    )
    write_atomically(out, data)
    details: dict[str, Any] = {
        "chapters": list(result.chapters),
        "cover": result.cover,
        "images": result.images,
    }
    if options.report:
        details["report"] = result.checks.as_json()
    return PublishResult(
        "epub",
        out,
        tuple(d.id for d in selection.documents),
        result.pages,
        out.stat().st_size,
        details,
    )


# --- QR-labelled PDF ----------------------------------------------------------------------------


def _template(library: Library, options: PublishOptions) -> str:
    if options.url_template is not None:
        return options.url_template
    return library.get_setting(URL_TEMPLATE_SETTING)


def _qr_pdf(
    library: Library, document: Document, out: Path, options: PublishOptions
) -> PublishResult:
    refuse_secret([document], "a QR-labelled PDF")
    if not options.allow_unrecognised:
        require_text(library, [document])
    pages = pages_to_publish(library, document.id)
    payload = document_payload(document.id, document.classification, _template(library, options))
    code = qr_code(payload)
    back = BackCover(
        title=document.metadata.title or document.id,
        caption=document.id,
        link=payload if payload != document.id else "",
        archive_code=document.metadata.number_symbol,
    )
    plan = plan_stamps(pages, code, document.id, options.placement, EmbeddedFont(), back)
    info = DocumentInfo.from_metadata(document.metadata, identifier=document.id)
    write_pdfa(pages, info, out, drawings=plan.drawings, added_pages=plan.added_pages)
    return PublishResult(
        "qr-pdf",
        out,
        (document.id,),
        len(pages) + len(plan.added_pages),
        out.stat().st_size,
        {
            "payload": payload,
            "placement": options.placement.value,
            "qr": [place.as_json() for place in plan.places],
        },
        tuple(plan.notes),
    )


# --- labels -------------------------------------------------------------------------------------


def _labels(
    library: Library,
    references: Sequence[str],
    collections: Sequence[str],
    out: Path,
    options: PublishOptions,
) -> PublishResult:
    if not references and not collections:
        raise ValueError("labels need documents or collections")
    template = _template(library, options)
    labels: list[Label] = []
    involved: list[Document] = []
    names = {c.id: c for c in library.collections()}
    for reference in references:
        document = library.document(reference)
        involved.append(document)
        labels.append(_document_label(document, names, template))
    for name in collections:
        selection = select(library, collection=name)
        involved.extend(selection.documents)
        if options.each:
            labels.extend(_document_label(d, names, template) for d in selection.documents)
        else:
            collection = selection.collection
            assert collection is not None
            key = collection.code or collection.name
            labels.append(
                Label(
                    payload=key,
                    archive_code=collection.code or "Hồ sơ",
                    title=f"{collection.name} ({len(selection.documents)} tài liệu)",
                    caption=key,
                )
            )
    refuse_secret(involved, "a label sheet")
    places = write_labels(labels, out, options.grid)
    sheets = max(place.sheet for place in places)
    details: dict[str, Any] = {
        "grid": list(options.grid),
        "sheets": sheets,
        "labels": [
            {
                "payload": label.payload,
                "archive_code": label.archive_code,
                "title": label.title,
                "sheet": place.sheet,
                "row": place.row,
                "column": place.column,
                "side_mm": round(place.side_mm, 1),
            }
            for label, place in zip(labels, places, strict=True)
        ],
    }
    return PublishResult(
        "labels",
        out,
        tuple(_distinct(d.id for d in involved)),
        sheets,
        out.stat().st_size,
        details,
    )


def _document_label(document: Document, collections: dict[int, Any], template: str) -> Label:
    meta = document.metadata
    collection = collections.get(document.collection_id) if document.collection_id else None
    archive_code = (
        meta.number_symbol
        or (collection.code if collection is not None else "")
        or (collection.name if collection is not None else "")
        or document.id
    )
    return Label(
        payload=document_payload(document.id, document.classification, template),
        archive_code=archive_code,
        title=meta.title or document.id,
        caption=document.id,
    )


# --- archival package ---------------------------------------------------------------------------


def _package(
    library: Library, selection: Selection, out: Path, options: PublishOptions
) -> PublishResult:
    refuse_secret(selection.documents, "an archival package")
    if not options.allow_unrecognised:
        require_text(library, selection.documents)
    collection = selection.collection
    payload: list[tuple[str, bytes]] = []
    pages = 0
    with tempfile.TemporaryDirectory(prefix=".package-", dir=out.parent) as temp:
        for position, document in enumerate(selection.documents, start=1):
            folder = "" if collection is None else f"{position:03d}-{document.id}/"
            document_pages = pages_to_publish(library, document.id)
            pages += len(document_pages)
            pdf = Path(temp) / f"{document.id}.pdf"
            info = DocumentInfo.from_metadata(document.metadata, identifier=document.id)
            write_pdfa(document_pages, info, pdf)
            files = [f"{document.id}.pdf", f"{document.id}.txt"]
            payload.append((folder + files[0], pdf.read_bytes()))
            payload.append((folder + files[1], document_text(document_pages).encode("utf-8")))
            if collection is None and options.with_epub:
                files.append(f"{document.id}.epub")
            record = _document_record(library, document, files)
            payload.append((folder + "metadata.json", _json(record)))
            payload.append((folder + "dublin-core.xml", _dublin_core(library, document).xml()))
    epub_name = ""
    if options.with_epub:
        epub_name = (
            f"{selection.documents[0].id}.epub"
            if collection is None
            else f"{_slug(collection.name)}.epub"
        )
        data, _ = epub_bytes(
            _book_documents(library, selection),
            _book_info(library, selection),
            outline=options.outline,
            cover=options.cover,
        )
        payload.append((epub_name, data))
    if collection is not None:
        record = {
            "collection": collection.name,
            "code": collection.code,
            "documents": [
                {"document": d.id, "folder": f"{i:03d}-{d.id}", "title": d.metadata.title}
                for i, d in enumerate(selection.documents, start=1)
            ],
            "epub": epub_name or None,
        }
        payload.append(("metadata.json", _json(record)))
        payload.append(
            (
                "dublin-core.xml",
                DublinCore(
                    identifier=[selection.key],
                    title=collection.name,
                    type="Collection",
                    relation="; ".join(d.id for d in selection.documents),
                ).xml(),
            )
        )
        name = f"digitizer-collection-{_slug(collection.name)}"
        identifier = selection.key
    else:
        name = f"digitizer-{selection.documents[0].id}"
        identifier = selection.documents[0].id
    bag_info = [
        ("Bag-Software-Agent", f"{SOFTWARE_NAME} {_version()}"),
        ("External-Identifier", identifier),
        ("External-Description", selection.title),
        ("Source-Organization", library.get_setting(PUBLISHER_SETTING)),
    ]
    data = bag_zip(name, payload, bag_info)
    write_atomically(out, data)
    return PublishResult(
        "package",
        out,
        tuple(d.id for d in selection.documents),
        pages,
        out.stat().st_size,
        {"bag": name, "files": sorted(f"data/{path}" for path, _ in payload)},
    )


def _document_record(library: Library, document: Document, files: list[str]) -> dict[str, Any]:
    meta = document.metadata
    texts = library.page_texts(document.id)
    return {
        "document": document.id,
        **meta.as_json(),
        "classification": document.classification.value,
        "collection": library.collection_name(document.collection_id) or None,
        "sources": [
            {"name": s.name, "sha256": s.sha256, "media_type": s.media_type, "bytes": s.size}
            for s in document.sources
        ],
        "pages": [
            {
                "number": page.number,
                "image_sha256": page.image_sha256,
                "width": page.width,
                "height": page.height,
                "dpi": page.dpi,
                "ocr_words_sha256": texts[page.number].words_sha256
                if page.number in texts
                else None,
            }
            for page in library.pages(document.id)
        ],
        "files": files,
        "software": f"{SOFTWARE_NAME} {_version()}",
    }


def _dublin_core(library: Library, document: Document) -> DublinCore:
    meta = document.metadata
    return DublinCore(
        identifier=[document.id, *([meta.number_symbol] if meta.number_symbol else [])],
        title=meta.title or document.id,
        creator=[meta.issuing_body] if meta.issuing_body else [],
        subject=list(meta.keywords),
        description=meta.abstract,
        publisher=library.get_setting(PUBLISHER_SETTING),
        date=meta.issued_on.isoformat() if meta.issued_on else "",
        type=meta.document_type or "Text",
        format=["application/pdf", "text/plain"],
        language=meta.language or "vi",
        relation=library.collection_name(document.collection_id),
        rights=document.classification.vietnamese_name,
    )


# --- small helpers ------------------------------------------------------------------------------


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _distinct(values: Any) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen


def _slug(name: str) -> str:
    """An ASCII file name for a Vietnamese name: diacritics folded, đ → d."""
    folded = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_text = folded.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "collection"


def _version() -> str:
    try:
        return package_metadata.version("digitizer")
    except package_metadata.PackageNotFoundError:
        return "unknown"
