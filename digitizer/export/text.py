"""Plain-text export: the recognised text of every page, pages separated by a form feed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from digitizer.export.files import write_atomically
from digitizer.export.model import ExportPage
from vietnamese.normalize import nfc

PAGE_SEPARATOR = "\f"


def page_text(page: ExportPage) -> str:
    """One page's text: a line per line, a blank line between paragraphs; empty without OCR."""
    text = page.words_text()
    return nfc(text.text) if text is not None else ""


def document_text(pages: Sequence[ExportPage]) -> str:
    """The whole document as NFC text; each page's text ends with a newline when it has any,
    and a form feed separates one page from the next (as `pdftotext` does)."""
    return PAGE_SEPARATOR.join(
        (text + "\n") if text else "" for text in (page_text(page) for page in pages)
    )


def write_text(pages: Sequence[ExportPage], out: Path) -> None:
    """Write `document_text` as UTF-8 (no byte-order mark, `\\n` line ends)."""
    write_atomically(out, document_text(pages).encode("utf-8"))
