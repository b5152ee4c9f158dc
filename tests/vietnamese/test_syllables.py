import unicodedata

import pytest
from hypothesis import given

from vietnamese.syllables import Syllable, Tone, is_syllable, parse_syllable, place_tone, split_tone
from vietnamese.tones import canonical_tones

from .strategies import syllables


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("nguồn", ("ng", "uôn", Tone.FALLING)),
        ("chất", ("ch", "ât", Tone.RISING)),
        ("điểm", ("đ", "iêm", Tone.DIPPING)),
        ("chuyển", ("ch", "uyên", Tone.DIPPING)),
        ("quốc", ("qu", "ôc", Tone.RISING)),
        ("quý", ("qu", "y", Tone.RISING)),
        ("già", ("gi", "a", Tone.FALLING)),
        ("gìn", ("g", "in", Tone.FALLING)),  # gi + n: the i is the vowel
        ("giếng", ("gi", "êng", Tone.RISING)),  # gi + iêng, one i written
        ("nghĩa", ("ngh", "ia", Tone.BROKEN)),
        ("người", ("ng", "ươi", Tone.FALLING)),
        ("được", ("đ", "ươc", Tone.HEAVY)),
        ("khuỷu", ("kh", "uyu", Tone.DIPPING)),
        ("thuở", ("th", "uơ", Tone.DIPPING)),
        ("xoong", ("x", "oong", Tone.LEVEL)),
        ("ở", ("", "ơ", Tone.DIPPING)),
        ("ỦY", ("", "uy", Tone.DIPPING)),
        ("Hòa", ("h", "oa", Tone.FALLING)),
        ("hoà", ("h", "oa", Tone.FALLING)),
    ],
)
def test_syllables_are_cut_into_onset_rhyme_and_tone(
    word: str, parts: tuple[str, str, Tone]
) -> None:
    assert parse_syllable(word) == Syllable(*parts)
    assert is_syllable(word)


@pytest.mark.parametrize(
    "word",
    [
        "tôt",  # a stop final takes only the sắc or nặng tone
        "chât",
        "kêt",
        "đươc",
        "cảp",
        "ke" + "\u0301" + "\u0300",  # two tones
        "ge",  # g before e is spelt gh
        "gha",  # gh only before i, e, ê
        "ca" + "y" + "t",  # no rhyme "ayt"
        "ki" + "ê",  # iê needs a final
        "NQ",
        "24",
        "abc",
        "case",
        "Internet",
        "đ",
        "",
    ],
)
def test_what_is_not_a_syllable(word: str) -> None:
    assert not is_syllable(word)


@pytest.mark.parametrize(
    "word", ["tốt", "tột", "kết", "được", "ke", "kìa", "ghi", "nghề", "qua", "que", "quờ", "ông"]
)
def test_spelling_rules_admit_the_real_words(word: str) -> None:
    assert is_syllable(word)


def test_split_tone_takes_off_only_the_tone() -> None:
    assert split_tone("nguồn") == ("nguôn", Tone.FALLING)
    assert split_tone("Ðảng") == ("Ðang", Tone.DIPPING)
    assert split_tone("ươ") == ("ươ", Tone.LEVEL)
    assert split_tone("ả" + "\u0301") is None


@pytest.mark.parametrize(
    ("toneless", "tone", "new", "old"),
    [
        ("hoa", Tone.FALLING, "hoà", "hòa"),
        ("thuy", Tone.DIPPING, "thuỷ", "thủy"),
        ("khoe", Tone.DIPPING, "khoẻ", "khỏe"),
        ("THUY", Tone.DIPPING, "THUỶ", "THỦY"),
        ("quy", Tone.RISING, "quý", "quý"),  # qu is a consonant: no choice
        ("hoan", Tone.FALLING, "hoàn", "hoàn"),  # a final: always the last vowel
        ("ngoai", Tone.FALLING, "ngoài", "ngoài"),
        ("nguôn", Tone.FALLING, "nguồn", "nguồn"),
        ("Điêu", Tone.FALLING, "Điều", "Điều"),
        ("ban", Tone.LEVEL, "ban", "ban"),
    ],
)
def test_tones_are_placed_in_either_style(toneless: str, tone: Tone, new: str, old: str) -> None:
    assert place_tone(toneless, tone) == new
    assert place_tone(toneless, tone, old_style=True) == old


@given(syllables())
def test_placing_the_tone_back_gives_the_canonical_spelling(word: str) -> None:
    parsed = parse_syllable(word)
    if parsed is None:
        return
    split = split_tone(unicodedata.normalize("NFC", word))
    assert split is not None
    assert place_tone(split[0], split[1]) == canonical_tones(word)
