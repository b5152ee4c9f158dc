"""The search index as a cache of the catalogue: fed by a queue, rebuilt when damaged, never
holding secret documents, and consistent after a writer dies part-way."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from digitizer.acquire.importer import ImportOptions, import_paths
from digitizer.indexing import _writer_lock, index_folder, open_index, rebuild_index, update_index
from digitizer.library import Library
from digitizer.model import Metadata
from digitizer.searching import search
from index import IndexWriter
from index.store import MARKER
from ocr.words import PageText
from tests.helpers.page_texts import give_text
from tests.helpers.pages import page_image

TEXTS = (
    "Nghị quyết của Ban Chấp hành Đảng bộ tỉnh\nvề chuyển đổi số trong công tác tuyên truyền",
    "Chỉ thị của Ban Thường vụ Tỉnh ủy\nvề công tác lưu trữ hồ sơ, tài liệu",
    "Lịch sử Đảng bộ huyện Hòa Vang\nnhững năm kháng chiến chống thực dân Pháp",
)


def _document(library: Library, folder: Path, name: str, texts: tuple[str, ...]) -> str:
    frames = [page_image(ord(name[0]) * 100 + n, mode="1") for n in range(len(texts))]
    tiff = folder / f"{name}.tif"
    frames[0].save(tiff, save_all=True, append_images=frames[1:], compression="group4")
    document = import_paths(library, [tiff], ImportOptions()).imported[0].document_id
    give_text(library, document, texts)
    return document


def _keys(library: Library, query: str, **filters: str | int) -> list[tuple[str, int]]:
    outcome = search(library, query, limit=50, filters=filters or None)
    return sorted((hit.document_id, hit.page) for hit in outcome.hits)


def _queued(library: Library) -> int:
    return int(library.rows("SELECT count(*) FROM index_queue")[0][0])


def test_recognised_pages_become_searchable_through_the_queue(
    library: Library, inputs: Path
) -> None:
    document = _document(library, inputs, "a", TEXTS)
    assert _queued(library) == 3

    report = update_index(library, create_missing=True)

    assert report.rebuilt and _queued(library) == 0
    assert _keys(library, "chuyen doi so") == [(document, 1)]
    assert _keys(library, "Hoà Vang") == [(document, 3)]


def test_records_follow_their_documents(library: Library, inputs: Path) -> None:
    first = _document(library, inputs, "a", TEXTS[:2])
    second = _document(library, inputs, "b", TEXTS[2:])
    update_index(library, create_missing=True)

    library.update_metadata(first, Metadata(title="NQ", document_type="Nghị quyết"))
    update_index(library)
    assert _keys(library, "Đảng", type="Nghị quyết") == [(first, 1)]
    assert _keys(library, "Đảng") == sorted([(first, 1), (second, 1)])

    library.discard_document(first)
    update_index(library)
    assert _keys(library, "Đảng") == [(second, 1)]


def test_secret_documents_never_reach_the_index(library: Library, inputs: Path) -> None:
    document = _document(library, inputs, "a", TEXTS)
    with library.transaction() as db:
        db.execute("UPDATE documents SET classification = 'SECRET' WHERE id = ?", (document,))
        library.queue_for_index(document)
    update_index(library, create_missing=True)
    assert _keys(library, "Đảng") == []
    rebuild_index(library)
    assert _keys(library, "Đảng") == []


@pytest.mark.parametrize("damage", ["missing", "garbage", "emptied"])
def test_a_damaged_index_is_rebuilt_when_opened(
    library: Library, inputs: Path, damage: str
) -> None:
    document = _document(library, inputs, "a", TEXTS)
    update_index(library, create_missing=True)
    folder = index_folder(library)
    if damage == "missing":
        shutil.rmtree(folder)
    else:
        for path in folder.iterdir():
            if path.is_file() and not path.name.endswith(".lock"):
                path.write_bytes(b"\x00garbage" if damage == "garbage" else b"")

    index, report = open_index(library)
    index.close()

    assert report.rebuilt and report.reason
    assert report.pages == 3
    assert _keys(library, "luu tru") == [(document, 2)]


def test_a_library_indexed_by_the_former_engine_is_rebuilt_and_told(
    library: Library, inputs: Path
) -> None:
    document = _document(library, inputs, "a", TEXTS)
    folder = index_folder(library)
    folder.mkdir(exist_ok=True)
    # what the former engine left: its marker (format 2) and its own files
    (folder / MARKER).write_text('{"format": 2}', encoding="utf-8")
    (folder / "MAIN_WRITELOCK").write_bytes(b"")
    (folder / "_MAIN_1.toc").write_bytes(b"\x00whoosh table of contents")

    outcome = search(library, "lưu trữ", limit=10)

    assert outcome.index.rebuilt
    assert "former search engine" in outcome.index.reason
    assert [(hit.document_id, hit.page) for hit in outcome.hits] == [(document, 2)]
    assert not (folder / "_MAIN_1.toc").exists()


def test_a_writer_that_dies_part_way_loses_nothing(
    library: Library, inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = _document(library, inputs, "a", TEXTS)
    update_index(library, create_missing=True)
    other = _document(library, inputs, "b", tuple(t.replace("tỉnh", "thành phố") for t in TEXTS))
    real_update = IndexWriter.update
    calls = 0

    def dying_update(self: IndexWriter, entry: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError("disk went away")
        real_update(self, entry)  # type: ignore[arg-type]

    monkeypatch.setattr(IndexWriter, "update", dying_update)
    with pytest.raises(OSError, match="disk went away"):
        update_index(library)
    monkeypatch.setattr(IndexWriter, "update", real_update)

    assert _queued(library) == 3, "nothing applied is taken off the queue"
    # The next search applies the queue first, then answers.
    after_update = _keys(library, "Đảng")
    assert _queued(library) == 0
    rebuild_index(library)
    assert after_update == _keys(library, "Đảng")
    assert after_update == sorted([(document, 1), (document, 3), (other, 1), (other, 3)])


# Applies the index queue in a child process that SIGKILLs itself at a chosen moment: after the
# second page of a batch (nothing committed), or right after the index commits a batch (before
# the queue rows it applied are removed).
_KILLED_UPDATE = """
import os, signal, sys
from pathlib import Path
from digitizer.indexing import update_index
from digitizer.library import Library
from index import IndexWriter
from index.store import MARKER

moment, done = sys.argv[2], []
if moment == "mid-batch":
    real_update = IndexWriter.update
    def update(self, entry):
        real_update(self, entry)
        done.append(entry)
        if len(done) == 2:
            os.kill(os.getpid(), signal.SIGKILL)
    IndexWriter.update = update
else:
    real_commit = IndexWriter.commit
    def commit(self):
        real_commit(self)
        os.kill(os.getpid(), signal.SIGKILL)
    IndexWriter.commit = commit
with Library.open(Path(sys.argv[1])) as library:
    update_index(library)
"""


@pytest.mark.parametrize("moment", ["mid-batch", "after-commit"])
def test_incremental_indexing_killed_then_search_equals_a_clean_reindex(
    library: Library, inputs: Path, moment: str
) -> None:
    first = _document(library, inputs, "a", TEXTS)
    gone = _document(library, inputs, "c", TEXTS[:1])
    update_index(library, create_missing=True)
    # new pages, a document's new metadata, a discarded document: adds, updates and deletes
    second = _document(library, inputs, "b", tuple(t.replace("tỉnh", "thành phố") for t in TEXTS))
    library.update_metadata(first, Metadata(title="NQ", document_type="Nghị quyết"))
    library.discard_document(gone)
    queued = _queued(library)
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_UPDATE, str(library.root), moment], check=False
    )
    assert killed.returncode == -signal.SIGKILL
    assert _queued(library) == queued, "nothing is taken off the queue before the kill"

    def answers() -> list[object]:
        found = [_keys(library, q) for q in ("Đảng", "thành phố", "chuyen doi so", "lưu trữ")]
        return [*found, _keys(library, "Đảng", type="Nghị quyết")]

    after_kill = answers()
    rebuild_index(library)
    assert after_kill == answers()
    assert after_kill[0] == sorted([(first, 1), (first, 3), (second, 1), (second, 3)])
    assert after_kill[-1] == [(first, 1), (first, 3)]


def test_one_writer_at_a_time(library: Library, inputs: Path) -> None:
    _document(library, inputs, "a", TEXTS)
    update_index(library, create_missing=True)
    library.queue_for_index("nothing-here", 1)
    with _writer_lock(library) as locked:
        assert locked
        report = update_index(library)
    assert report.busy and _queued(library) == 1
    assert update_index(library).applied == 1


def test_an_index_with_nothing_queued_is_opened_as_it_is(library: Library, inputs: Path) -> None:
    _document(library, inputs, "a", TEXTS)
    update_index(library, create_missing=True)
    with _writer_lock(library) as locked:  # another process writing: not waited for, not asked
        assert locked
        index, report = open_index(library)
        with index:
            assert not report.busy and not report.rebuilt and report.applied == 0
            assert report.pages == index.document_count() > 0
    library.queue_for_index("nothing-here", 1)
    index, report = open_index(library)
    index.close()
    assert report.applied == 1 and _queued(library) == 0


def test_hit_boxes_are_the_matched_words_boxes(library: Library, inputs: Path) -> None:
    document = _document(library, inputs, "a", TEXTS)
    update_index(library, create_missing=True)

    outcome = search(library, '"chuyển đổi số"')

    (hit,) = outcome.hits
    texts = library.page_texts(document)
    words = PageText.from_bytes(library.objects.path_of(texts[1].words_sha256).read_bytes())
    expected = [w.box for w in words.words() if w.text in ("chuyển", "đổi", "số")]
    assert list(hit.boxes) == expected
    assert hit.page_size == (words.width, words.height)
    assert "«chuyển đổi số»" in hit.snippet

    # Without boxes (the command line's plain output shows none) the same hit, no word model read
    plain = search(library, '"chuyển đổi số"', boxes=False)
    assert [(h.document_id, h.page, h.snippet) for h in plain.hits] == [
        (hit.document_id, hit.page, hit.snippet)
    ]
    assert plain.hits[0].boxes == () and plain.hits[0].page_size == (0, 0)
