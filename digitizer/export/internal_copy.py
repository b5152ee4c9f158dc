"""Internal copies (bản sao nội bộ) of a document: numbered PDF/A copies, every page carrying the
classification banner at the top and the copy mark ("BẢN SAO SỐ n/N") at the bottom, each
written to the copy register and the audit log.

For a sealed document the vault must be unlocked: page images are opened into a RAM-backed
folder that is removed afterwards, and the word models are read from the vault into memory,
so nothing but the copies themselves (written where the person asked) holds plaintext.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digitizer.errors import FileNotFound, NotRecognised
from digitizer.export.drawing import MM, Canvas
from digitizer.export.fonts import SANS_BOLD, EmbeddedFont
from digitizer.export.model import DocumentInfo, ExportPage
from digitizer.export.pdfa import write_pdfa
from digitizer.library import Library
from digitizer.model import Classification, Document
from digitizer.security import audit
from digitizer.security.ramdisk import make_private_folder
from digitizer.security.records import is_sealed, private_text
from digitizer.security.register import RegisterEntry, add_copies

BANNER_SIZE = 13.0
MARK_SIZE = 9.0
EDGE_MM = 6.0
"""How far from the paper's top and bottom edges the banner's and the mark's baselines sit."""


@dataclass(frozen=True)
class CopyResult:
    document_id: str
    classification: Classification
    paths: tuple[Path, ...]  # copy n is paths[n - 1]
    pages: int  # in each copy
    register: RegisterEntry

    def as_json(self) -> dict[str, Any]:
        return {
            "document": self.document_id,
            "format": "internal-pdf",
            "classification": self.classification.value,
            "level": self.classification.vietnamese_name,
            "copies": len(self.paths),
            "paths": [str(path) for path in self.paths],
            "pages": self.pages,
            "register_entry": self.register.id,
            "purpose": self.register.purpose,
        }


def banner_text(level: Classification) -> str:
    return level.vietnamese_name.upper()


def copy_mark(number: int, copies: int) -> str:
    return f"BẢN SAO SỐ {number}/{copies}"


def copy_paths(out: Path, copies: int) -> list[Path]:
    """`out` for a single copy; `name-1-of-3.pdf` … beside it for several."""
    if copies == 1:
        return [out]
    return [out.with_name(f"{out.stem}-{n}-of-{copies}{out.suffix}") for n in range(1, copies + 1)]


def internal_copy(
    library: Library,
    document: Document,
    out: Path,
    copies: int,
    purpose: str,
) -> CopyResult:
    """Write `copies` numbered copies of `document` (its revealed description, for a sealed
    one) at `out`, and register them. Every page must have OCR text."""
    if copies < 1:
        raise ValueError("at least one copy")
    purpose = purpose.strip()
    if not purpose:
        raise ValueError("an internal copy needs a purpose")
    if not out.parent.is_dir():
        raise FileNotFound(f"Cannot write {out}: the folder {out.parent} does not exist.")
    from digitizer.export.document import export_pages

    private = make_private_folder() if is_sealed(library, document.id) else None
    written: list[Path] = []
    try:
        pages = export_pages(library, document.id, private)
        missing = [n for n, page in enumerate(pages, start=1) if page.text is None]
        if missing:
            raise NotRecognised(
                f"Document {document.id} has {len(missing)} page(s) without OCR text "
                f"({', '.join(map(str, missing[:10]))}). Run `digitizer ocr {document.id}` first."
            )
        info = DocumentInfo.from_metadata(document.metadata, identifier=document.id)
        for number, path in enumerate(copy_paths(out, copies), start=1):
            drawings = _marks(pages, document, number, copies)
            write_pdfa(pages, info, path, drawings=drawings)
            written.append(path)
        with library.transaction() as db:
            level = document.classification
            entry = add_copies(library, db, document.id, level, copies, purpose, out)
            name = audit.details_name(document.id)
            files: object = [str(path) for path in written]
            if level.is_secret:
                files = private_text(library, True, "\n".join(map(str, written)), name)
            audit.append(
                db,
                audit.Event.COPIED,
                document_id=document.id,
                details={
                    "copies": copies,
                    "purpose": private_text(library, level.is_secret, purpose, name),
                    "register_entry": entry.id,
                    "files": files,
                },
            )
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    finally:
        if private is not None:
            shutil.rmtree(private, ignore_errors=True)
    return CopyResult(document.id, document.classification, tuple(written), len(pages), entry)


def _marks(
    pages: Sequence[ExportPage], document: Document, number: int, copies: int
) -> dict[int, Canvas]:
    """The banner and the copy mark for every page of one copy (a font of its own for each
    file)."""
    font = EmbeddedFont(SANS_BOLD)
    # Every copy embeds all the digits, so the copies use the same glyphs and share the font
    # subset made for the first (making one takes about a second).
    font.encode("0123456789")
    banner = banner_text(document.classification)
    mark = f"{copy_mark(number, copies)} · {document.id}"
    drawings: dict[int, Canvas] = {}
    for index, page in enumerate(pages):
        width, height = page.points
        canvas = Canvas()
        for text, largest, top in ((banner, BANNER_SIZE, True), (mark, MARK_SIZE, False)):
            # Smaller on a page too narrow for it (a slip of paper, a small card).
            size = min(largest, (width - 6 * MM) / max(font.width(text, 1.0), 1.0))
            edge = min(EDGE_MM * MM, height / 10)
            baseline = height - edge - size if top else edge
            text_width = font.width(text, size)
            # A white ground keeps the words legible over whatever the scan has there.
            canvas.rectangle(
                (width - text_width) / 2 - 2 * MM,
                baseline - 0.3 * size - 1 * MM,
                text_width + 4 * MM,
                size * 1.3 + 2 * MM,
                1.0,
            )
            canvas.text(text, width / 2, baseline, font, size, align="center")
        drawings[index] = canvas
    return drawings
