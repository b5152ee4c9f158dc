"""Character and word error rates as `digitizer eval` reports them."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from ocr.metrics import normalise, score


def test_identical_text_scores_zero_whatever_the_spacing_and_normal_form() -> None:
    truth = "Nghị quyết  số 24-NQ/TU\n\nvề chuyển đổi số"
    decomposed = unicodedata.normalize("NFD", "Nghị quyết số 24-NQ/TU về chuyển đổi số")
    result = score(decomposed, truth)
    assert (result.char_errors, result.word_errors) == (0, 0)
    assert result.cer == 0.0 and result.wer == 0.0


def test_a_dropped_tone_mark_is_one_character_and_one_word() -> None:
    result = score("nguôn nước", "nguồn nước")
    assert result.char_errors == 1
    assert result.chars == len("nguồn nước")
    assert result.word_errors == 1 and result.words == 2
    assert result.wer == 0.5


def test_totals_add_up() -> None:
    total = score("a b", "a c") + score("xyz", "xyz")
    assert (total.char_errors, total.chars, total.word_errors, total.words) == (1, 6, 1, 3)


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert "  " not in once and once == once.strip()
