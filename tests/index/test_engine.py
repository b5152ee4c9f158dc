"""Evaluation over whole posting lists: block reading, deletions, phrases across blocks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from index import PageEntry, SearchIndex
from index.engine import _read_blocks, _read_one_by_one

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


def test_block_reading_matches_the_posting_by_posting_walk(index: SearchIndex) -> None:
    reader = index._current_searcher().reader()
    longest = 0
    for leaf, _ in reader.leaf_readers():
        for field, key in [("folded", "nghi"), ("positions", "dang"), ("exact", "đảng")]:
            positional = field == "positions"
            blocks = _read_blocks(leaf.postings(field, key.encode()), values=positional)
            walked = _read_one_by_one(leaf.postings(field, key.encode()), values=positional)
            longest = max(longest, len(blocks.ids))
            assert np.array_equal(blocks.ids, walked.ids)
            assert np.array_equal(blocks.weights, walked.weights)
            assert blocks.values == walked.values
    assert longest > 128


def test_reading_only_the_blocks_of_wanted_documents(index: SearchIndex) -> None:
    reader = index._current_searcher().reader()
    leaf = max((leaf for leaf, _ in reader.leaf_readers()), key=lambda r: r.doc_count_all())
    wanted = np.array([3, 100], dtype=np.int64)  # both in the first block of 128
    some = _read_blocks(leaf.postings("positions", b"nghi"), values=True, wanted=wanted)
    every = _read_blocks(leaf.postings("positions", b"nghi"), values=True)
    assert (len(some.ids), len(every.ids)) == (128, leaf.doc_count_all())
    assert set(wanted.tolist()) <= set(some.ids.tolist())
    assert some.values is not None and every.values is not None
    for docnum in wanted.tolist():
        assert some.values[list(some.ids).index(docnum)] == every.values[docnum]


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
    # reading only some blocks of "nghị" gives the same scores as reading all of them
    assert score("250 nghị", "d25:0") == pytest.approx(
        score("250", "d25:0") + score("nghị", "d25:0")
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
