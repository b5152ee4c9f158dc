import unicodedata

import pytest
from hypothesis import given

from vietnamese.folding import fold
from vietnamese.keys import search_key

from .strategies import vietnamese_text


@pytest.mark.parametrize(
    ("words", "key"),
    [
        (["hòa", "hoà", "Hòa", "HOÀ"], ("hoà", "hoa")),
        (["thủy", "thuỷ", "Thủy"], ("thuỷ", "thuy")),
        (["khỏe", "khoẻ"], ("khoẻ", "khoe")),
        (["hóa", "hoá"], ("hoá", "hoa")),
        (["quý", "qúy", "QUÝ"], ("quý", "quy")),
        (["gìn", "Gìn"], ("gìn", "gin")),
        (["Đảng", "Ðảng", "Ɖảng", "ðảng", "ɖảng", "ĐẢNG"], ("đảng", "dang")),
        (["24-NQ/TU", "24-nq/tu"], ("24-nq/tu", "24-nq/tu")),
    ],
)
def test_spellings_of_one_word_share_a_key(words: list[str], key: tuple[str, str]) -> None:
    for word in words:
        assert search_key(word) == key
        assert search_key(unicodedata.normalize("NFD", word)) == key


def test_words_that_differ_only_in_marks_share_the_folded_key_only() -> None:
    keys = {search_key(w) for w in ["đảng", "đang", "dang", "đăng"]}
    assert len(keys) == 4
    assert {folded for _, folded in keys} == {"dang"}


@given(vietnamese_text())
def test_search_key_is_idempotent(word: str) -> None:
    exact, folded = search_key(word)
    assert search_key(exact) == (exact, folded)
    assert search_key(folded) == (folded, folded)


@given(vietnamese_text())
def test_folded_key_is_the_fold_of_the_lower_case_word(word: str) -> None:
    exact, folded = search_key(word)
    assert folded == fold(exact) == fold(word.lower())


@given(vietnamese_text())
def test_key_does_not_depend_on_the_normal_form(word: str) -> None:
    assert search_key(unicodedata.normalize("NFD", word)) == search_key(word)
