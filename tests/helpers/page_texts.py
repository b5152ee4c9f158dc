"""Giving pages OCR text without running Tesseract, for tests of what comes after recognition
(search, exports). The word model is laid out like a real one: lines of words with boxes
(`ocr.words.laid_out`, which benchmarks use too)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from digitizer.library import Library
from digitizer.library.library import utc_now
from ocr.words import PageText, laid_out

SETTINGS_KEY = "test-settings"
layout = laid_out  # the name the tests know it by


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
