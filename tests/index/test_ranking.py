"""Ranking beyond single words: queries typed with diacritics on some words, and ties."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from index import PageEntry, SearchIndex

PAGES = {
    # "chí" and "lĩnh" scattered, on a short page: BM25 alone ranks it first
    "bao:1": "Báo chí trong lĩnh vực văn hoá, báo chí.",
    # "Chí Linh" side by side, on a longer page
    "tl:1": (
        "Thị xã Chí Linh thuộc tỉnh Hải Dương có nhiều di tích lịch sử và danh thắng được "
        "nhân dân gìn giữ qua nhiều thế hệ."
    ),
    # "Hải" and "Dương" far apart (fifteen words), on a shorter page than tl:1's "Hải Dương"
    "hq:1": "Hải quân luyện tập suốt mùa mưa bão ở vùng biển xa, cạnh Thái Bình Dương.",
    # the same text on three pages of two documents: tied scores
    "b:2": "Biên bản họp chi bộ",
    "a:3": "Biên bản họp chi bộ",
    "a:1": "Biên bản họp chi bộ",
}


@pytest.fixture(scope="module")
def index() -> Iterator[SearchIndex]:
    index = SearchIndex.in_memory()
    with index.writer() as writer:
        for key, text in PAGES.items():
            document, number = key.split(":")
            writer.update(PageEntry(key, document, int(number), text))
    yield index
    index.close()


def keys(index: SearchIndex, query: str) -> list[str]:
    return [hit.page_key for hit in index.search(query, limit=10).hits]


def test_chi_linh_ranks_above_bao_chi_linh_vuc(index: SearchIndex) -> None:
    # "Linh" is typed without marks in a query typed with them: the page saying "Chí Linh"
    # side by side ranks above the shorter one saying "báo chí … lĩnh vực"
    assert keys(index, "Chí Linh") == ["tl:1", "bao:1"]


def test_words_side_by_side_rank_above_the_same_words_scattered(index: SearchIndex) -> None:
    # BM25 alone puts the shorter page first; the words near each other put tl:1 above it,
    # typed with diacritics or without
    assert keys(index, "Hải Dương") == ["tl:1", "hq:1"]
    assert keys(index, "hai duong") == ["tl:1", "hq:1"]
    assert keys(index, "Dương Hải") == ["tl:1", "hq:1"]  # in the other order, still near
    # one word alone, or the words in quotes elsewhere: nothing to bring near
    assert keys(index, "dương") == ["hq:1", "tl:1"]


def test_a_query_without_diacritics_prefers_its_words_side_by_side(index: SearchIndex) -> None:
    # "chi linh" matches chí, chỉ, lĩnh, lính … alike: "Chí Linh" side by side ranks above
    # "báo chí trong lĩnh vực" (two words apart, on a shorter page)
    assert keys(index, "chi linh") == ["tl:1", "bao:1"]
    assert keys(index, "linh chi") == ["tl:1", "bao:1"]


def test_toneless_words_of_a_query_typed_with_diacritics_prefer_their_toneless_spelling(
    index: SearchIndex,
) -> None:
    # "Linh" typed beside "Chí": the page spelling "Linh" ranks first, "lĩnh" still matches
    assert keys(index, "Linh Chí") == ["tl:1", "bao:1"]
    # typed without any diacritics, every spelling is alike: the shorter page's scores win
    assert keys(index, "linh") == ["bao:1", "tl:1"]


def test_ties_go_in_document_then_page_order(index: SearchIndex) -> None:
    assert keys(index, "biên bản") == ["a:1", "a:3", "b:2"]
    results = index.search("chi bộ", limit=10, group_by_document=True)
    assert [g.document_id for g in results.groups] == ["a", "b"]
    assert [h.page_key for h in results.groups[0].hits] == ["a:1", "a:3"]
