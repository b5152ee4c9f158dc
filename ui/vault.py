"""The vault in the window: the passphrase dialog, the switch in the status bar that says whether
the vault is locked (and locks or unlocks it), and the idle lock.

The window holds the vault's key — in its `Workstation` — from an unlock until the vault is
locked by hand or left idle: no secret work in the core and no key or mouse press in the window
for the minutes of the library's setting `security.vault_idle_minutes` (10 by default). The
passphrase is asked on the GUI thread before secret work starts, never from a worker.
"""

from __future__ import annotations

import math

from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

IDLE_SETTING = "security.vault_idle_minutes"
"""Library setting: minutes without use after which the window locks the vault."""
DEFAULT_IDLE_MINUTES = 10.0
IDLE_CHECK_MS = 5_000


def idle_minutes(value: str) -> float:
    """The setting's minutes (a decimal comma allowed); the default when unset or unreadable."""
    try:
        minutes = float(value.strip().replace(",", "."))
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return minutes if math.isfinite(minutes) and minutes > 0 else DEFAULT_IDLE_MINUTES


class PassphraseDialog(QDialog):
    """Asks for the vault's passphrase; `reason` says why it is needed now."""

    def __init__(self, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphrase-dialog")
        self.setWindowTitle(self.tr("Unlock the vault"))
        self.setModal(True)
        explanation = QLabel(
            reason
            or self.tr(
                "Secret documents are kept encrypted in the vault. Type its passphrase to "
                "work on them; the key stays in memory until the vault is locked or left idle."
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.field = QLineEdit(self)
        self.field.setObjectName("passphrase")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("Passphrase"))
        buttons = QDialogButtonBox(self)
        self.unlock_button = buttons.addButton(
            self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.unlock_button.setEnabled(False)
        self.field.textChanged.connect(lambda text: self.unlock_button.setEnabled(bool(text)))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.field)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def passphrase(self) -> str:
        return self.field.text()


class VaultSwitch(QToolButton):
    """The vault's state in the status bar; a click unlocks or locks it. Hidden while the
    library has no vault."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vault-state")
        self.setAutoRaise(True)
        self.show_state(exists=False, unlocked=False)

    def show_state(self, *, exists: bool, unlocked: bool) -> None:
        self.setVisible(exists)
        if unlocked:
            self.setText(self.tr("Vault unlocked"))
            self.setToolTip(self.tr("Secret documents can be opened. Click to lock the vault."))
            self.setStyleSheet("QToolButton { color: #b3261e; font-weight: 600; }")
        else:
            self.setText(self.tr("Vault locked"))
            self.setToolTip(self.tr("Secret documents are shut. Click to unlock the vault."))
            self.setStyleSheet("QToolButton { color: #2e7d32; }")
