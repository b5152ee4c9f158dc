"""Relevance: real-style queries against a small archive, each with the pages it must return, in
order. Scores tie only for pages that are alike; ties go by document_id, then page_number."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from index import SearchIndex

from .corpus import TEXTS, page_entries


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    folder: Path = tmp_path_factory.mktemp("relevance") / "index"
    index = SearchIndex.create(folder)
    with index.writer() as writer:
        for entry in page_entries():
            writer.update(entry)
    yield index
    index.close()


EXACT_DANG = [
    "kl12:2", "dh20:2", "ct05:1", "lstl:1", "lskb:7", "nq08:1",
    "lskb:2", "lskb:8", "dh20:1", "nq15:1", "nq24:1",
]  # fmt: skip
CHUYEN = ["dh20:3", "kl12:2", "lskb:7", "lstl:4", "bc87:1", "bc87:2", "nq24:1", "nq24:2"]
HOA = ["lstl:1", "lskb:3", "nq24:2", "bc87:2", "nq15:2"]  # hoà pages, then hóa ones
THUY = ["lstl:2", "lskb:4", "lsnt:1", "bc87:1", "qd1234:1", "nq24:2"]
DANG_BO = [
    "dh20:2", "lstl:1", "lskb:7", "lskb:2", "lskb:8", "dh20:1", "nq15:1", "kl12:2", "cv112:1",
]  # fmt: skip

CASES: list[tuple[str, str, Mapping[str, str | int] | None, list[str]]] = [
    # folding: no diacritics typed, every spelling found
    ("folded-words", "nghi quyet", None,
     ["nq08:1", "nq24:3", "kl12:1", "nq15:1", "ct05:1", "nq24:1", "nq24:2"]),
    # a phrase wants the words in order: nq24:3 says "quyết nghị"
    ("phrase", '"nghị quyết"', None, ["nq08:1", "kl12:1", "nq15:1", "ct05:1", "nq24:1", "nq24:2"]),
    ("phrase-reversed", '"quyết nghị"', None, ["nq24:3"]),
    ("phrase-folded", '"nghi quyet"', None,
     ["nq08:1", "kl12:1", "nq15:1", "ct05:1", "nq24:1", "nq24:2"]),
    ("phrase-long", '"Ban Thường vụ Tỉnh ủy"', None, ["kl12:1", "nq24:3", "nq24:1"]),
    # old and new tone placement find each other, exact spellings before other folds (hóa)
    ("tone-old-hoa", "Hòa", None, HOA),
    ("tone-new-hoa", "Hoà", None, HOA),
    ("tone-old-thuy", "thủy", None, THUY),
    ("tone-new-thuy", "thuỷ", None, THUY),
    ("tone-new-khoe", "khoẻ", None, ["lstl:3", "lskb:6"]),
    ("tone-old-khoe", "khỏe", None, ["lstl:3", "lskb:6"]),
    ("tone-misplaced-quy", "qúy", None, ["bc87:2", "qd1234:1", "qd1234:2"]),
    ("gi-initial", "gìn", None, ["lskb:8"]),
    ("uy-ban-old", "Ủy ban", None,
     ["nq24:3", "qd1234:2", "tb45:1", "kl12:2", "lsnt:2", "kl12:1", "nq24:1"]),
    ("uy-ban-new", "Uỷ ban", None,
     ["nq24:3", "qd1234:2", "tb45:1", "kl12:2", "lsnt:2", "kl12:1", "nq24:1"]),
    # diacritics typed: exact spellings first (the look-alike Ð of lstl:1 counts as Đ), then
    # pages with only "dang"/"đang"/"đăng"
    ("exact-first", "đảng", None, [*EXACT_DANG, "bc87:1", "cv112:1"]),
    ("lookalike-in-query", "\u00d0ảng", None, [*EXACT_DANG, "bc87:1", "cv112:1"]),
    ("upper-case", "ĐẢNG BỘ", None, DANG_BO),
    ("decomposed-query", unicodedata.normalize("NFD", "đảng bộ"), None, DANG_BO),
    # OCR errors: folding covers "chuyến"; only fuzzy finds "chuyểu" (lsnt:4)
    ("plain-misses-ocr-error", "chuyển", None, [*CHUYEN, "ct05:2"]),
    ("fuzzy", "chuyển~", None, [*CHUYEN, "ct05:2", "lsnt:4"]),
    ("fuzzy-2", "chuyển~2", None, [*CHUYEN, "ct05:2", "lsnt:4", "nq15:1"]),
    # prefix: with diacritics on exact keys, without on folded keys
    ("prefix-exact", "chuyể*", None,
     ["bc87:1", "bc87:2", "dh20:3", "kl12:2", "lskb:7", "lsnt:4", "lstl:4", "nq24:1", "nq24:2"]),
    ("prefix-folded", "nghie*", None,
     ["bc87:2", "cv112:1", "lskb:4", "lskb:7", "qd1234:1", "tb45:1"]),
    # codes, their parts, dates, numbers
    ("code", "24-NQ/TU", None, ["kl12:1", "nq24:1"]),
    ("code-part", "NQ", None, ["kl12:1", "nq15:1", "nq24:1"]),
    ("date", "18/5/2021", None, ["tb45:1", "nq24:1"]),
    ("year-in-text", "1954", None, ["lskb:3"]),
    ("hyphenated-name", "Giơ-ne-vơ", None, ["lskb:3"]),
    # operators
    ("and", "chuyển đổi số", None, ["dh20:3", "kl12:2", "nq24:2", "nq24:1", "ct05:2"]),
    ("minus", '"chuyển đổi" -số', None, ["lstl:4"]),
    ("not", 'thủy lợi NOT "dang dở"', None, ["lstl:2", "lskb:4", "qd1234:1", "nq24:2"]),
    ("or", "hoà OR khoẻ", None,
     ["lstl:3", "lstl:1", "lskb:6", "lskb:3", "nq24:2", "bc87:2", "nq15:2"]),
    ("group", "(hoà OR thuỷ) -lợi", None, ["lstl:1", "lskb:3", "lsnt:1", "bc87:2", "nq15:2"]),
    # filters in the query and as an argument
    ("type-filter", 'chuyển đổi số loai:"Nghị quyết"', None, ["nq24:2", "nq24:1"]),
    ("type-argument", "chuyển đổi số", {"type": "nghị quyết"}, ["nq24:2", "nq24:1"]),
    ("year-filter", "Tỉnh ủy nam:2021", None, ["nq24:3", "tb45:1", "nq24:2", "nq24:1"]),
    ("year-argument", "đổi mới", {"year": 2015}, ["lskb:7"]),
    ("year-range", "nam:2015-2016", None,
     ["ct12:1", "ct12:2", *(f"lskb:{n}" for n in range(1, 9))]),
    ("body-filter", 'nông thôn coquan:"huyện ủy"', None, ["nq15:2", "nq15:1"]),
    ("body-argument", "thống nhất", {"issuing_body": "Huyện ủy Kim Bảng"}, ["lskb:6", "lskb:8"]),
    ("collection-filter", 'bosuutap:"lịch sử" hoà bình', None, ["lstl:1", "lskb:3"]),
    ("number-filter", "so:24-NQ/TU", None, ["nq24:1", "nq24:2", "nq24:3"]),
    ("title-filter", 'tieude:"chuyển đổi số"', None, ["nq24:1", "nq24:2", "nq24:3"]),
    ("filters-only", "", {"collection": "Văn kiện Đại hội"}, ["dh20:1", "dh20:2", "dh20:3"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "filters", "expected"),
    [pytest.param(q, f, e, id=name) for name, q, f, e in CASES],
)
def test_query_returns_expected_pages_in_order(
    archive: SearchIndex,
    query: str,
    filters: Mapping[str, str | int] | None,
    expected: list[str],
) -> None:
    results = archive.search(query, filters=filters, limit=50)
    assert [hit.page_key for hit in results.hits] == expected
    assert results.total == len(expected)


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 30


def test_exact_spellings_rank_above_folded_matches(archive: SearchIndex) -> None:
    results = archive.search("đảng", limit=50, text_of=TEXTS.__getitem__)
    has_exact = [any(w.lower() in ("đảng", "ðảng") for w in h.matched) for h in results.hits]
    assert has_exact == sorted(has_exact, reverse=True)
    assert has_exact.count(False) == 2
    lookalike = next(h for h in results.hits if h.page_key == "lstl:1")
    assert lookalike.matched == ("\u00d0ảng",)  # marked as the page spells it


def test_word_without_diacritics_does_not_prefer_any_spelling(archive: SearchIndex) -> None:
    results = archive.search("dang", limit=50)
    # Ranked by how often and how densely the folded word occurs, not by spelling: the page
    # saying "dang dở" and "đang" twice leads.
    assert results.hits[0].page_key == "bc87:1"
    assert results.total == 13


def test_facets_count_every_match(archive: SearchIndex) -> None:
    results = archive.search("chuyển đổi số", limit=1)
    assert len(results.hits) == 1
    assert results.total == 5
    assert results.facets == {
        "type": (("Nghị quyết", 2), ("Chỉ thị", 1), ("Kết luận", 1), ("Văn kiện Đại hội", 1)),
        "year": (("2021", 2), ("2019", 1), ("2020", 1), ("2023", 1)),
        "issuing_body": (
            ("Ban Thường vụ Tỉnh ủy", 3),
            ("Đảng bộ tỉnh Hà Nam", 1),
            ("Tỉnh ủy Hà Nam", 1),
        ),
        "collection": (("Văn kiện Tỉnh ủy Hà Nam", 4), ("Văn kiện Đại hội", 1)),
    }


def test_facets_leave_out_pages_without_the_value(archive: SearchIndex) -> None:
    results = archive.search("Nhật Tân")  # only lsnt says it, and lsnt has no year
    assert [h.page_key for h in results.hits] == ["lsnt:3", "lsnt:1"]
    assert results.facets["year"] == ()
    assert results.facets["type"] == (("Sách", 2),)


def test_filter_narrows_the_hits(archive: SearchIndex) -> None:
    everything = archive.search("chuyển đổi số")
    narrowed = archive.search("chuyển đổi số", filters={"loai": "Nghị quyết"})
    assert {h.page_key for h in narrowed.hits} < {h.page_key for h in everything.hits}
    # the filter selects; it does not change the scores
    scores = {h.page_key: h.score for h in everything.hits}
    assert all(h.score == scores[h.page_key] for h in narrowed.hits)


def test_filter_argument_matches_whole_values_only(archive: SearchIndex) -> None:
    assert archive.search("", filters={"issuing_body": "Tỉnh ủy"}).total == 0
    assert archive.search("", filters={"issuing_body": "tinh uy ha nam"}).total == 2
    assert archive.search('coquan:"tỉnh ủy"').total == 9  # in the query: words inside values


def test_snippets_mark_hits_as_the_page_spells_them(archive: SearchIndex) -> None:
    results = archive.search('"nghị quyết" 24-NQ/TU', text_of=TEXTS.__getitem__)
    assert [h.page_key for h in results.hits] == ["kl12:1", "nq24:1"]
    first = results.hits[1]
    assert first.snippet.marked().startswith("[NGHỊ QUYẾT] số [24-NQ/TU] ngày 18/5/2021")
    assert first.matched == ("NGHỊ", "QUYẾT", "24-NQ/TU")


def test_snippet_of_an_ocr_variant(archive: SearchIndex) -> None:
    results = archive.search("chuyển~", text_of=TEXTS.__getitem__, limit=50)
    variant = next(h for h in results.hits if h.page_key == "lsnt:4")
    assert variant.matched == ("chuyểu",)
    assert "[chuyểu]" in variant.snippet.marked()


def test_hits_have_no_snippet_without_text(archive: SearchIndex) -> None:
    hit = archive.search("gìn").hits[0]
    assert hit.snippet.fragments == ()
    assert hit.matched == ()
    assert (hit.document_id, hit.page_number) == ("lskb", 8)


def test_a_page_the_library_no_longer_has_gets_no_snippet(archive: SearchIndex) -> None:
    def text_of(page_key: str) -> str:
        if page_key == "lskb:8":
            raise KeyError(page_key)
        return TEXTS[page_key]

    results = archive.search("gìn", text_of=text_of)
    assert [h.page_key for h in results.hits] == ["lskb:8"]
    assert results.hits[0].snippet.fragments == ()


def test_group_by_document(archive: SearchIndex) -> None:
    results = archive.search("chuyển", group_by_document=True, limit=3)
    assert [g.document_id for g in results.groups] == ["dh20", "kl12", "lskb"]
    assert [h.page_key for h in results.hits] == ["dh20:3", "kl12:2", "lskb:7"]
    results = archive.search("chuyển", group_by_document=True, limit=10)
    groups = {g.document_id: [h.page_key for h in g.hits] for g in results.groups}
    assert list(groups) == ["dh20", "kl12", "lskb", "lstl", "bc87", "nq24", "ct05"]
    assert groups["bc87"] == ["bc87:1", "bc87:2"]
    assert groups["nq24"] == ["nq24:1", "nq24:2"]
    assert all(g.score == g.hits[0].score for g in results.groups)


def test_limit_cuts_hits_not_total(archive: SearchIndex) -> None:
    results = archive.search("đảng", limit=3)
    assert [h.page_key for h in results.hits] == EXACT_DANG[:3]
    assert results.total == 13
    assert archive.search("đảng", limit=0).hits == ()


def test_empty_query_finds_nothing(archive: SearchIndex) -> None:
    results = archive.search("   ")
    assert (results.total, results.hits, results.groups) == (0, (), ())
    assert results.facets == {"type": (), "year": (), "issuing_body": (), "collection": ()}


def test_not_alone_lists_the_other_pages(archive: SearchIndex) -> None:
    assert archive.search("NOT đảng").total == len(TEXTS) - 13
