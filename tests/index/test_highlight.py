"""Which of a page's words a query matched: word indices for boxes, and snippets."""

from __future__ import annotations

import pytest

from index import QuerySyntaxError, Snippet, matching_words
from index.analysis import tokenize
from index.highlight import hit_spans, make_snippet, matched_tokens
from index.query import parse_query

TEXT = "Nghị quyết số 24-NQ/TU: Ban Thường vụ quyết nghị về chuyến đổi số, Ðảng bộ"
WORDS = TEXT.split(" ")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # a phrase marks its words only where they stand in order
        ('"nghị quyết"', [0, 1]),
        ('"quyết nghị"', [7, 8]),
        ("nghị quyết", [0, 1, 7, 8]),
        ('"nghi quyet"', [0, 1]),
        ("24-NQ/TU", [3]),
        ("NQ", [3]),
        ('"số 24-NQ/TU"', [2, 3]),
        ("chuyển~", [10]),
        ("chuyển", [10]),  # folded match: the page has no exact "chuyển"
        ("chuy*", [10]),
        ("đảng", [13]),  # the look-alike Ð
        ("số -đổi", [2, 12]),  # NOT marks nothing
        ('đổi NOT "thường vụ"', [11]),
        ('loai:"nghị quyết" ban', [4]),  # filters mark nothing
        ("hoà", []),
        ("", []),
    ],
)
def test_matching_words(query: str, expected: list[int]) -> None:
    assert matching_words(query, WORDS) == expected


def test_matching_words_prefers_exact_spellings_when_typed_with_diacritics() -> None:
    words = ["đang", "Đảng", "dang", "đăng"]
    assert matching_words("đảng", words) == [1]
    assert matching_words("dang", words) == [0, 1, 2, 3]
    assert matching_words("đảng", ["đang", "dang"]) == [0, 1]


def test_matching_words_with_old_and_new_tone_placement() -> None:
    assert matching_words("hoà bình", ["Hòa", "bình"]) == [0, 1]
    assert matching_words('"thuỷ lợi"', ["thủy", "lợi"]) == [0, 1]


def test_matching_words_reports_syntax_errors() -> None:
    with pytest.raises(QuerySyntaxError):
        matching_words('"open', WORDS)


def snippet(query: str, text: str, width: int = 240) -> Snippet:
    tokens = tokenize(text)
    return make_snippet(
        text, hit_spans(tokens, matched_tokens(parse_query(query), tokens)), width=width
    )


def test_snippet_joins_a_phrase_into_one_hit() -> None:
    assert snippet('"nghị quyết"', "Theo Nghị quyết số 5.").marked() == "Theo [Nghị quyết] số 5."
    assert snippet("nghị", "Theo Nghị quyết.").fragments == (
        ("Theo ", False),
        ("Nghị", True),
        (" quyết.", False),
    )


def test_snippet_keeps_the_page_spelling_and_collapses_line_breaks() -> None:
    text = "Sau ngày\nhòa bình  lập lại"
    assert snippet("hoà", text).marked("<b>", "</b>") == "Sau ngày <b>hòa</b> bình lập lại"


def test_snippet_cuts_around_the_densest_hits() -> None:
    text = " ".join(["mở đầu"] * 60 + ["chuyển đổi số"] + ["kết thúc"] * 60)
    marked = snippet("chuyển đổi số", text, width=80).marked()
    assert marked.startswith("…") and marked.endswith("…")
    assert "[chuyển đổi số]" in marked
    assert len(marked) <= 80 + 10
    assert " mở" in marked and "kết " in marked  # the hit sits in the middle, whole words kept


def test_snippet_without_hits_is_the_start_of_the_page() -> None:
    text = "Chương I. " + "Nội dung. " * 50
    result = snippet("không có", text, width=40)
    assert all(not hit for _, hit in result.fragments)
    assert result.text.startswith("Chương I.") and result.text.endswith("…")


def test_snippet_of_an_empty_page() -> None:
    assert snippet("x", "").fragments == ()
