"""Acquisition through the window, on the real core: the import dialog's choices (one document
per folder, separator sheets with blank pages set aside, collection, classification), files
dropped on a collection, documents dragged between collections, scanning from SANE's virtual
`test` scanner, and the options of a recognition run."""

from __future__ import annotations

import socket
import warnings
from pathlib import Path

import pytest
from PySide6 import QtCore
from pytestqt.qtbot import QtBot

from digitizer.errors import DigitizerError
from digitizer.model import Classification
from digitizer.pipeline.ocr import OcrOptions, settings_key, settings_record
from digitizer.service import Workstation
from ocr.prepare import PrepareSettings
from tests.acquire.sane import requires_scanimage, sane_config, use_sane_config
from tests.acquire.stacks import as_folder, nine_page_stack
from tests.helpers.pages import write_image
from tests.ui.conftest import finish, idle, scan
from ui.acquisition_dialogs import ImportDialog, OcrDialog, ScanDialog
from ui.main_window import MainWindow
from ui.qt import QDialog, Qt, QtGui


def _accepting(window: MainWindow, monkeypatch: pytest.MonkeyPatch, setup: object) -> None:
    """The person fills the dialog in (`setup(dialog)`) and presses its main button."""

    def run(dialog: QDialog) -> int:
        setup(dialog)  # type: ignore[operator]
        dialog.accept()
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(window, "run_dialog", run)


def test_the_import_dialog_makes_one_document_of_a_folder_in_a_collection(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    inputs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = inputs / "ho-so-7"
    folder.mkdir()
    for n in (1, 2, 3):
        write_image(folder / f"trang-{n}.png", n)

    def fill(dialog: ImportDialog) -> None:
        assert dialog.paths() == [folder]
        dialog.one_document.setChecked(True)
        dialog.collection.setCurrentText("Hồ sơ số 7")
        dialog.classification.setCurrentIndex(1)  # Internal

    _accepting(window, monkeypatch, fill)
    finish(qtbot, window.acquisition.ask_import([folder]))
    (document,) = station.documents()
    assert document.page_count == 3
    assert document.classification is Classification.INTERNAL
    assert [c.name for c in station.collections()] == ["Hồ sơ số 7"]
    assert document.collection_id == station.collections()[0].id
    idle(qtbot, window)


def test_separator_sheets_split_the_stack_and_blank_pages_can_be_put_back(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stack = as_folder(nine_page_stack(tmp_path / "pages"), tmp_path / "stack")

    def fill(dialog: ImportDialog) -> None:
        dialog.separators.setChecked(True)
        assert not dialog.one_document.isEnabled()

    _accepting(window, monkeypatch, fill)
    finish(qtbot, window.acquisition.ask_import([stack]))
    assert sorted(d.page_count for d in station.documents()) == [2, 2, 2]
    set_aside = station.set_aside_pages()
    assert len(set_aside) == 1
    idle(qtbot, window)

    # the set-aside page is listed in the window and goes back into its document
    window.acquisition.show_set_aside()
    listed = window.acquisition.set_aside_list
    assert listed is not None and listed.count() == 1
    finish(qtbot, window.acquisition.restore_set_aside(set_aside[0].id))
    assert station.set_aside_pages() == []
    assert sorted(d.page_count for d in station.documents()) == [2, 2, 3]
    idle(qtbot, window)


def _drop(widget: QtCore.QObject, mime: QtCore.QMimeData, point: QtCore.QPoint) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        drop = QtGui.QDropEvent(
            QtCore.QPointF(point),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    widget.dropEvent(drop)  # type: ignore[attr-defined]


def test_files_dropped_on_a_collection_are_imported_into_it(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    inputs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = station.create_collection("Công văn đến")
    finish(qtbot, window.library.refresh())
    tree = window.tree
    row = next(
        tree.model_.item(r).index()
        for r in range(tree.model_.rowCount())
        if tree.model_.item(r).text().startswith("Công văn đến")
    )
    point = tree.visualRect(row).center()
    assert tree.collection_at(point) == target
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(write_image(inputs / "den.png", 5)))])
    _accepting(window, monkeypatch, lambda dialog: None)
    _drop(tree, mime, point)
    finish(qtbot, window.runner.tasks[-1])
    (document,) = station.documents()
    assert document.collection_id == target
    idle(qtbot, window)


def test_documents_are_dragged_to_another_collection(
    qtbot: QtBot, window: MainWindow, station: Workstation, inputs: Path
) -> None:
    finish(qtbot, window.acquisition.import_paths([write_image(inputs / "a.png", 1)]))
    target = station.create_collection("Lưu trữ 2021")
    finish(qtbot, window.library.refresh())
    idle(qtbot, window)
    (document,) = station.documents()
    window.tree.documents_dropped.emit([document.id], target)
    assert station.documents()[0].collection_id == target
    idle(qtbot, window)


@requires_scanimage
def test_the_scan_dialog_scans_the_feeder_into_documents(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use_sane_config(monkeypatch, sane_config(tmp_path / "sane"))
    seen: list[str] = []

    def fill(dialog: ScanDialog) -> None:
        seen.extend(dialog.device.itemData(i) for i in range(dialog.device.count()))
        dialog.source.setCurrentIndex(dialog.source.findData("adf"))
        dialog.resolution.setCurrentIndex(0)  # 150 dpi
        dialog.separators.setChecked(False)

    _accepting(window, monkeypatch, fill)
    refreshed: list[int] = []
    task = window.acquisition.ask_scan()
    assert task is not None
    task.progressed.connect(lambda done, _t, _m: refreshed.append(done))
    finish(qtbot, task)
    assert seen == ["test:0", "test:1"]
    documents = station.documents()
    assert documents and sum(d.page_count for d in documents) == 10  # the feeder's 10 sheets
    assert refreshed, "pages are told of as they come off the scanner"
    idle(qtbot, window)


def test_a_recognition_run_takes_its_options(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    inputs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    finish(qtbot, window.acquisition.import_paths([scan(inputs)]))
    qtbot.waitUntil(lambda: window.document is not None, timeout=30_000)

    def fill(dialog: OcrDialog) -> None:
        dialog.languages.setCurrentIndex(dialog.languages.findData("vie+eng"))
        dialog.restore.setChecked(False)
        dialog.borders.setChecked(True)

    _accepting(window, monkeypatch, fill)
    window.ocr_options_action.trigger()
    finish(qtbot, window.runner.tasks[-1])
    assert window.document is not None
    assert station.recognised_pages()[window.document.id] == 1
    chosen = OcrOptions(
        languages="vie+eng", prepare=PrepareSettings(remove_borders=True), restore=False
    )
    record = station.page_texts(window.document.id)[1]
    assert record.settings_key == settings_key(settings_record(chosen))
    idle(qtbot, window)


@pytest.mark.slow
def test_a_recognition_run_sent_to_a_farm_that_cannot_be_reached_says_so_and_keeps_the_pages(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    inputs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    finish(qtbot, window.acquisition.import_paths([scan(inputs)]))
    qtbot.waitUntil(lambda: window.document is not None, timeout=30_000)
    with socket.socket() as probe:  # a port on this machine where nothing listens
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    station.set_setting("ocr.scheduler", f"tcp://127.0.0.1:{closed}")

    def farm_as_set(dialog: OcrDialog) -> None:
        assert dialog.scheduler.text() == f"tcp://127.0.0.1:{closed}"  # the library's setting

    _accepting(window, monkeypatch, farm_as_set)
    window.ocr_options_action.trigger()
    task = window.runner.tasks[-1]
    qtbot.waitUntil(lambda: not task.running, timeout=120_000)

    assert task.state == "failed"
    assert isinstance(task.error, DigitizerError) and task.error.code == "cluster-unreachable"
    assert window.document is not None
    assert station.recognised_pages().get(window.document.id, 0) == 0  # left for the next run
