"""The library panel: collections and their documents as a tree, with page counts, OCR state
and a classification badge."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from digitizer.model import Classification, Collection, Document
from ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QCoreApplication,
    QFont,
    QHeaderView,
    QMenu,
    QModelIndex,
    QPoint,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QtGui,
    QTreeView,
    QWidget,
    Signal,
)

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
COLLECTION, DOCUMENT, UNFILED = "collection", "document", "unfiled"

_BADGE_COLOURS = {
    Classification.PUBLIC: None,
    Classification.INTERNAL: "#1f5fa8",
    Classification.SECRET: "#b3261e",
    Classification.TOP_SECRET: "#b3261e",
    Classification.ULTRA_SECRET: "#7a0d0d",
}


def classification_label(level: Classification) -> str:
    """The level as people read it, in the window's language."""
    names = {
        Classification.PUBLIC: QCoreApplication.translate("Classification", "Public"),
        Classification.INTERNAL: QCoreApplication.translate("Classification", "Internal"),
        Classification.SECRET: QCoreApplication.translate("Classification", "Secret"),
        Classification.TOP_SECRET: QCoreApplication.translate("Classification", "Top secret"),
        Classification.ULTRA_SECRET: QCoreApplication.translate("Classification", "Ultra secret"),
    }
    return names[level]


def document_name(document: Document) -> str:
    """A document's title, else the name of its first original, else its id (a secret
    document's title and file names are in the vault: shown only while it is unlocked)."""
    if document.metadata.title:
        return document.metadata.title
    if document.sources and document.sources[0].name:
        return document.sources[0].name
    if document.classification.is_secret:
        return QCoreApplication.translate("Classification", "Secret document %1").replace(
            "%1", document.id
        )
    return document.id


@dataclass(frozen=True)
class LibraryContents:
    """What the tree shows, read on a worker."""

    documents: list[Document]
    collections: list[Collection]
    recognised: dict[str, int] = field(default_factory=dict)
    has_vault: bool = False


class LibraryTree(QTreeView):
    document_selected = Signal(str)
    collection_selected = Signal(int)
    new_collection_requested = Signal()
    rename_requested = Signal(str, str)  # kind, id
    move_requested = Signal(str)  # document id
    move_many_requested = Signal(list)  # document ids
    describe_many_requested = Signal(list)  # document ids
    confirm_many_requested = Signal(list)  # document ids: confirm the records read from pages
    merge_requested = Signal(list)  # document ids
    files_dropped = Signal(list, object)  # paths, collection id (None: no collection)
    documents_dropped = Signal(list, object)  # document ids, collection id (None: none)
    delete_requested = Signal(str, str)  # kind, id
    ocr_requested = Signal(str)  # document id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library")
        self.setMinimumWidth(180)
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setHeaderHidden(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Files and folders dropped on a collection are imported into it; documents dragged
        # onto another collection move there.
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.contents = LibraryContents([], [])
        self._headers()
        self.selectionModel().currentChanged.connect(self._current_changed)

    def _headers(self) -> None:
        self.model_.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Pages"), self.tr("OCR"), self.tr("Classification")]
        )
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

    def show_contents(self, contents: LibraryContents, keep: str | None = None) -> None:
        """Fill the tree; the document `keep` (else the current one) stays selected."""
        keep = keep or self.current_document()
        self.contents = contents
        self.model_.removeRows(0, self.model_.rowCount())
        by_collection: dict[int | None, list[Document]] = {}
        for document in contents.documents:
            by_collection.setdefault(document.collection_id, []).append(document)
        bold = QFont()
        bold.setBold(True)
        for collection in contents.collections:
            members = by_collection.get(collection.id, [])
            self._add_group(
                collection.name, COLLECTION, str(collection.id), members, contents, bold
            )
        loose = by_collection.get(None, [])
        if loose:
            self._add_group(self.tr("Not in a collection"), UNFILED, "", loose, contents, bold)
        self.expandAll()
        if keep:
            self.select_document(keep)

    def _add_group(
        self,
        name: str,
        kind: str,
        ident: str,
        members: list[Document],
        contents: LibraryContents,
        bold: QFont,
    ) -> None:
        group = QStandardItem(name)
        group.setData(kind, KIND_ROLE)
        group.setData(ident, ID_ROLE)
        group.setFont(bold)
        pages = QStandardItem(str(sum(d.page_count for d in members)))
        pages.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.model_.appendRow([group, pages, QStandardItem(""), QStandardItem("")])
        for document in members:
            group.appendRow(self._document_row(document, contents.recognised.get(document.id, 0)))

    def _document_row(self, document: Document, recognised: int) -> list[QStandardItem]:
        name = QStandardItem(document_name(document))
        name.setData(DOCUMENT, KIND_ROLE)
        name.setData(document.id, ID_ROLE)
        name.setToolTip(f"{document_name(document)}\n{document.id}")
        pages = QStandardItem(str(document.page_count))
        pages.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if recognised >= document.page_count:
            state = self.tr("Recognised")
        elif recognised:
            state = f"{recognised}/{document.page_count}"
        else:
            state = self.tr("Not yet")
        ocr = QStandardItem(state)
        level = document.classification
        badge = QStandardItem(classification_label(level))
        colour = _BADGE_COLOURS[level]
        if colour:
            badge.setForeground(QBrush(QColor(colour)))
            font = QFont()
            font.setBold(True)
            badge.setFont(font)
        return [name, pages, ocr, badge]

    # --- selection -------------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        first = current.siblingAtColumn(0)
        kind = first.data(KIND_ROLE)
        if kind == DOCUMENT:
            self.document_selected.emit(str(first.data(ID_ROLE)))
        elif kind == COLLECTION:
            self.collection_selected.emit(int(first.data(ID_ROLE)))

    def current_document(self) -> str | None:
        index = self.currentIndex().siblingAtColumn(0)
        return str(index.data(ID_ROLE)) if index.data(KIND_ROLE) == DOCUMENT else None

    def current_collection(self) -> int | None:
        index = self.currentIndex().siblingAtColumn(0)
        return int(index.data(ID_ROLE)) if index.data(KIND_ROLE) == COLLECTION else None

    def select_document(self, document_id: str) -> bool:
        for row in range(self.model_.rowCount()):
            group = self.model_.item(row)
            for child in range(group.rowCount()):
                item = group.child(child)
                if item.data(ID_ROLE) == document_id:
                    # Already current (the person chose it): the other chosen rows stay chosen.
                    if self.currentIndex().siblingAtColumn(0) != item.index():
                        self.setCurrentIndex(item.index())
                    return True
        return False

    NARROW = 360
    """Below this width the tree shows names and page counts only, so names stay readable."""

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        narrow = self.viewport().width() < self.NARROW
        for column in (2, 3):
            self.setColumnHidden(column, narrow)

    def selected_documents(self) -> list[str]:
        """The documents chosen in the tree (Ctrl or Shift and click), top to bottom."""
        rows = self.selectionModel().selectedRows(0)
        return [str(i.data(ID_ROLE)) for i in rows if i.data(KIND_ROLE) == DOCUMENT]

    def document_ids(self) -> list[str]:
        """Every document in the tree, top to bottom."""
        ids: list[str] = []
        for row in range(self.model_.rowCount()):
            group = self.model_.item(row)
            ids.extend(str(group.child(r).data(ID_ROLE)) for r in range(group.rowCount()))
        return ids

    # --- dragging and dropping ------------------------------------------------------------------

    def collection_at(self, position: QPoint) -> int | None:
        """The collection under a point: the collection's row, or a document's in it."""
        index = self.indexAt(position).siblingAtColumn(0)
        if index.data(KIND_ROLE) == DOCUMENT:
            index = index.parent()
        if index.data(KIND_ROLE) == COLLECTION:
            return int(index.data(ID_ROLE))
        return None

    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasUrls() or event.source() is self:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QtGui.QDragMoveEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() or event.source() is self:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:  # noqa: N802
        target = self.collection_at(event.position().toPoint())
        if event.mimeData().hasUrls():
            paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
            if paths:
                event.acceptProposedAction()
                self.files_dropped.emit(paths, target)
            return
        if event.source() is self:
            chosen = self.selected_documents()
            event.setDropAction(Qt.DropAction.IgnoreAction)  # the model is not edited here
            event.accept()
            if chosen:
                self.documents_dropped.emit(chosen, target)

    # --- context menu ------------------------------------------------------------------------

    def _menu(self, position: QPoint) -> None:
        index = self.indexAt(position).siblingAtColumn(0)
        kind, ident = index.data(KIND_ROLE), index.data(ID_ROLE)
        menu = QMenu(self)
        menu.addAction(self.tr("New collection…"), self.new_collection_requested.emit)
        if kind == COLLECTION:
            menu.addAction(self.tr("Rename…"), lambda: self.rename_requested.emit(kind, ident))
            menu.addAction(self.tr("Delete"), lambda: self.delete_requested.emit(kind, ident))
        chosen = self.selected_documents()
        if kind == DOCUMENT and len(chosen) > 1:
            count = str(len(chosen))
            menu.addAction(
                self.tr("Move %1 documents to a collection…").replace("%1", count),
                lambda: self.move_many_requested.emit(chosen),
            )
            menu.addAction(
                self.tr("Describe %1 documents together…").replace("%1", count),
                lambda: self.describe_many_requested.emit(chosen),
            )
            menu.addAction(
                self.tr("Confirm the records read from the pages of %1 documents").replace(
                    "%1", count
                ),
                lambda: self.confirm_many_requested.emit(chosen),
            )
            menu.addAction(
                self.tr("Merge %1 documents into one…").replace("%1", count),
                lambda: self.merge_requested.emit(chosen),
            )
        elif kind == DOCUMENT:
            menu.addAction(self.tr("Recognise text"), lambda: self.ocr_requested.emit(ident))
            menu.addAction(self.tr("Rename…"), lambda: self.rename_requested.emit(kind, ident))
            menu.addAction(self.tr("Move to collection…"), lambda: self.move_requested.emit(ident))
            menu.addAction(self.tr("Delete"), lambda: self.delete_requested.emit(kind, ident))
        menu.exec(self.viewport().mapToGlobal(position))
