import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vietnamese.folding import fold, has_diacritics, unify_lookalikes

from .strategies import vietnamese_text


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Nghị quyết", "Nghi quyet"),
        ("Đảng ủy", "Dang uy"),
        ("ĐƯỜNG LỐI", "DUONG LOI"),
        ("người được thuở", "nguoi duoc thuo"),
        ("Ðảng Ɖảng ðảng ɖảng", "Dang Dang dang dang"),
        ("24-NQ/TU ngày 18/5/2021", "24-NQ/TU ngay 18/5/2021"),
        ("", ""),
    ],
)
def test_fold_removes_every_diacritic(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_accepts_decomposed_text() -> None:
    assert fold(unicodedata.normalize("NFD", "Tỉnh ủy Hà Nam")) == "Tinh uy Ha Nam"


def test_lookalikes_read_as_d_with_stroke() -> None:
    assert unify_lookalikes("Ðảng ɖoàn Ɖại ðội") == "Đảng đoàn Đại đội"


def test_has_diacritics() -> None:
    assert has_diacritics("đảng")
    assert has_diacritics("đang")
    assert not has_diacritics("dang")
    assert not has_diacritics("Ban")


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert unicodedata.is_normalized("NFC", once)


@given(vietnamese_text())
def test_folded_vietnamese_is_plain_ascii(text: str) -> None:
    assert fold(text).isascii()
