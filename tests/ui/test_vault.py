"""The vault in the window, on the real core (real scrypt, real AES-GCM, real Tesseract): unlocked
with a passphrase dialog (a wrong one changes nothing), locked by hand or when left idle, shown in
the status bar; secret documents carry their level, ask for the passphrase before they open,
leave the screen when the vault locks, and are searched only while it is unlocked. The network
guard reads fabricated routing tables: the machine is offline unless a test connects it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from digitizer.acquire.importer import ImportOptions
from digitizer.library import Library
from digitizer.model import Classification
from digitizer.service import Workstation
from tests.helpers.clock import Clock
from tests.helpers.page_texts import give_text
from tests.security.routes import RouteTables, fabricated_routes
from tests.security.support import files_under, import_page, pages_indexed_with, where_found
from tests.security.vaults import PASSPHRASE, vault_station
from tests.ui.conftest import finish, idle, scan, type_text
from ui.library_tree import ID_ROLE
from ui.main_window import MainWindow
from ui.qt import QMessageBox, Qt
from ui.vault import IDLE_SETTING

SECRET_TEXT = "Kế hoạch phòng thủ khu vực Quỳnhdiệp năm nay"
PUBLIC_TEXT = "Kế hoạch thi đua năm nay"
UNUSUAL_WORD = "Khuyếtnguyệt"  # a code name no dictionary has, with marks that NFD splits


@pytest.fixture
def routes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RouteTables:
    return fabricated_routes(tmp_path / "proc-net", monkeypatch)


@pytest.fixture
def station(library_path: Path, routes: RouteTables) -> Workstation:
    """A library with a vault (locked) on an offline machine; the window's `station`."""
    return vault_station(library_path)


@pytest.fixture
def documents(station: Workstation, tmp_path: Path) -> tuple[str, str]:
    """A secret document and a public one, with OCR text; the vault locked again."""
    secret = import_page(station, tmp_path / "in", 1)
    public = import_page(station, tmp_path / "in", 2)
    with Library.open(station.library_path) as library:
        give_text(library, secret, [SECRET_TEXT])
        give_text(library, public, [PUBLIC_TEXT])
    station.describe(secret, title="Kế hoạch phòng thủ")
    station.describe(public, title="Kế hoạch thi đua")
    station.unlock(PASSPHRASE)
    station.classify(secret, Classification.SECRET, "dấu MẬT ở đầu trang")
    station.lock()
    return secret, public


def _passphrases(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, *answers: str | None
) -> list[str]:
    """Answer the passphrase dialog with `answers`, in turn; returns the reasons it gave."""
    reasons: list[str] = []
    queue = list(answers)

    def ask(reason: str = "") -> str | None:
        reasons.append(reason)
        return queue.pop(0)

    monkeypatch.setattr(window, "ask_passphrase", ask)
    return reasons


def _dialogs(window: MainWindow) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.objectName() == "error-dialog"]


def _tree_row(window: MainWindow, document_id: str) -> list[str]:
    model = window.tree.model_
    for row in range(model.rowCount()):
        group = model.item(row)
        for child in range(group.rowCount()):
            if group.child(child).data(ID_ROLE) == document_id:
                return [group.child(child, column).text() for column in range(4)]
    raise AssertionError(f"{document_id} is not in the tree")


def _open(qtbot: QtBot, window: MainWindow, document_id: str) -> None:
    window.tree.select_document(document_id)
    qtbot.waitUntil(
        lambda: (
            window.view is not None
            and window.document is not None
            and window.document.id == document_id
        ),
        timeout=30_000,
    )


def test_a_wrong_passphrase_changes_nothing_and_the_right_one_unlocks(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    documents: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secret, _public = documents
    finish(qtbot, window.library.refresh())
    assert window.vault_switch.isVisible() and window.vault_switch.text() == "Vault locked"
    assert window.unlock_action.isEnabled() and not window.lock_action.isEnabled()
    assert not window.search.secret_note.isHidden()
    assert _tree_row(window, secret)[0] == f"Secret document {secret}"  # the title is sealed
    _passphrases(window, monkeypatch, "một mật khẩu sai hoàn toàn", PASSPHRASE)

    window.unlock_action.trigger()
    qtbot.waitUntil(lambda: bool(_dialogs(window)), timeout=30_000)

    text = _dialogs(window)[0].text()
    assert "Wrong passphrase" in text and "[wrong-passphrase]" in text
    assert not station.vault_unlocked and window.vault_switch.text() == "Vault locked"
    assert [e.event for e in station.audit_log()][-1] == "passphrase-refused"
    _dialogs(window)[0].done(0)

    window.unlock_action.trigger()
    qtbot.waitUntil(lambda: station.vault_unlocked, timeout=30_000)
    idle(qtbot, window)
    assert window.vault_switch.text() == "Vault unlocked"
    assert window.lock_action.isEnabled() and not window.unlock_action.isEnabled()
    assert window.search.secret_note.isHidden()
    assert _tree_row(window, secret)[0] == "Kế hoạch phòng thủ"  # revealed while unlocked
    assert _tree_row(window, secret)[3] == "Secret"

    window.activateWindow()  # the dialog took the focus
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, window)
    assert not station.vault_unlocked and window.vault_switch.text() == "Vault locked"
    assert _tree_row(window, secret)[0] == f"Secret document {secret}"


def test_a_secret_document_asks_to_unlock_first_and_leaves_the_screen_when_locked(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    documents: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secret, public = documents
    finish(qtbot, window.library.refresh())
    _open(qtbot, window, public)
    reasons = _passphrases(window, monkeypatch, None, PASSPHRASE)

    window.tree.select_document(secret)  # declined: nothing opens
    idle(qtbot, window)
    assert len(reasons) == 1 and "classified Secret" in reasons[0]
    assert window.document is not None and window.document.id == public
    assert window.tree.current_document() == public
    assert not window.banner.isVisible()

    _open(qtbot, window, secret)  # asked again, and unlocked
    idle(qtbot, window)
    assert station.vault_unlocked and len(reasons) == 2
    assert window.view is not None and isinstance(window.view.image, bytes)  # in memory only
    assert window.viewer.page_item is not None
    assert window.banner.isVisible() and window.banner.text().startswith("SECRET")
    assert window.record.title.text() == "Kế hoạch phòng thủ"
    assert "Quỳnhdiệp" in window.text.editor.toPlainText()

    window.vault.lock()
    idle(qtbot, window)
    assert window.document is None and window.view is None
    assert window.viewer.page_item is None and window.text.editor.toPlainText() == ""
    assert window.record.title.text() == "" and not window.banner.isVisible()
    assert window.thumbnails.count() == 0 and window.tree.current_document() is None


def test_the_vault_locks_itself_when_left_idle(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    documents: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secret, _public = documents
    clock = Clock()
    station.vault.clock = clock
    station.set_setting(IDLE_SETTING, "0,02")  # minutes: 1.2 s
    window.vault.idle_timer.setInterval(50)
    finish(qtbot, window.library.refresh())
    _passphrases(window, monkeypatch, PASSPHRASE)
    _open(qtbot, window, secret)
    assert station.vault_idle_seconds == pytest.approx(1.2)

    for _ in range(20):  # someone typing for 2 s: the vault stays open
        QTest.keyClick(window.search.field, Qt.Key.Key_A)
        clock.now += 0.1
        assert not window.vault.check_idle()
    clock.now += 1.0  # a pause shorter than the idle time
    assert not window.vault.check_idle()
    assert station.vault_unlocked and window.document is not None

    clock.now += 0.2  # now 1.2 s without a key press
    qtbot.waitUntil(lambda: not station.vault_unlocked, timeout=10_000)  # the timer's check
    idle(qtbot, window)
    assert window.vault_switch.text() == "Vault locked" and not window.vault.idle_timer.isActive()
    assert window.document is None and window.viewer.page_item is None
    assert "without use" in window.statusBar().currentMessage()


def test_a_networked_machine_keeps_secret_documents_shut(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    documents: tuple[str, str],
    routes: RouteTables,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secret, _public = documents
    finish(qtbot, window.library.refresh())
    routes.connect()
    _passphrases(window, monkeypatch, PASSPHRASE)

    window.tree.select_document(secret)
    qtbot.waitUntil(lambda: bool(_dialogs(window)), timeout=30_000)

    box = _dialogs(window)[0]
    assert "connected to a network" in box.text() and "[network-connected]" in box.text()
    assert "eth0" in box.detailedText()  # the core's message names the route
    assert window.document is None and window.view is None


def test_secret_documents_are_searched_only_while_unlocked(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    documents: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secret, public = documents
    finish(qtbot, window.library.refresh())

    def found(query: str) -> list[str]:
        finish(qtbot, window.review.run_search(query, {}))
        outcome = window.search.outcome
        assert outcome is not None
        return sorted({hit.document_id for hit in outcome.hits})

    assert found("ke hoach") == [public]
    _passphrases(window, monkeypatch, PASSPHRASE)
    finish(qtbot, window.vault.unlock())
    assert found("ke hoach") == sorted([public, secret])
    assert found("quynhdiep") == [secret]

    window.vault.lock()  # the results go, and the search runs again without the vault
    qtbot.waitUntil(lambda: window.search.outcome is not None, timeout=30_000)
    assert window.search.outcome is not None and window.search.outcome.hits == []
    assert window.last_search == ("quynhdiep", {})
    idle(qtbot, window)


def test_a_secret_page_is_read_corrected_and_turned_leaving_no_trace_on_disk(
    qtbot: QtBot,
    window: MainWindow,
    station: Workstation,
    inputs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Real Tesseract on a page imported straight into the vault, then the window: open it,
    correct a word into a code name, turn the page; no file of the library or of /dev/shm
    holds the code name, yet the vault's search finds it."""
    station.unlock(PASSPHRASE)
    report = station.import_paths(
        [scan(inputs, lines=3)], ImportOptions(classification=Classification.SECRET)
    )
    document = report.imported[0].document_id
    assert station.ocr([document]).done == 1
    station.lock()
    finish(qtbot, window.library.refresh())
    _passphrases(window, monkeypatch, PASSPHRASE)

    _open(qtbot, window, document)
    qtbot.waitUntil(lambda: window.view is not None and window.view.text is not None)
    assert "Đảng bộ tỉnh" in window.text.editor.toPlainText()
    words = window.viewer.words
    window.review.word_clicked(next(i for i, w in enumerate(words) if w.text == "tỉnh"))
    window.text.editor.setFocus()
    type_text(window.text.editor, UNUSUAL_WORD)
    window.text.submit()
    qtbot.waitUntil(lambda: window.view is not None and window.view.corrected, timeout=30_000)
    assert f"Đảng bộ {UNUSUAL_WORD}" in window.text.editor.toPlainText()
    assert [hit.document_id for hit in station.search(UNUSUAL_WORD.lower()).hits] == [document]

    assert window.view is not None
    page = window.view.page
    window.review.rotate_page(1, 1)
    qtbot.waitUntil(
        lambda: window.view is not None and window.view.size == (page.height, page.width),
        timeout=30_000,
    )
    assert window.view is not None and isinstance(window.view.image, bytes)
    idle(qtbot, window)
    window.close()  # locks the vault and reclaims what nothing uses

    assert not station.vault_unlocked
    assert station.verify().ok
    searched = files_under(station.library_path, Path("/dev/shm"))
    # the search covers the places the word would be: the catalogue and the sealed objects
    assert station.library_path / "catalog.sqlite3" in searched
    assert any("objects" in path.parts and "vault" in path.parts for path in searched)
    assert where_found(UNUSUAL_WORD, searched) == []
    assert pages_indexed_with(UNUSUAL_WORD, station.library_path) == 0
