"""The window speaks Vietnamese: every string of `ui/` is in the Vietnamese `.ts` source,
translated, built into a `.qm` by `make setup`, and nothing visible is left in English."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from digitizer.service import Workstation
from ui.errors import window_message
from ui.i18n import install_translators, remove_translators, translations_folder
from ui.main_window import MainWindow
from ui.qt import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMenu,
    QMessageBox,
    Qt,
    QTabWidget,
    QWidget,
)

VIETNAMESE = translations_folder() / "digitizer_vi.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
UI = Path(__file__).resolve().parents[2] / "ui"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (str(context.findtext("name")), str(message.findtext("source"))): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_vietnamese_string_is_translated() -> None:
    messages = _messages(VIETNAMESE)
    assert len(messages) > 150
    unfinished = [
        source
        for (_context, source), message in messages.items()
        if (translation := message.find("translation")) is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]
    assert unfinished == []


def test_the_sources_hold_every_string_of_the_window(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            str(LUPDATE),
            "-silent",
            "-locations",
            "none",
            *sorted(map(str, UI.rglob("*.py"))),
            "-ts",
            str(fresh),
        ],
        check=True,
    )
    assert set(_messages(fresh)) == set(_messages(VIETNAMESE)), "run `make translations`"


def test_make_setup_built_the_translations() -> None:
    for ts in sorted(translations_folder().glob("*.ts")):
        qm = ts.with_suffix(".qm")
        assert qm.is_file(), f"{qm.name} is missing: run `make setup`"
        assert qm.stat().st_mtime >= ts.stat().st_mtime, f"{qm.name} is older than {ts.name}"


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "vi")
    assert translators, "the Vietnamese .qm did not load"
    yield
    remove_translators(qapp, translators)


def _visible_texts(window: MainWindow) -> Iterator[str]:
    for menu in window.findChildren(QMenu):
        yield menu.title()
    for widget in window.findChildren(QWidget):
        for action in widget.actions():
            yield action.text()
            yield action.toolTip()
    for label in window.findChildren(QLabel):
        yield label.text()
    for button in window.findChildren(QAbstractButton):
        yield button.text()
    for tabs in window.findChildren(QTabWidget):
        yield from (tabs.tabText(i) for i in range(tabs.count()))
    yield from (window.tree.model_.headerData(i, Qt.Orientation.Horizontal) for i in range(4))
    yield from (window.jobs.tree.headerItem().text(i) for i in range(4))
    yield window.search.field.placeholderText()


def test_the_window_shows_no_english(qtbot: QtBot, vietnamese: None, library_path: Path) -> None:
    station = Workstation(library_path)
    station.init()
    window = MainWindow(station)
    qtbot.addWidget(window)
    english = {
        source
        for (_c, source), message in _messages(VIETNAMESE).items()
        if message.findtext("translation") != source
    }
    shown = {text.replace("&", "") for text in _visible_texts(window) if text}
    left = sorted(text for text in shown if text in {e.replace("&", "") for e in english})
    assert left == []
    assert "Nhập tệp…" in shown and "Tìm kiếm" in shown


def test_qt_own_buttons_speak_vietnamese(qtbot: QtBot, vietnamese: None) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "Lỗi", "Không đọc được tệp.")
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.setDetailedText("chi tiết")
    texts = {button.text().replace("&", "") for button in box.buttons()}
    assert {"Đồng ý", "Hủy", "Xem chi tiết…"} <= texts


def test_every_error_code_has_plain_vietnamese_words_without_flags(vietnamese: None) -> None:
    readme = (UI.parent / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| code | meaning |") :].split("\n\n")[0]
    codes = {
        code
        for line in table.splitlines()
        for code in re.findall(r"`([a-z-]+)`", line.split("|")[1])
    }
    assert len(codes) > 40
    for code in sorted(codes):
        words = window_message(code)
        assert words, f"no words for {code}"
        assert "--" not in words and "digitizer " not in words, code
        # In Vietnamese: the translation is installed, so the words are not the English source.
        assert words not in _english_error_sources(), code


def _english_error_sources() -> set[str]:
    return {source for (context, source) in _messages(VIETNAMESE) if context == "Errors"}
