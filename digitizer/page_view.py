"""A page as the window shows it: the image its words are placed on, and its current words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from digitizer.correction import is_correction
from digitizer.errors import LibraryError
from digitizer.library import Library
from digitizer.model import Page, PageTextRecord
from ocr.words import PageText


@dataclass(frozen=True)
class PageView:
    page: Page
    image_path: Path
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
            page, library.objects.path_of(page.image_sha256), (page.width, page.height), None, None
        )
    text = PageText.from_bytes(library.objects.path_of(record.words_sha256).read_bytes())
    image = record.prepared_sha256 or page.image_sha256
    return PageView(page, library.objects.path_of(image), (text.width, text.height), text, record)


def display_images(library: Library, document_id: str) -> list[tuple[int, Path]]:
    """Each page's number and the image the window shows for it (see `PageView.image_path`)."""
    texts = library.page_texts(document_id)
    shown = []
    for page in library.pages(document_id):
        record = texts.get(page.number)
        image = (record.prepared_sha256 if record else None) or page.image_sha256
        shown.append((page.number, library.objects.path_of(image)))
    return shown
