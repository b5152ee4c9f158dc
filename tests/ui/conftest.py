"""Fixtures of the window's tests: a library of its own, the main window on it (offscreen), and
a helper that waits for a background task."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from digitizer.service import Workstation
from tests.helpers.text_pages import text_page
from ui.main_window import MainWindow
from ui.qt import QApplication, QEvent, QSettings, Qt, QtGui, QWidget
from ui.tasks import Task

TASK_TIMEOUT_MS = 180_000


@pytest.fixture(autouse=True)
def _own_settings(tmp_path: Path) -> None:
    """The window's settings (its language) go to the test's folder, not the user's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))


@pytest.fixture
def station(library_path: Path) -> Workstation:
    station = Workstation(library_path)
    station.init()
    return station


@pytest.fixture
def window(qtbot: QtBot, station: Workstation) -> Iterator[MainWindow]:
    window = MainWindow(station)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def finish(qtbot: QtBot, task: Task | None, timeout: int = TASK_TIMEOUT_MS) -> Task:
    """Wait until `task` is over; fail the test with its error if it failed."""
    assert task is not None
    if task.running:
        with qtbot.waitSignal(task.finished, timeout=timeout):
            pass
    if task.error is not None:
        raise AssertionError(f"task {task.title!r} failed: {task.error_trace}") from task.error
    return task


def idle(qtbot: QtBot, window: MainWindow, timeout: int = TASK_TIMEOUT_MS) -> None:
    """Wait until the window has no background work left."""
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=timeout)


def scan(folder: Path, name: str = "nghi-quyet.png", first_line: int = 0, lines: int = 4) -> Path:
    """A page of Vietnamese text drawn with a real font, as a 300 dpi greyscale scan."""
    return text_page(first_line=first_line, line_count=lines).save(folder / name)


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into a widget as key events carrying the characters, the way a Vietnamese
    keyboard (an input method) delivers them; QTest's key clicks know only ASCII."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QtGui.QKeyEvent(
                kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character
            )
            QApplication.sendEvent(widget, event)
