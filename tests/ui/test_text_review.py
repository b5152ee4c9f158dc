"""The text review marks the words whose tone marks restoration changed: a colour and a dotted
underline of their own, and a tooltip with the spelling recognition read — in Vietnamese too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ocr.geometry import Box
from ocr.words import Block, Line, PageText, Paragraph, Word
from ui.i18n import install_translators, remove_translators
from ui.qt import QApplication, QEvent, QHelpEvent, QTextCharFormat, QTextCursor, QToolTip
from ui.text_review import RESTORED_COLOUR, TextReview


def _page() -> PageText:
    """A line read by Tesseract as 'Bảo đảm chât lượng', restored to 'chất'."""
    spelled = [("Bảo", ""), ("đảm", ""), ("chất", "chât"), ("lượng", "")]
    words = tuple(
        Word(text, Box(100 + 200 * i, 100, 280 + 200 * i, 160), 93.0, raw)
        for i, (text, raw) in enumerate(spelled)
    )
    line = Line(Box(100, 100, 880, 160), words)
    block = Box(100, 100, 880, 160)
    return PageText(1000, 300, 300, (Block(block, (Paragraph(block, (line,), "vie"),)),))


@pytest.fixture
def review(qtbot: QtBot) -> TextReview:
    review = TextReview()
    qtbot.addWidget(review)
    review.resize(600, 300)
    review.show()
    qtbot.waitExposed(review)
    review.show_text(_page(), corrected=False)
    return review


def _restored_marks(review: TextReview) -> list[str]:
    """The text under each extra selection drawn in the restored words' style."""
    # the selections' fields are plain attributes some releases of the binding's stubs leave out
    selections: list[Any] = list(review.editor.extraSelections())
    return [
        selection.cursor.selectedText()
        for selection in selections
        if selection.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
        and selection.format.foreground().color() == RESTORED_COLOUR
    ]


def _tooltip_over(qtbot: QtBot, review: TextReview, position: int) -> str:
    """Hover the text at a character position, as Qt asks for a tooltip; what it shows."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    cursor = review.editor.textCursor()
    cursor.setPosition(position)
    point = review.editor.cursorRect(cursor).center()
    point.setX(point.x() + 2)  # inside the character, not on its left edge
    viewport = review.editor.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    qtbot.wait(50)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_restored_words_are_marked_with_the_spelling_as_read(
    qtbot: QtBot, review: TextReview
) -> None:
    text = review.editor.toPlainText()
    assert text == "Bảo đảm chất lượng"
    assert review.restored_words() == [2]
    assert _restored_marks(review) == ["chất"]
    assert review.state.toolTip().startswith("1 word(s) whose tone marks were restored")

    inside = text.index("chất") + 1
    assert review.tooltip_at(inside) == "Recognition read: chât"
    assert review.tooltip_at(text.index("lượng") + 1) == ""
    assert _tooltip_over(qtbot, review, inside) == "Recognition read: chât"
    assert _tooltip_over(qtbot, review, text.index("đảm") + 1) == ""


def test_a_restored_word_retyped_loses_its_tooltip(review: TextReview) -> None:
    start = review.editor.toPlainText().index("chất")
    cursor = review.editor.textCursor()
    cursor.setPosition(start + 2)  # the vowel with the restored mark
    cursor.setPosition(start + 3, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText("á")
    assert review.editor.toPlainText() == "Bảo đảm chát lượng"
    assert review.word_at(start + 1) == 2  # still the same word…
    assert review.tooltip_at(start + 1) == ""  # …but what the person typed is theirs


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "vi")
    assert translators, "the Vietnamese .qm did not load"
    yield
    remove_translators(qapp, translators)


def test_the_tooltip_speaks_vietnamese(qtbot: QtBot, vietnamese: None) -> None:
    review = TextReview()
    qtbot.addWidget(review)
    review.show_text(_page(), corrected=False)
    text = review.editor.toPlainText()
    assert review.tooltip_at(text.index("chất") + 1) == "Nhận dạng đọc: chât"
