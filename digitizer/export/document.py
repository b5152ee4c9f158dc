"""Exporting a catalogued document: gather its pages, their preparation and their OCR words from
the library, and hand them to the writer of the format asked for."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from digitizer.errors import FileNotFound, NotRecognised, UnknownFormat
from digitizer.export.alto import write_alto
from digitizer.export.guard import refuse_secret
from digitizer.export.hocr import write_hocr
from digitizer.export.model import DocumentInfo, ExportPage
from digitizer.export.names import FORMATS
from digitizer.export.pdfa import write_pdfa
from digitizer.export.text import write_text
from digitizer.library import Library
from ocr.geometry import Preparation
from ocr.stages import note_start, stage
from ocr.words import PageText

Writer = Callable[[Sequence[ExportPage], DocumentInfo, Path], None]

WRITERS: dict[str, Writer] = {
    "pdf": write_pdfa,
    "txt": lambda pages, _info, out: write_text(pages, out),
    "hocr": write_hocr,
    "alto": write_alto,
}
if tuple(WRITERS) != FORMATS:  # the command line offers FORMATS without loading this module
    raise RuntimeError("export writers and FORMATS disagree")


@dataclass(frozen=True)
class ExportResult:
    document_id: str
    format: str
    path: Path
    pages: int
    pages_without_text: tuple[int, ...]
    size: int


def export_pages(
    library: Library, document_id: str, private: Path | None = None
) -> list[ExportPage]:
    """Every page of a document as the exporters take it; pages without OCR have no text.

    The page images of a sealed document are opened into `private` (a RAM-backed folder the
    caller removes); the vault must be unlocked."""
    texts = library.page_texts(document_id)
    pages = []
    for page in library.pages(document_id):
        record = texts.get(page.number)
        if record is None:
            preparation = Preparation(source_size=(page.width, page.height))
            text = None
        else:
            preparation = Preparation.from_json(record.preparation)
            text = PageText.from_bytes(library.read_object(record.words_sha256))
        image = library.objects.path_of(page.image_sha256)
        if private is not None:
            image = library.object_file(page.image_sha256, private)
        pages.append(
            ExportPage(
                image_path=image,
                dpi=round(page.effective_dpi),
                preparation=preparation,
                text=text,
            )
        )
    return pages


def export_document(
    library: Library,
    reference: str,
    fmt: str,
    out: Path,
    *,
    allow_unrecognised: bool = False,
) -> ExportResult:
    """Write document `reference` as `fmt` to `out` (replaced whole, or left as it was).

    Pages without OCR text are refused unless `allow_unrecognised`, in which case they go out
    as images only (PDF) or empty pages (text formats).
    """
    writer = WRITERS.get(fmt)
    if writer is None:
        raise UnknownFormat(f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    if not out.parent.is_dir():
        raise FileNotFound(f"Cannot write {out}: the folder {out.parent} does not exist.")
    note_start("export command start")
    document = library.document(reference)
    refuse_secret([document], f"exporting it as {fmt}")
    with stage("export pages from catalogue"):
        pages = export_pages(library, document.id)
    missing = tuple(n for n, page in enumerate(pages, start=1) if page.text is None)
    if missing and not allow_unrecognised:
        listed = ", ".join(map(str, missing[:10])) + (" …" if len(missing) > 10 else "")
        raise NotRecognised(
            f"Document {document.id} has {len(missing)} page(s) without OCR text ({listed}). "
            f"Run `digitizer ocr {document.id}` first, or export with --allow-unrecognised."
        )
    info = DocumentInfo.from_metadata(document.metadata, identifier=document.id)
    with stage(f"export {fmt}"):
        writer(pages, info, out)
    return ExportResult(document.id, fmt, out, len(pages), missing, out.stat().st_size)
