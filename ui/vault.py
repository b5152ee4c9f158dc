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
    QComboBox,
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


class NewVaultDialog(QDialog):
    """The vault's passphrase, typed twice, when the vault is made."""

    def __init__(self, minimum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new-vault-dialog")
        self.setWindowTitle(self.tr("Create the vault"))
        self.setMinimumWidth(460)
        self.minimum = minimum
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Secret documents (Mật and above) are kept encrypted in the vault. Choose a "
                "passphrase of at least %1 characters; without it nobody, not even you, can "
                "open them again."
            ).replace("%1", str(minimum)),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.field = QLineEdit(self)
        self.again = QLineEdit(self)
        for field in (self.field, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            layout.addWidget(field)
        self.field.setPlaceholderText(self.tr("Passphrase"))
        self.again.setPlaceholderText(self.tr("The same passphrase again"))
        self.problem = QLabel(self)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(self)
        self.create_button = buttons.addButton(
            self.tr("Create the vault"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.field.textChanged.connect(self._check)
        self.again.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        first, second = self.field.text(), self.again.text()
        if len(first) < self.minimum:
            problem = self.tr("At least %1 characters").replace("%1", str(self.minimum))
        elif first != second:
            problem = self.tr("The two passphrases differ")
        else:
            problem = ""
        self.problem.setText(problem)
        self.create_button.setEnabled(not problem)

    def passphrase(self) -> str:
        return self.field.text()


class ClassifyDialog(QDialog):
    """A level for the chosen documents and the reason for it (needed to lower a level)."""

    def __init__(self, count: int, levels: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("classify-dialog")
        self.setWindowTitle(self.tr("Classify %1 document(s)").replace("%1", str(count)))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.level = QComboBox(self)
        for value, label in levels:
            self.level.addItem(label, value)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(
            self.tr("Why (needed to lower a level): a decision, a stamp, a date…")
        )
        layout.addWidget(QLabel(self.tr("Level"), self))
        layout.addWidget(self.level)
        layout.addWidget(QLabel(self.tr("Reason"), self))
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Classify"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
