"""The vault: unlocking (on a worker: scrypt takes a moment), locking by hand and when left
idle, and what the window shows of it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from ui.operations import Operation, Workflow
from ui.qt import QApplication, QEvent, QModelIndex, QObject, QTimer
from ui.tasks import Task, TaskProgress
from ui.vault import IDLE_CHECK_MS, IDLE_SETTING, idle_minutes

if TYPE_CHECKING:
    from ui.main_window import MainWindow

_INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel})
"""What counts as the person using the window, for the vault's idle lock."""


class VaultWorkflow(Workflow):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.exists = False
        self.last_input = time.monotonic()
        self._watching_input = False
        self.idle_timer = QTimer(self)
        self.idle_timer.setObjectName("vault-idle-timer")
        self.idle_timer.setInterval(IDLE_CHECK_MS)
        self.idle_timer.timeout.connect(self.check_idle)

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
            self.last_input = time.monotonic()
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
        quiet = time.monotonic() - self.last_input >= station.vault_idle_seconds
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
            self.last_input = time.monotonic()
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching_input = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _INPUT_EVENTS:
            self.last_input = time.monotonic()
        return super().eventFilter(watched, event)

    def switch(self) -> None:
        if self.station.vault_unlocked:
            self.lock()
        else:
            self.unlock()
