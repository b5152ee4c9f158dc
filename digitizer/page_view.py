"""A page as the window shows it: the image its words are placed on, and its current words.

A page of a secret document is read through the vault: its image and words are opened into
memory (the vault must be unlocked) and handed over as bytes, never written to a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from digitizer.correction import is_correction
from digitizer.errors import LibraryError
from digitizer.library import Library
from digitizer.model import Page, PageTextRecord
from ocr.words import PageText

PageImage = Path | bytes
"""A page image as the window reads it: the file in the object store of a plain object, or the
bytes of a sealed one, opened from the vault into memory."""


@dataclass(frozen=True)
class PageView:
    page: Page
    image: PageImage
    """The prepared page (upright, level) when preparation changed it, else the original."""
    size: tuple[int, int]
    """The image's size in pixels, which word and hit boxes are in."""
    text: PageText | None
    """The current words (a correction, if there is one); None before OCR."""
    record: PageTextRecord | None

    @property
    def corrected(self) -> bool:
        return self.record is not None and is_correction(self.record)


def page_view(library: Library, document_id: str, number: int) -> PageView:
    page = next((p for p in library.pages(document_id) if p.number == number), None)
    if page is None:
        raise LibraryError(f"Document {document_id} has no page {number}.")
    record = library.page_texts(document_id).get(number)
    if record is None:
        return PageView(
            page, page_image(library, page.image_sha256), (page.width, page.height), None, None
        )
    text = PageText.from_bytes(library.read_object(record.words_sha256))
    image = page_image(library, record.prepared_sha256 or page.image_sha256)
    return PageView(page, image, (text.width, text.height), text, record)


def display_images(library: Library, document_id: str) -> list[tuple[int, PageImage]]:
    """Each page's number and the image the window shows for it (see `PageView.image`)."""
    texts = library.page_texts(document_id)
    shown = []
    for page in library.pages(document_id):
        record = texts.get(page.number)
        image = (record.prepared_sha256 if record else None) or page.image_sha256
        shown.append((page.number, page_image(library, image)))
    return shown


def page_image(library: Library, sha256: str) -> PageImage:
    """The object's file when it is stored plain; its bytes opened from the vault when it is
    sealed only (VaultLocked while the vault is locked)."""
    rows = library.rows("SELECT plain FROM objects WHERE sha256 = ?", (sha256,))
    if not rows or rows[0][0]:
        return library.objects.path_of(sha256)
    return library.open_sealed(sha256)
