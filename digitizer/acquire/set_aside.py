"""Pages set aside from stacks (blank backs): listed, and put back into their document on
request. Nothing is ever deleted: a set-aside page is a stored object like any other."""

from __future__ import annotations

from dataclasses import dataclass

from digitizer.errors import NotSetAside
from digitizer.library.library import Library

_RENUMBER_OFFSET = 1_000_000  # pages move out of the way first: (document, number) is unique


@dataclass(frozen=True)
class SetAsidePage:
    id: int
    name: str  # the page as its stack named it
    document_id: str | None  # the document it was taken from; None when its stack had no other
    after_page: int  # it goes back after this page (0: before the first)
    reason: str  # 'blank'
    ink: float  # share of the page covered by ink, as measured
    image_sha256: str
    media_type: str
    width: int
    height: int
    dpi: float | None
    created_at: str


def set_aside_pages(library: Library, document_id: str | None = None) -> list[SetAsidePage]:
    """The pages set aside, oldest first; only those of `document_id` when given."""
    where, parameters = ("WHERE document_id = ?", (document_id,)) if document_id else ("", ())
    return [
        SetAsidePage(
            id=row["id"],
            name=row["name"],
            document_id=row["document_id"],
            after_page=row["after_page"],
            reason=row["reason"],
            ink=row["ink"],
            image_sha256=row["image_sha256"],
            media_type=row["media_type"],
            width=row["width"],
            height=row["height"],
            dpi=row["dpi"],
            created_at=row["created_at"],
        )
        for row in library.rows(f"SELECT * FROM set_aside_pages {where} ORDER BY id", parameters)
    ]


def restore_page(library: Library, set_aside_id: int) -> tuple[str, int]:
    """Put a set-aside page back into its document where it was; returns the document's id
    and the page's number. The pages after it move up by one; search entries follow."""
    found = [page for page in set_aside_pages(library) if page.id == set_aside_id]
    if not found:
        raise NotSetAside(f"No set-aside page {set_aside_id}; `digitizer set-aside` lists them.")
    page = found[0]
    if page.document_id is None:
        raise NotSetAside(
            f"Set-aside page {set_aside_id} ({page.name}) came from a stack that gave no "
            "document, so there is nothing to put it back into."
        )
    document = library.document(page.document_id)
    number = min(page.after_page, document.page_count) + 1
    with library.transaction() as db:
        holder = db.execute(
            "SELECT document_id FROM sources WHERE sha256 = ?", (page.image_sha256,)
        ).fetchone()
        if holder is not None:
            raise NotSetAside(
                f"Set-aside page {set_aside_id} ({page.name}) is already a page of document "
                f"{holder[0]}."
            )
        size = db.execute(
            "SELECT size FROM objects WHERE sha256 = ?", (page.image_sha256,)
        ).fetchone()[0]
        db.execute(
            "UPDATE pages SET number = number + ? WHERE document_id = ? AND number >= ?",
            (_RENUMBER_OFFSET, document.id, number),
        )
        db.execute(
            "UPDATE pages SET number = number - ? WHERE document_id = ? AND number >= ?",
            (_RENUMBER_OFFSET - 1, document.id, _RENUMBER_OFFSET + number),
        )
        position = db.execute(
            "SELECT coalesce(max(position), 0) + 1 FROM sources WHERE document_id = ?",
            (document.id,),
        ).fetchone()[0]
        # The page image is its own original: the source it was taken from belongs to its
        # document already, or was a multi-page file kept whole elsewhere.
        db.execute(
            "INSERT INTO sources (sha256, document_id, position, name, media_type, size, "
            "page_count, first_page, has_text_layer) VALUES (?, ?, ?, ?, ?, ?, 1, ?, 0)",
            (page.image_sha256, document.id, position, page.name, page.media_type, size, number),
        )
        db.execute(
            "INSERT INTO pages (document_id, number, image_sha256, media_type, width, height, "
            "dpi, source_sha256, source_page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
            (
                document.id,
                number,
                page.image_sha256,
                page.media_type,
                page.width,
                page.height,
                page.dpi,
                page.image_sha256,
            ),
        )
        db.execute("DELETE FROM set_aside_pages WHERE id = ?", (page.id,))
        library.queue_for_index(document.id)
    return document.id, number
