"""OCR as persisted jobs, against the real Tesseract: results filed, reruns skipped, cancel,
page failures, and jobs cut off by a crash taken up again."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from digitizer.acquire.importer import ImportOptions, import_paths
from digitizer.errors import MissingLanguage
from digitizer.library import Library, verify
from digitizer.pipeline.ocr import OcrOptions, run_ocr
from ocr.metrics import score
from ocr.words import PageText
from tests.helpers.text_pages import SENTENCES, text_page
from tests.pipeline.conftest import text_document

OPTIONS = OcrOptions(workers=2)


def _job_states(library: Library) -> list[str]:
    return [row["state"] for row in library.rows("SELECT state FROM jobs ORDER BY id")]


def test_pages_are_recognised_and_filed(library: Library, two_page_document: str) -> None:
    report = run_ocr(library, [two_page_document], OPTIONS)

    assert (report.done, report.skipped, report.failed, report.cancelled) == (2, 0, [], False)
    texts = library.page_texts(two_page_document)
    assert sorted(texts) == [1, 2]
    assert texts[1].text.startswith("Trang 1")
    assert score(texts[2].text, "Trang 2\n" + "\n".join(SENTENCES[1:4])).cer < 0.02
    words = PageText.from_bytes(library.objects.path_of(texts[1].words_sha256).read_bytes())
    assert words.text == texts[1].text
    assert texts[1].word_count == len(list(words.words()))
    assert texts[1].prepared_sha256 is None, "an upright, level page needs no derived image"
    assert _job_states(library) == ["done"]
    assert verify(library).ok


def test_a_rerun_with_the_same_settings_does_nothing(
    library: Library, two_page_document: str
) -> None:
    run_ocr(library, [two_page_document], OPTIONS)
    rows_before = library.rows("SELECT id, created_at FROM page_texts ORDER BY id")

    again = run_ocr(library, None, OPTIONS)

    assert (again.done, again.skipped) == (0, 2)
    rows_after = library.rows("SELECT id, created_at FROM page_texts ORDER BY id")
    assert [tuple(r) for r in rows_after] == [tuple(r) for r in rows_before]


@pytest.mark.slow
def test_new_settings_give_a_new_current_text(library: Library, two_page_document: str) -> None:
    run_ocr(library, [two_page_document], OPTIONS)
    first = library.page_texts(two_page_document)[1]

    report = run_ocr(library, [two_page_document], OcrOptions(languages="vie+eng", workers=2))

    assert report.done == 2
    current = library.page_texts(two_page_document)[1]
    assert current.settings_key != first.settings_key
    assert (
        json.loads(
            library.rows(
                "SELECT settings FROM page_texts WHERE id = (SELECT max(id) FROM page_texts)"
            )[0]["settings"]
        )["languages"]
        == "vie+eng"
    )


class CancelAfterFirst:
    """A progress listener that asks for cancellation as soon as one page is done."""

    def __init__(self, event: threading.Event) -> None:
        self.event = event
        self.advanced = 0

    def start(self, total: int, message: str = "") -> None:
        self.total = total

    def advance(self, steps: int = 1, message: str = "") -> None:
        self.advanced += steps
        self.event.set()

    def finish(self) -> None:
        pass


@pytest.mark.slow
def test_cancel_stops_between_pages_and_keeps_what_was_done(library: Library, inputs: Path) -> None:
    document = (
        import_paths(library, [text_document(inputs, "long", 8)], ImportOptions())
        .imported[0]
        .document_id
    )
    cancel = threading.Event()
    listener = CancelAfterFirst(cancel)

    report = run_ocr(library, [document], OcrOptions(workers=1), listener, cancel)

    assert report.cancelled
    assert 1 <= report.done < 8
    assert len(library.page_texts(document)) == report.done
    assert _job_states(library) == ["cancelled"]
    finished = run_ocr(library, [document], OPTIONS)
    assert (finished.done, finished.skipped) == (8 - report.done, report.done)


def test_the_heaviest_pages_are_read_first_and_the_lightest_last(
    library: Library, inputs: Path
) -> None:
    # A short page, a full one and a middling one, in that order: read heaviest first, so
    # that the job does not end with one worker on a long page while the others wait.
    files = []
    for number, lines in enumerate((1, 9, 4), start=1):
        path = inputs / f"page-{number}.png"
        text_page(number, line_count=lines, heading=f"Trang {number}").image.save(
            path, dpi=(300, 300)
        )
        files.append(path)
    document = (
        import_paths(library, files, ImportOptions(one_document=True)).imported[0].document_id
    )

    report = run_ocr(library, [document], OcrOptions(workers=1))

    assert report.done == 3
    filed = library.rows(
        "SELECT p.number FROM page_texts t JOIN pages p ON p.id = t.page_id ORDER BY t.id"
    )
    assert [row["number"] for row in filed] == [2, 3, 1]
    assert sorted(library.page_texts(document)) == [1, 2, 3]


def test_a_page_that_cannot_be_read_fails_alone(library: Library, two_page_document: str) -> None:
    page = library.pages(two_page_document)[0]
    damaged = library.objects.path_of(page.image_sha256)
    damaged.chmod(0o644)
    damaged.write_bytes(b"II*\x00 this is not a TIFF any more")

    report = run_ocr(library, [two_page_document], OPTIONS)

    assert report.done == 1
    assert [(f.page, bool(f.code), bool(f.message)) for f in report.failed] == [(1, True, True)]
    assert sorted(library.page_texts(two_page_document)) == [2]
    assert _job_states(library) == ["failed"]
    failed = library.rows("SELECT state, error_message FROM job_pages WHERE state = 'failed'")
    assert len(failed) == 1 and failed[0]["error_message"]


@pytest.mark.slow
def test_a_job_cut_off_by_a_crash_is_taken_up(library_path: Path, inputs: Path) -> None:
    # A job that was running when its process died: one page done, one pending.
    with Library.open(library_path, create=True) as library:
        imported = import_paths(library, [text_document(inputs, "doc", 2)], ImportOptions())
        document = imported.imported[0].document_id
        run_ocr(library, [document], OPTIONS)
        second = library.pages(document)[1]
        with library.transaction() as db:
            db.execute("DELETE FROM page_texts WHERE page_id = ?", (second.id,))
            db.execute(
                "INSERT INTO jobs (kind, state, settings, created_at, updated_at) "
                "VALUES ('ocr', 'running', '{}', 'then', 'then')"
            )
            db.execute(
                "INSERT INTO job_pages (job_id, page_id, state) "
                "VALUES ((SELECT max(id) FROM jobs), ?, 'pending')",
                (second.id,),
            )
    # The next program to open the library alone sees that nobody runs that job any more.
    with Library.open(library_path) as library:
        assert _job_states(library) == ["done", "interrupted"]

        report = run_ocr(library, [], OPTIONS)

        assert report.resumed_jobs == [2]
        assert (report.done, report.skipped) == (1, 0)
        assert sorted(library.page_texts(document)) == [1, 2]
        assert _job_states(library) == ["done", "done", "done"]


def test_a_missing_language_fails_before_any_job(library: Library, two_page_document: str) -> None:
    with pytest.raises(MissingLanguage, match="tesseract-ocr-xyz"):
        run_ocr(library, [two_page_document], OcrOptions(languages="vie+xyz"))
    assert _job_states(library) == []
