"""The vault: unlocking (on a worker: scrypt takes a moment), locking by hand and when left
idle, and what the window shows of it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ui.library_tree import classification_label
from ui.operations import Operation, Workflow
from ui.qt import (
    QApplication,
    QDialog,
    QEvent,
    QFileDialog,
    QListWidget,
    QModelIndex,
    QObject,
    QTimer,
    QVBoxLayout,
)
from ui.tasks import Task, TaskProgress
from ui.vault import (
    IDLE_CHECK_MS,
    IDLE_SETTING,
    ClassifyDialog,
    NewVaultDialog,
    idle_minutes,
)

if TYPE_CHECKING:
    from digitizer.export.internal_copy import CopyResult
    from digitizer.model import Classification
    from digitizer.security.classify import ClassificationChange
    from ui.main_window import MainWindow

_INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel})
"""What counts as the person using the window, for the vault's idle lock."""


class VaultWorkflow(Workflow):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.exists = False
        self.last_input = self.now()
        self._watching_input = False
        self.idle_timer = QTimer(self)
        self.idle_timer.setObjectName("vault-idle-timer")
        self.idle_timer.setInterval(IDLE_CHECK_MS)
        self.idle_timer.timeout.connect(self.check_idle)

    def now(self) -> float:
        """The idle lock's clock: the core's, so that both count the same time."""
        return self.station.vault.clock()

    def secret_reason(self) -> str:
        return self.tr("This work touches a secret document: type the vault's passphrase.")

    def unlock(self, reason: str = "", then: Callable[[], object] | None = None) -> Task | None:
        """Ask for the passphrase and unlock the vault on a worker; a wrong passphrase is a
        dialog and changes nothing. `then` runs once the vault is open. None when the vault is
        open already (`then` has run) or the person did not unlock."""
        station, window = self.station, self.window
        if station.vault_unlocked:
            if then is not None:
                then()
            return None
        passphrase = window.ask_passphrase(reason)
        if passphrase is None:
            return None

        def work(_p: TaskProgress, _c: threading.Event) -> float:
            station.unlock(passphrase)
            return idle_minutes(station.setting(IDLE_SETTING))

        def unlocked(minutes: float) -> None:
            station.vault_idle_seconds = minutes * 60
            self.last_input = self.now()
            self.exists = True
            self.show_state()
            self.status().showMessage(self.tr("The vault is unlocked"), 5000)
            window.library.refresh()
            if then is not None:
                then()

        return self.run(
            Operation(work, title=self.tr("Unlock the vault"), kind="vault", listed=False)
            .success(unlocked)
            .failure(window.fail(self.tr("Cannot unlock the vault")))
        )

    def lock(self) -> None:
        """Forget the vault's key and take every secret document off the screen."""
        self.station.lock()
        self._locked(self.tr("The vault is locked"))

    def check_idle(self) -> bool:
        """Lock the vault when it was left idle: no key or mouse press in the window, no work
        running, and no secret work in the core for the idle time. True when it locked."""
        station = self.station
        if not station.vault_unlocked:
            self.show_state()
            return False
        quiet = self.now() - self.last_input >= station.vault_idle_seconds
        if not quiet or self.runner.busy() or not station.lock_if_idle():
            return False
        minutes = station.vault_idle_seconds / 60
        self._locked(
            self.tr("The vault was locked after %1 minute(s) without use").replace(
                "%1", f"{minutes:.3g}"
            )
        )
        return True

    def _locked(self, message: str) -> None:
        window = self.window
        self.show_state()
        self.status().showMessage(message, 10000)
        if window.document is not None and window.document.classification.is_secret:
            window.tree.setCurrentIndex(QModelIndex())
            window.review.clear_document()
        if window.search.outcome is not None and window.last_search is not None:
            window.search.clear_results()  # its hits may be secret: search again without them
            window.review.run_search(*window.last_search)
        window.library.refresh()  # secret documents' titles are in the vault again

    def show_state(self) -> None:
        """The status bar, the vault's actions, the search note and the idle timer, as the
        vault is now."""
        window = self.window
        unlocked = self.station.vault_unlocked
        window.vault_switch.show_state(exists=self.exists or unlocked, unlocked=unlocked)
        window.unlock_action.setEnabled(not unlocked)
        window.lock_action.setEnabled(unlocked)
        window.search.secret_note.setVisible(self.exists and not unlocked)
        window.create_vault_action.setEnabled(not (self.exists or unlocked))
        window.create_vault_action.setToolTip(
            self.tr("This library has a vault already") if self.exists or unlocked else ""
        )
        if unlocked and not self.idle_timer.isActive():
            self.idle_timer.start()
        elif not unlocked:
            self.idle_timer.stop()
        self._watch_input(unlocked)

    def _watch_input(self, on: bool) -> None:
        """Note the person's key and mouse presses (for the idle lock) while the vault is
        unlocked; only then, so that the filter costs nothing the rest of the time."""
        app = QApplication.instance()
        if app is None or on == self._watching_input:
            return
        if on:
            self.last_input = self.now()
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching_input = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _INPUT_EVENTS:
            self.last_input = self.now()
        return super().eventFilter(watched, event)

    # --- making the vault, its idle lock -------------------------------------------------

    cost: int | None = None
    """scrypt's cost for a new vault (None: the core's default); tests make it cheap."""

    def create(self, passphrase: str | None = None) -> Task | None:
        """Create the library's vault (the passphrase asked twice when not given); it stays
        unlocked in this window."""
        from digitizer.security.vault import MIN_PASSPHRASE

        window, station = self.window, self.station
        if passphrase is None:
            dialog = NewVaultDialog(MIN_PASSPHRASE, window)
            accepted = window.run_dialog(dialog) == QDialog.DialogCode.Accepted
            passphrase = dialog.passphrase() if accepted else None
            dialog.field.clear()
            dialog.again.clear()
            if not passphrase:
                return None
        chosen, cost = passphrase, self.cost

        def work(_p: TaskProgress, _c: threading.Event) -> None:
            station.vault_init(chosen, cost=cost)

        def created(_none: None) -> None:
            self.exists = True
            self.show_state()
            self.status().showMessage(self.tr("The vault is created and unlocked"), 8000)
            window.library.refresh()

        return self.run(
            Operation(work, title=self.tr("Create the vault"), kind="vault", write=True)
            .success(created)
            .failure(window.fail(self.tr("Cannot create the vault")))
        )

    def set_idle_minutes(self, minutes: float | None = None) -> bool:
        """How long the vault stays unlocked without use (a library setting)."""
        window, station = self.window, self.station
        if minutes is None:
            current = idle_minutes(station.setting(IDLE_SETTING))
            minutes = window.ask_number(
                self.tr("Lock the vault when idle"),
                self.tr("Lock the vault after this many minutes without use:"),
                current,
            )
            if minutes is None:
                return False
        station.set_setting(IDLE_SETTING, f"{minutes:g}")
        station.vault_idle_seconds = minutes * 60
        self.status().showMessage(
            self.tr("The vault locks after %1 minute(s) without use").replace("%1", f"{minutes:g}"),
            5000,
        )
        return True

    # --- classification, internal copies ----------------------------------------------------

    def classify(
        self,
        document_ids: list[str],
        level: Classification | None = None,
        reason: str | None = None,
    ) -> Task | None:
        """Set the chosen documents' level with a reason; into or out of Mật and above their
        data moves into or out of the vault (unlocked first when it is locked)."""
        from digitizer.model import Classification

        window, station = self.window, self.station
        if not document_ids:
            return None
        if level is None or reason is None:
            levels = [(c.value, classification_label(c)) for c in Classification]
            dialog = ClassifyDialog(len(document_ids), levels, window)
            if window.run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return None
            level = Classification(dialog.level.currentData())
            reason = dialog.reason.text().strip()
        chosen_level, chosen_reason, ids = level, reason, list(document_ids)

        def work(_p: TaskProgress, _c: threading.Event) -> list[ClassificationChange]:
            return [station.classify(ident, chosen_level, chosen_reason) for ident in ids]

        def classified(changes: list[ClassificationChange]) -> None:
            self.status().showMessage(
                self.tr("%1 document(s) classified %2")
                .replace("%1", str(len(changes)))
                .replace("%2", classification_label(chosen_level)),
                8000,
            )
            window.library.refresh()
            if window.document is not None and window.document.id in ids:
                window.review.reopen_document()

        return self.run(
            Operation(work, title=self.tr("Classify"), kind="classify", write=True)
            .success(classified)
            .failure(
                window.fail(
                    self.tr("Cannot classify"),
                    lambda: self.classify(ids, chosen_level, chosen_reason),
                )
            )
        )

    def internal_copy(self, document_id: str, out: Path, copies: int, purpose: str) -> Task:
        """Numbered internal copies, each page bannered and marked, written to the register."""
        window, station = self.window, self.station

        def work(_p: TaskProgress, _c: threading.Event) -> CopyResult:
            return station.internal_copy(document_id, out, copies, purpose)

        def made(result: CopyResult) -> None:
            self.status().showMessage(
                self.tr("%1 copies written, register entry %2")
                .replace("%1", str(len(result.paths)))
                .replace("%2", str(result.register.id)),
                8000,
            )

        return self.run(
            Operation(
                work, title=self.tr("Internal copies of %1").replace("%1", out.name), kind="copy"
            )
            .success(made)
            .failure(
                window.fail(
                    self.tr("Cannot make the copies"),
                    lambda: self.internal_copy(document_id, out, copies, purpose),
                )
            )
        )

    def ask_internal_copy(self) -> Task | None:
        window = self.window
        if window.document is None:
            return None
        out, _ = QFileDialog.getSaveFileName(
            window, self.tr("Internal copies"), str(Path.home() / "ban-sao.pdf"), "PDF (*.pdf)"
        )
        if not out:
            return None
        copies = window.ask_number(self.tr("Internal copies"), self.tr("Number of copies:"), 1)
        purpose = window.ask_text(self.tr("Internal copies"), self.tr("For whom, for what:"))
        if copies is None or purpose is None:
            return None
        return self.internal_copy(window.document.id, Path(out), int(copies), purpose)

    def register_rows(self, document_id: str | None = None) -> list[str]:
        """The copy register as the window lists it, newest first."""
        rows = []
        for entry in self.station.copy_register(document_id):
            rows.append(
                self.tr("No. %1 — %2: %3 copy(ies), %4 — %5")
                .replace("%1", str(entry.id))
                .replace("%2", entry.created_at)
                .replace("%3", str(entry.copies))
                .replace("%4", entry.purpose)
                .replace("%5", entry.operator)
            )
        return rows

    def show_register(self) -> QDialog:
        window = self.window
        dialog = QDialog(window)
        dialog.setObjectName("copy-register")
        dialog.setWindowTitle(self.tr("Register of internal copies"))
        dialog.setMinimumWidth(560)
        layout = QVBoxLayout(dialog)
        listing = QListWidget(dialog)
        listing.addItems(self.register_rows())
        layout.addWidget(listing)
        dialog.show()
        return dialog

    def switch(self) -> None:
        if self.station.vault_unlocked:
            self.lock()
        else:
            self.unlock()
