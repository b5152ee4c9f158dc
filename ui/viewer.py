"""The page viewer: the page image with zoom (fit page, fit width, in, out) and panning, an
overlay of word boxes coloured by confidence that can be switched off, the boxes of search hits,
the word selected in the text panel, and the boxes record fields were read from."""

from __future__ import annotations

from collections.abc import Sequence

from ocr.geometry import Box
from ocr.words import Word
from ui.qt import (
    QBrush,
    QColor,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QImage,
    QPainter,
    QPen,
    QPixmap,
    QPointF,
    QRectF,
    Qt,
    QtGui,
    QtWidgets,
    QWidget,
    Signal,
)

ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.05, 8.0
INDEX_KEY = 0  # QGraphicsItem data key holding a word's index


def confidence_colour(confidence: float, threshold: float) -> QColor:
    """Green for sure words, amber near the threshold, red below it."""
    if confidence < threshold:
        return QColor(214, 48, 49)
    if confidence < threshold + 10:
        return QColor(230, 150, 20)
    return QColor(46, 160, 67)


class PageViewer(QGraphicsView):
    word_clicked = Signal(int)  # index of the word in reading order
    zoom_changed = Signal(float)
    crop_chosen = Signal(QRectF)  # the region drawn, in the page frame's pixels

    FIT_PAGE, FIT_WIDTH, FREE = "page", "width", "free"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewer")
        self.scene_ = QGraphicsScene(self)
        self.setScene(self.scene_)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(QColor("#5a5f66")))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_item: QGraphicsPixmapItem | None = None
        self.word_items: list[QGraphicsRectItem] = []
        self.hit_items: list[QGraphicsRectItem] = []
        self.source_items: dict[str, QGraphicsRectItem] = {}
        self.focused_source: str | None = None
        self.selected_item: QGraphicsRectItem | None = None
        self.words: list[Word] = []
        self.threshold = 80.0
        self.overlay_visible = True
        self.fit = PageViewer.FIT_PAGE
        self.page_size = (0, 0)
        self.cropping = False
        self._crop_region = QRectF()
        self.rubberBandChanged.connect(self._rubber_band)

    # --- content ---------------------------------------------------------------------------

    def show_page(self, image: QImage, size: tuple[int, int], words: Sequence[Word]) -> None:
        """Show a page; `size` is the pixel frame the word boxes are in."""
        self.scene_.clear()
        self.word_items, self.hit_items, self.selected_item = [], [], None
        self.source_items, self.focused_source = {}, None
        pixmap = QPixmap.fromImage(image)
        self.page_item = self.scene_.addPixmap(pixmap)
        self.page_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.page_size = size
        if not image.isNull() and (image.width(), image.height()) != size and size[0] > 0:
            # the image may be a reduced copy: draw it over the frame the boxes are in
            self.page_item.setScale(size[0] / image.width())
        self.scene_.setSceneRect(QRectF(0, 0, size[0], size[1]))
        self.words = list(words)
        for index, word in enumerate(self.words):
            item = self.scene_.addRect(_rect(word.box))
            item.setData(INDEX_KEY, index)
            item.setZValue(1)
            self.word_items.append(item)
        self._paint_words()
        self.refit()

    def clear_page(self) -> None:
        self.scene_.clear()
        self.page_item, self.word_items, self.hit_items, self.selected_item = None, [], [], None
        self.source_items, self.focused_source = {}, None
        self.words = []

    def set_threshold(self, threshold: float) -> None:
        self.threshold = threshold
        self._paint_words()

    def set_overlay_visible(self, visible: bool) -> None:
        self.overlay_visible = visible
        for item in self.word_items:
            item.setVisible(visible)

    def _paint_words(self) -> None:
        for item, word in zip(self.word_items, self.words, strict=True):
            colour = confidence_colour(word.confidence, self.threshold)
            doubtful = word.confidence < self.threshold
            # Sure words get a faint outline, doubtful ones stand out.
            outline = QColor(colour)
            outline.setAlpha(230 if doubtful else 90)
            pen = QPen(outline)
            pen.setWidthF(2.0 if doubtful else 1.0)
            pen.setCosmetic(True)
            item.setPen(pen)
            fill = QColor(colour)
            fill.setAlpha(60 if doubtful else 0)
            item.setBrush(QBrush(fill))
            item.setVisible(self.overlay_visible)

    def show_hits(self, boxes: Sequence[Box]) -> None:
        """Mark search hits on the page and bring the first into view."""
        for item in self.hit_items:
            self.scene_.removeItem(item)
        self.hit_items = []
        pen = QPen(QColor(255, 120, 0))
        pen.setWidthF(3.0)
        pen.setCosmetic(True)
        for box in boxes:
            item = self.scene_.addRect(_rect(box).adjusted(-6, -6, 6, 6), pen)
            item.setBrush(QBrush(QColor(255, 214, 0, 90)))
            item.setZValue(3)
            self.hit_items.append(item)
        if self.hit_items:
            self.zoom_onto(self.hit_items[0].sceneBoundingRect())

    def show_sources(self, sources: Sequence[tuple[str, Box]], focused: str | None) -> None:
        """Mark where the proposed record fields were read on this page (field name, box); the
        focused field's box stands out and is brought into view."""
        for item in self.source_items.values():
            self.scene_.removeItem(item)
        self.source_items, self.focused_source = {}, None
        for name, box in sources:
            strong = name == focused
            pen = QPen(QColor(25, 118, 210) if strong else QColor(214, 150, 0))
            pen.setWidthF(3.0 if strong else 2.0)
            pen.setCosmetic(True)
            item = self.scene_.addRect(_rect(box).adjusted(-5, -5, 5, 5), pen)
            item.setBrush(QBrush(QColor(25, 118, 210, 50) if strong else QColor(255, 214, 0, 45)))
            item.setToolTip(name)
            item.setZValue(5 if strong else 2)
            self.source_items[name] = item
            if strong:
                self.focused_source = name
                self.ensureVisible(item, 60, 60)

    def zoom_onto(self, region: QRectF) -> None:
        """Zoom so that `region` (a hit) reads comfortably, an eighth of the view wide and
        never smaller than the page fitted to the width, and centre it."""
        width, _height = self.page_size
        view = self.viewport().size()
        if width <= 0 or region.width() <= 0:
            return
        fitted = (view.width() - 16) / width
        readable = view.width() / 8 / region.width()
        self.fit = PageViewer.FREE
        self._set_scale(max(fitted, min(readable, 1.5)))
        self.centerOn(region.center())

    def select_word(self, index: int | None) -> None:
        """Outline one word's box (None: none) and bring it into view."""
        if self.selected_item is not None:
            self.scene_.removeItem(self.selected_item)
            self.selected_item = None
        if index is None or not 0 <= index < len(self.words):
            return
        pen = QPen(QColor(25, 118, 210))
        pen.setWidthF(3.0)
        pen.setCosmetic(True)
        box = _rect(self.words[index].box).adjusted(-4, -4, 4, 4)
        self.selected_item = self.scene_.addRect(box, pen)
        self.selected_item.setBrush(QBrush(QColor(25, 118, 210, 40)))
        self.selected_item.setZValue(4)
        self.ensureVisible(self.selected_item, 60, 60)

    # --- zoom ------------------------------------------------------------------------------

    def scale_factor(self) -> float:
        return float(self.transform().m11())

    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP)

    def _zoom_by(self, factor: float) -> None:
        target = min(MAX_SCALE, max(MIN_SCALE, self.scale_factor() * factor))
        self.fit = PageViewer.FREE
        self._set_scale(target)

    def fit_page(self) -> None:
        self.fit = PageViewer.FIT_PAGE
        self.refit()

    def fit_width(self) -> None:
        self.fit = PageViewer.FIT_WIDTH
        self.refit()

    def refit(self) -> None:
        width, height = self.page_size
        if width <= 0 or height <= 0:
            return
        view = self.viewport().size()
        if self.fit == PageViewer.FIT_PAGE:
            self._set_scale(min((view.width() - 16) / width, (view.height() - 16) / height))
        elif self.fit == PageViewer.FIT_WIDTH:
            bar = self.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_ScrollBarExtent)
            self._set_scale((view.width() - 16 - bar) / width)
            self.verticalScrollBar().setValue(0)

    def _set_scale(self, scale: float) -> None:
        scale = max(MIN_SCALE, min(MAX_SCALE, scale))
        self.resetTransform()
        self.scale(scale, scale)
        self.zoom_changed.emit(scale)

    # --- events ----------------------------------------------------------------------------

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.refit()

    def wheelEvent(self, event: QtGui.QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._zoom_by(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def start_crop(self) -> None:
        """Let the person draw the region to keep; `crop_chosen` tells of it."""
        self.cropping = True
        self._crop_region = QRectF()
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def stop_crop(self) -> None:
        self.cropping = False
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.viewport().unsetCursor()

    def _rubber_band(self, _rect: object, start: QPointF, end: QPointF) -> None:
        if self.cropping and not (start.isNull() and end.isNull()):
            self._crop_region = QRectF(start, end).normalized()

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if self.cropping and not self._crop_region.isEmpty():
            region = self._crop_region.intersected(self.sceneRect())
            self.stop_crop()
            if not region.isEmpty():
                self.crop_chosen.emit(region)

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            point = self.mapToScene(event.position().toPoint())
            for item in self.word_items:
                if item.rect().contains(point):
                    self.word_clicked.emit(int(item.data(INDEX_KEY)))
                    break
        super().mousePressEvent(event)


def _rect(box: Box) -> QRectF:
    return QRectF(box.x0, box.y0, box.width, box.height)
