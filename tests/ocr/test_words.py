"""The word model's stored form: restored words keep what recognition read, and word models
stored before restoration existed still load."""

from __future__ import annotations

import json

import pytest

from ocr.geometry import Box
from ocr.words import (
    FORMAT_VERSION,
    Block,
    Line,
    PageText,
    Paragraph,
    Word,
    laid_out,
    restored_spellings,
    stored_words,
)


def _page(*words: Word) -> PageText:
    box = Box(0, 0, 1000, 100)
    line = Line(box, words, (0.0, -5.0))
    return PageText(1000, 100, 300, (Block(box, (Paragraph(box, (line,), "vie"),)),))


def test_a_restored_word_round_trips_with_its_raw_spelling() -> None:
    page = _page(
        Word("bảo", Box(0, 0, 90, 40), 96.0),
        Word("nguồn,", Box(100, 0, 220, 40), 91.5, raw="nguôn,"),
    )
    data = page.to_bytes()
    again = PageText.from_bytes(data)

    assert again == page
    assert json.loads(data)["version"] == FORMAT_VERSION == 2
    assert again.text == "bảo nguồn,"
    assert again.recognised_text == "bảo nguôn,"
    assert [w.text for w in again.restored_words()] == ["nguồn,"]
    assert restored_spellings(data) == ["nguôn,"]
    plain = next(again.words())
    assert (plain.raw, plain.restored, plain.recognised) == ("", False, "bảo")


def test_a_word_model_stored_before_restoration_still_loads() -> None:
    version_1 = {
        "version": 1,
        "width": 1000,
        "height": 100,
        "dpi": 300,
        "blocks": [
            {
                "box": [0, 0, 1000, 100],
                "paragraphs": [
                    {
                        "box": [0, 0, 1000, 100],
                        "language": "vie",
                        "lines": [
                            {
                                "box": [0, 0, 1000, 100],
                                "baseline": [0.0, -5.0],
                                "words": [
                                    ["Nghị", 0, 0, 90, 40, 95.0],
                                    ["quyết", 100, 0, 200, 40, 90],
                                ],
                            }
                        ],
                    }
                ],
            }
        ],
    }
    data = json.dumps(version_1, ensure_ascii=False).encode()
    page = PageText.from_bytes(data)

    assert page.text == page.recognised_text == "Nghị quyết"
    assert not list(page.restored_words())
    assert restored_spellings(data) == []
    with pytest.raises(ValueError, match="unknown page text format"):
        PageText.from_json({**version_1, "version": 3})


def test_raw_spellings_of_something_else_are_refused() -> None:
    with pytest.raises(ValueError):
        restored_spellings(b'{"pages": []}')
    with pytest.raises(ValueError):
        restored_spellings(b"not json")


def test_stored_words_read_straight_from_the_bytes_are_the_models_words() -> None:
    page = laid_out("Nghị quyết số 12\nvề công tác lưu trữ", width=2000, dpi=200)
    restored = Word("quyết", Box(10, 20, 30, 40), 80.0, raw="quyet")
    line = Line(Box(10, 20, 30, 40), (restored,), (0.0, 0.0))
    area = Box(10, 20, 30, 40)
    page = PageText(
        page.width, page.height, page.dpi, (*page.blocks, Block(area, (Paragraph(area, (line,)),)))
    )

    size, words = stored_words(page.to_bytes())

    assert size == (2000, page.height)
    assert [Word.from_json(entry) for entry in words] == list(page.words())
    with pytest.raises(ValueError, match="not a word model"):
        stored_words(b'{"version": 2, "pages": []}')
    with pytest.raises(ValueError, match="unknown page text format"):
        stored_words(b'{"version": 9, "blocks": []}')
    with pytest.raises(ValueError):
        stored_words(b"not json")


def test_raw_spellings_are_read_alike_from_the_compact_form_and_from_any_json() -> None:
    words = (
        Word("quyết", Box(1, 2, 30, 40), 80.0, raw='quyet"\\'),
        Word("số", Box(31, 2, 50, 40), 91.0),
        Word("Hà,", Box(51, 2, 80, 40), -1.0, raw='Ha, "x"]'),
        Word("Nam", Box(81, 2, 99, 40), 91.5, raw="Năm"),
    )
    area = Box(1, 2, 99, 40)
    line = Line(area, words, (0.0, 0.0))
    page = PageText(100, 100, 300, (Block(area, (Paragraph(area, (line,), "vie"),)),))
    expected = ['quyet"\\', 'Ha, "x"]', "Năm"]

    assert restored_spellings(page.to_bytes()) == expected
    spaced = json.dumps(page.as_json(), ensure_ascii=False, indent=1).encode()
    assert restored_spellings(spaced) == expected
    assert restored_spellings(laid_out("không có chữ nào\nđược sửa").to_bytes()) == []
    with pytest.raises(ValueError):
        restored_spellings(page.to_bytes()[:-1])  # cut short
