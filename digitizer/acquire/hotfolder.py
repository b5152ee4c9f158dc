"""The hot folder: files that appear in a folder (from a networked copier, a scanning station)
are imported once they have stopped changing, then moved to `processed/` or, with a reason file
beside them, to `failed/`.

A file is taken when its size and modification time have stayed the same for `settle_seconds`
(a copier writing over the network pauses, so the wait is the only sure sign it is done).
New files are seen through the operating system's change events (watchdog: inotify on Linux),
and the folder is also read whole at start and every `rescan_seconds`, so nothing that arrived
while the watcher was stopped, or whose event was lost, is missed.

Each file goes through a record in the catalogue (`hot_folder_files`): noted with its hash
before the import, marked imported before it is moved, and done after. A watcher that stops at
any point takes up where it was on its next start: a file whose import was cut off is imported
again (the importer finishes the document it began), one already imported is only moved.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from digitizer.acquire.discover import natural_key
from digitizer.acquire.importer import ImportOptions, ImportReport, import_paths, unreadable
from digitizer.acquire.stack import StackOptions, StackReport, import_stacks
from digitizer.errors import (
    Cancelled,
    DigitizerError,
    FolderWatched,
    LibraryError,
    UnreadableContent,
)
from digitizer.library.library import Library, utc_now
from digitizer.library.objects import sha256_of_file
from digitizer.printable import display_name, printable
from digitizer.progress import CancelEvent
from digitizer.security.records import forget_names

PROCESSED = "processed"
FAILED = "failed"
REASON_SUFFIX = ".reason.txt"
# A file whose import is cut off this many times (the program killed while reading it, each
# time) is set aside in failed/ rather than taken first at every start.
MAX_ATTEMPTS = 3
# Names that file-copying programs give a file while they are still writing it.
_PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload", ".filepart", "~")


@dataclass(frozen=True)
class WatchOptions:
    settle_seconds: float = 2.0
    """How long a file must stay unchanged before it is taken."""
    poll_seconds: float = 0.25
    rescan_seconds: float = 30.0
    split_on_separators: bool = False
    stack: StackOptions = field(default_factory=StackOptions)


@dataclass(frozen=True)
class HotFolderOutcome:
    """What became of one file."""

    name: str
    outcome: str  # 'processed', 'failed' or 'cancelled'
    documents: tuple[str, ...]
    reason: str  # for a failed file, what the reason file says
    moved_to: Path | None
    already_imported: bool = False  # an earlier run imported it; this one only moved it


@dataclass
class _Candidate:
    size: int
    mtime_ns: int
    since: float  # when it was last seen to change


class _Events(FileSystemEventHandler):
    """Notes the names that the operating system says changed."""

    def __init__(self, wake: Callable[[Path], None]) -> None:
        self.wake = wake

    def on_any_event(self, event: FileSystemEvent) -> None:
        for path in (event.src_path, getattr(event, "dest_path", "")):
            if path:
                self.wake(Path(path if isinstance(path, str) else path.decode()))


class HotFolder:
    """Watches one folder and imports what lands in it into one library."""

    def __init__(
        self,
        folder: Path,
        open_library: Callable[[], Library],
        options: ImportOptions | None = None,
        watch: WatchOptions | None = None,
        on_outcome: Callable[[HotFolderOutcome], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folder = folder.resolve()
        self.open_library = open_library  # a writable library, opened for each file taken
        self.options = options or ImportOptions()
        self.watch = watch or WatchOptions()
        self.on_outcome = on_outcome or (lambda outcome: None)
        self.clock = clock  # seconds, for the settling time and the rescans
        self._lock = threading.Lock()
        self._woken: set[Path] = set()
        self._candidates: dict[Path, _Candidate] = {}

    # --- watching ------------------------------------------------------------------------------

    def run(self, cancel: CancelEvent, *, once: bool = False) -> list[HotFolderOutcome]:
        """Import files as they settle until `cancel` is set; with `once`, only the files there
        now, then return. Returns what became of each file."""
        for name in (PROCESSED, FAILED):
            (self.folder / name).mkdir(parents=True, exist_ok=True)
        with self._watching_alone():
            return self._run(cancel, once=once)

    @contextmanager
    def _watching_alone(self) -> Iterator[None]:
        """Hold the folder's watch lock: two watchers would race for the same files."""
        # The lock is on the folder itself, so nothing is left in it.
        descriptor = os.open(self.folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as error:
                raise FolderWatched(
                    f"{display_name(self.folder)} is already watched by another program; "
                    "stop that one first.",
                    source=self.folder,
                ) from error
            yield
        finally:
            os.close(descriptor)  # closing releases the lock

    def _run(self, cancel: CancelEvent, *, once: bool) -> list[HotFolderOutcome]:
        outcomes: list[HotFolderOutcome] = []
        observer = None
        if not once:
            observer = Observer()
            observer.schedule(_Events(self._wake), str(self.folder), recursive=False)
            observer.start()
        try:
            self._rescan()
            last_scan = self.clock()
            while not cancel.is_set():
                if self.clock() - last_scan >= self.watch.rescan_seconds:
                    self._rescan()
                    last_scan = self.clock()
                for path in self._settled():
                    outcome = self._take(path, cancel)
                    outcomes.append(outcome)
                    self.on_outcome(outcome)
                    if cancel.is_set():
                        break
                if once and not self._candidates and not self._woken:
                    break
                cancel.wait(self.watch.poll_seconds)
        finally:
            if observer is not None:
                observer.stop()
                observer.join()
        return outcomes

    def _wake(self, path: Path) -> None:
        with self._lock:
            self._woken.add(path)

    def _rescan(self) -> None:
        with self._lock:
            self._woken.update(self.folder.iterdir())

    def _is_candidate(self, path: Path) -> bool:
        name = path.name
        return (
            path.parent == self.folder
            and not name.startswith(".")
            and not name.lower().endswith(_PARTIAL_SUFFIXES)
            and path.is_file()
        )

    def _settled(self) -> list[Path]:
        """The candidate files unchanged for the settling time, in natural order."""
        with self._lock:
            woken, self._woken = self._woken, set()
        now = self.clock()
        for path in woken:
            if path not in self._candidates and self._is_candidate(path):
                self._candidates[path] = _Candidate(-1, -1, now)
        ready = []
        for path, seen in list(self._candidates.items()):
            try:
                status = path.stat()
            except OSError:
                del self._candidates[path]  # moved away or deleted before it settled
                continue
            if (status.st_size, status.st_mtime_ns) != (seen.size, seen.mtime_ns):
                self._candidates[path] = _Candidate(status.st_size, status.st_mtime_ns, now)
            elif now - seen.since >= self.watch.settle_seconds:
                ready.append(path)
        return sorted(ready, key=lambda path: natural_key(Path(path.name)))

    # --- taking one file -----------------------------------------------------------------------

    def _take(self, path: Path, cancel: CancelEvent) -> HotFolderOutcome:
        del self._candidates[path]
        with self.open_library() as library:
            try:
                sha256 = sha256_of_file(path)
                size = path.stat().st_size
            except OSError as error:
                return self._finish(library, path, None, (), f"unreadable-file: {error.strerror}")
            earlier = library.db.execute(
                "SELECT documents FROM hot_folder_files WHERE folder = ? AND sha256 = ? "
                "AND (state = 'imported' OR outcome = 'processed') ORDER BY id DESC LIMIT 1",
                (str(self.folder), sha256),
            ).fetchone()
            if earlier is not None:
                documents = tuple(json.loads(earlier["documents"]))
                return self._finish(library, path, None, documents, "", already=True)
            record, attempts = self._note(library, path, sha256, size)
            if attempts > MAX_ATTEMPTS:
                reason = (
                    f"{UnreadableContent.code}: its import was cut off {MAX_ATTEMPTS} times; "
                    "it is set aside so that the files behind it go in"
                )
                self._record_outcome(library, record, "failed", (), reason)
                return self._finish(library, path, record, (), reason)
            try:
                report = self._import(library, path, cancel)
            except (Cancelled, LibraryError):
                raise  # the folder stops: nothing about this file is decided
            except Exception as error:  # this file broke something: it alone fails
                failure = error if isinstance(error, DigitizerError) else unreadable(path, error)
                reason = f"{failure.code}: {failure.message}"
                self._record_outcome(library, record, "failed", (), reason)
                return self._finish(library, path, record, (), reason)
            if report.cancelled:
                return HotFolderOutcome(display_name(path), "cancelled", (), "", None)
            documents = tuple(item.document_id for item in report.imported) + tuple(
                item.document_id for item in report.duplicates
            )
            reason = "\n".join(f"{item.code}: {item.message}" for item in report.failed) or (
                "" if documents else "no page in it could be imported"
            )
            self._record_outcome(
                library, record, "failed" if reason else "imported", documents, reason
            )
            return self._finish(library, path, record, documents, reason)

    def _record_outcome(
        self, library: Library, record: int, state: str, documents: tuple[str, ...], reason: str
    ) -> None:
        with library.transaction() as db:
            db.execute(
                "UPDATE hot_folder_files SET state = ?, documents = ?, reason = ?, "
                "updated_at = ? WHERE id = ?",
                (state, json.dumps(documents), reason, utc_now(), record),
            )

    def _note(self, library: Library, path: Path, sha256: str, size: int) -> tuple[int, int]:
        """The file's record, and how many times its import has now begun."""
        with library.transaction() as db:
            row = db.execute(
                "SELECT id, attempts FROM hot_folder_files WHERE folder = ? AND sha256 = ? "
                "AND state = 'importing'",
                (str(self.folder), sha256),
            ).fetchone()
            if row is not None:  # cut off last time: the importer finishes what it began
                db.execute(
                    "UPDATE hot_folder_files SET attempts = attempts + 1 WHERE id = ?",
                    (row["id"],),
                )
                return int(row["id"]), int(row["attempts"]) + 1
            now = utc_now()
            cursor = db.execute(
                "INSERT INTO hot_folder_files (folder, name, sha256, size, state, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, 'importing', ?, ?)",
                (str(self.folder), display_name(path), sha256, size, now, now),
            )
            return int(cursor.lastrowid or 0), 1

    def _import(self, library: Library, path: Path, cancel: CancelEvent) -> ImportReport:
        if self.watch.split_on_separators:
            stacked: StackReport = import_stacks(
                library, [path], self.options, self.watch.stack, cancel=cancel
            )
            return stacked.imports
        return import_paths(library, [path], self.options, cancel=cancel)

    def _finish(
        self,
        library: Library,
        path: Path,
        record: int | None,
        documents: tuple[str, ...],
        reason: str,
        *,
        already: bool = False,
    ) -> HotFolderOutcome:
        outcome = FAILED if reason else PROCESSED
        target = _free_name(self.folder / outcome, path.name)
        path.rename(target)
        if reason:
            target.with_name(target.name + REASON_SUFFIX).write_text(reason + "\n", "utf-8")
        if record is not None:
            with library.transaction() as db:
                db.execute(
                    "UPDATE hot_folder_files SET state = 'done', outcome = ?, moved_to = ?, "
                    "updated_at = ? WHERE id = ?",
                    (outcome, printable(str(target)), utc_now(), record),
                )
                # A secret document's file name says what it is: the record keeps only ids.
                for document_id in documents:
                    if library.document(document_id).classification.is_secret:
                        forget_names(db, document_id)
        return HotFolderOutcome(display_name(path), outcome, documents, reason, target, already)


def _free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or `name-2`, `name-3` … before its suffix when that is taken."""
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 1
    while target.exists() or target.with_name(target.name + REASON_SUFFIX).exists():
        number += 1
        target = folder / f"{stem}-{number}{suffix}"
    return target
