"""The window never freezes: while Tesseract reads several pages and a search runs, the GUI
thread's event loop is never kept busy for long. (A correctness check with a generous bound,
not a timing benchmark: `bench/ui.py` measures.)"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from digitizer.pipeline.ocr import OcrReport
from tests.helpers.text_pages import text_page
from tests.ui.conftest import finish, idle
from ui.heartbeat import Heartbeat
from ui.main_window import MainWindow

LONGEST_GAP = 0.5  # seconds


def test_the_event_loop_keeps_beating_through_ocr_and_search(
    qtbot: QtBot, window: MainWindow, inputs: Path
) -> None:
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
    searches = 0
    while ocr is not None and ocr.running:
        search = window.review.run_search("Đảng bộ", {})
        window.review.step_page(1)
        finish(qtbot, search)
        searches += 1
    finish(qtbot, ocr)
    idle(qtbot, window)
    longest = heartbeat.stop()

    assert ocr is not None and isinstance(ocr.result, OcrReport) and ocr.result.done == 4
    assert searches >= 1 and heartbeat.ticks > 50
    assert longest < LONGEST_GAP, f"the event loop stood still for {longest * 1000:.0f} ms"
