"""The hot folder: a file is taken only once it has stopped changing, lands in processed/ or
failed/ (with its reason), and a watcher that restarts — even one cut off between the import
and the move — neither misses a file nor imports one twice."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from digitizer.acquire.hotfolder import HotFolder, HotFolderOutcome, WatchOptions
from digitizer.library import Library
from tests.acquire.stacks import as_pdf, nine_page_stack
from tests.helpers.pages import pdf_of_pages, write_image

FAST = WatchOptions(settle_seconds=0.6, poll_seconds=0.05, rescan_seconds=5.0)


def _opener(library_path: Path) -> Callable[[], Library]:
    return lambda: Library.open(library_path, create=True, writable=True)


def _once(inbox: Path, library_path: Path, watch: WatchOptions) -> list[HotFolderOutcome]:
    """What one `watch --once` does."""
    return HotFolder(inbox, _opener(library_path), watch=watch).run(threading.Event(), once=True)


def _documents(library_path: Path) -> int:
    with Library.open(library_path, create=True) as library:
        return len(library.documents())


class Running:
    """A watcher running on its own thread, as `digitizer watch` runs it."""

    def __init__(self, folder: HotFolder) -> None:
        self.outcomes: list[HotFolderOutcome] = []
        self.cancel = threading.Event()
        folder.on_outcome = self.outcomes.append
        self.thread = threading.Thread(target=folder.run, args=(self.cancel,), daemon=True)
        self.thread.start()

    def wait_for(self, count: int, timeout: float = 30.0) -> list[HotFolderOutcome]:
        deadline = time.monotonic() + timeout
        while len(self.outcomes) < count:
            assert time.monotonic() < deadline, f"only {self.outcomes} after {timeout} s"
            time.sleep(0.05)
        return self.outcomes

    def stop(self) -> None:
        self.cancel.set()
        self.thread.join(timeout=30)
        assert not self.thread.is_alive()


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


@pytest.fixture
def running(inbox: Path, library_path: Path) -> Iterator[Running]:
    watcher = Running(HotFolder(inbox, _opener(library_path), watch=FAST))
    yield watcher
    watcher.stop()


def test_a_file_still_being_written_is_not_imported_until_it_is_whole(
    running: Running, inbox: Path, library_path: Path, tmp_path: Path
) -> None:
    whole = write_image(tmp_path / "whole.png", 1).read_bytes()
    target = inbox / "scan-001.png"
    with target.open("wb") as out:  # a copier writing over the network, in bursts
        for start in range(0, len(whole), max(1, len(whole) // 8)):
            out.write(whole[start : start + max(1, len(whole) // 8)])
            out.flush()
            time.sleep(0.3)  # pauses shorter than the settling time
            assert running.outcomes == []
    (outcome,) = running.wait_for(1)
    assert outcome.outcome == "processed" and outcome.reason == ""
    assert outcome.moved_to == inbox / "processed" / "scan-001.png"
    assert outcome.moved_to.read_bytes() == whole
    with Library.open(library_path) as library:
        (document,) = library.documents()
        assert document.page_count == 1
        assert document.sources[0].size == len(whole)


def test_a_bad_file_goes_to_failed_with_its_reason_and_the_rest_go_on(
    running: Running, inbox: Path, library_path: Path
) -> None:
    (inbox / "note.txt").write_text("không phải ảnh quét")
    write_image(inbox / "scan-002.png", 2)
    outcomes = running.wait_for(2)
    by_name = {outcome.name: outcome for outcome in outcomes}
    failed = by_name["note.txt"]
    assert failed.outcome == "failed" and failed.moved_to == inbox / "failed" / "note.txt"
    reason = (inbox / "failed" / "note.txt.reason.txt").read_text(encoding="utf-8")
    assert reason.startswith("unsupported-format:")
    assert by_name["scan-002.png"].outcome == "processed"
    assert sorted(path.name for path in inbox.iterdir()) == ["failed", "processed"]
    assert _documents(library_path) == 1


def test_names_of_files_still_being_copied_are_left_alone(
    running: Running, inbox: Path, tmp_path: Path
) -> None:
    partial = write_image(inbox / "scan-003.png.part", 3)
    time.sleep(FAST.settle_seconds * 3)
    assert running.outcomes == [] and partial.exists()
    partial.rename(inbox / "scan-003.png")  # the copier is done
    (outcome,) = running.wait_for(1)
    assert outcome.name == "scan-003.png" and outcome.outcome == "processed"


def test_files_there_before_the_start_are_taken_and_a_restart_imports_nothing_twice(
    inbox: Path, library_path: Path, tmp_path: Path
) -> None:
    for number in (1, 2):
        write_image(inbox / f"scan-{number}.png", number)
    first = _once(inbox, library_path, FAST)
    assert [outcome.outcome for outcome in first] == ["processed", "processed"]
    assert _documents(library_path) == 2

    # A watcher cut off after the import but before the move leaves the file behind: the
    # next one only moves it. (Put back by hand here: the same bytes, where they were.)
    (inbox / "processed" / "scan-1.png").rename(inbox / "scan-1.png")
    again = _once(inbox, library_path, FAST)
    (outcome,) = again
    assert outcome.already_imported and outcome.outcome == "processed"
    assert outcome.documents == first[0].documents
    assert outcome.moved_to == inbox / "processed" / "scan-1.png"
    assert not (inbox / "scan-1.png").exists()
    assert _documents(library_path) == 2

    # Nothing new: a restart finds nothing to do.
    assert _once(inbox, library_path, FAST) == []
    with Library.open(library_path) as library:
        states = library.rows("SELECT name, state, outcome FROM hot_folder_files ORDER BY id")
        assert [tuple(row) for row in states] == [
            ("scan-1.png", "done", "processed"),
            ("scan-2.png", "done", "processed"),
        ]


def test_an_import_cut_off_part_way_is_finished_on_restart(
    inbox: Path, library_path: Path, tmp_path: Path
) -> None:
    source = pdf_of_pages(inbox / "copier-0001.pdf", 4)
    cancel = threading.Event()
    folder = HotFolder(inbox, _opener(library_path), watch=FAST)
    folder.on_outcome = lambda outcome: None

    original_import = folder._import

    def cut_off(library: Library, path: Path, _cancel: threading.Event) -> object:
        cancel.set()  # Ctrl+C as the import begins
        return original_import(library, path, cancel)

    folder._import = cut_off  # type: ignore[method-assign,assignment]
    (outcome,) = folder.run(cancel, once=True)
    assert outcome.outcome == "cancelled" and source.exists()

    (outcome,) = _once(inbox, library_path, FAST)
    assert outcome.outcome == "processed" and not outcome.already_imported
    with Library.open(library_path) as library:
        (document,) = library.documents()
        assert document.page_count == 4 and document.state.value == "complete"
        (row,) = library.rows("SELECT state FROM hot_folder_files")
        assert row["state"] == "done"


def test_a_hot_folder_can_split_stacks(inbox: Path, library_path: Path, tmp_path: Path) -> None:
    as_pdf(nine_page_stack(tmp_path / "pages"), inbox / "copier-0002.pdf")
    watch = WatchOptions(settle_seconds=0.3, poll_seconds=0.05, split_on_separators=True)
    (outcome,) = _once(inbox, library_path, watch)
    assert outcome.outcome == "processed" and len(outcome.documents) == 3
    with Library.open(library_path) as library:
        assert [document.page_count for document in library.documents()] == [2, 2, 2]
