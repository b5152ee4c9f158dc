"""The archivist's path through the window, on the real core: import a scan, recognise it with
Tesseract, search a word, open the hit, correct a word in the text panel, find the corrected
word, export a PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ocr.geometry import Box
from tests.ui.conftest import finish, idle, scan, type_text
from ui.export_dialog import ExportDialog
from ui.main_window import MainWindow
from ui.qt import Qt


def _overlaps(a: Box, b: Box) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def test_import_recognise_search_correct_and_export(
    qtbot: QtBot, window: MainWindow, inputs: Path, tmp_path: Path
) -> None:
    # import a scan: it appears in the tree and opens
    finish(qtbot, window.acquisition.import_paths([scan(inputs)]))
    qtbot.waitUntil(lambda: window.view is not None, timeout=30_000)
    assert window.document is not None and window.tree.document_ids() == [window.document.id]
    assert window.view is not None and window.view.text is None  # not read yet

    # recognise it with Tesseract
    window.ocr_action.trigger()
    ocr = window.runner.tasks[-1]
    assert ocr.kind == "ocr"
    finish(qtbot, ocr)
    qtbot.waitUntil(lambda: window.view is not None and window.view.text is not None)
    assert "chuyển đổi số" in window.text.editor.toPlainText()
    assert window.viewer.word_items, "the word boxes are drawn over the page"

    # search a word (Ctrl+F puts the cursor in the search field)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.field.hasFocus()
    QTest.keyClicks(window.search.field, "chuyen doi")
    QTest.keyClick(window.search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.search.hit_items()), timeout=30_000)
    hit_item = window.search.hit_items()[0]
    hit = hit_item.data(0, Qt.ItemDataRole.UserRole + 1)
    assert hit.document_id == window.document.id and hit.page == 1
    assert len(hit.boxes) == 2

    # open the result: the page shows with the hit boxes drawn on the matched words
    window.viewer.clear_page()
    window.search.results.itemClicked.emit(hit_item, 0)
    qtbot.waitUntil(lambda: len(window.viewer.hit_items) == 2, timeout=30_000)
    words = window.viewer.words
    marked = {
        words[i].text
        for i in range(len(words))
        for box in hit.boxes
        if _overlaps(words[i].box, box)
    }
    assert marked == {"chuyển", "đổi"}

    # correct a word in the text panel: click the word on the image, type over it, save
    index = next(i for i, word in enumerate(words) if word.text == "tỉnh")
    window.review.word_clicked(index)
    cursor = window.text.editor.textCursor()
    assert cursor.selectedText() == "tỉnh"
    assert window.viewer.selected_item is not None
    window.text.editor.setFocus()
    type_text(window.text.editor, "huyện")
    assert window.text.save_button.isEnabled()
    QTest.mouseClick(window.text.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.view is not None and window.view.corrected, timeout=30_000)
    assert "Đảng bộ huyện" in window.text.editor.toPlainText()
    assert "Đảng bộ tỉnh" not in window.text.editor.toPlainText()

    # searching the corrected word finds the page
    window.search.field.clear()
    type_text(window.search.field, "huyện")
    QTest.keyClick(window.search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.search.hit_items()), timeout=30_000)
    found = window.search.hit_items()[0].data(0, Qt.ItemDataRole.UserRole + 1)
    assert (found.document_id, found.page) == (window.document.id, 1)

    # export a PDF through the export dialog: its text layer has the corrected word
    dialog = ExportDialog("nghi-quyet", "", tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.chosen_format() == "pdf"
    out = tmp_path / "nghi-quyet.pdf"
    assert Path(dialog.path.text()) == out
    export = window.exports.export(dialog.request())
    finish(qtbot, export)
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "huyện" in text and "chuyển đổi số" in text
    idle(qtbot, window)
