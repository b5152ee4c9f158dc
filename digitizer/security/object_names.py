"""What a secret object is called: a keyed name, never its plaintext's SHA-256.

A public object goes by its SHA-256 (so the same page imported twice is stored once). An object
of a secret document goes by `Sealer.name_of(sha256)`, an HMAC under a key derived from the
vault's data key, in the vault's file names and in every catalogue row of the document: holding a
candidate file and the library without the passphrase does not tell whether the file is in it.
The same bytes in a public and a secret document are two objects under two names.

Moving a document into the vault or out of it renames its references (`rename_references`), in
the transaction that moves it. Vaults made before keyed names are renamed at the next unlock
(`rename_plain_names`), one object per transaction, so a kill at any instant leaves each object
findable under one name or the other: the old name's files go only after the transaction that
stopped using them, noted as pending so that recovery removes them if the process dies first.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence

from digitizer.errors import LibraryError, VaultDamaged
from digitizer.library import Library
from digitizer.library.library import IN_SECRET, utc_now
from digitizer.library.sealed import Sealer

REFERENCED = (
    "SELECT 1 FROM pages WHERE image_sha256 = ?1 UNION ALL "
    "SELECT 1 FROM sources WHERE sha256 = ?1 UNION ALL "
    "SELECT 1 FROM page_texts WHERE prepared_sha256 = ?1 OR words_sha256 = ?1 UNION ALL "
    "SELECT 1 FROM set_aside_pages WHERE image_sha256 = ?1 UNION ALL "
    "SELECT 1 FROM stack_files WHERE sha256 = ?1 LIMIT 1"
)
"""SQL: a row that uses the object `?1`."""


def rename_references(
    db: sqlite3.Connection, old: str, new: str, document_ids: Sequence[str]
) -> None:
    """Make the rows of `document_ids` name the object `new` where they named `old`. Call
    inside the transaction that registers `new`; foreign keys are checked at its commit."""
    if old == new or not document_ids:
        return
    db.execute("PRAGMA defer_foreign_keys = ON")
    marks = ", ".join("?" for _ in document_ids)
    ids = tuple(document_ids)
    db.execute(
        f"UPDATE pages SET image_sha256 = ? WHERE image_sha256 = ? AND document_id IN ({marks})",
        (new, old, *ids),
    )
    if db.execute(
        f"SELECT 1 FROM sources WHERE sha256 = ? AND document_id IN ({marks})", (old, *ids)
    ).fetchone():
        holder = db.execute("SELECT document_id FROM sources WHERE sha256 = ?", (new,)).fetchone()
        if holder is not None:  # the same file imported twice: once public, once secret
            raise LibraryError(
                f"The same original is already a source of document {holder[0]}: a file is "
                "the original of one document only. Remove one of the two copies first."
            )
        # A source belongs to one document: what hangs on it follows it.
        db.execute("UPDATE sources SET sha256 = ? WHERE sha256 = ?", (new, old))
        for table, column in (
            ("pages", "source_sha256"),
            ("source_signatures", "source_sha256"),
            ("source_text_layers", "source_sha256"),
        ):
            db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (new, old))
    pages = f"SELECT id FROM pages WHERE document_id IN ({marks})"
    for column in ("prepared_sha256", "words_sha256"):
        db.execute(
            f"UPDATE page_texts SET {column} = ? WHERE {column} = ? AND page_id IN ({pages})",
            (new, old, *ids),
        )
    db.execute(
        f"UPDATE OR IGNORE set_aside_pages SET image_sha256 = ? WHERE image_sha256 = ? "
        f"AND document_id IN ({marks})",
        (new, old, *ids),
    )


def is_referenced(library: Library, name: str) -> bool:
    return bool(library.rows(REFERENCED, (name,)))


def plainly_named(library: Library) -> list[str]:
    """Sealed objects still named by their plaintext's SHA-256 (stored before keyed names)."""
    return [
        str(row[0])
        for row in library.rows(
            "SELECT sha256 FROM vault_objects WHERE named_by_key = 0 ORDER BY sha256"
        )
    ]


def rename_plain_names(library: Library, sealer: Sealer) -> int:
    """Rename every sealed object still named by its plaintext's SHA-256 to its keyed name, in
    the vault and in the rows of the secret documents that use it; return how many. Safe to cut
    off at any point and to run again."""
    if library.db.in_transaction:  # a key asked for in the middle of a change: next time
        return 0
    renamed = 0
    for old in plainly_named(library):
        _rename_one(library, sealer, old)
        renamed += 1
    if renamed:
        library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the old names leave the log too
    return renamed


def _rename_one(library: Library, sealer: Sealer, old: str) -> None:
    try:
        data = sealer.open(library.sealed.path_of(old).read_bytes(), old)
    except FileNotFoundError as error:
        raise VaultDamaged(f"The sealed object {old} is missing from the vault.") from error
    if hashlib.sha256(data).hexdigest() != old:
        raise VaultDamaged(f"The sealed object {old} does not hold what its name says.")
    new = sealer.name_of(old)
    media_type = str(library.rows("SELECT media_type FROM objects WHERE sha256 = ?", (old,))[0][0])
    # Steps 1 and 2: the new file, noted as pending (recovery removes it if no row follows).
    stored = library.seal_bytes(data, new, sealer)
    del data
    secret_documents = [
        str(row[0])
        for row in library.rows(f"SELECT id FROM documents WHERE classification IN {IN_SECRET}")
    ]
    with library.transaction() as db:
        library.register_object(stored, media_type)
        rename_references(db, old, new, secret_documents)
        db.execute("DELETE FROM vault_objects WHERE sha256 = ?", (old,))
        if not is_referenced(library, old):
            db.execute("DELETE FROM objects WHERE sha256 = ?", (old,))
        # The old sealed file goes after the commit; noted so that recovery removes it if not.
        db.execute(
            "INSERT OR IGNORE INTO pending_objects (sha256, created_at) VALUES (?, ?)",
            (old, utc_now()),
        )
    library.sealed.remove(old)
    library.clear_pending(old)
