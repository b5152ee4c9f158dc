"""A writer that dies between storing an object and committing its row leaves nothing behind."""

from __future__ import annotations

import fcntl
import hashlib
import os
import threading
from pathlib import Path

from digitizer.library import Library, verify
from digitizer.library.verify import ProblemKind


def _die_after_storing(library: Library, tmp_path: Path, data: bytes) -> str:
    """Steps 1 and 2 of the write protocol, then no commit: what SIGKILL leaves."""
    source = tmp_path / "page.png"
    source.write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    library.put_file(source, sha)
    return sha


def test_an_uncommitted_object_is_removed_when_the_library_is_next_opened(
    library_path: Path, tmp_path: Path
) -> None:
    library = Library.open(library_path, create=True)
    sha = _die_after_storing(library, tmp_path, b"half-imported page")
    assert library.objects.contains(sha)
    library.close()

    with Library.open(library_path) as reopened:
        assert reopened.recovered_objects == 1
        assert not reopened.objects.contains(sha)
        report = verify(reopened)
    assert report.ok
    assert report.recovered == 1


def test_recovery_leaves_another_live_writers_objects_alone(
    library_path: Path, tmp_path: Path
) -> None:
    writer = Library.open(library_path, create=True)
    sha = _die_after_storing(writer, tmp_path, b"page being written")

    with Library.open(library_path) as checker:
        report = verify(checker)
        assert checker.objects.contains(sha), "the live writer's object must survive"
    assert report.ok
    assert report.in_flight == 1
    writer.close()


def test_an_object_without_a_pending_note_is_reported_orphaned_not_deleted(
    library: Library,
) -> None:
    stray = library.objects.add_bytes(b"something the catalogue never heard of")

    report = verify(library)

    assert [problem.kind for problem in report.problems] == [ProblemKind.ORPHANED]
    assert report.problems[0].object == stray.sha256
    assert library.objects.contains(stray.sha256)


def test_the_writer_lock_is_shared_while_open(library_path: Path) -> None:
    with Library.open(library_path, create=True):
        fd = os.open(library_path / "lock", os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)  # another writer may join
            fcntl.flock(fd, fcntl.LOCK_UN)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                exclusive = True
            except BlockingIOError:
                exclusive = False
        finally:
            os.close(fd)
    assert not exclusive, "recovery must not be able to run while a writer is open"


def test_a_reader_opening_while_a_writer_recovers_is_not_disturbed(library_path: Path) -> None:
    """Recovery clears `objects/tmp` when a writer finds itself alone; readers hold no lock, so
    one may open the library at that moment (the window's page views do, beside its writing
    tasks). A reader touches nothing on disk, so it cannot trip over the clearing."""
    Library.open(library_path, create=True).close()
    failures: list[BaseException] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                Library.open(library_path, writable=False).close()
            except BaseException as error:  # any failure is the finding
                failures.append(error)
                return

    readers = [threading.Thread(target=read) for _ in range(2)]
    for reader in readers:
        reader.start()
    try:
        for _ in range(300):  # each open finds itself the only writer and recovers
            Library.open(library_path).close()
            if failures:
                break
    finally:
        stop.set()
        for reader in readers:
            reader.join()
    assert failures == []


def test_a_reader_makes_no_folder(library_path: Path) -> None:
    Library.open(library_path, create=True).close()
    scratch = library_path / "objects" / "tmp"
    scratch.rmdir()

    Library.open(library_path, writable=False).close()

    assert not scratch.exists()
