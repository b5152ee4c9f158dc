"""Cutting OCR text into syllables and codes, with positions and offsets."""

from __future__ import annotations

import itertools
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from index.analysis import (
    PageAnalysis,
    Token,
    analyse_text,
    is_frequent_pair,
    pair_key,
    reference_tokenize,
    syllables,
    tokenize,
)


def spelt(text: str, tokens: list[Token]) -> list[str]:
    return [text[t.start : t.end] for t in tokens]


def test_syllables_keep_offsets_positions_and_both_keys() -> None:
    text = "Nghị quyết, Hòa bình."
    tokens = tokenize(text)
    assert spelt(text, tokens) == ["Nghị", "quyết", "Hòa", "bình"]
    assert [t.position for t in tokens] == [0, 1, 2, 3]
    assert [(t.exact, t.folded) for t in tokens] == [
        ("nghị", "nghi"),
        ("quyết", "quyet"),
        ("hoà", "hoa"),
        ("bình", "binh"),
    ]


def test_codes_and_dates_are_whole_and_in_parts() -> None:
    text = "số 24-NQ/TU ngày 18/5/2021 của QĐ-UBND, TP.HCM"
    tokens = tokenize(text)
    codes = [(text[t.start : t.end], t.exact, t.position) for t in tokens if t.is_code]
    assert codes == [
        ("24-NQ/TU", "24-nq/tu", 1),
        ("18/5/2021", "18/5/2021", 5),
        ("QĐ-UBND", "qđ-ubnd", 9),
        ("TP.HCM", "tp.hcm", 11),
    ]
    assert [t.exact for t in syllables(tokens)] == [
        "số", "24", "nq", "tu", "ngày", "18", "5", "2021", "của", "qđ", "ubnd", "tp", "hcm",
    ]  # fmt: skip
    assert next(t for t in tokens if t.exact == "qđ-ubnd").folded == "qd-ubnd"


def test_dashes_of_any_kind_join_codes_as_hyphens() -> None:
    (code,) = [t for t in tokenize("số 24–NQ/TU") if t.is_code]
    assert code.exact == "24-nq/tu"


def test_ordinary_hyphenated_words_are_not_codes() -> None:
    assert not any(t.is_code for t in tokenize("Giơ-ne-vơ, Nội-Hải, kinh tế-xã hội"))


def test_sentence_punctuation_does_not_make_codes() -> None:
    text = "năm 2021. Tỉnh ủy"
    assert not any(t.is_code for t in tokenize(text))
    assert spelt(text, tokenize(text)) == ["năm", "2021", "Tỉnh", "ủy"]


def test_lookalike_letters_read_as_d_with_stroke() -> None:
    (token,) = tokenize("\u00d0ảng")
    assert (token.exact, token.folded) == ("đảng", "dang")


def test_overlong_runs_are_skipped() -> None:
    assert [t.exact for t in tokenize("a " + "x" * 200 + " b")] == ["a", "b"]


def test_page_analysis_collects_positions_per_key() -> None:
    analysis = PageAnalysis.of("Đảng bộ, đang bộ; dang")
    assert dict(analysis.folded) == {"dang": [0, 2, 4], "bo": [1, 3]}
    assert dict(analysis.exact) == {"đảng": [0], "bộ": [1, 3], "đang": [2], "dang": [4]}


def test_frequent_syllables_in_a_row_make_pairs() -> None:
    analysis = PageAnalysis.of("Nghị quyết của Ban Chấp hành về Giơ-ne-vơ, số 24-NQ/TU")
    # pairs where both syllables are frequent: not "ban chấp" ("chấp" is not), nor "24 NQ"
    assert dict(analysis.pairs) == {
        "nghi_quyet": [0],
        "quyet_cua": [1],
        "cua_ban": [2],
        "hanh_ve": [5],
        "ve_gio": [6],
    }


@given(st.text())
def test_tokens_point_into_the_text(text: str) -> None:
    text = unicodedata.normalize("NFC", text)
    tokens = tokenize(text)
    positions = [t.position for t in syllables(tokens)]
    assert positions == list(range(len(positions)))
    for token in tokens:
        assert 0 <= token.start < token.end <= len(text)
        assert token.exact and " " not in token.exact


@settings(deadline=None)
@given(st.text(alphabet=st.sampled_from("aàâđĐơ Hòa-NQ/TU24._—,x\u0301\n–" + "y" * 3)))
def test_tokenize_gives_the_tokens_of_its_definition(text: str) -> None:
    text = unicodedata.normalize("NFC", text)
    assert tokenize(text) == reference_tokenize(text)


def test_tokenize_gives_the_tokens_of_its_definition_on_a_page() -> None:
    text = "Số 24-NQ/TU, 18/5/2021; QĐ-UBND. Giơ-ne-vơ a-1.b/C " + "x" * 70 + " TP.HCM"
    assert tokenize(text) == reference_tokenize(text)
    assert tokenize(text[:-80]) == reference_tokenize(text[:-80])


def keys_by_tokenize(text: str) -> tuple[str, str, str]:
    """The key streams as `tokenize` defines them, built the slow, obvious way (from
    `reference_tokenize`, which shares no cache with `analyse_text`)."""
    tokens = reference_tokenize(unicodedata.normalize("NFC", text))
    words = syllables(tokens)
    codes = [t for t in tokens if t.is_code]
    pairs = [
        pair_key(a.folded, b.folded)
        for a, b in itertools.pairwise(words)
        if is_frequent_pair(a.folded, b.folded)
    ]
    return (
        " ".join([t.exact for t in words] + [t.exact for t in codes]),
        " ".join([t.folded for t in words] + [t.folded for t in codes]),
        " ".join(pairs),
    )


@settings(deadline=None)  # a loaded machine is no failure
@given(st.text(alphabet=st.sampled_from("aàâđĐơ Hòa-NQ/TU24._—,x\u0301\n" + "y" * 3)))
def test_key_streams_are_the_keys_of_tokenize(text: str) -> None:
    keys = analyse_text(text)
    assert (keys.exact, keys.folded, keys.pairs) == keys_by_tokenize(text)


def test_key_streams_of_a_page() -> None:
    text = "Nghị quyết số 24-NQ/TU ngày 18/5/2021 của Ban Chấp hành về Giơ-ne-vơ, " + "x" * 80
    keys = analyse_text(text)
    assert (keys.exact, keys.folded, keys.pairs) == keys_by_tokenize(text)
    assert keys.folded.endswith("24-nq/tu 18/5/2021")
    assert "nghi_quyet" in keys.pairs.split()
