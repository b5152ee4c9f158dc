"""Keeping the search index, a cache of the catalogue, in step with it.

The catalogue is the truth. Changes queue their pages in `index_queue` within the change's own
transaction; `update_index` applies the queue and only then removes what it applied, so a crash
on either side loses nothing and at worst applies a page twice. One process writes the index at
a time (an exclusive lock on `index.lock`, taken without waiting: whoever holds it drains the
queue for everybody). A missing, damaged or outdated index is rebuilt from the catalogue when
it is opened, and the caller is told.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from digitizer.library import Library
from digitizer.library.library import INDEX_PURGE_SETTING
from digitizer.progress import NullProgress, Progress
from index import IndexDamaged, PageEntry, SearchIndex
from ocr.words import restored_spellings

INDEX_FOLDER = "index"
LOCK_NAME = "index.lock"
BATCH = 500  # queued changes applied per commit
REBUILD_BATCH = 5000  # pages per segment of a rebuilt index (see SearchIndex.build)
WAIT_FOR_WRITER = 120.0  # seconds a rebuild waits for another process's writer to finish


@dataclass
class IndexReport:
    applied: int = 0  # queued changes applied
    rebuilt: bool = False
    reason: str = ""  # why it was rebuilt, for the user
    pages: int = 0  # pages in the index afterwards
    busy: bool = False  # another process was writing; it applies the queue instead
    seconds: float = 0.0


def index_folder(library: Library) -> Path:
    return library.root / INDEX_FOLDER


@contextlib.contextmanager
def _writer_lock(library: Library, *, wait: float = 0.0) -> Iterator[bool]:
    """Yield True holding the index writer lock, or False when another process holds it."""
    fd = os.open(library.root / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    yield False
                    return
                time.sleep(0.1)
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


# --- what the index holds ------------------------------------------------------------------------

_ENTRY_QUERY = (
    "SELECT d.id, p.number, t.text, d.title, d.document_type, d.number_symbol, d.issuing_body, "
    "d.issued_on, d.classification, coalesce(c.name, '') AS collection, t.words_sha256 "
    "FROM page_texts t JOIN pages p ON p.id = t.page_id JOIN documents d ON d.id = p.document_id "
    "LEFT JOIN collections c ON c.id = d.collection_id "
    "WHERE t.id = (SELECT max(id) FROM page_texts WHERE page_id = p.id) "
    "AND d.import_state = 'complete' AND d.classification NOT IN "
    "('SECRET', 'TOP_SECRET', 'ULTRA_SECRET') "
)


def _entries(
    library: Library, where: str = "", parameters: tuple[object, ...] = ()
) -> list[PageEntry]:
    return list(_each_entry(library, where, parameters))


def _each_entry(
    library: Library, where: str = "", parameters: tuple[object, ...] = ()
) -> Iterator[PageEntry]:
    """The entries, read from the catalogue as they are used (a rebuild of a large library
    would otherwise hold every page's text at once)."""
    rows = library.db.execute(_ENTRY_QUERY + where + " ORDER BY d.id, p.number", parameters)
    for row in rows:
        yield PageEntry(
            page_key=f"{row[0]}:{row[1]}",
            document_id=row[0],
            page_number=int(row[1]),
            text=row[2],
            title=row[3],
            document_type=row[4],
            number_symbol=row[5],
            issuing_body=row[6],
            year=int(row[7][:4]) if row[7] else None,
            collection=row["collection"],
            variants=_restored_spellings(library, row["words_sha256"]),
        )


def _restored_spellings(library: Library, words_sha256: str) -> str:
    """The spellings recognition read for the words tone-mark restoration changed on a page,
    so that search finds the page by either. '' when the word model cannot be read: the index
    is a cache, and `verify` reports a damaged object."""
    try:
        return " ".join(restored_spellings(library.read_object(words_sha256)))
    except (OSError, ValueError):
        return ""


def page_text(library: Library, page_key: str) -> str:
    """The current text of a page, for snippets; '' when it has none (or is secret)."""
    document_id, _, number = page_key.rpartition(":")
    rows = library.rows(_ENTRY_QUERY + "AND d.id = ? AND p.number = ?", (document_id, int(number)))
    return str(rows[0]["text"]) if rows else ""


# --- opening, rebuilding, updating ---------------------------------------------------------------


def open_index(
    library: Library, progress: Progress | None = None
) -> tuple[SearchIndex, IndexReport]:
    """The index, brought up to date; rebuilt first when it is missing, damaged or outdated."""
    report = IndexReport()
    try:
        index = SearchIndex.open(index_folder(library))
    except IndexDamaged as damage:
        report = rebuild_index(library, progress, reason=str(damage))
        index = SearchIndex.open(index_folder(library))
    else:
        if not library.rows("SELECT 1 FROM index_queue LIMIT 1") and not library.get_setting(
            INDEX_PURGE_SETTING
        ):  # nothing to apply: the index as opened is current (a search opens it only once)
            report.pages = index.document_count()
            return index, report
        index.close()
        applied = update_index(library)
        report.applied, report.busy = applied.applied, applied.busy
        report.rebuilt, report.reason = applied.rebuilt, applied.reason
        if library.get_setting(INDEX_PURGE_SETTING):  # never serve words that must be gone
            report = rebuild_index(library, progress, reason="a document left the index")
        index = SearchIndex.open(index_folder(library))
    report.pages = index.document_count()
    return index, report


def rebuild_index(
    library: Library, progress: Progress | None = None, *, reason: str = ""
) -> IndexReport:
    """Build the index afresh from the catalogue beside the old one, then swap it in."""
    started = time.perf_counter()
    with _writer_lock(library, wait=WAIT_FOR_WRITER) as locked:
        if not locked:
            raise IndexDamaged(
                "Another process is writing the search index; try again in a moment.",
                folder=index_folder(library),
            )
        index = _rebuild_locked(library, progress or NullProgress())
    with index:
        pages = index.document_count()
    return IndexReport(
        rebuilt=True, reason=reason, pages=pages, seconds=time.perf_counter() - started
    )


def _rebuild_locked(library: Library, progress: Progress) -> SearchIndex:
    """Rebuild holding the writer lock; the new index is written aside and renamed into place,
    so a crash part-way leaves the old one (or none) and never a half-built one."""
    folder = index_folder(library)
    fresh = folder.with_name(INDEX_FOLDER + ".new")
    last_queued = library.rows("SELECT coalesce(max(id), 0) FROM index_queue")[0][0]
    purge = library.get_setting(INDEX_PURGE_SETTING)
    counted = library.rows(f"SELECT count(*) FROM ({_ENTRY_QUERY})")[0][0]
    progress.start(int(counted), "Indexing pages")
    shutil.rmtree(fresh, ignore_errors=True)
    built = SearchIndex.build(
        fresh, _each_entry(library), batch_size=REBUILD_BATCH, on_page=lambda: progress.advance(1)
    )
    built.close()
    progress.finish()
    old = folder.with_name(INDEX_FOLDER + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    fresh.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
    with library.transaction() as db:
        db.execute("DELETE FROM index_queue WHERE id <= ?", (last_queued,))
        db.execute("DELETE FROM settings WHERE key = ? AND value = ?", (INDEX_PURGE_SETTING, purge))
    return SearchIndex.open(folder)


def update_index(library: Library, *, create_missing: bool = False) -> IndexReport:
    """Apply the queued changes, in batches, each committed before its queue rows go.

    Returns at once (`busy`) when another process holds the writer lock: it will apply them.
    A missing or damaged index is rebuilt when `create_missing`, else left for `open_index`.
    """
    started = time.perf_counter()
    report = IndexReport()
    with _writer_lock(library) as locked:
        if not locked:
            report.busy = True
            return report
        try:
            index = SearchIndex.open(index_folder(library))
        except IndexDamaged as damage:
            if not create_missing:
                return report
            report.rebuilt, report.reason = True, str(damage)
            index = _rebuild_locked(library, NullProgress())
        if library.get_setting(INDEX_PURGE_SETTING) and not report.rebuilt:
            index.close()
            report.rebuilt, report.reason = True, "a document left the index"
            index = _rebuild_locked(library, NullProgress())
        with index:
            while True:
                rows = library.rows(
                    "SELECT id, document_id, page_number FROM index_queue ORDER BY id LIMIT ?",
                    (BATCH,),
                )
                if not rows:
                    break
                with index.writer(batch_size=BATCH) as writer:
                    for document_id, number in _distinct_targets(rows):
                        if number is None:
                            writer.delete_document(document_id)
                            for entry in _entries(library, "AND d.id = ?", (document_id,)):
                                writer.update(entry)
                            continue
                        found = _entries(
                            library, "AND d.id = ? AND p.number = ?", (document_id, number)
                        )
                        if found:
                            writer.update(found[0])
                        else:
                            writer.delete_page(f"{document_id}:{number}")
                with library.transaction() as db:
                    db.execute("DELETE FROM index_queue WHERE id <= ?", (rows[-1]["id"],))
                report.applied += len(rows)
    report.seconds = time.perf_counter() - started
    return report


def _distinct_targets(rows: list[sqlite3.Row]) -> list[tuple[str, int | None]]:
    """The queue's rows as (document, page) targets, each once, whole documents first."""
    targets: dict[tuple[str, int | None], None] = {}
    whole: set[str] = set()
    for row in rows:
        document_id, number = row["document_id"], row["page_number"]
        if number is None:
            whole.add(document_id)
        targets[(document_id, number)] = None
    return [
        (document_id, number)
        for document_id, number in targets
        if number is None or document_id not in whole
    ]
