"""Documents cut and joined, pages cropped: a document split in two at a page, documents merged
into one, a page cropped to a derived image (the original stays as it is).

A split or merge moves page rows between documents, so each page keeps its image, its OCR text
and its source. Secret documents (sealed in the vault) keep their sealed record per document and
are not split or merged here; they can be cropped, their cropped image sealed from memory.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image

from digitizer.errors import LibraryError
from digitizer.library.editing import (
    _RENUMBER_OFFSET,
    Removed,
    _capture,
    _sealed,
    replace_page_image,
)
from digitizer.library.library import Library, new_document_id, utc_now

_DOCUMENT_FIELDS = (
    "collection_id, title, document_type, number_symbol, issuing_body, issued_on, abstract, "
    "keywords, language, classification"
)


def split_document(library: Library, document_id: str, at_page: int) -> str:
    """Cut a document before page `at_page`: that page and those after it become a new
    document (same collection and record, placed right after it). Returns the new document."""
    pages = library.pages(document_id)
    if not 1 < at_page <= len(pages):
        raise LibraryError(
            f"A document of {len(pages)} page(s) is split before a page from 2 to {len(pages)}, "
            f"not {at_page}."
        )
    _refuse_sealed(library, [document_id], "split")
    new_id = new_document_id()
    with library.transaction() as db:
        row = db.execute(
            "SELECT position, collection_id FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        position, collection_id = row[0], row[1]
        db.execute(
            "UPDATE documents SET position = position + 1 "
            "WHERE collection_id IS ? AND position > ?",
            (collection_id, position),
        )
        db.execute(
            f"INSERT INTO documents (id, position, import_state, import_key, created_at, "
            f"{_DOCUMENT_FIELDS}) SELECT ?, ?, 'complete', ?, ?, {_DOCUMENT_FIELDS} "
            "FROM documents WHERE id = ?",
            (
                new_id,
                position + 1,
                f"split:{document_id}:{at_page}:{new_id}",
                utc_now(),
                document_id,
            ),
        )
        db.execute(
            "UPDATE pages SET document_id = ?, number = number - ? + ? "
            "WHERE document_id = ? AND number >= ?",
            (new_id, at_page - 1, _RENUMBER_OFFSET, document_id, at_page),
        )
        db.execute(
            "UPDATE pages SET number = number - ? WHERE document_id = ?",
            (_RENUMBER_OFFSET, new_id),
        )
        library.queue_for_index(document_id)
        library.queue_for_index(new_id)
    return new_id


def merge_documents(library: Library, target_id: str, others: Sequence[str]) -> int:
    """Append the pages of `others`, in that order, to `target_id`; the others are gone
    afterwards (their files count as the target's sources). Returns the target's page count."""
    others = [ident for ident in others if ident != target_id]
    if not others:
        raise LibraryError("Merging needs at least two different documents.")
    _refuse_sealed(library, [target_id, *others], "merged")
    count = len(library.pages(target_id))
    with library.transaction() as db:
        for other in others:
            db.execute(
                "UPDATE pages SET document_id = ?, number = number + ? WHERE document_id = ?",
                (target_id, count + _RENUMBER_OFFSET, other),
            )
            moved = db.execute(
                "SELECT count(*) FROM pages WHERE document_id = ?", (target_id,)
            ).fetchone()[0]
            db.execute(
                "UPDATE pages SET number = number - ? WHERE document_id = ? AND number > ?",
                (_RENUMBER_OFFSET, target_id, _RENUMBER_OFFSET),
            )
            last = db.execute(
                "SELECT coalesce(max(position), 0) FROM sources WHERE document_id = ?",
                (target_id,),
            ).fetchone()[0]
            db.execute(
                "UPDATE sources SET document_id = ?, position = position + ?, "
                "first_page = first_page + ? WHERE document_id = ?",
                (target_id, last, count, other),
            )
            db.execute("DELETE FROM documents WHERE id = ?", (other,))
            count = moved
        library.queue_for_index(target_id)
        for other in others:
            library.queue_for_index(other)  # its search entries go
    return count


def crop_page(
    library: Library, document_id: str, number: int, box: tuple[int, int, int, int]
) -> Removed:
    """Crop a page to `box` (left, top, right, bottom, in the page image's pixels). The page
    gets a cropped copy of its image and its OCR text is set aside (the next OCR reads the
    cropped page); the original stays in the library. Undo with `editing.restore_page`."""
    page = next((p for p in library.pages(document_id) if p.number == number), None)
    if page is None:
        raise LibraryError(f"Document {document_id} has no page {number}.")
    left, top, right, bottom = box
    if not (0 <= left < right <= page.width and 0 <= top < bottom <= page.height):
        raise LibraryError(
            f"A crop of page {number} lies inside its {page.width}×{page.height} pixels, "
            f"not at {box}."
        )
    with library.transaction() as db:
        before = _capture(db, "pages", "id", [page.id])
    with Image.open(io.BytesIO(library.read_object(page.image_sha256))) as image:
        replace_page_image(library, document_id, page, image.crop(box))
    return Removed(before, (document_id,))


def _refuse_sealed(library: Library, document_ids: Sequence[str], what: str) -> None:
    for document_id in document_ids:
        if _sealed(library, document_id):
            raise LibraryError(
                f"Document {document_id} is secret and sealed in the vault: it cannot be {what} "
                "here."
            )
