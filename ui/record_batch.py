"""The record of many documents at once: the fields they share (type, issuing body, date of
issue, keywords, language); a field left empty is not changed."""

from __future__ import annotations

from typing import Any

from ui.qt import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class BatchRecordDialog(QDialog):
    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batch-record")
        self.setWindowTitle(self.tr("Describe %1 documents").replace("%1", str(count)))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "What you fill in here goes into the record of each of the %1 chosen "
                "documents. Fields left empty keep what each document has."
            ).replace("%1", str(count)),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.document_type = QLineEdit(self)
        self.issuing_body = QLineEdit(self)
        self.keywords = QLineEdit(self)
        self.keywords.setPlaceholderText(self.tr("separated by ;"))
        form.addRow(self.tr("Type"), self.document_type)
        form.addRow(self.tr("Issuing body"), self.issuing_body)
        form.addRow(self.tr("Keywords"), self.keywords)
        layout.addLayout(form)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Save to every record"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, Any]:
        """The fields filled in, by their `Metadata` names."""
        changes: dict[str, Any] = {}
        if self.document_type.text().strip():
            changes["document_type"] = self.document_type.text().strip()
        if self.issuing_body.text().strip():
            changes["issuing_body"] = self.issuing_body.text().strip()
        words = tuple(w.strip() for w in self.keywords.text().split(";") if w.strip())
        if words:
            changes["keywords"] = words
        return changes
