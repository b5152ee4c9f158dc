"""Giving pages OCR text without running Tesseract, for tests of what comes after recognition
(search, exports). The word model is laid out like a real one: lines of words with boxes."""

from __future__ import annotations

import json
from collections.abc import Sequence

from digitizer.library import Library
from digitizer.library.library import utc_now
from ocr.geometry import Box
from ocr.words import Block, Line, PageText, Paragraph, Word

SETTINGS_KEY = "test-settings"


def layout(text: str, width: int = 2480, dpi: int = 300) -> PageText:
    """`text` as a page: one line per line of text, 40 px per character, 120 px per line."""
    lines = []
    for row, line_text in enumerate(t for t in text.splitlines() if t.strip()):
        x, y = 200, 200 + row * 120
        words = []
        for token in line_text.split():
            words.append(Word(token, Box(x, y, x + 40 * len(token), y + 80), 91.0))
            x += 40 * (len(token) + 1)
        box = Box(200, y, max(w.box.x1 for w in words), y + 80)
        lines.append(Line(box, tuple(words), (0.0, -20.0)))
    height = 400 + 120 * max(len(lines), 1)
    if not lines:
        return PageText(width, height, dpi)
    area = Box(200, 200, max(line.box.x1 for line in lines), lines[-1].box.y1)
    return PageText(width, height, dpi, (Block(area, (Paragraph(area, tuple(lines), "vie"),)),))


def give_text(library: Library, document_id: str, texts: Sequence[str | PageText]) -> None:
    """Store `texts[i]` (laid out by `layout` when a string) as the OCR result of page i + 1 and
    queue the pages for the index."""
    pages = library.pages(document_id)
    assert len(pages) >= len(texts), "more texts than pages"
    with library.transaction() as db:
        for page, text in zip(pages, texts, strict=False):
            words = layout(text) if isinstance(text, str) else text
            stored = library.objects.add_bytes(words.to_bytes())
            library.register_object(stored, "application/vnd.digitizer.page-text+json")
            db.execute(
                "INSERT INTO page_texts (page_id, settings_key, settings, preparation, "
                "prepared_sha256, words_sha256, text, word_count, mean_confidence, seconds, "
                "created_at) VALUES (?, ?, '{}', ?, NULL, ?, ?, ?, 91.0, 0.0, ?)",
                (
                    page.id,
                    SETTINGS_KEY,
                    json.dumps({"source_size": [page.width, page.height]}),
                    stored.sha256,
                    words.text,
                    sum(1 for _ in words.words()),
                    utc_now(),
                ),
            )
            library.queue_for_index(document_id, page.number)
