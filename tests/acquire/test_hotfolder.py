"""The hot folder: a file is taken only once it has stopped changing, lands in processed/ or
failed/ (with its reason), and a watcher that restarts — even one cut off between the import
and the move — neither misses a file nor imports one twice."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from digitizer.acquire.hotfolder import MAX_ATTEMPTS, HotFolder, HotFolderOutcome, WatchOptions
from digitizer.errors import FolderWatched
from digitizer.library import Library
from tests.acquire.stacks import as_pdf, nine_page_stack
from tests.helpers.clock import Clock
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
    inbox: Path, library_path: Path, tmp_path: Path
) -> None:
    clock = Clock()
    folder = HotFolder(inbox, _opener(library_path), watch=FAST, clock=clock)
    watcher = Running(folder)
    try:
        whole = write_image(tmp_path / "whole.png", 1).read_bytes()
        target = inbox / "scan-001.png"
        step = max(1, len(whole) // 8)
        with target.open("wb") as out:  # a copier writing over the network, in bursts
            for start in range(0, len(whole), step):
                out.write(whole[start : start + step])
                out.flush()
                clock.now += FAST.settle_seconds / 2  # pauses shorter than the settling time
                _let_the_watcher_look(folder)
                assert watcher.outcomes == []
        clock.now += FAST.settle_seconds / 2
        _let_the_watcher_look(folder)
        assert watcher.outcomes == [], "taken before it stayed unchanged for the settling time"
        clock.now += FAST.settle_seconds
        (outcome,) = watcher.wait_for(1)
    finally:
        watcher.stop()
    assert outcome.outcome == "processed" and outcome.reason == ""
    assert outcome.moved_to == inbox / "processed" / "scan-001.png"
    assert outcome.moved_to.read_bytes() == whole
    with Library.open(library_path) as library:
        (document,) = library.documents()
        assert document.page_count == 1
        assert document.sources[0].size == len(whole)


def _drop(inbox: Path, name: str, number: int) -> None:
    """A page that lands in the folder whole (written beside it, then renamed in): a running
    watcher on the wall clock must never see it half-written, however loaded the machine."""
    staged = write_image(inbox.parent / f"staged-{name}", number)
    staged.rename(inbox / name)


def _let_the_watcher_look(folder: HotFolder) -> None:
    """Wait until the watcher has seen the folder as it is now (a few of its polls)."""
    time.sleep(6 * FAST.poll_seconds)


def test_a_bad_file_goes_to_failed_with_its_reason_and_the_rest_go_on(
    running: Running, inbox: Path, library_path: Path
) -> None:
    (inbox.parent / "note.txt").write_text("không phải ảnh quét")
    (inbox.parent / "note.txt").rename(inbox / "note.txt")
    _drop(inbox, "scan-002.png", 2)
    outcomes = running.wait_for(2)
    by_name = {outcome.name: outcome for outcome in outcomes}
    failed = by_name["note.txt"]
    assert failed.outcome == "failed" and failed.moved_to == inbox / "failed" / "note.txt"
    reason = (inbox / "failed" / "note.txt.reason.txt").read_text(encoding="utf-8")
    assert reason.startswith("unsupported-format:")
    assert by_name["scan-002.png"].outcome == "processed"
    assert sorted(path.name for path in inbox.iterdir()) == ["failed", "processed"]
    assert _documents(library_path) == 1


def test_names_of_files_still_being_copied_are_left_alone(inbox: Path, library_path: Path) -> None:
    partial = write_image(inbox / "scan-003.png.part", 3)

    def watch_once() -> list[HotFolderOutcome]:
        folder = HotFolder(inbox, _opener(library_path), watch=FAST, clock=_always_settled())
        return folder.run(threading.Event(), once=True)

    assert watch_once() == [] and partial.exists()  # settled long ago, and still left alone
    partial.rename(inbox / "scan-003.png")  # the copier is done
    (outcome,) = watch_once()
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


def test_a_file_that_breaks_the_import_fails_alone_and_the_files_behind_it_go_in(
    inbox: Path, library_path: Path
) -> None:
    write_image(inbox / "scan-001.png", 1)
    write_image(inbox / "scan-002.png", 2)
    folder = HotFolder(inbox, _opener(library_path), watch=FAST, clock=_always_settled())
    original_import = folder._import

    def breaks_on_the_first(library: Library, path: Path, cancel: threading.Event) -> object:
        if path.name == "scan-001.png":
            raise TypeError("a reader broken by this file")
        return original_import(library, path, cancel)

    folder._import = breaks_on_the_first  # type: ignore[method-assign,assignment]
    outcomes = folder.run(threading.Event(), once=True)

    assert [(o.name, o.outcome) for o in outcomes] == [
        ("scan-001.png", "failed"),
        ("scan-002.png", "processed"),
    ]
    reason = (inbox / "failed" / "scan-001.png.reason.txt").read_text(encoding="utf-8")
    assert reason.startswith("unreadable-content:") and "TypeError" in reason
    assert _documents(library_path) == 1


def test_a_file_whose_import_is_cut_off_every_time_is_set_aside(
    inbox: Path, library_path: Path
) -> None:
    write_image(inbox / "scan-001.png", 1)
    write_image(inbox / "scan-002.png", 2)

    def killed_while_importing(library: Library, path: Path, cancel: threading.Event) -> object:
        raise KeyboardInterrupt  # the process dies with the file half-imported

    for _ in range(MAX_ATTEMPTS):
        folder = HotFolder(inbox, _opener(library_path), watch=FAST, clock=_always_settled())
        folder._import = killed_while_importing  # type: ignore[method-assign,assignment]
        with pytest.raises(KeyboardInterrupt):
            folder.run(threading.Event(), once=True)

    outcomes = _once(inbox, library_path, FAST)
    assert [(o.name, o.outcome) for o in outcomes] == [
        ("scan-001.png", "failed"),
        ("scan-002.png", "processed"),
    ]
    reason = (inbox / "failed" / "scan-001.png.reason.txt").read_text(encoding="utf-8")
    assert f"cut off {MAX_ATTEMPTS} times" in reason


def test_a_second_watcher_of_the_same_folder_is_refused(
    running: Running, inbox: Path, library_path: Path
) -> None:
    deadline = time.monotonic() + 60  # a bound on failing, not on passing
    second = HotFolder(inbox, _opener(library_path), watch=FAST)
    while True:  # until the first watcher holds the folder
        try:
            second.run(threading.Event(), once=True)
        except FolderWatched:
            break
        assert time.monotonic() < deadline, "the second watcher was never refused"
        time.sleep(0.05)
    _drop(inbox, "scan-001.png", 1)
    (outcome,) = running.wait_for(1)
    assert outcome.outcome == "processed"


def _always_settled() -> Callable[[], float]:
    """A clock on which every poll is a settling time later than the one before."""
    ticks = iter(range(0, 10**9, 10))
    return lambda: float(next(ticks))
