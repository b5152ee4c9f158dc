"""Failures in the window: the core's typed errors as clear dialogs, an unexpected exception as a
crash dialog whose details land in a log file in the library's folder; and the first start."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from digitizer.cli import gui as cli_gui
from digitizer.cli.app import build_parser
from digitizer.service import Workstation
from tests.helpers.pages import write_image
from tests.ui.conftest import finish, idle
from ui.app import open_window
from ui.errors import LOG_NAME, start_log, stop_log
from ui.export_dialog import ExportRequest
from ui.main_window import MainWindow
from ui.qt import QMessageBox


def _dialogs(window: MainWindow, name: str) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.objectName() == name]


def test_a_typed_error_is_a_plain_dialog(
    qtbot: QtBot, window: MainWindow, inputs: Path, tmp_path: Path
) -> None:
    finish(qtbot, window.acquisition.import_paths([write_image(inputs / "trang.png", 3)]))
    qtbot.waitUntil(lambda: window.document is not None, timeout=30_000)

    window.exports.export(ExportRequest("pdf", tmp_path / "out.pdf"))
    qtbot.waitUntil(lambda: bool(_dialogs(window, "error-dialog")), timeout=30_000)

    box = _dialogs(window, "error-dialog")[0]
    assert "[no-ocr]" in box.text() and "recognise the document first" in box.text()
    assert "without OCR text" in box.detailedText() and "--" not in box.detailedText()
    assert _dialogs(window, "crash-dialog") == []
    assert window.runner.tasks[-1].state == "failed"
    assert not (tmp_path / "out.pdf").exists()


def test_files_that_cannot_be_imported_are_listed(
    qtbot: QtBot, window: MainWindow, inputs: Path
) -> None:
    broken = inputs / "hong.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    good = write_image(inputs / "tot.png", 4)
    finish(qtbot, window.acquisition.import_paths([broken, good]))
    qtbot.waitUntil(lambda: bool(_dialogs(window, "error-dialog")))
    assert "hong.png" in _dialogs(window, "error-dialog")[0].text()
    qtbot.waitUntil(lambda: len(window.tree.document_ids()) == 1)


def test_an_unexpected_error_opens_the_crash_dialog_and_is_logged(
    qtbot: QtBot, window: MainWindow, station: Workstation, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = start_log(station.library_path)
    try:

        def broken(*_args: object, **_kwargs: object) -> None:
            raise ZeroDivisionError("the search engine tripped")

        monkeypatch.setattr(station, "search", broken)
        window.review.run_search("Đảng", {})
        qtbot.waitUntil(lambda: bool(_dialogs(window, "crash-dialog")))
        idle(qtbot, window)
    finally:
        stop_log()
    box = _dialogs(window, "crash-dialog")[0]
    assert str(log) in box.text()
    assert "ZeroDivisionError" in box.detailedText()
    assert log == station.library_path / LOG_NAME
    written = log.read_text(encoding="utf-8")
    assert "the search engine tripped" in written and "Traceback" in written


def test_a_first_start_on_an_empty_library_offers_the_samples(
    qtbot: QtBot, library_path: Path
) -> None:
    window = open_window(library_path, "en")
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: bool(_dialogs(window, "samples-offer")), timeout=30_000)
        assert (library_path / "catalog.sqlite3").is_file()
    finally:
        window.close()
        stop_log()


def test_digitizer_gui_runs_the_window_program(library_path: Path) -> None:
    args = build_parser().parse_args(["--library", str(library_path), "gui", "--language", "en"])
    line = cli_gui.command_line(Workstation(args.library), args)
    assert line[1:] == ["-m", "ui", "--library", str(library_path.resolve()), "--language", "en"]
    assert cli_gui.COMMANDS["gui"] is cli_gui.cmd_gui
