"""The library panel and the page strip: collections and documents made, renamed, moved and
deleted, pages reordered, turned and deleted — each undone with Ctrl+Z and made again."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from digitizer.service import Workstation
from tests.helpers.pages import page_image, write_image
from tests.ui.conftest import finish, idle
from ui.main_window import MainWindow
from ui.qt import Qt, QtCore, QtGui


def _three_pages(folder: Path) -> Path:
    frames = [page_image(n, mode="1") for n in range(1, 4)]
    tiff = folder / "ba-trang.tif"
    frames[0].save(tiff, save_all=True, append_images=frames[1:], compression="group4")
    return tiff


@pytest.fixture
def opened(qtbot: QtBot, window: MainWindow, inputs: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(window, "ask_confirmation", lambda *_: True)
    finish(qtbot, window.acquisition.import_paths([_three_pages(inputs)], collection="Hồ sơ 1"))
    qtbot.waitUntil(lambda: window.view is not None and len(window.pages) == 3, timeout=30_000)
    assert window.document is not None
    return window.document.id


def _undo(qtbot: QtBot, window: MainWindow) -> None:
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, window)


def test_a_document_is_deleted_and_comes_back_with_ctrl_z(
    qtbot: QtBot, window: MainWindow, opened: str, station: Workstation
) -> None:
    window.library.delete("document", opened)
    idle(qtbot, window)
    assert station.documents() == [] and window.tree.document_ids() == []
    assert window.document is None

    _undo(qtbot, window)
    assert [d.id for d in station.documents()] == [opened]
    assert window.tree.document_ids() == [opened]

    window.undo_stack.redo()
    idle(qtbot, window)
    assert station.documents() == []


def test_collections_are_made_renamed_and_the_document_moved(
    qtbot: QtBot,
    window: MainWindow,
    opened: str,
    station: Workstation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(window, "ask_text", lambda *_: "Sách lịch sử")
    window.library.new_collection()
    idle(qtbot, window)
    assert sorted(c.name for c in station.collections()) == ["Hồ sơ 1", "Sách lịch sử"]

    monkeypatch.setattr(window, "ask_item", lambda *_: "Sách lịch sử")
    window.library.move_document(opened)
    idle(qtbot, window)
    target = next(c for c in station.collections() if c.name == "Sách lịch sử")
    assert target.document_ids == (opened,)
    group = window.tree.model_.item(1)
    assert (
        group.text() == "Sách lịch sử"
        and group.child(0).data(Qt.ItemDataRole.UserRole + 2) == opened
    )

    monkeypatch.setattr(window, "ask_text", lambda *_: "Sách lịch sử Đảng bộ")
    window.library.rename("collection", str(target.id))
    idle(qtbot, window)
    assert "Sách lịch sử Đảng bộ" in [c.name for c in station.collections()]

    _undo(qtbot, window)  # the rename
    _undo(qtbot, window)  # the move
    first = next(c for c in station.collections() if c.name == "Hồ sơ 1")
    assert first.document_ids == (opened,)
    assert "Sách lịch sử" in [c.name for c in station.collections()]


def test_pages_are_reordered_by_dragging_turned_and_deleted_with_undo(
    qtbot: QtBot, window: MainWindow, opened: str, station: Workstation
) -> None:
    images = [p.image_sha256 for p in station.document(opened)[1]]
    strip = window.thumbnails
    # drag the last page to the top of the strip
    strip.model().moveRow(QtCore.QModelIndex(), 2, QtCore.QModelIndex(), 0)
    idle(qtbot, window)
    assert [p.image_sha256 for p in station.document(opened)[1]] == [
        images[2],
        images[0],
        images[1],
    ]
    _undo(qtbot, window)
    assert [p.image_sha256 for p in station.document(opened)[1]] == images

    window.review.rotate_page(1, 1)
    idle(qtbot, window)
    turned = station.document(opened)[1][0]
    assert (turned.width, turned.height) == (560, 400)
    window.review.delete_page(2)
    idle(qtbot, window)
    assert len(station.document(opened)[1]) == 2
    qtbot.waitUntil(lambda: window.thumbnails.count() == 2)

    _undo(qtbot, window)
    _undo(qtbot, window)
    assert [p.image_sha256 for p in station.document(opened)[1]] == images
    qtbot.waitUntil(lambda: window.thumbnails.count() == 3)


def test_files_dropped_on_the_window_are_imported(
    qtbot: QtBot, window: MainWindow, inputs: Path, station: Workstation
) -> None:
    scan = write_image(inputs / "cong-van.png", 7)
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(scan))])
    point = QtCore.QPointF(200, 200)
    with warnings.catch_warnings():
        # PySide marks the event's only constructor deprecated; a real drag makes the same.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QtGui.QDragEnterEvent(
            point.toPoint(),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QtGui.QDropEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    finish(qtbot, window.runner.tasks[-1])
    assert [d.sources[0].name for d in station.documents()] == ["cong-van.png"]
    qtbot.waitUntil(lambda: len(window.tree.document_ids()) == 1)


def test_page_keys_and_zoom_keys(qtbot: QtBot, window: MainWindow, opened: str) -> None:
    window.viewer.setFocus()
    QTest.keyClick(window.viewer, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: window.view is not None and window.view.page.number == 2)
    QTest.keyClick(window.viewer, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: window.view is not None and window.view.page.number == 1)
    before = window.viewer.scale_factor()
    QTest.keyClick(window.viewer, Qt.Key.Key_Plus)
    assert window.viewer.scale_factor() == pytest.approx(before * 1.25)
    QTest.keyClick(window.viewer, Qt.Key.Key_Minus)
    QTest.keyClick(window.viewer, Qt.Key.Key_Minus)
    assert window.viewer.scale_factor() == pytest.approx(before / 1.25)
    window.fit_width_action.trigger()
    assert window.viewer.fit == window.viewer.FIT_WIDTH
