"""OCR as a persisted job: pick the pages, farm them out to worker processes, file the results.

One job row per run, one `job_pages` row per page it covers. A page whose text already exists
under the same settings is skipped; each finished page commits on its own, so a crash loses at
most the pages in flight, and the next run (or the recovery of a cut-off job) does only the rest.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import time
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from digitizer.errors import ClusterUnreachable, FarmMismatch, MissingLanguage, MissingTool
from digitizer.indexing import update_index
from digitizer.library import Library
from digitizer.library.library import utc_now
from digitizer.library.objects import StoredObject
from digitizer.locations import language_model_path
from digitizer.pipeline import default_workers
from digitizer.pipeline.page_work import PageOutcome, PageTask, start_worker, work_on_page
from digitizer.pipeline.semaphores import RecordingContext
from digitizer.progress import CancelEvent, NullProgress, Progress
from digitizer.records.store import propose_recognised
from digitizer.security.classify import ClassificationChange, propose
from digitizer.security.ramdisk import make_private_folder
from digitizer.security.records import is_sealed
from ocr.engine import (
    EngineSettings,
    LanguagePackMissing,
    TesseractMissing,
    engine_name,
    model_fingerprint,
    time_limit,
)
from ocr.prepare import PrepareSettings
from ocr.restore import restoration_key
from ocr.stages import note_start, stage

if TYPE_CHECKING:
    from digitizer.pipeline.farm import FarmSettings

WORKER_DIED = "worker-died"
_READS_PER_PAGE = 3
"""Recognitions a page may need (read, then read turned to settle its orientation): the
coordinator's own limit on a page allows that many of Tesseract's, and a margin."""
_LIMIT_MARGIN = 10.0

PIPELINE_VERSION = 1
"""Raise when a change in this pipeline changes its results, so old texts count as stale."""


@dataclass(frozen=True)
class OcrOptions:
    languages: str = "vie"
    workers: int = field(default_factory=default_workers)
    prepare: PrepareSettings = field(default_factory=PrepareSettings)
    restore: bool = True
    """Put back lost tone marks with the syllable language model (`ocr.restore`)."""
    farm: FarmSettings | None = None
    """Send the pages to an OCR farm instead of this machine's cores (`--scheduler`)."""
    time_limit: float | None = None
    """Seconds a worker may spend on one page before it is stopped; None: scaled to the page's
    pixels, past Tesseract's own limit (which stops a stuck Tesseract first)."""
    engine_name: str = field(default_factory=engine_name)
    """The recogniser the workers resolve by name (`ocr.engine.resolve_engine`)."""

    @property
    def engine(self) -> EngineSettings:
        return EngineSettings(languages=self.languages)

    @property
    def restoration_model(self) -> str:
        """The language model file restoration uses; '' when restoration is off."""
        return str(language_model_path()) if self.restore else ""


@dataclass(frozen=True)
class PageFailure:
    document_id: str
    page: int
    code: str
    message: str


@dataclass
class OcrReport:
    job_id: int = 0
    done: int = 0
    skipped: int = 0
    resumed_jobs: list[int] = field(default_factory=list)
    failed: list[PageFailure] = field(default_factory=list)
    cancelled: bool = False
    interrupted: bool = False
    """Stopped by a farm that went away: the job stays open for the next run to finish."""
    seconds: float = 0.0
    classified: list[ClassificationChange] = field(default_factory=list)
    """Documents whose first page carries a secrecy stamp, raised to that level."""

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled

    def as_json(self) -> dict[str, Any]:
        return {
            "job": self.job_id,
            "done": self.done,
            "skipped": self.skipped,
            "resumed_jobs": self.resumed_jobs,
            "failed": [
                {"document": f.document_id, "page": f.page, "code": f.code, "message": f.message}
                for f in self.failed
            ],
            "cancelled": self.cancelled,
            "seconds": round(self.seconds, 3),
            "classified": [change.as_json() for change in self.classified],
        }


def settings_record(options: OcrOptions) -> dict[str, Any]:
    """Everything that decides a page's text; its hash is the page text's settings key."""
    try:
        engine = model_fingerprint(options.engine)
    except LanguagePackMissing as error:
        raise MissingLanguage(error.message) from error
    except TesseractMissing as error:
        raise MissingTool(error.message) from error
    record: dict[str, Any] = {
        "pipeline": PIPELINE_VERSION,
        "engine": engine,
        "languages": options.languages,
        "page_segmentation": options.engine.page_segmentation,
        "prepare": options.prepare.key(),
    }
    if options.restore:
        # Left out when off, so that texts read before restoration existed keep their key.
        try:
            record["restoration"] = restoration_key(Path(options.restoration_model))
        except (OSError, ValueError) as error:
            raise MissingTool(
                f"The language model for tone-mark restoration cannot be read ({error}). "
                "Reinstall Digitizer, or recognise with --no-restore."
            ) from error
    return record


def settings_key(record: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class PageRef:
    page_id: int
    document_id: str
    number: int
    image_sha256: str
    dpi: int
    pixels: int = 0
    stored_bytes: int = 0
    """The original's size in the object store: more ink compresses to more bytes, so, between
    pages of one kind, the bigger takes Tesseract longer."""


def run_ocr(
    library: Library,
    document_ids: Sequence[str] | None,
    options: OcrOptions | None = None,
    progress: Progress | None = None,
    cancel: CancelEvent | None = None,
) -> OcrReport:
    """Recognise the pages of `document_ids` (None: every document) not yet done.

    Pages left pending by jobs that were cut off are taken up too, and those jobs closed.
    """
    options = options or OcrOptions()
    progress = progress or NullProgress()
    note_start("command start")
    started = time.perf_counter()
    with stage("settings key"):
        record = settings_record(options)
    key = settings_key(record)

    interrupted = [
        int(row["id"])
        for row in library.rows(
            "SELECT id FROM jobs WHERE kind = 'ocr' AND state = 'interrupted' ORDER BY id"
        )
    ]
    pages = _pages_for(library, document_ids, interrupted)
    done_already = {
        int(row["page_id"])
        for row in library.rows("SELECT page_id FROM page_texts WHERE settings_key = ?", (key,))
    }
    report = OcrReport(resumed_jobs=interrupted)
    with library.transaction() as db:
        now = utc_now()
        cursor = db.execute(
            "INSERT INTO jobs (kind, state, settings, created_at, updated_at) "
            "VALUES ('ocr', 'running', ?, ?, ?)",
            (json.dumps({**record, "documents": document_ids}, ensure_ascii=False), now, now),
        )
        report.job_id = int(cursor.lastrowid or 0)
        db.executemany(
            "INSERT INTO job_pages (job_id, page_id, state) VALUES (?, ?, ?)",
            [
                (report.job_id, p.page_id, "skipped" if p.page_id in done_already else "pending")
                for p in pages
            ],
        )
    todo = [p for p in pages if p.page_id not in done_already]
    report.skipped = len(pages) - len(todo)

    progress.start(len(todo), "Recognising pages")
    try:
        if todo and options.farm is not None:
            from digitizer.pipeline.farm import recognise_on_farm

            recognise_on_farm(
                library, todo, options, options.farm, key, record, report, progress, cancel
            )
        elif todo:
            _recognise(library, todo, options, key, record, report, progress, cancel)
    except (ClusterUnreachable, FarmMismatch):
        report.interrupted = True
        if report.done:
            update_index(library, create_missing=True)
        raise
    finally:
        progress.finish()
        state = "cancelled" if report.cancelled else ("failed" if report.failed else "done")
        state = "interrupted" if report.interrupted else state
        with library.transaction() as db:
            now = utc_now()
            db.execute(
                "UPDATE jobs SET state = ?, updated_at = ?, message = ? WHERE id = ?",
                (state, now, f"{report.done} done, {report.skipped} skipped", report.job_id),
            )
            db.execute("DELETE FROM page_claims WHERE job_id = ?", (report.job_id,))
            if not report.cancelled and not report.interrupted:
                db.executemany(
                    "UPDATE jobs SET state = 'done', updated_at = ?, message = ? WHERE id = ?",
                    [(now, f"resumed by job {report.job_id}", job) for job in interrupted],
                )
    if report.done:
        # The record read from the pages goes in first, so the index takes each page once.
        with stage("record proposal"):
            propose_recognised(library, document_ids)
        # Pages are searchable as soon as their text is in.
        with stage("index update"):
            update_index(library, create_missing=True)
    report.seconds = time.perf_counter() - started
    return report


def _pages_for(
    library: Library, document_ids: Sequence[str] | None, interrupted: Sequence[int]
) -> list[PageRef]:
    query = (
        "SELECT p.id, p.document_id, p.number, p.image_sha256, p.dpi, p.width * p.height, "
        "o.size FROM pages p "
        "JOIN documents d ON d.id = p.document_id "
        "LEFT JOIN objects o ON o.sha256 = p.image_sha256 WHERE d.import_state = 'complete' "
    )
    rows = []
    if document_ids is None:
        rows = library.rows(query + "ORDER BY d.rowid, p.number")
    else:
        for document_id in document_ids:
            rows += library.rows(query + "AND d.id = ? ORDER BY p.number", (document_id,))
    for job in interrupted:
        rows += library.rows(
            query + "AND p.id IN (SELECT page_id FROM job_pages WHERE job_id = ? "
            "AND state = 'pending') ORDER BY d.rowid, p.number",
            (job,),
        )
    seen: set[int] = set()
    pages = []
    for row in rows:
        if row["id"] in seen:
            continue
        seen.add(row["id"])
        dpi = round(row["dpi"]) if row["dpi"] else 300
        pages.append(
            PageRef(row["id"], row["document_id"], row["number"], row[3], dpi, row[5], row[6] or 0)
        )
    return pages


def _recognise(
    library: Library,
    todo: list[PageRef],
    options: OcrOptions,
    key: str,
    record: dict[str, Any],
    report: OcrReport,
    progress: Progress,
    cancel: CancelEvent | None,
) -> None:
    scratch = library.objects.temp_folder()
    # Pages of sealed documents are opened, worked on and staged in RAM only.
    sealed = {page.document_id for page in todo if is_sealed(library, page.document_id)}
    private = make_private_folder() if sealed else None
    by_id = {page.page_id: page for page in todo}
    queue = _heaviest_last(todo)
    workers = max(1, min(options.workers, len(todo)))
    # Spawned, not forked: a worker must not inherit the library's lock or its database handle.
    context = RecordingContext()
    # In the order given to the pool, which is the order its workers take them in.
    in_flight: dict[Future[PageOutcome], int] = {}
    try:
        while queue and not _cancelled(cancel):
            # A worker that dies (killed, out of memory) breaks its pool: the pages it and the
            # others held are reported, and the rest go on in a new pool.
            pool = ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker)
            broken = False
            running_since: dict[Future[PageOutcome], float] = {}
            with pool:
                while (queue or in_flight) and not broken:
                    while queue and len(in_flight) < workers + 1 and not _cancelled(cancel):
                        page = queue.pop()
                        if not _claim(library, report.job_id, page, key):
                            report.skipped += 1  # done, or being done, by another run
                            progress.advance(1, f"document {page.document_id}, page {page.number}")
                            continue
                        in_flight[
                            pool.submit(
                                work_on_page,
                                _task(library, page, options, private, sealed, scratch),
                            )
                        ] = page.page_id
                    if not in_flight:
                        break
                    finished, _ = wait(in_flight, timeout=0.2, return_when=FIRST_COMPLETED)
                    for future in finished:
                        page = by_id[in_flight.pop(future)]
                        try:
                            outcome = future.result()
                        except BrokenProcessPool:
                            outcome, broken = _worker_died(page.page_id), True
                        with stage("filing"):
                            file_outcome(library, report, page, outcome, key, record)
                        busy = {by_id[other].image_sha256 for other in in_flight.values()}
                        if private is not None and page.image_sha256 not in busy:
                            (private / page.image_sha256).unlink(missing_ok=True)
                        progress.advance(1, f"document {page.document_id}, page {page.number}")
                    overdue = (
                        None
                        if broken
                        else _overdue(in_flight, running_since, workers, by_id, options)
                    )
                    if overdue is not None:
                        # A worker stuck on a page (an engine that never returns) is stopped with
                        # its pool; the page fails, the others it held go back in the queue.
                        _stop_workers(pool)
                        page = by_id[in_flight.pop(overdue)]
                        limit = _page_limit(page, options)
                        file_outcome(
                            library, report, page, _too_long(page.page_id, limit), key, record
                        )
                        progress.advance(1, f"document {page.document_id}, page {page.number}")
                        for future in list(in_flight):
                            queue.append(by_id[in_flight.pop(future)])
                        broken = True
                    elif broken:  # every page the pool still held died with it
                        for future in list(in_flight):
                            page = by_id[in_flight.pop(future)]
                            file_outcome(
                                library, report, page, _worker_died(page.page_id), key, record
                            )
                            progress.advance(1)
        report.cancelled = bool(queue) and _cancelled(cancel)
    finally:
        context.forget()
        shutil.rmtree(scratch, ignore_errors=True)
        if private is not None:
            shutil.rmtree(private, ignore_errors=True)


def _heaviest_last(todo: Sequence[PageRef]) -> list[PageRef]:
    """`todo` as a stack (popped from its end) that gives the heaviest pages first and the
    lightest last, so that no worker starts a long page when the others are nearly done and
    idle while it finishes; pages alike in weight keep their order."""
    ranked = sorted(enumerate(todo), key=lambda item: (item[1].stored_bytes, -item[0]))
    return [page for _, page in ranked]


def _task(
    library: Library,
    page: PageRef,
    options: OcrOptions,
    private: Path | None,
    sealed: set[str],
    scratch: Path,
) -> PageTask:
    secret = private is not None and page.document_id in sealed
    image = (
        library.object_file(page.image_sha256, private)
        if private is not None and secret
        else library.objects.path_of(page.image_sha256)
    )
    return PageTask(
        page_id=page.page_id,
        image=str(image),
        dpi=page.dpi,
        engine=options.engine,
        prepare=options.prepare,
        scratch=str(private if private is not None and secret else scratch),
        private=secret,
        restoration_model=options.restoration_model,
        engine_name=options.engine_name,
    )


def _claim(library: Library, job_id: int, page: PageRef, key: str) -> bool:
    """Take `page` for this job unless its text is in or another running job has taken it."""
    with library.transaction() as db:
        taken = db.execute(
            "SELECT 1 FROM page_texts WHERE page_id = ? AND settings_key = ? UNION ALL "
            "SELECT 1 FROM page_claims c JOIN jobs j ON j.id = c.job_id "
            "WHERE c.page_id = ? AND c.job_id != ? AND j.state = 'running'",
            (page.page_id, key, page.page_id, job_id),
        ).fetchone()
        if taken:
            db.execute(
                "UPDATE job_pages SET state = 'skipped' WHERE job_id = ? AND page_id = ?",
                (job_id, page.page_id),
            )
            return False
        db.execute(
            "INSERT OR REPLACE INTO page_claims (page_id, job_id) VALUES (?, ?)",
            (page.page_id, job_id),
        )
    return True


def _page_limit(page: PageRef, options: OcrOptions) -> float:
    if options.time_limit is not None:
        return options.time_limit
    return _READS_PER_PAGE * time_limit(page.pixels) + _LIMIT_MARGIN


def _overdue(
    in_flight: dict[Future[PageOutcome], int],
    running_since: dict[Future[PageOutcome], float],
    workers: int,
    by_id: dict[int, PageRef],
    options: OcrOptions,
) -> Future[PageOutcome] | None:
    """The first page a worker has held past its limit. The pool hands pages out in order, so
    the `workers` oldest unfinished ones are those being worked on; each one's clock starts
    when it is seen among them."""
    for gone in running_since.keys() - in_flight.keys():
        del running_since[gone]  # a finished page's outcome is not kept alive here
    now = time.monotonic()
    for future in list(in_flight)[:workers]:
        since = running_since.setdefault(future, now)
        if now - since > _page_limit(by_id[in_flight[future]], options):
            return future
    return None


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Kill every worker of `pool` with the programs it started: each worker leads a process
    group of its own (`start_worker`), which its Tesseract shares."""
    for process in list((pool._processes or {}).values()):
        if process.pid is None:
            continue
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            process.kill()  # not yet in a group of its own


def _too_long(page_id: int, limit: float) -> PageOutcome:
    return PageOutcome(
        page_id,
        limit,
        error_code="ocr-failed",
        error_message=f"it took too long (more than {limit:.0f} s); its worker was stopped",
    )


def _worker_died(page_id: int) -> PageOutcome:
    return PageOutcome(
        page_id,
        0.0,
        error_code=WORKER_DIED,
        error_message="the process recognising it died (killed, or out of memory); "
        "recognise again to finish the page",
    )


def _cancelled(cancel: CancelEvent | None) -> bool:
    return cancel is not None and cancel.is_set()


def file_outcome(
    library: Library,
    report: OcrReport,
    page: PageRef,
    outcome: PageOutcome,
    key: str,
    record: dict[str, Any],
) -> None:
    if not outcome.ok or outcome.words is None:
        report.failed.append(
            PageFailure(page.document_id, page.number, outcome.error_code, outcome.error_message)
        )
        with library.transaction() as db:
            db.execute(
                "UPDATE job_pages SET state = 'failed', error_code = ?, error_message = ? "
                "WHERE job_id = ? AND page_id = ?",
                (outcome.error_code, outcome.error_message, report.job_id, page.page_id),
            )
            _release(db, report.job_id, page.page_id)
        return
    # Checked page by page: a stamp found on page 1 may have sealed the document meanwhile.
    secret = is_sealed(library, page.document_id)
    stored: list[tuple[StoredObject, str]] = []
    names: dict[str, str] = {}  # a secret page's objects go by their keyed names
    for staged in (outcome.prepared, outcome.words):
        if staged is not None:
            obj = library.put_file(Path(staged.path), staged.sha256, move=True, secret=secret)
            stored.append((obj, staged.media_type))
            names[staged.sha256] = obj.sha256
    with library.transaction() as db:
        for obj, media_type in stored:
            library.register_object(obj, media_type)
        db.execute(
            "INSERT INTO page_texts (page_id, settings_key, settings, preparation, "
            "prepared_sha256, words_sha256, text, word_count, mean_confidence, seconds, "
            "created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT (page_id, settings_key) DO NOTHING",
            (
                page.page_id,
                key,
                json.dumps(record, sort_keys=True, ensure_ascii=False),
                json.dumps(outcome.preparation, sort_keys=True),
                names[outcome.prepared.sha256] if outcome.prepared else None,
                names[outcome.words.sha256],
                "" if secret else outcome.text,
                outcome.word_count,
                outcome.mean_confidence,
                outcome.seconds,
                utc_now(),
            ),
        )
        db.execute(
            "UPDATE job_pages SET state = 'done' WHERE job_id = ? AND page_id = ?",
            (report.job_id, page.page_id),
        )
        _release(db, report.job_id, page.page_id)
        library.queue_for_index(page.document_id, page.number)
    report.done += 1
    if page.number == 1 and outcome.stamp is not None:
        change = propose(library, page.document_id, outcome.stamp)
        if change is not None:
            report.classified.append(change)


def _release(db: sqlite3.Connection, job_id: int, page_id: int) -> None:
    db.execute("DELETE FROM page_claims WHERE page_id = ? AND job_id = ?", (page_id, job_id))
