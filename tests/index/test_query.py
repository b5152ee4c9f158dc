"""Reading the search box: the tree a query becomes, and the errors a person can act on."""

from __future__ import annotations

import pytest

from index import QuerySyntaxError
from index.query import AllOf, AnyOf, FieldFilter, Phrase, Without, Word, parse_query


def words(node: object) -> list[str]:
    """The query's words and phrases in order, NOT parts prefixed with '-'."""
    if isinstance(node, Word):
        suffix = {"plain": "", "prefix": "*", "fuzzy": f"~{node.distance}"}[node.kind]
        return [" ".join(t.exact for t in node.tokens if not t.is_code) + suffix]
    if isinstance(node, Phrase):
        return ['"' + " ".join(t.exact for t in node.tokens) + '"']
    if isinstance(node, FieldFilter):
        return [f"{node.facet.name}={node.value}"]
    if isinstance(node, Without):
        return ["-" + w for w in words(node.child)]
    if isinstance(node, AllOf | AnyOf):
        return [w for child in node.children for w in words(child)]
    return []


def test_words_join_with_and() -> None:
    node = parse_query("Nghị quyết  Đảng")
    assert isinstance(node, AllOf)
    assert words(node) == ["nghị", "quyết", "đảng"]


def test_operators_and_grouping() -> None:
    node = parse_query("(hòa OR thủy) AND lợi NOT mương -kênh")
    assert isinstance(node, AllOf)
    assert isinstance(node.children[0], AnyOf)
    assert words(node) == ["hoà", "thuỷ", "lợi", "-mương", "-kênh"]


def test_lower_case_operators_are_words() -> None:
    assert words(parse_query("and or not")) == ["and", "or", "not"]


def test_phrases_with_straight_and_curly_quotes() -> None:
    assert words(parse_query('"Ban Chấp hành" “Đảng bộ”')) == ['"ban chấp hành"', '"đảng bộ"']


def test_prefix_and_fuzzy() -> None:
    assert words(parse_query("chuyển* chuyển~ chuyển~2 chuyển~9 chuyển~0")) == [
        "chuyển*",
        "chuyển~1",
        "chuyển~2",
        "chuyển~2",  # at most two edits
        "chuyển",
    ]


def test_filters_with_vietnamese_and_english_names() -> None:
    node = parse_query('loại:"Nghị quyết" type:"Chỉ thị" số:24-NQ/TU nam:2021 coquan:"Tỉnh ủy"')
    assert words(node) == [
        "type=Nghị quyết",
        "type=Chỉ thị",
        "number=24-NQ/TU",
        "year=2021",
        "issuing_body=Tỉnh ủy",
    ]


def test_year_ranges() -> None:
    node = parse_query("nam:2019-2021")
    assert isinstance(node, FieldFilter)
    assert node.years == (2019, 2020, 2021)


def test_unknown_field_names_are_text() -> None:
    assert words(parse_query("Điều:5")) == ["điều 5"]


def test_negated_phrase_group_and_filter() -> None:
    assert words(parse_query('-"dang dở" -(a b) -loai:"Công văn"')) == [
        '-"dang dở"',
        "-a",
        "-b",
        "-type=Công văn",
    ]


def test_punctuation_alone_is_nothing() -> None:
    assert parse_query("") is None
    assert parse_query(" - … * ~ ") is None
    assert words(parse_query("- đảng")) == ["đảng"]


def test_a_code_keeps_its_parts_and_whole() -> None:
    node = parse_query("24-NQ/TU")
    assert isinstance(node, Word)
    assert [t.exact for t in node.tokens] == ["24-nq/tu", "24", "nq", "tu"]
    assert [t.is_code for t in node.tokens] == [True, False, False, False]


@pytest.mark.parametrize(
    ("query", "position", "hint"),
    [
        ('"nghị quyết', 0, "never closed"),
        ('đảng "bộ', 5, "never closed"),
        ("(hoà OR thuỷ", 0, "never closed"),
        ("hoà) thuỷ", 3, "no opening"),
        ("()", 0, "empty"),
        ("OR hoà", 0, "before"),
        ("hoà OR", 4, "after"),
        ("hoà AND", 4, "after"),
        ("AND hoà", 0, "before"),
        ("hoà OR OR thuỷ", 4, "after"),
        ("hoà NOT", 4, "after"),
        ("loai:", 0, "needs a value"),
        ("loai:(a OR b)", 0, "needs a value"),
        ("loai:...", 0, "letters or digits"),
        ("nam:hai", 0, "not a year"),
    ],
)
def test_syntax_errors_say_where_and_what_to_do(query: str, position: int, hint: str) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query(query)
    error = caught.value
    assert error.code == "bad-query"
    assert error.position == position
    assert hint in error.message
    assert str(error) == error.message


def test_search_raises_the_syntax_error(tmp_path: object) -> None:
    from pathlib import Path

    from index import SearchIndex

    assert isinstance(tmp_path, Path)
    with SearchIndex.create(tmp_path / "ix") as index, pytest.raises(QuerySyntaxError):
        index.search('"open')
