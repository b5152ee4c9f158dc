"""The archival record of a document: title, type, number and symbol, issuing body, date,
abstract, keywords, language and classification.

Fields the workstation read from the pages and nobody has confirmed yet are highlighted, their
confidence in the tooltip, and the page viewer marks where each was read (`sources_on`); a field
focused or clicked says so (`field_focused`) so that its box stands out. Enter in such a field
confirms it, Ctrl+Shift+Enter (or the button) confirms them all."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from digitizer.model import Classification, Document
from ocr.geometry import Box
from ui.library_tree import classification_label
from ui.qt import (
    QAction,
    QApplication,
    QComboBox,
    QDateEdit,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QObject,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QtCore,
    QVBoxLayout,
    QWidget,
    Signal,
)

DOCUMENT_TYPES = (
    "Nghị quyết",
    "Chỉ thị",
    "Quyết định",
    "Kết luận",
    "Quy định",
    "Thông báo",
    "Báo cáo",
    "Công văn",
    "Tờ trình",
    "Biên bản",
    "Kế hoạch",
    "Sách",
)
"""Kinds of Party and State documents; the field also takes any other."""

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"), ("fr", "Français"), ("ru", "Русский"))
NO_DATE = QtCore.QDate(1900, 1, 1)
PROPOSED_STYLE = "background-color: #fff4c2;"
"""A field read from the page and not yet confirmed."""


class MetadataForm(QWidget):
    saved = Signal(str, dict)  # document id, changed fields (Metadata field names)
    confirmed = Signal(str, list)  # document id, proposed fields confirmed ([]: all of them)
    field_focused = Signal(str)  # a proposed field got the focus: show where it was read
    sources_changed = Signal()  # the proposals shown changed: redraw their boxes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.proposed: dict[str, Any] = {}
        self.title = QLineEdit(self)
        self.title.setObjectName("title")
        self.document_type = QComboBox(self)
        self.document_type.setEditable(True)
        self.document_type.addItems(["", *DOCUMENT_TYPES])
        self.number_symbol = QLineEdit(self)
        self.number_symbol.setPlaceholderText("24-NQ/TU")
        self.issuing_body = QLineEdit(self)
        self.issued_on = QDateEdit(self)
        self.issued_on.setCalendarPopup(True)
        self.issued_on.setDisplayFormat("dd/MM/yyyy")
        self.issued_on.setMinimumDate(NO_DATE)
        self.issued_on.setSpecialValueText(self.tr("No date"))
        self.abstract = QPlainTextEdit(self)
        self.abstract.setMaximumHeight(110)
        self.keywords = QLineEdit(self)
        self.keywords.setPlaceholderText(self.tr("separated by ;"))
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.classification = QLabel(self)
        self.classification.setToolTip(
            self.tr("Set when the document is imported, or proposed by the stamp detector")
        )
        self.save_button = QPushButton(self.tr("Save record"), self)
        self.save_button.setObjectName("save-record")
        self.confirm_button = QPushButton(self.tr("Confirm all read from the page"), self)
        self.confirm_button.setObjectName("confirm-record")
        self.confirm_button.setToolTip("Ctrl+Shift+Enter")
        self.confirm_button.hide()
        confirm_all = QAction(self)
        confirm_all.setShortcut(QKeySequence("Ctrl+Shift+Return"))
        confirm_all.setShortcutContext(QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut)
        confirm_all.triggered.connect(self.confirm_all)
        self.addAction(confirm_all)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Type"), self.document_type)
        form.addRow(self.tr("Number and symbol"), self.number_symbol)
        form.addRow(self.tr("Issuing body"), self.issuing_body)
        form.addRow(self.tr("Date of issue"), self.issued_on)
        form.addRow(self.tr("Abstract"), self.abstract)
        form.addRow(self.tr("Keywords"), self.keywords)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Classification"), self.classification)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.confirm_button)  # a row of its own: its words need the width
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.save_button.clicked.connect(self._save)
        self.confirm_button.clicked.connect(self.confirm_all)
        for name, line in self._lines().items():
            line.returnPressed.connect(lambda name=name: self.confirm_field(name))
        self._field_of: dict[QObject, str] = {}  # a field's widgets → its name, for focus
        for name, widget in self._fields().items():
            inner = widget.lineEdit() if isinstance(widget, QComboBox) else None
            for part in (widget, inner):
                if part is not None:
                    self._field_of[part] = name
                    part.installEventFilter(self)
        self.setEnabled(False)

    def _fields(self) -> dict[str, QWidget]:
        return {
            "title": self.title,
            "document_type": self.document_type,
            "number_symbol": self.number_symbol,
            "issuing_body": self.issuing_body,
            "issued_on": self.issued_on,
            "abstract": self.abstract,
        }

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Only looks: every event of the fields passes here, teardown's too.
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress):
            name = self._field_of.get(watched)
            if name is not None and name in self.proposed:
                self.field_focused.emit(name)
        return False

    def sources_on(self, page: int) -> list[tuple[str, Box]]:
        """(field, box) of every proposed field of the form read on `page`."""
        found = []
        for name in self._fields():
            proposal = self.proposed.get(name)
            sources = proposal.get("sources", []) if isinstance(proposal, Mapping) else []
            for source in sources:
                if source.get("page") == page and len(source.get("box", ())) == 4:
                    found.append((name, Box(*(int(v) for v in source["box"]))))
        return found

    def source_page(self, name: str) -> int | None:
        """The page a proposed field was read on."""
        proposal = self.proposed.get(name)
        sources = proposal.get("sources", []) if isinstance(proposal, Mapping) else []
        return int(sources[0]["page"]) if sources else None

    def _lines(self) -> dict[str, QLineEdit]:
        return {n: w for n, w in self._fields().items() if isinstance(w, QLineEdit)}

    def show_proposals(self, proposed: Mapping[str, Any]) -> None:
        """Highlight the fields still proposed, each with its confidence as a tooltip."""
        self.proposed = dict(proposed)
        for name, widget in self._fields().items():
            found = self.proposed.get(name)
            widget.setStyleSheet(PROPOSED_STYLE if found else "")
            widget.setProperty("proposed", bool(found))
            confidence = found.get("confidence") if isinstance(found, Mapping) else None
            widget.setToolTip(
                self.tr("Read from the page (%1 sure); Enter confirms it").replace(
                    "%1", f"{confidence:.0%}"
                )
                if isinstance(confidence, float)
                else ""
            )
        self.confirm_button.setVisible(bool(self.proposed))
        self.sources_changed.emit()

    def confirm_field(self, name: str) -> None:
        """Enter in a proposed field: confirm it (saving first what was typed there)."""
        modifiers = QApplication.keyboardModifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            self.confirm_all()  # Ctrl+Shift+Enter reaches the field before the shortcut
            return
        if self.document is None or name not in self.proposed:
            return
        if name in self.changes():
            self._save()  # a person's value: saving it takes the proposal's place
            return
        self.confirmed.emit(self.document.id, [name])

    def confirm_all(self) -> None:
        if self.document is not None and self.proposed:
            self.confirmed.emit(self.document.id, [])

    def show_document(
        self, document: Document | None, record: Mapping[str, Any] | None = None
    ) -> None:
        """Show `document` with its `record` as `Workstation.record` gives it (read by the
        caller off the window's thread), its proposals marked; None clears the form."""
        self.document = document
        self.setEnabled(document is not None)
        if document is None:  # nothing of the last one stays on screen (it may be secret)
            for field in (self.title, self.number_symbol, self.issuing_body, self.keywords):
                field.clear()
            self.document_type.setCurrentText("")
            self.issued_on.setDate(NO_DATE)
            self.abstract.clear()
            self.classification.clear()
            self.show_proposals({})
            return
        meta = document.metadata
        self.title.setText(meta.title)
        self.document_type.setCurrentText(meta.document_type)
        self.number_symbol.setText(meta.number_symbol)
        self.issuing_body.setText(meta.issuing_body)
        if meta.issued_on:
            self.issued_on.setDate(
                QtCore.QDate(meta.issued_on.year, meta.issued_on.month, meta.issued_on.day)
            )
        else:
            self.issued_on.setDate(NO_DATE)
        self.abstract.setPlainText(meta.abstract)
        self.keywords.setText("; ".join(meta.keywords))
        index = self.language.findData(meta.language)
        if index < 0:
            self.language.addItem(meta.language, meta.language)
            index = self.language.count() - 1
        self.language.setCurrentIndex(index)
        self.classification.setText(_badge(document.classification))
        proposed = (record or {}).get("proposed")
        self.show_proposals(proposed if isinstance(proposed, Mapping) else {})

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the document's record."""
        if self.document is None:
            return {}
        meta = self.document.metadata
        picked = self.issued_on.date()
        issued = None if picked == NO_DATE else date(picked.year(), picked.month(), picked.day())
        values: dict[str, Any] = {
            "title": self.title.text().strip(),
            "document_type": self.document_type.currentText().strip(),
            "number_symbol": self.number_symbol.text().strip(),
            "issuing_body": self.issuing_body.text().strip(),
            "issued_on": issued,
            "abstract": self.abstract.toPlainText().strip(),
            "keywords": tuple(k.strip() for k in self.keywords.text().split(";") if k.strip()),
            "language": str(self.language.currentData() or "vi"),
        }
        return {name: value for name, value in values.items() if getattr(meta, name) != value}

    def _save(self) -> None:
        changes = self.changes()
        if self.document is not None and changes:
            self.saved.emit(self.document.id, changes)


def _badge(level: Classification) -> str:
    colour = "#b3261e" if level.is_secret else ("#1f5fa8" if level.rank else "#2e7d32")
    return f"<b style='color:{colour}'>{classification_label(level)}</b>"
