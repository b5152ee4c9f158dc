"""The vault's daily tasks through the window, on the real core: creating the vault, the idle
lock's minutes, classifying chosen documents with a reason (into the vault and back), and
internal copies written to the register."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from digitizer.library import Library
from digitizer.model import Classification
from digitizer.service import Workstation
from tests.helpers.page_texts import give_text
from tests.helpers.pages import write_image
from tests.security.routes import RouteTables, fabricated_routes
from tests.security.vaults import PASSPHRASE, TEST_COST
from tests.ui.conftest import finish, idle
from ui.main_window import MainWindow
from ui.qt import QDialog, QMessageBox
from ui.vault import IDLE_SETTING, ClassifyDialog, NewVaultDialog


@pytest.fixture(autouse=True)
def _offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RouteTables:
    return fabricated_routes(tmp_path / "proc-net", monkeypatch)


def _answer(window: MainWindow, monkeypatch: pytest.MonkeyPatch, fill: object) -> None:
    def run(dialog: QDialog) -> int:
        fill(dialog)  # type: ignore[operator]
        dialog.accept()
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(window, "run_dialog", run)


def test_the_vault_is_created_classified_into_and_copied_from(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    inputs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    finish(qtbot, window.acquisition.import_paths([write_image(inputs / "a.png", 1)]))
    idle(qtbot, window)
    (document,) = station.documents()
    with Library.open(station.library_path) as library:
        give_text(library, document.id, ["Kế hoạch công tác năm nay"])
    assert window.create_vault_action.isEnabled()

    # create the vault: the passphrase twice, too short first
    def new_vault(dialog: NewVaultDialog) -> None:
        dialog.field.setText("ngắn")
        dialog.again.setText("ngắn")
        assert not dialog.create_button.isEnabled()
        dialog.field.setText(PASSPHRASE)
        dialog.again.setText(PASSPHRASE)
        assert dialog.create_button.isEnabled()

    _answer(window, monkeypatch, new_vault)
    window.vault.cost = TEST_COST
    finish(qtbot, window.vault.create())
    assert station.vault_status().exists and station.vault_unlocked
    assert not window.create_vault_action.isEnabled()

    # the idle lock's minutes are a library setting
    monkeypatch.setattr(window, "ask_number", lambda *_a: 3.5)
    assert window.vault.set_idle_minutes()
    assert station.setting(IDLE_SETTING) == "3.5" and station.vault_idle_seconds == 210

    # classify the document Mật: it goes into the vault
    def secret(dialog: ClassifyDialog) -> None:
        dialog.level.setCurrentIndex(dialog.level.findData(Classification.SECRET.value))
        dialog.reason.setText("Quyết định số 12 của Thủ trưởng")

    _answer(window, monkeypatch, secret)
    window.tree.select_document(document.id)
    window.classify_action.trigger()
    finish(qtbot, window.runner.tasks[-1])
    assert station.documents()[0].classification is Classification.SECRET

    # internal copies of the secret document are numbered and registered
    out = tmp_path / "ban-sao.pdf"
    task = window.vault.internal_copy(document.id, out, 2, "Gửi Văn phòng")
    finish(qtbot, task)
    rows = window.vault.register_rows(document.id)
    assert len(rows) == 1 and "Gửi Văn phòng" in rows[0]

    # lowering without a reason is refused, in the window's words
    window.vault.classify([document.id], Classification.PUBLIC, "")
    qtbot.waitUntil(lambda: bool(_error_dialogs(window)), timeout=30_000)
    assert "[classification-refused]" in _error_dialogs(window)[0].text()
    assert station.documents()[0].classification is Classification.SECRET
    idle(qtbot, window)


def _error_dialogs(window: MainWindow) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.objectName() == "error-dialog"]
