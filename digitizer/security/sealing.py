"""Moving a document's data into the vault and out of it.

A document at Mật or above is *sealed*: every object it uses (originals, page images, prepared
images, word models) is in the vault only — unless a non-secret document shares it — and its
catalogue row, source rows and page texts keep no plaintext: the archival description and the
original file names are in its sealed record, the page text in its sealed word models. A
document classified secret while the vault was locked is *pending*: sealed at the next unlock,
and reported by `verify` until then.

Moving a document keeps the object-store protocol: every new file is noted as pending before it
appears, and every file to go is noted as pending in the transaction that stops using it, so a
crash at any point leaves what recovery cleans up. What is blanked in the catalogue is
overwritten (secure_delete) and the write-ahead log is truncated afterwards; a search index that
held the document is rebuilt, not edited, so none of its words stay in old index segments.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable

from digitizer.library import Library
from digitizer.library.library import OBJECTS_OF_DOCUMENTS
from digitizer.library.objects import StoredObject
from digitizer.model import Classification
from digitizer.security.object_names import is_referenced, rename_references
from digitizer.security.records import (
    SealedRecord,
    forget_names,
    page_text,
    read_record,
    write_record,
)
from digitizer.security.register import seal_entries

InTransaction = Callable[[sqlite3.Connection], object] | None


# --- which objects -------------------------------------------------------------------------------


def document_objects(library: Library, document_id: str) -> set[str]:
    """Every object the document uses."""
    query = OBJECTS_OF_DOCUMENTS.format(where="d.id = ?1")
    return {str(row[0]) for row in library.rows(query, (document_id,))}


# --- moving documents ----------------------------------------------------------------------------


def seal_document(
    library: Library, document_id: str, level: Classification, within: InTransaction = None
) -> int:
    """Classify the document `level` (a secret one) and move its data into the vault; return how
    many plaintext objects were removed. `within` runs inside the transaction of the change."""
    if not level.is_secret:
        raise ValueError("only secret levels go into the vault")
    library.require_sealer()
    used = document_objects(library, document_id)
    media = _media_types(library, used)
    sealed: list[tuple[StoredObject, str, str]] = []  # stored under its keyed name, media, old
    for sha256 in sorted(used):
        if not _in_vault(library, sha256):
            path = library.objects.path_of(sha256)
            stored = library.put_file(path, sha256, secret=True)
            sealed.append((stored, media[sha256], sha256))
    document = library.document(document_id)
    renamed = {old: stored.sha256 for stored, _, old in sealed}
    names = {renamed.get(s.sha256, s.sha256): s.name for s in document.sources}
    record = SealedRecord(document.metadata, names)
    with library.transaction() as db:
        for stored, media_type, old in sealed:
            library.register_object(stored, media_type)
            rename_references(db, old, stored.sha256, [document_id])
        db.execute(
            "UPDATE documents SET classification = ?, title = '', document_type = '', "
            "number_symbol = '', issuing_body = '', issued_on = NULL, abstract = '', "
            "keywords = '[]' WHERE id = ?",
            (level.value, document_id),
        )
        db.execute("UPDATE sources SET name = '' WHERE document_id = ?", (document_id,))
        # Record fields beyond the sealed description (signer, recipients …) read from the
        # pages would stay in plaintext: they go, and are read again once it is unsealed.
        db.execute("DELETE FROM record_fields WHERE document_id = ?", (document_id,))
        db.execute("DELETE FROM record_gaps WHERE document_id = ?", (document_id,))
        db.execute(
            "UPDATE page_texts SET text = '' WHERE page_id IN "
            "(SELECT id FROM pages WHERE document_id = ?)",
            (document_id,),
        )
        write_record(library, db, document_id, record)
        # The plaintext objects no other document uses go, their catalogue rows (which name
        # them by their plaintext's SHA-256) with them.
        to_remove = [old for _, _, old in sealed if not is_referenced(library, old)]
        for sha256 in to_remove:
            db.execute("DELETE FROM objects WHERE sha256 = ?", (sha256,))
            library.note_pending(sha256)
        library.queue_for_index(document_id)
        library.queue_index_purge()
        forget_names(db, document_id)
        seal_entries(library, db, document_id)
        if within is not None:
            within(db)
    removed = 0
    for sha256 in to_remove:
        if library.objects.contains(sha256):
            library.objects.remove(sha256)
            removed += 1
        library.clear_pending(sha256)
    _scrub(library)
    return removed


def unseal_document(
    library: Library, document_id: str, level: Classification, within: InTransaction = None
) -> None:
    """Classify the document `level` (below Mật) and move its data out of the vault. `within`
    runs inside the transaction of the change."""
    if level.is_secret:
        raise ValueError("secret levels stay in the vault")
    library.require_sealer()
    record = read_record(library, document_id)
    used = document_objects(library, document_id)
    media = _media_types(library, used)
    plain: list[tuple[StoredObject, str, str]] = []  # stored under its SHA-256, media, old name
    for name in sorted(used):
        if not _in_vault(library, name):
            continue
        data = library.open_sealed(name)
        sha256 = hashlib.sha256(data).hexdigest()
        library.note_pending(sha256)
        plain.append((library.objects.add_bytes(data), media[name], name))
    texts = {
        int(row[0]): page_text(library, str(row[1]))
        for row in library.rows(
            "SELECT t.id, t.words_sha256 FROM page_texts t JOIN pages p ON p.id = t.page_id "
            "WHERE p.document_id = ?",
            (document_id,),
        )
    }
    with library.transaction() as db:
        for stored, media_type, old in plain:
            library.register_object(stored, media_type)
            rename_references(db, old, stored.sha256, [document_id])
        db.execute(
            "UPDATE documents SET classification = ? WHERE id = ?", (level.value, document_id)
        )
        if record is not None:
            renamed = {old: stored.sha256 for stored, _, old in plain}
            _restore_description(library, document_id, record, renamed)
        db.executemany(
            "UPDATE page_texts SET text = ? WHERE id = ?",
            [(text, text_id) for text_id, text in texts.items()],
        )
        db.execute("DELETE FROM sealed_records WHERE document_id = ?", (document_id,))
        # Sealed objects no secret document uses any more go: their rows, then their files.
        to_remove = [old for stored, _, old in plain if old != stored.sha256]
        to_remove = [old for old in to_remove if not is_referenced(library, old)]
        for name in to_remove:
            db.execute("DELETE FROM vault_objects WHERE sha256 = ?", (name,))
            db.execute("DELETE FROM objects WHERE sha256 = ?", (name,))
            library.note_pending(name)
        for stored, _, old in plain:
            if old == stored.sha256:  # named before keyed names: only its sealed copy goes
                db.execute("DELETE FROM vault_objects WHERE sha256 = ?", (old,))
                library.note_pending(old)
                to_remove.append(old)
        library.queue_for_index(document_id)
        if within is not None:
            within(db)
    for name in to_remove:
        library.sealed.remove(name)
        library.clear_pending(name)


def _restore_description(
    library: Library, document_id: str, record: SealedRecord, renamed: dict[str, str]
) -> None:
    """Put the sealed description back; the record names sources as they were named when it
    was written (their keyed names, or their SHA-256 in a record older than keyed names)."""
    library.write_metadata(document_id, record.metadata)
    library.db.executemany(
        "UPDATE sources SET name = ? WHERE sha256 = ? AND document_id = ?",
        [
            (name, renamed.get(sha256, sha256), document_id)
            for sha256, name in record.source_names.items()
        ],
    )


def _in_vault(library: Library, sha256: str) -> bool:
    return bool(library.rows("SELECT 1 FROM vault_objects WHERE sha256 = ?", (sha256,)))


def _media_types(library: Library, objects: set[str]) -> dict[str, str]:
    media: dict[str, str] = {}
    for sha256 in objects:
        rows = library.rows("SELECT media_type FROM objects WHERE sha256 = ?", (sha256,))
        media[sha256] = str(rows[0][0]) if rows else "application/octet-stream"
    return media


def _scrub(library: Library) -> None:
    """Leave no copy of what was blanked: fold the write-ahead log into the catalogue and
    truncate it, and rebuild a search index that may hold the document's words."""
    from digitizer.indexing import (  # only now: it loads the search engine
        index_folder,
        rebuild_index,
    )

    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if index_folder(library).is_dir() and any(index_folder(library).iterdir()):
        rebuild_index(library, reason="a document went into the vault")
        library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
