"""An archive library on disk: the SQLite catalogue plus the content-addressed object store.

Writing an object follows one protocol, so that a crash at any instant leaves a library that
`verify` finds clean:

1. note the object's hash in `pending_objects` (committed);
2. write the file into the store (temporary file, fsync, rename);
3. in one transaction, add its `objects` row, the rows that use it, and drop the pending note.

A process that dies between 1 and 3 leaves a pending note; the next process to open the library
alone removes the unfinished file. Every process that writes holds a shared lock on
`<library>/lock`; recovery takes it exclusively, so it never touches another writer's work.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import secrets
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from digitizer.errors import (
    AmbiguousDocument,
    DocumentNotFound,
    LibraryError,
    LibraryNotFound,
    VaultDamaged,
    VaultLocked,
    system_failure,
)
from digitizer.library import catalog
from digitizer.library.objects import ObjectStore, StoredObject
from digitizer.library.permissions import tighten
from digitizer.library.sealed import SealedObject, SealedStore, Sealer
from digitizer.model import (
    Classification,
    Collection,
    Document,
    ImportState,
    Metadata,
    Page,
    PageTextRecord,
    Source,
)

CATALOG_NAME = "catalog.sqlite3"
INDEX_PURGE_SETTING = "index.purge"
"""Set while the search index may still hold a document that has left it (see
`Library.queue_index_purge`)."""
IN_SECRET = "(" + ", ".join(f"'{level.value}'" for level in Classification if level.is_secret) + ")"
"""SQL: `classification IN {IN_SECRET}`, the levels kept only in the vault."""
OBJECTS_OF_DOCUMENTS = (
    "SELECT p.image_sha256 FROM pages p JOIN documents d ON d.id = p.document_id WHERE {where} "
    "UNION SELECT s.sha256 FROM sources s JOIN documents d ON d.id = s.document_id "
    "WHERE {where} "
    "UNION SELECT t.prepared_sha256 FROM page_texts t JOIN pages p ON p.id = t.page_id "
    "JOIN documents d ON d.id = p.document_id WHERE {where} AND t.prepared_sha256 NOT NULL "
    "UNION SELECT t.words_sha256 FROM page_texts t JOIN pages p ON p.id = t.page_id "
    "JOIN documents d ON d.id = p.document_id WHERE {where}"
)
"""SQL: every object (page image, original, prepared image, word model) used by the documents
`d` that the condition `{where}` picks."""
_IMPORT_LOCK_BYTE = 1  # the byte of the lock file that `importing_alone` locks
_ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford base32: no i, l, o, u
_ID_LENGTH = 10
_MIN_PREFIX = 4


def _disk_full(root: Path) -> bool:
    """Whether the disk holding `root` has (next to) no room left."""
    try:
        status = os.statvfs(root)
    except OSError:
        return False
    return status.f_bavail * status.f_frsize < 256 * 1024


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_document_id() -> str:
    """A permanent, random document identifier, short enough to type (50 bits)."""
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(_ID_LENGTH))


class Library:
    """One archive library. Open with `Library.open`; close, or use as a context manager."""

    def __init__(self, root: Path, connection: sqlite3.Connection, lock_fd: int | None) -> None:
        self.root = root
        self.db = connection
        self.objects = ObjectStore(root / "objects")
        self.sealed = SealedStore(root / "vault" / "objects")
        self.sealer: Sealer | None = None
        """The unlocked vault, while a secret document is being worked on; None: locked."""
        self._lock_fd = lock_fd
        self.recovered_objects = 0

    # --- opening -------------------------------------------------------------------------------

    @classmethod
    def exists_at(cls, root: Path) -> bool:
        return (root / CATALOG_NAME).is_file()

    @classmethod
    def open(cls, root: Path, *, create: bool = False, writable: bool = True) -> Library:
        """Open the library at `root`, creating it when `create` is true.

        A writable library holds the shared writer lock until it is closed and, when no other
        writer is alive, first finishes the recovery of any write that was cut off.
        """
        root = root.expanduser().resolve()
        if not cls.exists_at(root):
            if not create:
                raise LibraryNotFound(
                    f"No library at {root}. Create one with `digitizer --library {root} init`."
                )
            try:
                root.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as error:
                raise LibraryError(
                    f"Cannot create the library at {root}: {error.strerror}."
                ) from error
        tighten(root)
        lock_fd = None
        if writable or create:
            lock_fd = _open_lock(root)
        try:
            connection = catalog.connect(root / CATALOG_NAME)
            catalog.migrate(connection)
        except sqlite3.DatabaseError as error:
            if lock_fd is not None:
                os.close(lock_fd)
            if _disk_full(root):  # SQLite says "disk I/O error" when it cannot grow its files
                raise system_failure(OSError(errno.ENOSPC, "No space left")) from error
            raise LibraryError(f"The catalogue of {root} cannot be read: {error}.") from error
        library = cls(root, connection, lock_fd)
        if lock_fd is not None:
            # Only writers make folders: a reader holds no lock, so a writer that finds itself
            # alone may be clearing `objects/tmp` at this very moment.
            library.objects.create()
            (root / "index").mkdir(exist_ok=True)
            library._recover_if_alone()
        return library

    @property
    def writable(self) -> bool:
        """Whether this process holds the writer lock (opened writable)."""
        return self._lock_fd is not None

    def close(self) -> None:
        self.db.close()
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def importing_alone(self) -> Iterator[None]:
        """Hold the library's import lock: a second program importing the same files at once
        waits here, then finds them imported and reports them as duplicates, instead of taking
        the first one's unfinished document for a crashed one and filling it twice.

        A POSIX record lock on one byte of the lock file: it lives beside the writers' `flock`
        on the same file without touching it, and goes when the process dies."""
        assert self._lock_fd is not None, "importing needs a writable library"
        fcntl.lockf(self._lock_fd, fcntl.LOCK_EX, 1, _IMPORT_LOCK_BYTE)
        try:
            yield
        finally:
            fcntl.lockf(self._lock_fd, fcntl.LOCK_UN, 1, _IMPORT_LOCK_BYTE)

    def _recover_if_alone(self) -> None:
        assert self._lock_fd is not None
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fcntl.flock(self._lock_fd, fcntl.LOCK_SH)
            return
        try:
            self.recovered_objects = self._recover()
        finally:
            fcntl.flock(self._lock_fd, fcntl.LOCK_SH)

    def _recover(self) -> int:
        """Remove objects whose catalogue rows never committed. Runs only with no other writer."""
        removed = 0
        for row in self.db.execute("SELECT sha256 FROM pending_objects").fetchall():
            sha256 = row["sha256"]
            known = self.db.execute(
                "SELECT 1 FROM objects WHERE sha256 = ? AND plain = 1", (sha256,)
            ).fetchone()
            if not known and self.objects.contains(sha256):
                self.objects.remove(sha256)
                removed += 1
            sealed = self.db.execute(
                "SELECT 1 FROM vault_objects WHERE sha256 = ?", (sha256,)
            ).fetchone()
            if not sealed and self.sealed.contains(sha256):
                self.sealed.remove(sha256)
                removed += 1
            self.clear_pending(sha256)
        self.objects.clear_temp()
        self.sealed.clear_temp_if_used()
        # Alone with the library, so no job can still be running: those are cut off.
        self.db.execute(
            "UPDATE jobs SET state = 'interrupted', updated_at = ? WHERE state = 'running'",
            (utc_now(),),
        )
        return removed

    # --- writing -------------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; it takes SQLite's write lock at once, so it never deadlocks."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def put_file(
        self, path: Path, sha256: str, *, move: bool = False, secret: bool = False
    ) -> StoredObject:
        """Steps 1 and 2 of the write protocol; `register_object` inside a transaction is step 3.

        `move` takes a file the program made in `objects.temp_folder()` by rename instead of
        copying it. `secret` seals the object into the vault instead (the vault must be
        unlocked), and never writes its plaintext.
        """
        if secret:
            return self._put_sealed(path, sha256, move=move)
        known = self.db.execute(
            "SELECT size FROM objects WHERE sha256 = ? AND plain = 1", (sha256,)
        ).fetchone()
        if known and self.objects.contains(sha256):
            if move:
                path.unlink()
            return StoredObject(sha256, int(known["size"]))
        self.note_pending(sha256)
        try:
            if move:
                return self.objects.adopt_file(path, sha256)
            return self.objects.add_file(path, expected_sha256=sha256)
        except ValueError as error:
            self.clear_pending(sha256)
            raise LibraryError(f"{path} changed while it was being imported; try again.") from error

    def _put_sealed(self, path: Path, sha256: str, *, move: bool) -> SealedObject:
        sealer = self.require_sealer()
        name = sealer.name_of(sha256)
        known = self.db.execute(
            "SELECT o.size, v.sealed_sha256, v.sealed_size FROM vault_objects v "
            "JOIN objects o ON o.sha256 = v.sha256 WHERE v.sha256 = ?",
            (name,),
        ).fetchone()
        if known and self.sealed.contains(name):
            if move:
                path.unlink()
            return SealedObject(name, int(known[0]), str(known[1]), int(known[2]))
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise LibraryError(f"{path} changed while it was being imported; try again.")
        stored = self.seal_bytes(data, name)
        if move:
            path.unlink()
        return stored

    def seal_bytes(self, data: bytes, name: str, sealer: Sealer | None = None) -> SealedObject:
        """Steps 1 and 2 of the write protocol for a secret object named `name` (its keyed
        name, `Sealer.name_of`): sealed from memory, its plaintext never written to a file."""
        sealed = (sealer or self.require_sealer()).seal(data, name)
        self.note_pending(name)
        sealed_sha256, sealed_size = self.sealed.store(name, sealed)
        return SealedObject(name, len(data), sealed_sha256, sealed_size)

    def object_name(self, sha256: str, *, secret: bool) -> str:
        """The name the catalogue knows an object by: its SHA-256, or for a secret document's
        object the vault's keyed name of it."""
        return self.require_sealer().name_of(sha256) if secret else sha256

    def require_sealer(self) -> Sealer:
        if self.sealer is None:
            raise VaultLocked(
                "This needs the vault's passphrase: secret documents are stored only encrypted."
            )
        return self.sealer

    def note_pending(self, sha256: str) -> None:
        """Step 1 of the write protocol, and the note before a file goes: until the note is
        cleared, recovery removes the object's files that the catalogue does not list."""
        self.db.execute(
            "INSERT OR IGNORE INTO pending_objects (sha256, created_at) VALUES (?, ?)",
            (sha256, utc_now()),
        )

    def clear_pending(self, sha256: str) -> None:
        self.db.execute("DELETE FROM pending_objects WHERE sha256 = ?", (sha256,))

    def register_object(self, stored: StoredObject, media_type: str) -> None:
        """Record a stored object in the catalogue. Call inside `transaction()`.

        A sealed object is noted in the vault's table; an object stored plain as well (another,
        non-secret document uses it) stays marked plain."""
        sealed = isinstance(stored, SealedObject)
        self.db.execute(
            "INSERT INTO objects (sha256, size, media_type, created_at, plain) "
            "VALUES (?,?,?,?,?) ON CONFLICT (sha256) DO UPDATE SET plain = max(plain, "
            "excluded.plain)",
            (stored.sha256, stored.size, media_type, utc_now(), 0 if sealed else 1),
        )
        if isinstance(stored, SealedObject):
            self.db.execute(
                "INSERT OR IGNORE INTO vault_objects (sha256, sealed_sha256, sealed_size, "
                "created_at, named_by_key) VALUES (?, ?, ?, ?, 1)",
                (stored.sha256, stored.sealed_sha256, stored.sealed_size, utc_now()),
            )
        self.clear_pending(stored.sha256)

    def read_object(self, sha256: str) -> bytes:
        """An object's bytes: the plaintext file, or the sealed one opened with the vault's key
        (VaultLocked without it, VaultDamaged when its bytes were altered)."""
        row = self.db.execute("SELECT plain FROM objects WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None or row[0]:
            return self.objects.path_of(sha256).read_bytes()
        return self.open_sealed(sha256)

    def open_sealed(self, name: str) -> bytes:
        """The plaintext of a sealed object, checked against its (keyed) name."""
        sealer = self.require_sealer()
        try:
            sealed = self.sealed.path_of(name).read_bytes()
        except FileNotFoundError as error:
            raise VaultDamaged(f"The sealed object {name} is missing from the vault.") from error
        data = sealer.open(sealed, name)
        sha256 = hashlib.sha256(data).hexdigest()
        if sealer.name_of(sha256) != name and not (sha256 == name and self._named_plainly(name)):
            raise VaultDamaged(f"The sealed object {name} does not hold what its name says.")
        return data

    def _named_plainly(self, name: str) -> bool:
        """Whether a sealed object still goes by its plaintext's SHA-256 (stored before keyed
        names; renamed at the next unlock of a library opened for writing)."""
        row = self.db.execute(
            "SELECT named_by_key FROM vault_objects WHERE sha256 = ?", (name,)
        ).fetchone()
        return row is not None and not row[0]

    def object_file(self, sha256: str, folder: Path) -> Path:
        """A file holding the object: the plaintext object itself, or the sealed one opened into
        `folder` (which should be RAM-backed; the caller removes it)."""
        row = self.db.execute("SELECT plain FROM objects WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None or row[0]:
            return self.objects.path_of(sha256)
        target = folder / sha256
        if not target.exists():
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(self.open_sealed(sha256))
        return target

    def queue_for_index(self, document_id: str, page_number: int | None = None) -> None:
        """Note that a page's (None: every page's) search entry is stale. Call inside the
        transaction that makes it so."""
        self.db.execute(
            "INSERT INTO index_queue (document_id, page_number, queued_at) VALUES (?, ?, ?)",
            (document_id, page_number, utc_now()),
        )

    def queue_index_purge(self) -> None:
        """Note that a document left the public index: the next index writer rebuilds it before
        any search, so none of its words stay in old segments. Call inside the transaction that
        makes it so (a crash after it cannot leave the words searchable)."""
        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE "
            "SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)",
            (INDEX_PURGE_SETTING,),
        )

    def update_metadata(self, document_id: str, metadata: Metadata) -> None:
        """Replace a document's archival description; its search entries follow."""
        with self.transaction():
            self.write_metadata(document_id, metadata)
            self.queue_for_index(document_id)

    def write_metadata(self, document_id: str, metadata: Metadata) -> None:
        """Write a document's archival description into its row. Call inside `transaction()`."""
        self.db.execute(
            "UPDATE documents SET title = ?, document_type = ?, number_symbol = ?, "
            "issuing_body = ?, issued_on = ?, abstract = ?, keywords = ?, language = ? "
            "WHERE id = ?",
            (
                metadata.title,
                metadata.document_type,
                metadata.number_symbol,
                metadata.issuing_body,
                metadata.issued_on.isoformat() if metadata.issued_on else None,
                metadata.abstract,
                json.dumps(list(metadata.keywords), ensure_ascii=False),
                metadata.language,
                document_id,
            ),
        )

    def collection_id(self, name: str, *, create: bool = True) -> int:
        """The id of the collection called `name`, created when missing."""
        row = self.db.execute("SELECT id FROM collections WHERE name = ?", (name,)).fetchone()
        if row:
            return int(row["id"])
        if not create:
            raise LibraryError(f"No collection called {name!r}.")
        with self.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO collections (name, created_at) VALUES (?, ?)",
                (name, utc_now()),
            )
        row = self.db.execute("SELECT id FROM collections WHERE name = ?", (name,)).fetchone()
        return int(row["id"])

    def discard_document(self, document_id: str) -> None:
        """Remove a document and the objects only it used (an import that failed part-way)."""
        with self.transaction() as db:
            used = {
                row[0]
                for row in db.execute(
                    OBJECTS_OF_DOCUMENTS.format(where="d.id = ?1"), (document_id,)
                )
            }
            db.execute(
                "DELETE FROM page_texts WHERE page_id IN "
                "(SELECT id FROM pages WHERE document_id = ?)",
                (document_id,),
            )
            db.execute("DELETE FROM pages WHERE document_id = ?", (document_id,))
            db.execute("DELETE FROM sources WHERE document_id = ?", (document_id,))
            db.execute("DELETE FROM documents WHERE id = ?", (document_id,))
            self.queue_for_index(document_id)
            unused = [sha for sha in sorted(used) if not self._is_referenced(sha)]
            for sha256 in unused:
                # Back to pending: if we die before the files go, recovery removes them.
                db.execute("DELETE FROM vault_objects WHERE sha256 = ?", (sha256,))
                db.execute("DELETE FROM objects WHERE sha256 = ?", (sha256,))
                self.note_pending(sha256)
        for sha256 in unused:
            self.objects.remove(sha256)
            self.sealed.remove(sha256)
            self.clear_pending(sha256)

    def _is_referenced(self, sha256: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM pages WHERE image_sha256 = ?1 UNION ALL "
            "SELECT 1 FROM sources WHERE sha256 = ?1 UNION ALL "
            "SELECT 1 FROM page_texts WHERE prepared_sha256 = ?1 OR words_sha256 = ?1 LIMIT 1",
            (sha256,),
        ).fetchone()
        return row is not None

    def get_setting(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return str(row["value"]) if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # --- reading -------------------------------------------------------------------------------

    def documents(self) -> list[Document]:
        """All documents, by collection and position, then by when they were imported."""
        rows = self.db.execute(
            _DOCUMENT_QUERY + " ORDER BY d.collection_id IS NULL, d.collection_id, d.position, "
            "d.created_at, d.rowid"
        ).fetchall()
        return [self._document(row) for row in rows]

    def document(self, reference: str) -> Document:
        """The document whose id is `reference`, or starts with it (at least 4 characters)."""
        return self._document(self._document_row(reference))

    def _document_row(self, reference: str) -> sqlite3.Row:
        reference = reference.strip().lower()
        row: sqlite3.Row | None = self.db.execute(
            _DOCUMENT_QUERY + " WHERE d.id = ?", (reference,)
        ).fetchone()
        if row:
            return row
        if len(reference) >= _MIN_PREFIX:
            escaped = reference.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            rows: list[sqlite3.Row] = self.db.execute(
                _DOCUMENT_QUERY + " WHERE d.id LIKE ? ESCAPE '\\' LIMIT 2", (escaped + "%",)
            ).fetchall()
            if len(rows) == 1:
                return rows[0]
            if len(rows) > 1:
                raise AmbiguousDocument(f"More than one document id starts with {reference!r}.")
        raise DocumentNotFound(f"No document {reference!r} in this library.")

    def _document(self, row: sqlite3.Row) -> Document:
        sources = tuple(
            Source(
                sha256=s["sha256"],
                name=s["name"],
                media_type=s["media_type"],
                size=s["size"],
                page_count=s["page_count"],
                has_text_layer=bool(s["has_text_layer"]),
            )
            for s in self.db.execute(
                "SELECT * FROM sources WHERE document_id = ? ORDER BY position", (row["id"],)
            )
        )
        issued = row["issued_on"]
        metadata = Metadata(
            title=row["title"],
            document_type=row["document_type"],
            number_symbol=row["number_symbol"],
            issuing_body=row["issuing_body"],
            issued_on=date.fromisoformat(issued) if issued else None,
            abstract=row["abstract"],
            keywords=tuple(json.loads(row["keywords"])),
            language=row["language"],
        )
        return Document(
            id=row["id"],
            metadata=metadata,
            classification=Classification(row["classification"]),
            state=ImportState(row["import_state"]),
            page_count=row["page_count"],
            collection_id=row["collection_id"],
            sources=sources,
            created_at=row["created_at"],
        )

    def pages(self, document_id: str) -> list[Page]:
        rows = self.db.execute(
            "SELECT * FROM pages WHERE document_id = ? ORDER BY number", (document_id,)
        ).fetchall()
        return [_page(row) for row in rows]

    def collections(self) -> list[Collection]:
        result = []
        for row in self.db.execute("SELECT * FROM collections ORDER BY name"):
            members = tuple(
                r[0]
                for r in self.db.execute(
                    "SELECT id FROM documents WHERE collection_id = ? ORDER BY position",
                    (row["id"],),
                )
            )
            result.append(Collection(row["id"], row["name"], row["code"], members))
        return result

    def collection_name(self, collection_id: int | None) -> str:
        if collection_id is None:
            return ""
        row = self.db.execute(
            "SELECT name FROM collections WHERE id = ?", (collection_id,)
        ).fetchone()
        return str(row["name"]) if row else ""

    def object_users(self, sha256: str) -> list[str]:
        """Say in words what uses an object, for reports: 'document x, page 3 (scan.png)'."""
        users = []
        for row in self.db.execute(
            "SELECT p.document_id, p.number, s.name FROM pages p JOIN sources s "
            "ON s.sha256 = p.source_sha256 WHERE p.image_sha256 = ? "
            "ORDER BY p.document_id, p.number",
            (sha256,),
        ):
            users.append(f"document {row[0]}, page {row[1]} ({row[2]})")
        for row in self.db.execute(
            "SELECT document_id, name FROM sources WHERE sha256 = ?", (sha256,)
        ):
            users.append(f"document {row[0]}, original file {row[1]}")
        for row in self.db.execute(
            "SELECT p.document_id, p.number, t.prepared_sha256 = ?1 FROM page_texts t "
            "JOIN pages p ON p.id = t.page_id WHERE t.prepared_sha256 = ?1 OR t.words_sha256 = ?1 "
            "ORDER BY p.document_id, p.number",
            (sha256,),
        ):
            what = "prepared image" if row[2] else "OCR words"
            users.append(f"document {row[0]}, page {row[1]} ({what})")
        return users

    def page_texts(self, document_id: str) -> dict[int, PageTextRecord]:
        """The current (newest) OCR result of each page of a document, by page number."""
        rows = self.db.execute(
            "SELECT t.*, p.number FROM page_texts t JOIN pages p ON p.id = t.page_id "
            "WHERE p.document_id = ? AND t.id = (SELECT max(id) FROM page_texts "
            "WHERE page_id = p.id) ORDER BY p.number",
            (document_id,),
        ).fetchall()
        return {
            int(row["number"]): PageTextRecord(
                page_id=row["page_id"],
                page_number=row["number"],
                settings_key=row["settings_key"],
                preparation=json.loads(row["preparation"]),
                prepared_sha256=row["prepared_sha256"],
                words_sha256=row["words_sha256"],
                text=row["text"],
                word_count=row["word_count"],
                mean_confidence=row["mean_confidence"],
                seconds=row["seconds"],
            )
            for row in rows
        }

    def rows(self, sql: str, parameters: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return self.db.execute(sql, parameters).fetchall()


_DOCUMENT_QUERY = (
    "SELECT d.*, (SELECT count(*) FROM pages p WHERE p.document_id = d.id) AS page_count "
    "FROM documents d"
)


def _page(row: sqlite3.Row) -> Page:
    return Page(
        id=row["id"],
        document_id=row["document_id"],
        number=row["number"],
        image_sha256=row["image_sha256"],
        media_type=row["media_type"],
        width=row["width"],
        height=row["height"],
        dpi=row["dpi"],
        source_sha256=row["source_sha256"],
        source_page=row["source_page"],
        has_text_layer=bool(row["has_text_layer"]),
    )


def _open_lock(root: Path) -> int:
    try:
        return os.open(root / "lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise LibraryError(f"Cannot write to the library at {root}: {error.strerror}.") from error
