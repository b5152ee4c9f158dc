"""Character and word error rates as `digitizer eval` reports them."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocr.metrics import normalise, score, syllable_share, word_recall


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


def test_word_recall_ignores_order_and_leaders() -> None:
    truth = "Xã, huyện, tỉnh: ………………\nHọ và tên: ____________ Ngày sinh"

    assert word_recall("Ngày sinh Họ và tên Xã huyện tỉnh", truth) == 1.0
    assert word_recall("Xã ....... huyện", truth) == pytest.approx(2 / 8)
    assert word_recall("", truth) == 0.0


def test_word_recall_counts_a_repeated_word_as_often_as_it_is_read() -> None:
    assert word_recall("số", "số số") == 0.5


def test_syllable_share_tells_vietnamese_from_debris() -> None:
    assert syllable_share("Cộng hòa xã hội chủ nghĩa Việt Nam") == 1.0
    assert syllable_share("'ooB Bưe11 ue1 q2 Bưn) “Bưọp") < 0.5
    assert syllable_share("") == 0.0
