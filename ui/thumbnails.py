"""The thumbnail strip: a document's pages in order; drag a page to reorder, and a context menu
to turn or delete it. The strip only says what the user asked; the window does it (undoably)."""

from __future__ import annotations

from digitizer.page_view import PageImage
from ui.qt import (
    QAbstractItemView,
    QIcon,
    QImage,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPixmap,
    QPoint,
    QSize,
    Qt,
    QWidget,
    Signal,
)

THUMB = QSize(96, 128)
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1


def page_qimage(image: PageImage) -> QImage:
    """A page image as Qt reads it: from its file, or from the bytes of a secret page (in
    memory only). Safe on a worker thread."""
    if isinstance(image, bytes):
        return QImage.fromData(image)
    return QImage(str(image))


def thumbnail(source: PageImage) -> QImage:
    """A small copy of a page image; safe to make on a worker thread (QImage, not QPixmap)."""
    image = page_qimage(source)
    if image.isNull():
        return image
    return image.scaled(
        THUMB,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


class ThumbnailStrip(QListWidget):
    page_chosen = Signal(int)  # page number
    reordered = Signal(list)  # the old page numbers in their new order
    rotate_requested = Signal(int, int)  # page number, quarter turns clockwise
    delete_requested = Signal(int)
    split_requested = Signal(int)  # split the document before this page
    crop_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thumbnails")
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.TopToBottom)
        self.setWrapping(False)
        self.setIconSize(THUMB)
        self.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 30))
        self.setMovement(QListWidget.Movement.Snap)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFixedWidth(THUMB.width() + 48)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.currentRowChanged.connect(self._row_changed)
        self.model().rowsMoved.connect(self._moved)
        self._filling = False

    def show_pages(self, numbers: list[int]) -> None:
        self._filling = True
        self.clear()
        blank = QPixmap(THUMB)
        blank.fill(Qt.GlobalColor.white)
        for number in numbers:
            item = QListWidgetItem(QIcon(blank), self.tr("Page %1").replace("%1", str(number)))
            item.setData(NUMBER_ROLE, number)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)
        self._filling = False

    def set_thumbnail(self, number: int, image: QImage) -> None:
        if image.isNull():
            return
        for row in range(self.count()):
            item = self.item(row)
            if item.data(NUMBER_ROLE) == number:
                item.setIcon(QIcon(QPixmap.fromImage(image)))

    def select_page(self, number: int) -> None:
        for row in range(self.count()):
            if self.item(row).data(NUMBER_ROLE) == number:
                self._filling = True
                self.setCurrentRow(row)
                self._filling = False
                return

    def _row_changed(self, row: int) -> None:
        if row >= 0 and not self._filling:
            self.page_chosen.emit(int(self.item(row).data(NUMBER_ROLE)))

    def _moved(self, *_args: object) -> None:
        order = [int(self.item(row).data(NUMBER_ROLE)) for row in range(self.count())]
        if order != sorted(order):
            self.reordered.emit(order)

    def _menu(self, position: QPoint) -> None:
        item = self.itemAt(position)
        if item is None:
            return
        number = int(item.data(NUMBER_ROLE))
        menu = QMenu(self)
        menu.addAction(self.tr("Turn right"), lambda: self.rotate_requested.emit(number, 1))
        menu.addAction(self.tr("Turn left"), lambda: self.rotate_requested.emit(number, 3))
        menu.addAction(self.tr("Turn upside down"), lambda: self.rotate_requested.emit(number, 2))
        menu.addAction(self.tr("Crop…"), lambda: self.crop_requested.emit(number))
        menu.addSeparator()
        split = menu.addAction(
            self.tr("Split the document before this page"),
            lambda: self.split_requested.emit(number),
        )
        split.setEnabled(number > 1)
        menu.addSeparator()
        menu.addAction(self.tr("Delete page"), lambda: self.delete_requested.emit(number))
        menu.exec(self.viewport().mapToGlobal(position))
