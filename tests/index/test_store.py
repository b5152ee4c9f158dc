"""The index on disk: writing, reopening, and refusing damaged folders."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from index import IndexDamaged, PageEntry, SearchIndex
from index.store import MARKER


def page(document_id: str, number: int, text: str, **metadata: object) -> PageEntry:
    return PageEntry(f"{document_id}:{number}", document_id, number, text, **metadata)  # type: ignore[arg-type]


def keys(index: SearchIndex, query: str) -> list[str]:
    return [hit.page_key for hit in index.search(query, limit=100).hits]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "index"


@pytest.fixture
def index(folder: Path) -> SearchIndex:
    return SearchIndex.create(folder)


def test_update_replaces_the_page_with_the_same_key(index: SearchIndex) -> None:
    with index.writer() as writer:
        writer.update(page("a", 1, "hoà bình"))
    with index.writer() as writer:
        writer.update(page("a", 1, "thống nhất"))
    assert index.document_count() == 1
    assert keys(index, "hoà") == []
    assert keys(index, "thống nhất") == ["a:1"]


def test_updating_a_page_twice_in_one_batch_keeps_one_copy(index: SearchIndex) -> None:
    with index.writer() as writer:
        writer.update(page("a", 1, "hoà bình"))
        writer.update(page("a", 1, "thống nhất"))
        writer.update(page("a", 2, "độc lập"))
    assert index.page_keys() == {"a:1", "a:2"}
    assert keys(index, "hoà") == []


def test_delete_document_removes_all_its_pages(index: SearchIndex) -> None:
    with index.writer() as writer:
        for n in (1, 2, 3):
            writer.update(page("a", n, "nghị quyết"))
        writer.update(page("b", 1, "nghị quyết"))
    with index.writer() as writer:
        writer.delete_document("a")
    assert index.page_keys() == {"b:1"}
    assert keys(index, "nghị quyết") == ["b:1"]
    assert index.search("nghị quyết").total == 1


def test_delete_in_the_same_batch_as_the_add(index: SearchIndex) -> None:
    with index.writer() as writer:
        writer.update(page("a", 1, "nghị quyết"))
        writer.update(page("a", 2, "nghị quyết"))
        writer.delete_page("a:1")
        writer.update(page("b", 1, "nghị quyết"))
        writer.delete_document("b")
    assert index.page_keys() == {"a:2"}


def test_delete_page(index: SearchIndex) -> None:
    with index.writer() as writer:
        writer.update(page("a", 1, "một"))
        writer.update(page("a", 2, "hai"))
    with index.writer() as writer:
        writer.delete_page("a:1")
        writer.delete_page("x:9")  # not indexed: nothing happens
    assert index.page_keys() == {"a:2"}
    assert index.search("NOT hai").total == 0


def test_batches_commit_while_the_writer_is_open(index: SearchIndex, folder: Path) -> None:
    with index.writer(batch_size=2) as writer:
        for n in range(1, 6):
            writer.update(page("a", n, f"trang số {n}"))
        # Two full batches are on disk; the fifth page waits for the end of the block.
        with SearchIndex.open(folder) as other:
            assert other.document_count() == 4
    assert index.document_count() == 5


def test_many_small_commits_search_as_one(index: SearchIndex) -> None:
    with index.writer(batch_size=1) as writer:  # a commit per page
        for n in range(1, 26):
            writer.update(page("a", n, f"trang số {n}"))
    assert index.document_count() == 25
    assert index.search("trang").total == 25
    assert [h.page_number for h in index.search("trang", limit=3).hits] == [1, 2, 3]


def test_an_exception_discards_the_uncommitted_batch(index: SearchIndex) -> None:
    with pytest.raises(RuntimeError), index.writer(batch_size=2) as writer:
        for n in range(1, 4):
            writer.update(page("a", n, "văn bản"))
        raise RuntimeError("power cut")
    assert index.page_keys() == {"a:1", "a:2"}


def test_reopen_sees_the_data(index: SearchIndex, folder: Path) -> None:
    with index.writer() as writer:
        writer.update(page("a", 1, "Đảng bộ tỉnh", document_type="Báo cáo", year=2020))
    index.close()
    with SearchIndex.open(folder) as reopened:
        results = reopened.search("dang bo")
        assert [h.page_key for h in results.hits] == ["a:1"]
        assert results.facets["type"] == (("Báo cáo", 1),)
        assert results.facets["year"] == (("2020", 1),)


def test_searches_see_commits_of_a_writer(index: SearchIndex) -> None:
    assert index.search("hoà").total == 0
    with index.writer() as writer:
        writer.update(page("a", 1, "hoà bình"))
    assert index.search("hoà").total == 1
    with index.writer() as writer:
        writer.update(page("a", 2, "hoà hợp"))
    assert index.search("hoà").total == 2


def test_create_replaces_an_existing_index(index: SearchIndex, folder: Path) -> None:
    with index.writer() as writer:
        writer.update(page("a", 1, "cũ"))
    index.close()
    (folder / "notes.txt").write_text("not ours", encoding="utf-8")
    with SearchIndex.create(folder) as fresh:
        assert fresh.document_count() == 0
    with SearchIndex.open(folder) as reopened:
        assert reopened.page_keys() == set()
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "not ours"


def test_entries_need_keys(index: SearchIndex) -> None:
    with pytest.raises(ValueError), index.writer() as writer:
        writer.update(PageEntry("", "a", 1, "x"))


def test_unknown_filter_is_a_programming_error(index: SearchIndex) -> None:
    with pytest.raises(ValueError, match="colour"):
        index.search("x", filters={"colour": "red"})


# --- damage ----------------------------------------------------------------------------------


def filled(folder: Path) -> None:
    with SearchIndex.create(folder) as index, index.writer() as writer:
        for n in range(1, 30):
            writer.update(page("a", n, f"Nghị quyết số {n} về chuyển đổi số", year=2000 + n))


def test_missing_folder_is_damaged(tmp_path: Path) -> None:
    with pytest.raises(IndexDamaged) as caught:
        SearchIndex.open(tmp_path / "nowhere")
    assert caught.value.code == "index-damaged"
    assert "rebuild" in caught.value.message


def test_empty_folder_is_damaged(tmp_path: Path) -> None:
    with pytest.raises(IndexDamaged):
        SearchIndex.open(tmp_path)


def test_an_index_of_the_former_engine_is_rebuilt(folder: Path) -> None:
    filled(folder)
    (folder / MARKER).write_text('{"format": 2}', encoding="utf-8")
    with pytest.raises(IndexDamaged, match="former search engine"):
        SearchIndex.open(folder)


def test_index_of_another_format_is_damaged(folder: Path) -> None:
    filled(folder)
    (folder / MARKER).write_text('{"format": 99}', encoding="utf-8")
    with pytest.raises(IndexDamaged, match="another version"):
        SearchIndex.open(folder)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_damaged_table_of_contents(folder: Path, damage: str) -> None:
    filled(folder)
    toc = folder / "meta.json"
    content = toc.read_bytes()
    if damage == "garbage":
        toc.write_bytes(b"\x00garbage" * 20)
    elif damage == "truncated":
        toc.write_bytes(content[: len(content) // 2])
    else:
        toc.write_bytes(b"")
    with pytest.raises(IndexDamaged, match="damaged"):
        SearchIndex.open(folder)


def test_deleted_segment_file(folder: Path) -> None:
    filled(folder)
    segments = sorted(folder.glob("*.idx"))
    assert segments
    segments[0].unlink()
    with pytest.raises(IndexDamaged):
        SearchIndex.open(folder)


def test_truncated_segment_file(folder: Path) -> None:
    filled(folder)
    for segment in folder.glob("*.term"):
        segment.write_bytes(segment.read_bytes()[:100])
    with pytest.raises(IndexDamaged):
        SearchIndex.open(folder)


def test_a_good_index_opens_after_reopening_many_times(folder: Path) -> None:
    filled(folder)
    for _ in range(3):
        with SearchIndex.open(folder) as index:
            assert index.document_count() == 29
            assert index.search("nam:2005").total == 1


def test_a_build_analysed_in_worker_processes_equals_one_analysed_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index import store

    monkeypatch.setattr(store, "PARALLEL_FROM", 10)
    words = ("Nghị quyết", "chuyển đổi số", "Tỉnh ủy", "hoà bình", "24-NQ/TU")
    entries = [
        page(f"d{n // 7}", n % 7 + 1, f"{words[n % 5]} {words[n % 3]} trang {n}", year=2000 + n % 4)
        for n in range(60)
    ]

    def read_here() -> Iterator[PageEntry]:
        # as a catalogue cursor, which only the thread that made it may read
        for entry in entries:
            assert threading.current_thread() is threading.main_thread()
            yield entry

    built = {}
    for workers in (1, 2):
        with SearchIndex.build(tmp_path / f"w{workers}", read_here(), workers=workers) as index:
            built[workers] = [
                (r.total, [(h.page_key, round(h.score, 4)) for h in r.hits], r.facets)
                for r in (index.search(q, limit=60) for q in ("nghi quyet", "24-NQ/TU", "nam:2001"))
            ]
    assert built[1] == built[2]
    assert built[1][0][0] == 12 + 20 - 4  # pages with "Nghị quyết" first or second
