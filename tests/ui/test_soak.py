"""A working day in a few seconds: hundreds of page views with word boxes and hit boxes, and a
hundred switches between documents, must leave `None`'s reference count and the process's
memory where they were. A Qt binding that drops a reference on every call returning nothing
(PySide6 6.12 on Python 3.11) aborts the interpreter after a few thousand such calls; one that
keeps a reference per signal connection (6.10, 6.11) drifts by one per background task; a task
kept alive by its own connections keeps every page it read."""

from __future__ import annotations

import gc
import sys
import weakref
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from digitizer.library import Library
from digitizer.service import Workstation
from ocr.geometry import Box
from tests.helpers.page_texts import give_text
from tests.helpers.pages import write_multipage_tiff
from tests.ui.conftest import finish
from ui.main_window import MainWindow
from ui.qt import QGraphicsRectItem, QPen
from ui.tasks import Task

PAGES_PER_DOCUMENT = 6
DOCUMENT_SWITCHES = 100
PAGE_VIEWS = 360
# Python's own bookkeeping (caches filling up in a long-lived test worker) moves None's count by
# a few hundred; a leaking binding moves it by eight (a reference per connection) to a hundred (one
# per word box painted) on every page view.
NONE_DRIFT_ALLOWED = 2 * PAGE_VIEWS
MEMORY_GROWTH_ALLOWED_MIB = 80


def _resident_mib() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 2**20


def _live_tasks() -> list[Task]:
    return [thing for thing in gc.get_objects() if isinstance(thing, Task)]


def _page_text(number: int) -> str:
    words = [
        "Đảng",
        "bộ",
        "tỉnh",
        "lãnh",
        "đạo",
        "chuyển",
        "đổi",
        "số",
        "trong",
        "công",
        "tác",
        "lưu",
        "trữ",
    ]
    return "\n".join(" ".join(words[(row + number) % 4 :]) for row in range(12))


def test_none_keeps_its_references_over_2000_set_pen_calls(qtbot: QtBot) -> None:
    item = QGraphicsRectItem(0, 0, 10, 10)
    pen = QPen()
    before = sys.getrefcount(None)
    for _ in range(2000):
        item.setPen(pen)
    assert abs(sys.getrefcount(None) - before) < 50


@pytest.mark.slow
def test_soak_page_views_and_document_switches_leak_nothing(
    qtbot: QtBot, window: MainWindow, station: Workstation, inputs: Path
) -> None:
    paths = [
        # other resolutions, so the two files differ and neither is a duplicate
        write_multipage_tiff(inputs / f"tap-{n}.tif", PAGES_PER_DOCUMENT, dpi=200 + n)
        for n in range(1, 3)
    ]
    finish(qtbot, window.acquisition.import_paths(paths))
    documents = station.documents()
    assert len(documents) == 2
    with Library.open(station.library_path) as library:
        for document in documents:
            texts = [_page_text(n) for n in range(1, PAGES_PER_DOCUMENT + 1)]
            give_text(library, document.id, texts)
    hit = [Box(200, 200, 360, 280), Box(400, 320, 520, 400)]

    def view(document_id: str, number: int) -> None:
        if window.document is None or window.document.id != document_id:
            finish(qtbot, window.review.open_document(document_id, number))
            qtbot.waitUntil(lambda: window.document is not None and window.view is not None)
        finish(qtbot, window.review.open_page(number, hits=hit))
        qtbot.waitUntil(
            lambda: (
                window.view is not None
                and window.view.page.number == number
                and len(window.viewer.hit_items) == len(hit)
            )
        )
        assert window.viewer.word_items, "the page's word boxes are drawn"

    def session(views: int) -> int:
        switches = 0
        for step in range(views):
            # switch documents every few pages: a hundred switches over the whole run
            document = documents[(step * DOCUMENT_SWITCHES // PAGE_VIEWS) % 2]
            if window.document is not None and window.document.id != document.id:
                switches += 1
            view(document.id, step % PAGES_PER_DOCUMENT + 1)
        return switches

    gc.collect()
    session(PAGE_VIEWS // 3)  # warm up: caches, fonts, the thread pool
    gc.collect()
    memory_before = _resident_mib()
    tasks_before = weakref.WeakSet(_live_tasks())  # other tests' windows keep theirs
    # Two halves measured apart: a leak moves None's count in both, while a cache that fills
    # once (in a test worker that ran other tests first) moves it in one only.
    drifts, switches = [], 0
    for _ in range(2):
        none_before = sys.getrefcount(None)
        switches += session(PAGE_VIEWS // 2)
        gc.collect()
        drifts.append(abs(sys.getrefcount(None) - none_before))
    memory_after = _resident_mib()

    assert switches >= DOCUMENT_SWITCHES - 2
    kept = [
        task
        for task in _live_tasks()
        if task not in tasks_before and not task.running and task not in window.runner.tasks
    ]
    assert not kept, f"{len(kept)} finished tasks, and their results, are kept alive"
    assert min(drifts) < NONE_DRIFT_ALLOWED // 2, drifts
    assert memory_after - memory_before < MEMORY_GROWTH_ALLOWED_MIB, (memory_before, memory_after)
