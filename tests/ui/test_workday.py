"""The window for a working day: room for the page on a small screen, the side panels placed as
chosen and remembered, actions that cannot apply switched off with a reason, jobs named after
what they work on, a protected PDF imported once its password is typed, and an export of an
unrecognised document offering to recognise it first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from digitizer.library import Library
from digitizer.service import Workstation
from tests.helpers.page_texts import give_text
from tests.helpers.pages import encrypt_pdf, pdf_of_pages, write_image
from tests.ui.conftest import finish, idle, scan
from ui.export_dialog import ExportRequest
from ui.main_window import BESIDE, UNDER, MainWindow
from ui.qt import QImage, QMessageBox, QPushButton
from ui.thumbnails import thumbnail


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_page_gets_at_least_half_the_width(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    window.resize(*size)
    window.set_placement(BESIDE)
    qtbot.waitUntil(lambda: window.width() >= size[0] * 0.9)
    window.balance_panels()
    qtbot.waitUntil(lambda: window.viewer.width() >= window.width() / 2)
    assert window.side_tabs.isVisible()


def test_the_text_goes_under_the_page_and_stays_there(qtbot: QtBot, station: Workstation) -> None:
    first = MainWindow(station)
    qtbot.addWidget(first)
    first.set_placement(BESIDE)
    first.under_action.trigger()
    assert first.placement() == UNDER
    first.close()
    second = MainWindow(station)
    qtbot.addWidget(second)
    assert second.placement() == UNDER and second.under_action.isChecked()
    second.side_action.trigger()  # the panels collapse: the page takes the room
    assert not second.side_tabs.isVisibleTo(second)
    second.close()


def test_actions_without_a_document_are_off_and_say_why(
    qtbot: QtBot, window: MainWindow, inputs: Path
) -> None:
    for action in (window.export_action, window.ocr_action):
        assert not action.isEnabled() and "Open a document" in action.toolTip()
    folder = inputs / "pages"
    folder.mkdir()
    write_image(folder / "trang.png", 1)
    task = finish(qtbot, window.acquisition.import_paths([folder]))
    assert task.title == "Import the folder “pages”"
    qtbot.waitUntil(lambda: window.document is not None, timeout=30_000)
    assert window.export_action.isEnabled() and window.ocr_action.isEnabled()
    assert window.acquisition.recognise_title(window.current_ids(), False).startswith("Recognise “")


def test_a_protected_pdf_is_imported_once_its_password_is_typed(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    inputs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plain = pdf_of_pages(inputs / "plain.pdf", 2)
    locked = encrypt_pdf(plain, inputs / "locked.pdf", "mat-khau")
    plain.unlink()
    asked: list[str] = []

    def ask(name: str) -> str:
        asked.append(name)
        return "mat-khau"

    monkeypatch.setattr(window, "ask_password", ask)
    finish(qtbot, window.acquisition.import_paths([locked]))
    assert asked == ["locked.pdf"]
    qtbot.waitUntil(lambda: len(station.documents()) == 1, timeout=30_000)
    idle(qtbot, window)
    assert station.documents()[0].page_count == 2


def test_an_export_without_ocr_offers_to_recognise_first(
    qtbot: QtBot, window: MainWindow, station: Workstation, inputs: Path, tmp_path: Path
) -> None:
    finish(qtbot, window.acquisition.import_paths([write_image(inputs / "trang.png", 3)]))
    qtbot.waitUntil(lambda: window.document is not None, timeout=30_000)
    out = tmp_path / "out.txt"
    window.exports.export(ExportRequest("txt", out))

    def offer() -> QPushButton | None:
        for box in window.findChildren(QMessageBox):
            for button in box.findChildren(QPushButton):
                if button.objectName() == "error-offer" and box.isVisible():
                    return button
        return None

    qtbot.waitUntil(lambda: offer() is not None, timeout=30_000)
    button = offer()
    assert button is not None and button.text() == "Recognise first"
    button.click()
    qtbot.waitUntil(out.exists, timeout=120_000)
    idle(qtbot, window)
    assert window.document is not None
    assert station.recognised_pages()[window.document.id] == 1


def test_a_search_hit_opens_zoomed_onto_the_hit_and_f3_steps_through_hits(
    qtbot: QtBot, window: MainWindow, inputs: Path
) -> None:
    finish(qtbot, window.acquisition.import_paths([scan(inputs)]))
    qtbot.waitUntil(lambda: window.document is not None, timeout=30_000)
    finish(qtbot, window.acquisition.recognise(window.current_ids()))
    idle(qtbot, window)
    fitted = window.viewer.scale_factor()
    finish(qtbot, window.review.run_search("chuyen doi", {}))
    window.viewer.clear_page()
    hit = window.review.step_hit(1)  # F3
    assert hit is not None and window.document is not None
    assert hit.document_id == window.document.id
    qtbot.waitUntil(lambda: bool(window.viewer.hit_items), timeout=30_000)
    assert window.viewer.scale_factor() > fitted  # zoomed in, not the whole page
    shown = window.viewer.mapToScene(window.viewer.viewport().rect()).boundingRect()
    assert shown.contains(window.viewer.hit_items[0].sceneBoundingRect().center())
    assert window.next_hit_action.shortcut().toString() == "F3"


def test_many_documents_chosen_in_the_tree_are_described_and_moved_together(
    qtbot: QtBot, window: MainWindow, station: Workstation, inputs: Path
) -> None:
    files = [write_image(inputs / f"trang-{n}.png", n) for n in (1, 2, 3)]
    finish(qtbot, window.acquisition.import_paths(files))
    qtbot.waitUntil(lambda: len(window.tree.document_ids()) == 3, timeout=30_000)
    idle(qtbot, window)
    target = station.create_collection("Hồ sơ số 12")
    finish(qtbot, window.library.refresh())
    chosen = window.tree.document_ids()[:2]
    rows = []
    for ident in chosen:  # Ctrl+click on each: the rows join the selection
        window.tree.select_document(ident)
        rows.append(window.tree.currentIndex())
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for index in rows:
        window.tree.selectionModel().select(index, flags)
    assert sorted(window.tree.selected_documents()) == sorted(chosen)

    described = window.library.describe_many(
        window.tree.selected_documents(),
        {"issuing_body": "Văn phòng Tỉnh ủy", "keywords": ("chuyển đổi số",)},
    )
    assert described
    records = {d.id: d.metadata for d in station.documents()}
    assert all(records[i].issuing_body == "Văn phòng Tỉnh ủy" for i in chosen)
    assert all(records[i].keywords == ("chuyển đổi số",) for i in chosen)
    other = next(i for i in records if i not in chosen)
    assert records[other].issuing_body == ""

    assert window.library.move_documents(chosen, target)
    placed = {d.id: d.collection_id for d in station.documents()}
    assert [placed[i] for i in chosen] == [target, target] and placed[other] is None

    window.undo_stack.undo()  # the move goes back, then the description
    window.undo_stack.undo()
    idle(qtbot, window)
    after = {d.id: d for d in station.documents()}
    assert all(
        after[i].collection_id is None and after[i].metadata.issuing_body == "" for i in chosen
    )


def test_thumbnails_follow_a_page_turned_by_recognition(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    inputs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    upright = scan(inputs, "thang.png")
    with Image.open(upright) as image:
        image.rotate(180).save(inputs / "nguoc.png", dpi=(300, 300))
    shown: list[tuple[int, QImage]] = []
    strip_set = window.thumbnails.set_thumbnail

    def noted(number: int, image: QImage) -> None:
        shown.append((number, image))
        strip_set(number, image)

    monkeypatch.setattr(window.thumbnails, "set_thumbnail", noted)
    finish(qtbot, window.acquisition.import_paths([inputs / "nguoc.png"]))
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    before = shown[-1][1]
    finish(qtbot, window.acquisition.recognise(window.current_ids()))
    idle(qtbot, window)
    assert window.document is not None
    record = station.page_texts(window.document.id)[1]
    assert record.prepared_sha256 is not None  # recognition turned the page upright
    (number, after), expected = shown[-1], thumbnail(station.page_images(window.document.id)[0][1])
    assert number == 1 and after == expected and after != before


def test_an_ebook_export_shows_what_the_publisher_checks(
    qtbot: QtBot, window: MainWindow, station: Workstation, inputs: Path, tmp_path: Path
) -> None:
    finish(qtbot, window.acquisition.import_paths([scan(inputs)]))
    qtbot.waitUntil(lambda: window.document is not None, timeout=30_000)
    assert window.document is not None
    with Library.open(station.library_path) as library:
        give_text(
            library,
            window.document.id,
            ["LỊCH SỬ ĐẢNG BỘ\nĐảng bộ tỉnh lãnh đạo công tác lưu trữ trong những năm đầu.\n12"],
        )
    out = tmp_path / "sach.epub"

    finish(qtbot, window.exports.export(ExportRequest("epub", out)))

    def checks() -> QMessageBox | None:
        found = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
        return next((box for box in found if box.objectName() == "publisher-checks"), None)

    qtbot.waitUntil(lambda: checks() is not None)
    box = checks()
    assert box is not None and out.is_file()
    assert "left out as running headers, footers or page numbers" in box.text()
    details = box.detailedText().splitlines()
    assert details[0] == "Left out as page furniture:"
    assert "Paragraphs joined across pages:" in details
