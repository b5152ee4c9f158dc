"""Cutting, joining, cropping and printing through the window, on the real core: a document split
before the page shown (and joined again by undo), chosen documents merged, a page cropped to the
region drawn on it (the original kept, undo puts it back), and a document printed to a PDF file
through Qt's printer."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from digitizer.service import Workstation
from tests.helpers.pages import write_image, write_multipage_tiff
from tests.ui.conftest import finish, idle
from ui.main_window import MainWindow
from ui.qt import QPrinter, QRectF


def _open_three_pages(qtbot: QtBot, window: MainWindow, inputs: Path) -> str:
    finish(qtbot, window.acquisition.import_paths([write_multipage_tiff(inputs / "ba.tif", 3)]))
    qtbot.waitUntil(lambda: window.view is not None, timeout=30_000)
    idle(qtbot, window)
    assert window.document is not None
    return window.document.id


def test_split_before_the_page_shown_and_undo_joins_again(
    qtbot: QtBot, window: MainWindow, station: Workstation, inputs: Path
) -> None:
    document = _open_three_pages(qtbot, window, inputs)
    assert not window.split_action.isEnabled()  # on the first page there is nothing before
    finish(qtbot, window.review.open_page(2))
    assert window.split_action.isEnabled()
    window.split_action.trigger()
    idle(qtbot, window)
    counts = sorted(d.page_count for d in station.documents())
    assert counts == [1, 2]
    assert station.document(document)[0].page_count == 1
    window.undo_stack.undo()
    idle(qtbot, window)
    assert [d.page_count for d in station.documents()] == [3]


def test_chosen_documents_are_merged_into_the_first(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    inputs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = [write_image(inputs / f"to-{n}.png", n) for n in (1, 2)]
    finish(qtbot, window.acquisition.import_paths(files))
    qtbot.waitUntil(lambda: len(window.tree.document_ids()) == 2, timeout=30_000)
    idle(qtbot, window)
    ids = window.tree.document_ids()
    assert not window.merge_action.isEnabled()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    rows = []
    for ident in ids:
        window.tree.select_document(ident)
        rows.append(window.tree.currentIndex())
    for index in rows:
        window.tree.selectionModel().select(index, flags)
    assert window.merge_action.isEnabled()
    monkeypatch.setattr(window, "ask_confirmation", lambda *_: True)
    window.merge_action.trigger()
    finish(qtbot, window.runner.tasks[-1])
    idle(qtbot, window)
    (merged,) = station.documents()
    assert merged.id == ids[0] and merged.page_count == 2


def test_a_page_is_cropped_to_the_region_drawn_and_undo_puts_it_back(
    qtbot: QtBot, window: MainWindow, station: Workstation, inputs: Path
) -> None:
    document = _open_three_pages(qtbot, window, inputs)
    before = station.document(document)[1][0]
    window.crop_action.trigger()
    assert window.viewer.cropping
    assert window.view is not None
    width, height = window.view.size
    window.viewer.stop_crop()
    window.viewer.crop_chosen.emit(QRectF(0, 0, width / 2, height / 2))
    idle(qtbot, window)
    after = station.document(document)[1][0]
    assert (after.width, after.height) == (before.width // 2, before.height // 2)
    assert after.image_sha256 != before.image_sha256
    window.undo_stack.undo()
    idle(qtbot, window)
    assert station.document(document)[1][0].image_sha256 == before.image_sha256


def test_the_open_document_is_printed_page_by_page(
    qtbot: QtBot, window: MainWindow, inputs: Path, tmp_path: Path
) -> None:
    _open_three_pages(qtbot, window, inputs)
    out = tmp_path / "in.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    finish(qtbot, window.exports.print_document(printer))
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+3$", info.stdout, re.MULTILINE), info.stdout
    images = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) == 3  # each page's image is on its sheet
