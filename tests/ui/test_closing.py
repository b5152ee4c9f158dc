"""Closing the window while recognition runs asks what to do: finish first (the window closes
once the work is done), or keep it for the next start (the next window takes it up)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from digitizer.service import Workstation
from tests.ui.conftest import TASK_TIMEOUT_MS, finish, idle, scan
from ui.main_window import MainWindow


def _recognising(qtbot: QtBot, window: MainWindow, inputs: Path) -> str:
    pages = [scan(inputs, f"trang-{n}.png", first_line=n) for n in range(3)]
    finish(qtbot, window.acquisition.import_paths(pages))
    idle(qtbot, window)
    ids = window.tree.document_ids()
    task = window.acquisition.recognise(ids)
    assert task is not None and task.running
    return ids[0]


def test_finish_then_close(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    inputs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _recognising(qtbot, window, inputs)
    asked: list[int] = []

    def answer(count: int) -> str:
        asked.append(count)
        return MainWindow.FINISH

    monkeypatch.setattr(window, "ask_close_during_work", answer)
    window.close()
    assert asked == [1] and window.isVisible()  # it stays until the work is done
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TASK_TIMEOUT_MS)
    assert sum(station.recognised_pages().values()) == 3


def test_work_kept_for_the_next_start_is_taken_up_then(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    inputs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _recognising(qtbot, window, inputs)
    monkeypatch.setattr(window, "ask_close_during_work", lambda _count: MainWindow.KEEP)
    window.close()
    assert not window.isVisible()
    later = MainWindow(station)
    qtbot.addWidget(later)
    finish(qtbot, later.library.refresh())
    task = later.acquisition.resume_kept_work()
    assert task is not None
    finish(qtbot, task)
    assert sum(station.recognised_pages().values()) == 3
    assert later.acquisition.resume_kept_work() is None  # taken up once
    later.close()
