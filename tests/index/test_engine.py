"""Evaluation over several segments: counts, narrowing, term frequencies, deletions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index import PageEntry, SearchIndex
from index.query import NEAR_BONUS

PAGES = 300  # more than two posting blocks of 128


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    folder: Path = tmp_path_factory.mktemp("engine") / "index"
    index = SearchIndex.create(folder)
    with index.writer(batch_size=200) as writer:  # two segments
        for n in range(PAGES):
            # every page has "nghị quyết"; every third page has it reversed as well, and
            # "đảng" as often as its number's last digit
            text = "Nghị quyết số " + str(n) + " " + "đảng " * (n % 10)
            if n % 3 == 0:
                text += " quyết nghị"
            writer.update(PageEntry(f"d{n // 10}:{n % 10}", f"d{n // 10}", n % 10, text))
    yield index
    index.close()


def test_several_segments_are_searched_as_one(index: SearchIndex) -> None:
    assert index._current().num_segments >= 1
    assert index.document_count() == PAGES


def test_counts_span_blocks_and_segments(index: SearchIndex) -> None:
    assert index.search("nghị").total == PAGES
    assert index.search('"nghị quyết"').total == PAGES
    assert index.search('"quyết nghị"').total == PAGES // 3
    assert index.search("đảng").total == PAGES * 9 // 10


def test_a_rare_word_narrows_a_common_one_across_segments(index: SearchIndex) -> None:
    def score(query: str, page_key: str) -> float:
        hits = index.search(query, limit=PAGES).hits
        return next(h.score for h in hits if h.page_key == page_key)

    results = index.search("(7 OR 250) nghị quyết", limit=10)
    assert sorted(h.page_key for h in results.hits) == ["d0:7", "d25:0"]
    # reading only some blocks of "nghị" gives the same scores as reading all of them (the
    # page says "Nghị quyết số 250": the two words near each other add the near bonus)
    assert score("250 nghị", "d25:0") == pytest.approx(
        score("250", "d25:0") + score("nghị", "d25:0") + NEAR_BONUS
    )


def test_term_frequency_ranks(index: SearchIndex) -> None:
    hits = index.search("đảng", limit=PAGES).hits
    assert hits[0].page_number == 9  # nine times "đảng" beats fewer
    assert hits[-1].page_number == 1


def test_deleted_pages_leave_every_count(tmp_path: Path) -> None:
    with SearchIndex.create(tmp_path / "ix") as index:
        with index.writer() as writer:
            for n in range(200):
                writer.update(PageEntry(f"a:{n}", "a" if n < 150 else "b", n, "Đảng bộ tỉnh"))
        with index.writer() as writer:
            writer.delete_document("a")
        results = index.search('"đảng bộ"', limit=100)
        assert results.total == 50
        assert {h.document_id for h in results.hits} == {"b"}
        assert index.search("NOT tỉnh").total == 0
        assert index.search("tỉnh -bộ").total == 0
