"""The window never freezes: while Tesseract reads several pages and searches run, recognition
and search run off the GUI thread and its event loop keeps turning. How long it ever stands
still is a measure of the machine as much as of the program: `bench/ui.py` measures it beside a
naive baseline, so no wall-clock bound is asserted here."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from digitizer.pipeline.ocr import OcrReport
from tests.helpers.text_pages import text_page
from tests.ui.conftest import finish, idle
from ui.heartbeat import Heartbeat
from ui.main_window import MainWindow


@pytest.mark.slow
def test_the_event_loop_keeps_beating_through_ocr_and_search(
    qtbot: QtBot, window: MainWindow, inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    for name in ("ocr", "search"):
        work = getattr(window.station, name)

        def on_thread(*args: Any, _work: Any = work, **kwargs: Any) -> Any:
            threads.append(threading.current_thread())
            return _work(*args, **kwargs)

        monkeypatch.setattr(window.station, name, on_thread)

    frames = [text_page(first_line=n, line_count=4, mode="1").image for n in range(4)]
    tiff = inputs / "bon-trang.tif"
    frames[0].save(
        tiff, save_all=True, append_images=frames[1:], compression="group4", dpi=(300, 300)
    )
    finish(qtbot, window.acquisition.import_paths([tiff]))
    qtbot.waitUntil(lambda: window.view is not None, timeout=30_000)

    heartbeat = Heartbeat()
    heartbeat.start()
    ocr = window.acquisition.recognise(window.current_ids())
    searches = beats_during_ocr = 0
    while ocr is not None and ocr.running:
        beats_during_ocr = heartbeat.ticks
        search = window.review.run_search("Đảng bộ", {})
        window.review.step_page(1)
        finish(qtbot, search)
        searches += 1
    finish(qtbot, ocr)
    idle(qtbot, window)
    heartbeat.stop()

    assert ocr is not None and isinstance(ocr.result, OcrReport) and ocr.result.done == 4
    assert searches >= 1
    # the GUI thread's timer kept firing while Tesseract read the pages
    assert beats_during_ocr > 10
    assert threads and threading.main_thread() not in threads
