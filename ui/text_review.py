"""OCR review: the page's text beside its image, doubtful words (under a confidence threshold)
highlighted, words whose tone marks restoration changed marked (their tooltip gives the spelling
recognition read), a click on a word selecting its box and back, and edits saved as a
correction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from ocr.words import PageText, Word
from ui.qt import (
    QColor,
    QEvent,
    QFont,
    QHBoxLayout,
    QHelpEvent,
    QLabel,
    QObject,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextCharFormat,
    QTextCursor,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
    Signal,
)

DEFAULT_THRESHOLD = 80
RESTORED_COLOUR = QColor(31, 95, 168)


@dataclass
class _Span:
    word: Word
    cursor: QTextCursor  # selects the word; moves with edits around it


def page_layout(text: PageText) -> tuple[str, list[tuple[int, int]]]:
    """The page as text (a line per line, a blank line between paragraphs) and each word's
    character span in it, in reading order."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    first_paragraph = True
    for block in text.blocks:
        for paragraph in block.paragraphs:
            if not paragraph.lines:
                continue
            if not first_paragraph:
                parts.append("\n\n")
                position += 2
            first_paragraph = False
            for number, line in enumerate(paragraph.lines):
                if number:
                    parts.append("\n")
                    position += 1
                for index, word in enumerate(line.words):
                    if index:
                        parts.append(" ")
                        position += 1
                    spans.append((position, position + len(word.text)))
                    parts.append(word.text)
                    position += len(word.text)
    return "".join(parts), spans


class TextReview(QWidget):
    word_selected = Signal(int)  # index in reading order
    correction_submitted = Signal(str)  # the page's edited text
    threshold_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("page-text")
        font = QFont("DejaVu Serif")
        font.setPointSize(12)
        self.editor.setFont(font)
        self.editor.setPlaceholderText(self.tr("This page has not been recognised yet."))
        self.threshold = QSpinBox(self)
        self.threshold.setRange(0, 100)
        self.threshold.setValue(DEFAULT_THRESHOLD)
        self.threshold.setSuffix(" %")
        self.threshold.setToolTip(self.tr("Words recognised with less confidence are marked"))
        self.next_button = QPushButton(self.tr("Next doubtful word"), self)
        self.next_button.setShortcut("F4")  # F3 is the next search hit
        self.save_button = QPushButton(self.tr("Save correction"), self)
        self.save_button.setObjectName("save-correction")
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.setEnabled(False)
        self.state = QLabel(self)
        self.state.setObjectName("text-state")
        # Two rows, so that the panel stays readable beside the page on a small screen.
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Doubtful below"), self))
        bar.addWidget(self.threshold)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.state, 1)
        second.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addLayout(second)
        layout.addWidget(self.editor)
        self.spans: list[_Span] = []
        self.shown_text = ""
        self.selected: int | None = None
        self._loading = False
        self.threshold.valueChanged.connect(self._threshold_changed)
        self.next_button.clicked.connect(self.select_next_doubtful)
        self.save_button.clicked.connect(self.submit)
        self.editor.textChanged.connect(self._edited)
        self.editor.cursorPositionChanged.connect(self._cursor_moved)
        self.editor.viewport().installEventFilter(self)

    # --- content ---------------------------------------------------------------------------

    def show_text(self, text: PageText | None, corrected: bool) -> None:
        self._loading = True
        self.selected = None
        if text is None:
            self.editor.setPlainText("")
            self.editor.setReadOnly(True)
            self.spans = []
            self.state.setText(self.tr("Not recognised"))
            self.state.setToolTip("")
        else:
            plain, spans = page_layout(text)
            self.editor.setReadOnly(False)
            self.editor.setPlainText(plain)
            self.spans = []
            for word, (start, end) in zip(text.words(), spans, strict=True):
                cursor = QTextCursor(self.editor.document())
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                self.spans.append(_Span(word, cursor))
            doubtful = len(self.doubtful_words())
            state = self.tr("Corrected") if corrected else self.tr("OCR result")
            self.state.setText(
                self.tr("%1 · %2 doubtful word(s)")
                .replace("%1", state)
                .replace("%2", str(doubtful))
            )
            restored = len(self.restored_words())
            self.state.setToolTip(
                self.tr(
                    "%1 word(s) whose tone marks were restored, in blue with a dotted "
                    "underline: point at one to see what recognition read"
                ).replace("%1", str(restored))
                if restored
                else ""
            )
        self.shown_text = self.editor.toPlainText()
        self.save_button.setEnabled(False)
        self._highlight()
        self._loading = False

    def doubtful_words(self) -> list[int]:
        limit = self.threshold.value()
        return [i for i, span in enumerate(self.spans) if span.word.confidence < limit]

    def restored_words(self) -> list[int]:
        """The words whose tone marks restoration changed, in reading order."""
        return [i for i, span in enumerate(self.spans) if span.word.restored]

    def _highlight(self) -> None:
        selections = []
        restored = QTextCharFormat()
        restored.setForeground(RESTORED_COLOUR)
        restored.setUnderlineColor(RESTORED_COLOUR)
        restored.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        for index in self.restored_words():
            selections.append(_extra_selection(self.spans[index].cursor, restored))
        doubtful = QTextCharFormat()
        doubtful.setBackground(QColor(255, 205, 120))
        doubtful.setUnderlineColor(QColor(214, 48, 49))
        doubtful.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        for index in self.doubtful_words():
            selections.append(_extra_selection(self.spans[index].cursor, doubtful))
        if self.selected is not None:
            chosen = QTextCharFormat()
            chosen.setBackground(QColor(160, 200, 245))
            selections.append(_extra_selection(self.spans[self.selected].cursor, chosen))
        self.editor.setExtraSelections(selections)

    # --- words <-> boxes ----------------------------------------------------------------------

    def select_word(self, index: int) -> None:
        """Select a word (clicked on the image): put the cursor on it and mark it."""
        if not 0 <= index < len(self.spans):
            return
        self.selected = index
        cursor = QTextCursor(self.spans[index].cursor)
        self._loading = True
        self.editor.setTextCursor(cursor)
        self._loading = False
        self.editor.ensureCursorVisible()
        self._highlight()

    def select_next_doubtful(self) -> None:
        doubtful = self.doubtful_words()
        if not doubtful:
            return
        after = [i for i in doubtful if self.selected is None or i > self.selected]
        index = after[0] if after else doubtful[0]
        self.select_word(index)
        self.word_selected.emit(index)
        self.editor.setFocus()

    def word_at(self, position: int) -> int | None:
        for index, span in enumerate(self.spans):
            if span.cursor.selectionStart() <= position <= span.cursor.selectionEnd():
                if span.cursor.selectionStart() == span.cursor.selectionEnd():
                    continue  # the word was deleted
                return index
        return None

    def tooltip_at(self, position: int) -> str:
        """What the text's tooltip says at a character position: for a restored word still
        spelled as restoration left it, the spelling recognition read; else ''."""
        index = self.word_at(position)
        if index is None:
            return ""
        span = self.spans[index]
        if not span.word.restored or span.cursor.selectedText() != span.word.text:
            return ""
        return self.tr("Recognition read: %1").replace("%1", span.word.raw)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.editor.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            position = self.editor.cursorForPosition(event.pos()).position()
            text = self.tooltip_at(position)
            if text:
                QToolTip.showText(event.globalPos(), text, self.editor.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().eventFilter(watched, event)

    def _cursor_moved(self) -> None:
        if self._loading:
            return
        index = self.word_at(self.editor.textCursor().position())
        if index is not None and index != self.selected:
            self.selected = index
            self._highlight()
            self.word_selected.emit(index)

    # --- editing -----------------------------------------------------------------------------

    def _edited(self) -> None:
        if self._loading:
            return
        self.save_button.setEnabled(self.editor.toPlainText() != self.shown_text)

    def has_unsaved_edits(self) -> bool:
        return self.save_button.isEnabled()

    def submit(self) -> None:
        if self.has_unsaved_edits():
            self.save_button.setEnabled(False)
            self.correction_submitted.emit(self.editor.toPlainText())

    def _threshold_changed(self, value: int) -> None:
        self._highlight()
        self.threshold_changed.emit(value)


def _extra_selection(cursor: QTextCursor, text_format: QTextCharFormat) -> QTextEdit.ExtraSelection:
    """A highlight of the text under `cursor`. The selection's fields are plain attributes that
    some releases of the binding's type stubs leave out, hence the untyped handle."""
    selection: Any = QTextEdit.ExtraSelection()
    selection.cursor = cursor
    selection.format = text_format
    return cast(QTextEdit.ExtraSelection, selection)
