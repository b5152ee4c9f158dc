"""The record form in the window: each proposed field's source box is drawn on the page, the
focused field's box stands out; and the records of documents chosen in the library are
confirmed at once, a person's value left as it is (a real window, offscreen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from digitizer.library import Library
from digitizer.service import Workstation
from tests.helpers.page_texts import give_text
from tests.helpers.pages import write_image
from tests.records.columns import columns
from tests.records.test_store import PAGE
from tests.ui.conftest import finish, idle
from ui.library_tree import ID_ROLE
from ui.main_window import MainWindow
from ui.qt import Qt


def _proposed_documents(station: Workstation, folder: Path, count: int) -> list[str]:
    report = station.import_paths([write_image(folder / f"scan-{n}.png", n) for n in range(count)])
    ids = [entry.document_id for entry in report.imported]
    with Library.open(station.library_path) as library:
        for ident in ids:
            give_text(library, ident, [columns(PAGE)])
    for ident in ids:
        station.describe_record(ident, propose=True)
    return ids


def test_the_page_shows_where_each_proposed_field_was_read_and_the_focused_one_stands_out(
    qtbot: QtBot, window: MainWindow, station: Workstation, tmp_path: Path
) -> None:
    (document_id,) = _proposed_documents(station, tmp_path, 1)
    window.library.refresh()
    idle(qtbot, window)
    finish(qtbot, window.review.open_document(document_id))
    qtbot.waitUntil(lambda: window.view is not None, timeout=30_000)
    idle(qtbot, window)

    viewer, form = window.viewer, window.record
    proposed = station.record(document_id)["proposed"]
    assert isinstance(proposed, dict)
    shown = {"number_symbol", "document_type", "issuing_body", "issued_on", "abstract"}
    assert shown <= set(viewer.source_items)
    box = proposed["number_symbol"]["sources"][0]["box"]
    drawn = viewer.source_items["number_symbol"].rect()
    assert drawn.left() < box[0] < box[2] < drawn.right()  # the box the value was read from
    assert viewer.focused_source is None

    QTest.mouseClick(form.number_symbol, Qt.MouseButton.LeftButton)
    assert viewer.focused_source == "number_symbol"
    strong = viewer.source_items["number_symbol"].pen().widthF()
    assert strong > viewer.source_items["issuing_body"].pen().widthF()
    form.issuing_body.setFocus()
    QTest.mouseClick(form.issuing_body, Qt.MouseButton.LeftButton)
    assert viewer.focused_source == "issuing_body"

    # Confirmed, a field is no proposal and its box goes from the page.
    QTest.keyClick(form.issuing_body, Qt.Key.Key_Return)
    idle(qtbot, window)
    qtbot.waitUntil(lambda: "issuing_body" not in viewer.source_items, timeout=30_000)
    assert "number_symbol" in viewer.source_items


def test_the_records_of_the_chosen_documents_are_confirmed_at_once(
    qtbot: QtBot, window: MainWindow, station: Workstation, tmp_path: Path
) -> None:
    first, second, third = _proposed_documents(station, tmp_path, 3)
    station.describe(second, number_symbol="99-NQ/TU")  # a person's value, typed before
    window.library.refresh()
    idle(qtbot, window)
    selection = window.tree.selectionModel()
    for ident in (first, second):
        index = _index_of(window, ident)
        selection.select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    assert sorted(window.tree.selected_documents()) == sorted([first, second])

    window.tree.confirm_many_requested.emit(window.tree.selected_documents())
    idle(qtbot, window)
    assert station.record(first)["proposed"] == {}
    assert station.record(second)["proposed"] == {}
    assert station.document(second)[0].metadata.number_symbol == "99-NQ/TU"
    assert station.document(first)[0].metadata.number_symbol == "24-NQ/TU"
    assert station.record(third)["proposed"] != {}  # not chosen: still proposed
    assert window.statusBar().currentMessage().endswith("2")  # "Records confirmed: 2"


def _index_of(window: MainWindow, ident: str) -> QModelIndex:
    model = window.tree.model_
    for row in range(model.rowCount()):
        group = model.item(row)
        for child in range(group.rowCount()):
            item = group.child(child)
            if item.data(ID_ROLE) == ident:
                return item.index()
    raise AssertionError(f"{ident} not in the tree")
