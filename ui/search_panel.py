"""Search: a query field, facet filters, and the results grouped by document with the hits
marked in each snippet. Opening a result asks the window to show that page with its hit boxes."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from digitizer.searching import PageHit, SearchOutcome
from ui.qt import (
    QApplication,
    QComboBox,
    QCoreApplication,
    QFont,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPainter,
    QPersistentModelIndex,
    QPushButton,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTextDocument,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2
FACET_NAMES = ("type", "year", "issuing_body", "collection")


def facet_label(name: str) -> str:
    labels = {
        "type": QCoreApplication.translate("Facet", "Type"),
        "year": QCoreApplication.translate("Facet", "Year"),
        "issuing_body": QCoreApplication.translate("Facet", "Issuing body"),
        "collection": QCoreApplication.translate("Facet", "Collection"),
    }
    return labels.get(name, name)


def snippet_html(hit: PageHit) -> str:
    """The snippet with the hits marked, as the page spells them."""
    parts = []
    for text, is_hit in hit.fragments:
        escaped = html.escape(text)
        if is_hit:
            parts.append(f"<span style='background:#ffd54f;font-weight:600'>{escaped}</span>")
        else:
            parts.append(escaped)
    return "".join(parts) or html.escape(hit.snippet)


class SnippetDelegate(QStyledItemDelegate):
    """Draws a result's snippet (HTML, hits marked), wrapped to the column's width."""

    def _document(
        self, style_option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        option = _fields(style_option)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data(SNIPPET_ROLE) or ""))
        document.setTextWidth(max(option.rect.width(), 200))
        return document

    def paint(
        self,
        painter: QPainter,
        style_option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if not index.parent().isValid():  # a document's row: no snippet
            super().paint(painter, style_option, index)
            return
        self.initStyleOption(style_option, index)
        option = _fields(style_option)
        style = option.widget.style() if option.widget else QApplication.style()
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(option, index)
        painter.save()
        painter.translate(option.rect.topLeft())
        document.drawContents(painter)
        painter.restore()

    def sizeHint(  # noqa: N802 (Qt's name)
        self, style_option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if not index.parent().isValid():  # a document's row: no snippet
            return super().sizeHint(style_option, index)
        option = _fields(style_option)
        view = option.widget
        if isinstance(view, QTreeWidget):
            option.rect.setWidth(view.columnWidth(index.column()))
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 4)


def _fields(option: QStyleOptionViewItem) -> Any:
    """The option with its plain fields (rect, font, text, widget), which some releases of the
    binding's type stubs leave out."""
    return option


class SearchPanel(QWidget):
    search_requested = Signal(str, dict)  # query, filters
    hit_opened = Signal(object)  # PageHit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setObjectName("search-field")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(self.tr("Search the text, with or without diacritics"))
        self.go = QPushButton(self.tr("Search"), self)
        self.filters: dict[str, QComboBox] = {}
        facets = QFormLayout()
        for name in FACET_NAMES:
            combo = QComboBox(self)
            combo.setObjectName(f"facet-{name}")
            combo.addItem(self.tr("All"), None)
            combo.activated.connect(self._filter_changed)
            self.filters[name] = combo
            facets.addRow(facet_label(name), combo)
        self.summary = QLabel(self)
        self.summary.setObjectName("search-summary")
        self.summary.setWordWrap(True)
        self.secret_note = QLabel(
            self.tr("Secret documents are searched only while the vault is unlocked."), self
        )
        self.secret_note.setObjectName("secret-note")
        self.secret_note.setWordWrap(True)
        self.secret_note.setStyleSheet("color: #5f6368")
        self.secret_note.hide()
        self.results = QTreeWidget(self)
        self.results.setObjectName("search-results")
        self.results.setColumnCount(2)
        self.results.setHeaderLabels([self.tr("Page"), self.tr("Where the words are")])
        self.results.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.results.setWordWrap(True)
        self.results.setUniformRowHeights(False)
        self.results.setItemDelegateForColumn(1, SnippetDelegate(self.results))
        self.results.header().sectionResized.connect(
            lambda *_: self.results.scheduleDelayedItemsLayout()
        )
        self.results.itemActivated.connect(self._open)
        self.results.itemClicked.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(self.go)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(facets)
        layout.addWidget(self.secret_note)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.field.returnPressed.connect(self._search)
        self.go.clicked.connect(self._search)
        self.outcome: SearchOutcome | None = None

    def current_filters(self) -> dict[str, str | int]:
        chosen: dict[str, str | int] = {}
        for name, combo in self.filters.items():
            value = combo.currentData()
            if value is not None:
                chosen[name] = value
        return chosen

    def _search(self) -> None:
        query = self.field.text().strip()
        if query:
            self.search_requested.emit(query, self.current_filters())

    def clear_results(self) -> None:
        self.outcome = None
        self.results.clear()
        self.summary.clear()

    def _filter_changed(self, _index: int) -> None:
        self._search()

    def show_outcome(self, outcome: SearchOutcome) -> None:
        self.outcome = outcome
        self.results.clear()
        bold = QFont()
        bold.setBold(True)
        for group in outcome.documents:
            top = QTreeWidgetItem(
                [
                    "",
                    self.tr("%1 — %2 page(s)")
                    .replace("%1", group.title or group.document_id)
                    .replace("%2", str(len(group.pages))),
                ]
            )
            top.setFont(1, bold)
            top.setFirstColumnSpanned(True)
            top.setData(0, HIT_ROLE, group.pages[0] if group.pages else None)
            self.results.addTopLevelItem(top)
            for hit in group.pages:
                child = QTreeWidgetItem([self.tr("p. %1").replace("%1", str(hit.page)), ""])
                child.setData(0, HIT_ROLE, hit)
                top.addChild(child)
                child.setData(1, SNIPPET_ROLE, snippet_html(hit))
                child.setToolTip(1, hit.snippet)
        self.results.expandAll()
        self.summary.setText(
            self.tr("%1 page(s) found in %2 ms")
            .replace("%1", str(outcome.total))
            .replace("%2", str(round(outcome.seconds * 1000)))
        )
        self._fill_facets(outcome.facets)

    def show_error(self, message: str) -> None:
        self.results.clear()
        self.summary.setText(f"<span style='color:#b3261e'>{html.escape(message)}</span>")

    def _fill_facets(self, facets: Mapping[str, tuple[tuple[str, int], ...]]) -> None:
        for name, combo in self.filters.items():
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for value, count in facets.get(name, ()):
                if value:
                    combo.addItem(f"{value} ({count})", int(value) if name == "year" else value)
            if chosen is not None:
                index = combo.findData(chosen)
                if index < 0:
                    combo.addItem(str(chosen), chosen)
                    index = combo.count() - 1
                combo.setCurrentIndex(index)
            combo.blockSignals(False)

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit = item.data(0, HIT_ROLE)
        if isinstance(hit, PageHit):
            self.hit_opened.emit(hit)

    def step_hit(self, step: int, document_id: str | None = None) -> PageHit | None:
        """Open the next (or previous) hit of the results (of one document's, when given),
        after the one chosen last."""
        items = [
            item
            for item in self.hit_items()
            if document_id is None
            or getattr(item.data(0, HIT_ROLE), "document_id", None) == document_id
        ]
        if not items:
            return None
        current = self.results.currentItem()
        index = items.index(current) if current in items else (-1 if step > 0 else 0)
        item = items[(index + step) % len(items)]
        self.results.setCurrentItem(item)
        self._open(item)
        hit = item.data(0, HIT_ROLE)
        return hit if isinstance(hit, PageHit) else None

    def hit_items(self) -> list[QTreeWidgetItem]:
        """The page rows of the results, top to bottom."""
        items: list[QTreeWidgetItem] = []
        for row in range(self.results.topLevelItemCount()):
            top = self.results.topLevelItem(row)
            if top is not None:
                children = (top.child(i) for i in range(top.childCount()))
                items.extend(child for child in children if child is not None)
        return items
