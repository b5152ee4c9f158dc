"""The record form shows what was read from the page as proposals: highlighted, Enter confirms a
field, Ctrl+Shift+Enter confirms them all, and a confirmed field is highlighted no more."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from digitizer.library import Library
from digitizer.service import Workstation
from tests.helpers.page_texts import give_text
from tests.helpers.pages import write_image
from tests.records.columns import columns
from tests.records.test_store import PAGE
from ui.metadata_form import PROPOSED_STYLE, MetadataForm
from ui.qt import Qt

pytestmark = pytest.mark.skipif(
    os.environ.get("QT_QPA_PLATFORM") != "offscreen", reason="needs QT_QPA_PLATFORM=offscreen"
)


def test_proposals_are_highlighted_and_confirmed_from_the_keyboard(
    qtbot: QtBot, tmp_path: Path, library_path: Path
) -> None:
    station = Workstation(library_path)
    station.init()
    report = station.import_paths([write_image(tmp_path / "scan-0001.png", 1)])
    document_id = report.imported[0].document_id
    with Library.open(library_path) as library:
        give_text(library, document_id, [columns(PAGE)])
    document, _ = station.describe_record(document_id, propose=True)

    form = MetadataForm()
    qtbot.addWidget(form)
    confirmed: list[tuple[str, list[str]]] = []

    def confirm(doc: str, fields: list[str]) -> None:
        confirmed.append((doc, fields))
        station.describe_record(doc, confirm=fields)
        form.show_document(station.document(doc)[0], station.record(doc))

    form.confirmed.connect(confirm)
    form.show()
    form.show_document(document, station.record(document_id))
    assert form.number_symbol.text() == "24-NQ/TU"
    assert form.number_symbol.styleSheet() == PROPOSED_STYLE
    assert "%" in form.number_symbol.toolTip()
    assert form.confirm_button.isVisible()

    form.number_symbol.setFocus()
    QTest.keyClick(form.number_symbol, Qt.Key.Key_Return)
    assert confirmed == [(document_id, ["number_symbol"])]
    assert form.number_symbol.styleSheet() == ""
    assert form.issuing_body.styleSheet() == PROPOSED_STYLE

    QTest.keyClick(
        form.issuing_body,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert confirmed[-1] == (document_id, [])
    assert form.issuing_body.styleSheet() == ""
    assert not form.confirm_button.isVisible()
    assert station.record(document_id)["proposed"] == {}
