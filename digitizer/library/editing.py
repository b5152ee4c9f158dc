"""Changing what the library holds: collections and documents renamed, moved and deleted, pages
put in another order, turned and deleted — each with what it takes to undo it.

A delete removes the catalogue rows (and with them the search entries) but leaves the stored
objects in place, and returns the rows it removed as a `Removed`; `restore` puts them back.
Objects nothing uses any more — plain or sealed in the vault — are reclaimed by
`purge_unused_objects`, which the window runs when nothing can be undone any more.

A page of a secret document (sealed in the vault) is read through the vault and its turned
image sealed straight from memory: nothing of it is written in plaintext.
"""

from __future__ import annotations

import hashlib
import io
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PIL import Image

from digitizer.errors import DocumentNotFound, LibraryError
from digitizer.library.library import Library, utc_now
from digitizer.library.objects import StoredObject
from digitizer.model import Page

_RENUMBER_OFFSET = 1_000_000  # pages move out of the way first: (document, number) is unique


class NameTaken(LibraryError):
    code = "name-taken"


@dataclass(frozen=True)
class Removed:
    """Catalogue rows taken out by a delete, table by table, to put back on undo."""

    tables: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]
    document_ids: tuple[str, ...] = ()  # documents whose search entries change back on restore


# --- collections ---------------------------------------------------------------------------------


def create_collection(library: Library, name: str) -> int:
    name = _clean_name(name)
    if library.rows("SELECT 1 FROM collections WHERE name = ?", (name,)):
        raise NameTaken(f"There is already a collection called {name!r}.")
    return library.collection_id(name)


def rename_collection(library: Library, collection_id: int, name: str) -> str:
    """Rename a collection; returns its old name."""
    name = _clean_name(name)
    old = _collection_name(library, collection_id)
    if name == old:
        return old
    if library.rows("SELECT 1 FROM collections WHERE name = ?", (name,)):
        raise NameTaken(f"There is already a collection called {name!r}.")
    with library.transaction() as db:
        db.execute("UPDATE collections SET name = ? WHERE id = ?", (name, collection_id))
        _queue_members(library, collection_id)
    return old


def delete_collection(library: Library, collection_id: int) -> Removed:
    """Remove a collection; its documents stay in the library, in no collection."""
    _collection_name(library, collection_id)
    with library.transaction() as db:
        row = db.execute("SELECT * FROM collections WHERE id = ?", (collection_id,)).fetchone()
        members = db.execute(
            "SELECT id, position FROM documents WHERE collection_id = ?", (collection_id,)
        ).fetchall()
        _queue_members(library, collection_id)
        db.execute("DELETE FROM collections WHERE id = ?", (collection_id,))
    membership = tuple(
        {"id": row["id"], "collection_id": collection_id, "position": row["position"]}
        for row in members
    )
    tables = (("collections", (dict(row),)), ("documents.collection", membership))
    return Removed(tables, tuple(member["id"] for member in members))


# --- documents -----------------------------------------------------------------------------------


def move_document(
    library: Library, document_id: str, collection_id: int | None, position: int | None = None
) -> tuple[int | None, int]:
    """Put a document into a collection (None: into none), at `position` or last; returns where
    it was (collection, position)."""
    rows = library.rows(
        "SELECT collection_id, position FROM documents WHERE id = ?", (document_id,)
    )
    if not rows:
        raise DocumentNotFound(f"No document {document_id!r} in this library.")
    was = (rows[0]["collection_id"], int(rows[0]["position"]))
    if collection_id is not None:
        _collection_name(library, collection_id)
    with library.transaction() as db:
        if position is None:
            position = int(
                db.execute(
                    "SELECT coalesce(max(position), 0) + 1 FROM documents WHERE collection_id IS ?",
                    (collection_id,),
                ).fetchone()[0]
            )
        db.execute(
            "UPDATE documents SET collection_id = ?, position = ? WHERE id = ?",
            (collection_id, position, document_id),
        )
        library.queue_for_index(document_id)
    return was


def delete_document(library: Library, document_id: str) -> Removed:
    """Remove a document from the catalogue and the search index; its files stay until
    `purge_unused_objects`."""
    if not library.rows("SELECT 1 FROM documents WHERE id = ?", (document_id,)):
        raise DocumentNotFound(f"No document {document_id!r} in this library.")
    with library.transaction() as db:
        db.execute("PRAGMA defer_foreign_keys = ON")
        removed = _capture(db, "documents", "id", [document_id])
        db.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        library.queue_for_index(document_id)
    return Removed(removed, (document_id,))


def restore(library: Library, removed: Removed) -> None:
    """Put back what a delete took out."""
    with library.transaction() as db:
        db.execute("PRAGMA defer_foreign_keys = ON")
        for table, rows in removed.tables:
            if table == "documents.collection":
                db.executemany(
                    "UPDATE documents SET collection_id = :collection_id, position = :position "
                    "WHERE id = :id",
                    rows,
                )
                continue
            if table == "pages.renumber":
                for row in rows:
                    _shift_pages(db, row["document_id"], row["from"], +1)
                continue
            for row in rows:
                columns = ", ".join(row)
                marks = ", ".join(f":{name}" for name in row)
                db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", row)
        for document_id in removed.document_ids:
            library.queue_for_index(document_id)


# --- pages ---------------------------------------------------------------------------------------


def reorder_pages(library: Library, document_id: str, order: Sequence[int]) -> list[int]:
    """Put the pages in the order `order` gives (current page numbers, each once); returns the
    order that puts them back."""
    numbers = [page.number for page in library.pages(document_id)]
    if sorted(order) != numbers:
        raise LibraryError(
            f"A new page order must name each of the {len(numbers)} page(s) once: {list(order)}."
        )
    back = [0] * len(order)
    for new_number, old_number in enumerate(order, start=1):
        back[old_number - 1] = new_number
    with library.transaction() as db:
        db.execute(
            "UPDATE pages SET number = number + ? WHERE document_id = ?",
            (_RENUMBER_OFFSET, document_id),
        )
        for new_number, old_number in enumerate(order, start=1):
            db.execute(
                "UPDATE pages SET number = ? WHERE document_id = ? AND number = ?",
                (new_number, document_id, old_number + _RENUMBER_OFFSET),
            )
        library.queue_for_index(document_id)
    return back


def delete_page(library: Library, document_id: str, number: int) -> Removed:
    """Remove one page (the pages after it move up); a document keeps at least one page."""
    pages = library.pages(document_id)
    if not any(page.number == number for page in pages):
        raise LibraryError(f"Document {document_id} has no page {number}.")
    if len(pages) == 1:
        raise LibraryError("A document keeps at least one page; delete the document instead.")
    with library.transaction() as db:
        db.execute("PRAGMA defer_foreign_keys = ON")
        page_id = db.execute(
            "SELECT id FROM pages WHERE document_id = ? AND number = ?", (document_id, number)
        ).fetchone()[0]
        removed = _capture(db, "pages", "id", [page_id])
        db.execute("DELETE FROM pages WHERE id = ?", (page_id,))
        _shift_pages(db, document_id, number + 1, -1)
        library.queue_for_index(document_id)
    shift = ("pages.renumber", ({"document_id": document_id, "from": number},))
    return Removed((shift, *removed), (document_id,))


def rotate_page(library: Library, document_id: str, number: int, quarter_turns: int) -> Removed:
    """Turn a page by quarter turns (clockwise). The original stays as it is: the page gets a
    turned copy of its image, and its OCR text, which no longer fits, is set aside (the next
    OCR reads the page again). Undo with `restore_page`."""
    page = next((p for p in library.pages(document_id) if p.number == number), None)
    if page is None:
        raise LibraryError(f"Document {document_id} has no page {number}.")
    turns = quarter_turns % 4
    with library.transaction() as db:
        before = _capture(db, "pages", "id", [page.id])
    if not turns:
        return Removed(before, (document_id,))
    with Image.open(io.BytesIO(library.read_object(page.image_sha256))) as image:
        replace_page_image(library, document_id, page, image.transpose(_TRANSPOSE[turns]))
    return Removed(before, (document_id,))


def replace_page_image(library: Library, document_id: str, page: Page, image: Image.Image) -> None:
    """Store `image` as the page's new derived image (bilevel as CCITT G4, else PNG, at the
    page's resolution) in place of the old one; its OCR text goes, its index entry is queued."""
    buffer = io.BytesIO()
    if image.mode == "1":
        image.save(buffer, format="TIFF", compression="group4", dpi=_dpi(page.dpi))
        media_type = "image/tiff"
    else:
        image.save(buffer, format="PNG", dpi=_dpi(page.dpi))
        media_type = "image/png"
    stored = put_bytes(library, buffer.getvalue(), secret=_sealed(library, document_id))
    with library.transaction() as db:
        library.register_object(stored, media_type)
        db.execute("DELETE FROM page_texts WHERE page_id = ?", (page.id,))
        db.execute(
            "UPDATE pages SET image_sha256 = ?, media_type = ?, width = ?, height = ? WHERE id = ?",
            (stored.sha256, media_type, image.width, image.height, page.id),
        )
        library.queue_for_index(document_id, page.number)


def restore_page(library: Library, removed: Removed) -> None:
    """Undo `rotate_page`: the page's image and its OCR text as they were."""
    with library.transaction() as db:
        db.execute("PRAGMA defer_foreign_keys = ON")
        for table, rows in removed.tables:
            for row in rows:
                if table == "pages":
                    db.execute(
                        "UPDATE pages SET image_sha256 = :image_sha256, media_type = "
                        ":media_type, width = :width, height = :height WHERE id = :id",
                        row,
                    )
                    db.execute("DELETE FROM page_texts WHERE page_id = ?", (row["id"],))
                    continue
                columns = ", ".join(row)
                marks = ", ".join(f":{name}" for name in row)
                db.execute(f"INSERT OR IGNORE INTO {table} ({columns}) VALUES ({marks})", row)
        for document_id in removed.document_ids:
            library.queue_for_index(document_id)


# --- reclaiming space ----------------------------------------------------------------------------


def purge_unused_objects(library: Library) -> int:
    """Remove stored objects no catalogue row uses any more, their plaintext files and their
    sealed ones in the vault (no key needed); returns how many objects went."""
    users = _object_users(library.db)
    if not users:
        return 0
    used = " UNION ".join(
        f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL" for table, column in users
    )
    unused = [
        str(row[0])
        for row in library.rows(
            f"SELECT sha256 FROM objects WHERE sha256 NOT IN ({used}) "
            "AND sha256 NOT IN (SELECT sha256 FROM pending_objects)"
        )
    ]
    if not unused:
        return 0
    with library.transaction() as db:
        for sha256 in unused:
            # Back to pending: if we die before the files go, recovery removes them.
            db.execute("DELETE FROM vault_objects WHERE sha256 = ?", (sha256,))
            db.execute("DELETE FROM objects WHERE sha256 = ?", (sha256,))
            db.execute(
                "INSERT OR IGNORE INTO pending_objects (sha256, created_at) VALUES (?, ?)",
                (sha256, utc_now()),
            )
    for sha256 in unused:
        library.objects.remove(sha256)
        library.sealed.remove(sha256)
        library.db.execute("DELETE FROM pending_objects WHERE sha256 = ?", (sha256,))
    return len(unused)


# --- storing what the program made ---------------------------------------------------------------


def put_bytes(library: Library, data: bytes, *, secret: bool = False) -> StoredObject:
    """Steps 1 and 2 of the write protocol for bytes the program made (`register_object` inside
    a transaction is step 3). `secret` seals them into the vault straight from memory (the vault
    must be unlocked): their plaintext is never written to a file."""
    sha256 = hashlib.sha256(data).hexdigest()
    if secret:
        return library.seal_bytes(data, library.object_name(sha256, secret=True))
    library.note_pending(sha256)
    return library.objects.add_bytes(data)


# --- helpers -------------------------------------------------------------------------------------

_TRANSPOSE = {
    1: Image.Transpose.ROTATE_270,  # PIL turns counter-clockwise
    2: Image.Transpose.ROTATE_180,
    3: Image.Transpose.ROTATE_90,
}


def _dpi(dpi: float | None) -> tuple[float, float]:
    return (dpi, dpi) if dpi else (300.0, 300.0)


def _sealed(library: Library, document_id: str) -> bool:
    """Whether the document's data lives in the vault (a secret document, sealed)."""
    from digitizer.security.records import is_sealed  # the vault's notion, loaded when needed

    return is_sealed(library, document_id)


def _clean_name(name: str) -> str:
    from vietnamese.normalize import nfc

    cleaned = " ".join(nfc(name).split())
    if not cleaned:
        raise LibraryError("A collection needs a name.")
    return cleaned


def _collection_name(library: Library, collection_id: int) -> str:
    rows = library.rows("SELECT name FROM collections WHERE id = ?", (collection_id,))
    if not rows:
        raise LibraryError(f"No collection with id {collection_id}.")
    return str(rows[0]["name"])


def _queue_members(library: Library, collection_id: int) -> None:
    for row in library.rows("SELECT id FROM documents WHERE collection_id = ?", (collection_id,)):
        library.queue_for_index(row["id"])


def _shift_pages(db: sqlite3.Connection, document_id: str, start: int, step: int) -> None:
    """Move pages numbered `start` and up by `step`, through numbers out of the way."""
    db.execute(
        "UPDATE pages SET number = number + ? WHERE document_id = ? AND number >= ?",
        (_RENUMBER_OFFSET, document_id, start),
    )
    db.execute(
        "UPDATE pages SET number = number - ? WHERE document_id = ? AND number >= ?",
        (_RENUMBER_OFFSET - step, document_id, _RENUMBER_OFFSET + start),
    )


def _children(db: sqlite3.Connection, table: str) -> list[tuple[str, str, str]]:
    """(child table, its column, the column of `table` it points at) for every foreign key
    that points into `table`."""
    found = []
    for (child,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall():
        for key in db.execute(f"PRAGMA foreign_key_list({child})").fetchall():
            if key["table"] == table:
                found.append((child, key["from"], key["to"] or "rowid"))
    return found


def _capture(
    db: sqlite3.Connection, table: str, column: str, values: Sequence[Any]
) -> tuple[tuple[str, tuple[dict[str, Any], ...]], ...]:
    """The rows of `table` whose `column` is one of `values`, and every row that points at them
    through a foreign key, recursively: parents before children, each row once."""
    collected: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {}

    def visit(table: str, column: str, values: Sequence[Any]) -> None:
        if not values:
            return
        marks = ", ".join("?" for _ in values)
        rows = db.execute(f"SELECT * FROM {table} WHERE {column} IN ({marks})", values).fetchall()
        fresh = []
        for row in rows:
            record = dict(row)
            key = tuple(record.values())
            if key not in collected.setdefault(table, {}):
                collected[table][key] = record
                fresh.append(record)
        for child, child_column, parent_column in _children(db, table):
            visit(child, child_column, [r[parent_column] for r in fresh])

    visit(table, column, values)
    return tuple((name, tuple(rows.values())) for name, rows in collected.items() if rows)


def _object_users(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """(table, column) of every catalogue column that names a stored object (the vault's own
    note of a sealed object is not a use of it)."""
    return [
        (child, column)
        for child, column, _ in _children(db, "objects")
        if child not in ("objects", "vault_objects")
    ]
