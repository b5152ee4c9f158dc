"""Text corrections: a person's fixes to a page's OCR text, kept as a layer over the OCR result.

The OCR result is never changed. A correction is a new `page_texts` row whose word model is the
OCR's with the person's words put in; being the newest row of its page, it is the page's current
text for search, exports and the window. Its settings name the OCR result it corrects, so a
later OCR run with the same settings still skips the page and leaves the correction current; a
run with other settings makes a fresh OCR result current (the correction stays stored).

The edited text is matched to the OCR words by aligning the two word sequences: unchanged
words keep their box and confidence; a changed word keeps its box and gets full confidence (a
person read it); words split or joined share the boxes of the words they replace.

A correction of a page of a secret document is kept as the OCR keeps that page's text: the word
model sealed in the vault (from memory, never a plaintext file) and the row's text left empty.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from digitizer.errors import NotRecognised
from digitizer.library import Library
from digitizer.library.editing import put_bytes
from digitizer.library.library import utc_now
from digitizer.model import PageTextRecord
from digitizer.security.records import is_sealed
from ocr.geometry import Box
from ocr.words import Block, Line, PageText, Paragraph, Word
from vietnamese.normalize import nfc

CORRECTION_PREFIX = "correction:"
"""Settings keys of correction rows start with this; OCR settings keys are bare SHA-256s."""

CORRECTED_CONFIDENCE = 100.0
WORDS_MEDIA_TYPE = "application/vnd.digitizer.page-text+json"


def is_correction(record: PageTextRecord) -> bool:
    return record.settings_key.startswith(CORRECTION_PREFIX)


# --- the word model --------------------------------------------------------------------------


def corrected_words(page: PageText, text: str) -> PageText:
    """`page` with its words replaced by the words of `text` (its layout is not read: only the
    sequence of words counts), boxes kept where the words are the same."""
    words = list(page.words())
    old = [word.text for word in words]
    new = nfc(text).split()
    assigned: list[list[str]] = [[] for _ in words]
    prefix: list[str] = []  # words typed before the first OCR word
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                assigned[i1 + offset] = [new[j1 + offset]]
        elif tag == "replace":
            for index, chunk in zip(range(i1, i2), _chunks(new[j1:j2], i2 - i1), strict=True):
                assigned[index] = chunk
        elif tag == "insert":
            if i1 == 0:
                prefix.extend(new[j1:j2])
            else:
                assigned[i1 - 1].extend(new[j1:j2])
        # "delete": the words stay unassigned, so they go
    if prefix:
        if not words:
            raise NotRecognised("The page has no recognised words to put a correction on.")
        assigned[0] = prefix + assigned[0]

    replaced: dict[int, tuple[Word, ...]] = {}
    for index, (word, tokens) in enumerate(zip(words, assigned, strict=True)):
        if tokens == [word.text]:
            replaced[index] = (word,)
        else:
            replaced[index] = tuple(
                Word(token, box, CORRECTED_CONFIDENCE)
                for token, box in zip(tokens, _split_box(word.box, tokens), strict=True)
            )
    return _rebuilt(page, replaced)


def _chunks(tokens: list[str], parts: int) -> list[list[str]]:
    """`tokens` cut into `parts` runs in order, as even as can be (some may be empty)."""
    result = []
    for part in range(parts):
        start = len(tokens) * part // parts
        end = len(tokens) * (part + 1) // parts
        result.append(tokens[start:end])
    return result


def _split_box(box: Box, tokens: list[str]) -> list[Box]:
    """The box cut across into one box per token, in proportion to the tokens' lengths, with
    a space's width between them."""
    if len(tokens) <= 1:
        return [box] * len(tokens)
    unit = box.width / (sum(len(token) for token in tokens) + len(tokens) - 1)
    boxes, offset = [], 0
    for token in tokens:
        left = box.x0 + round(offset * unit)
        offset += len(token)
        right = box.x0 + round(offset * unit)
        offset += 1  # the space after it
        boxes.append(Box(left, box.y0, max(left + 1, right), box.y1))
    return boxes


def _rebuilt(page: PageText, replaced: dict[int, tuple[Word, ...]]) -> PageText:
    index = 0
    blocks = []
    for block in page.blocks:
        paragraphs = []
        for paragraph in block.paragraphs:
            lines = []
            for line in paragraph.lines:
                words: list[Word] = []
                for _ in line.words:
                    words.extend(replaced[index])
                    index += 1
                if words:
                    lines.append(Line(line.box, tuple(words), line.baseline))
            if lines:
                paragraphs.append(Paragraph(paragraph.box, tuple(lines), paragraph.language))
        if paragraphs:
            blocks.append(Block(block.box, tuple(paragraphs)))
    return PageText(page.width, page.height, page.dpi, tuple(blocks))


# --- the catalogue ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CorrectionResult:
    record: PageTextRecord
    """The page's current text afterwards."""
    changed_words: int
    """Words whose text differs from the text corrected; 0 when nothing changed."""


def correct_page(
    library: Library, document_id: str, page_number: int, text: str
) -> CorrectionResult:
    """Save `text` as the correction of a page's current text; the index is brought up to date.

    Nothing is stored when the text says what the page already says.
    """
    current = library.page_texts(document_id).get(page_number)
    if current is None:
        raise NotRecognised(
            f"Page {page_number} of document {document_id} has no OCR text to correct yet."
        )
    words = PageText.from_bytes(library.read_object(current.words_sha256))
    fixed = corrected_words(words, text)
    changed = _changed_words(words, fixed)
    if not changed and fixed.text == words.text:
        return CorrectionResult(current, 0)
    secret = is_sealed(library, document_id)
    stored = put_bytes(library, fixed.to_bytes(), secret=secret)
    rows = library.rows(
        "SELECT id, settings FROM page_texts WHERE page_id = ? ORDER BY id DESC LIMIT 1",
        (current.page_id,),
    )
    base = _corrected_row(rows[0])
    with library.transaction() as db:
        library.register_object(stored, WORDS_MEDIA_TYPE)
        revision = db.execute(
            "SELECT count(*) FROM page_texts WHERE page_id = ? AND settings_key LIKE ?",
            (current.page_id, CORRECTION_PREFIX + "%"),
        ).fetchone()[0]
        settings: dict[str, Any] = {"correction_of": base, "revision": int(revision) + 1}
        key = CORRECTION_PREFIX + hashlib.sha256(json.dumps(settings).encode()).hexdigest()
        db.execute(
            "INSERT INTO page_texts (page_id, settings_key, settings, preparation, "
            "prepared_sha256, words_sha256, text, word_count, mean_confidence, seconds, "
            "created_at) VALUES (?,?,?,?,?,?,?,?,?,0,?)",
            (
                current.page_id,
                key,
                json.dumps(settings, sort_keys=True),
                json.dumps(current.preparation, sort_keys=True),
                current.prepared_sha256,
                stored.sha256,
                "" if secret else fixed.text,
                sum(1 for _ in fixed.words()),
                fixed.mean_confidence,
                utc_now(),
            ),
        )
        library.queue_for_index(document_id, page_number)
    from digitizer.indexing import update_index

    update_index(library, create_missing=True)
    return CorrectionResult(library.page_texts(document_id)[page_number], changed)


def _corrected_row(row: Any) -> int:
    """The id of the OCR result under the newest row (itself, when it is not a correction)."""
    settings = json.loads(row["settings"] or "{}")
    return int(settings.get("correction_of", row["id"]))


def _changed_words(before: PageText, after: PageText) -> int:
    old = [word.text for word in before.words()]
    new = [word.text for word in after.words()]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )


def ocr_text_of(library: Library, document_id: str, page_number: int) -> PageText | None:
    """The word model recognition gave a page, under any corrections (None: not recognised)."""
    rows = library.rows(
        "SELECT t.words_sha256 FROM page_texts t JOIN pages p ON p.id = t.page_id "
        "WHERE p.document_id = ? AND p.number = ? AND t.settings_key NOT LIKE ? "
        "ORDER BY t.id DESC LIMIT 1",
        (document_id, page_number, CORRECTION_PREFIX + "%"),
    )
    if not rows:
        return None
    return PageText.from_bytes(library.read_object(str(rows[0][0])))
