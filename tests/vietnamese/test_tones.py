import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vietnamese.tones import canonical_tones, tone_position

from .strategies import vietnamese_text


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hòa", "hoà"),
        ("thủy", "thuỷ"),
        ("khỏe", "khoẻ"),
        ("hóa", "hoá"),
        ("tòa", "toà"),
        ("lõa", "loã"),
        ("xòe", "xoè"),
        ("lũy", "luỹ"),
        ("Ủy ban", "Uỷ ban"),
        ("ỦY BAN", "UỶ BAN"),
        ("Hòa Bình", "Hoà Bình"),
    ],
)
def test_old_style_becomes_new_style(old: str, new: str) -> None:
    assert canonical_tones(old) == new
    assert canonical_tones(new) == new


@pytest.mark.parametrize(
    "word",
    [
        # qu + y / gi + n: the tone stays on the vowel after the consonant pair
        "quý",
        "quỳnh",
        "quyết",
        "quốc",
        "quạ",
        "gìn",
        "gịt",
        "gì",
        "già",
        "giữ",
        "giếng",
        # marked vowels take the tone; ươ puts it on ơ
        "người",
        "được",
        "thuở",
        "hươu",
        "khuyến",
        "thuế",
        "hoặc",
        "tuần",
        "mưa",
        "cừu",
        # a final consonant: the last vowel
        "hoàn",
        "huỳnh",
        "toán",
        "hoạch",
        # pairs and triples without a final
        "mái",
        "mùa",
        "mía",
        "túi",
        "tói",
        "ngoài",
        "xoáy",
        "khuỷu",
        "ngoẹo",
        # single vowels and no tone at all
        "ý",
        "á",
        "nghị",
        "Đảng",
        "ban",
        "Nghị quyết",
    ],
)
def test_already_canonical_words_are_kept(word: str) -> None:
    assert canonical_tones(word) == word


@pytest.mark.parametrize(
    ("misplaced", "canonical"),
    [("qúy", "quý"), ("gìa", "già"), ("hoàn", "hoàn"), ("hòan", "hoàn"), ("ngòai", "ngoài")],
)
def test_misplaced_tones_move_to_the_canonical_vowel(misplaced: str, canonical: str) -> None:
    assert canonical_tones(misplaced) == canonical


@pytest.mark.parametrize("word", ["café", "José", "Pokémon", "naïve", "x\u0301", "àà"])
def test_words_that_are_not_vietnamese_syllables_are_left_alone(word: str) -> None:
    assert canonical_tones(word) == unicodedata.normalize("NFC", word)


def test_only_letters_move_punctuation_and_digits_stay() -> None:
    text = "Nghị quyết số 24-NQ/TU (ngày 18/5/2021) về hòa bình, thủy lợi."
    assert canonical_tones(text) == "Nghị quyết số 24-NQ/TU (ngày 18/5/2021) về hoà bình, thuỷ lợi."


def test_decomposed_input_gives_composed_canonical_output() -> None:
    assert canonical_tones(unicodedata.normalize("NFD", "Thủy")) == "Thuỷ"


def test_tone_position_rejects_what_is_not_a_syllable() -> None:
    assert tone_position("hoa") == 2
    assert tone_position("gin") == 1
    assert tone_position("str") is None
    assert tone_position("aaaa") is None
    assert tone_position("cafe") is None


@given(vietnamese_text())
def test_canonical_tones_is_idempotent(text: str) -> None:
    once = canonical_tones(text)
    assert canonical_tones(once) == once


@given(st.text())
def test_canonical_tones_is_idempotent_on_any_text(text: str) -> None:
    once = canonical_tones(text)
    assert canonical_tones(once) == once


@given(vietnamese_text())
def test_canonical_form_does_not_depend_on_the_normal_form_of_the_input(text: str) -> None:
    assert canonical_tones(unicodedata.normalize("NFD", text)) == canonical_tones(text)


@given(vietnamese_text())
def test_canonical_tones_only_moves_tone_marks(text: str) -> None:
    def without_tones(s: str) -> str:
        nfd = unicodedata.normalize("NFD", s)
        return "".join(c for c in nfd if c not in "\u0300\u0301\u0303\u0309\u0323")

    result = canonical_tones(text)
    assert unicodedata.is_normalized("NFC", result)
    assert without_tones(result) == without_tones(text)
