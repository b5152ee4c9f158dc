"""OCR on a farm of machines: a Dask distributed cluster computes, this library files.

The coordinator (the process that holds the library) stays the library's only writer. It reads
each page's original, sends its bytes and the OCR settings to the cluster as a task named by the
image's hash and the settings key (so sending it again is the same task, and a retry recomputes
nothing twice), keeps about twice the cluster's cores in flight, and files each result through
the same code as local OCR (`file_outcome`, one transaction a page). A worker runs the same
per-page function as a local pool process (`work_on_page`) in a scratch folder of its own and
sends back the files it made as bytes.

What never goes: pages of documents at Mật and above (refused, `secret-refused`), and the pages
of a document whose first page is still being read (its secrecy stamp may seal the rest).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

from distributed import Client, Future
from distributed.client import FutureCancelledError
from distributed.scheduler import KilledWorker
from distributed.security import Security

from digitizer.errors import ClusterUnreachable, DigitizerError, FarmMismatch
from digitizer.library import Library
from digitizer.locations import language_model_path
from digitizer.pipeline.ocr import (
    OcrOptions,
    OcrReport,
    PageFailure,
    PageRef,
    file_outcome,
    settings_key,
    settings_record,
)
from digitizer.pipeline.page_work import PageOutcome, PageTask, StagedFile, work_on_page
from digitizer.progress import CancelEvent, Progress
from digitizer.security import audit, network
from digitizer.security.records import is_sealed
from ocr.engine import EngineSettings
from ocr.prepare import PrepareSettings
from ocr.threads import one_thread_per_page

FARM_EVENT = "ocr-farm"
"""The audit log's entry for each run on a farm: where pages went, and how many."""
CONNECT_SECONDS = 10.0
WORKER_WAIT_SECONDS = 60.0
RETRIES = 3
CORES_CHECK_SECONDS = 5.0
"""Times a page is sent again after the workers computing it died (Dask's KilledWorker)."""


@dataclass(frozen=True)
class FarmSettings:
    """Where the cluster is, and the certificates for `tls://` (all three, or none)."""

    scheduler: str
    tls_ca: Path | None = None
    tls_cert: Path | None = None
    tls_key: Path | None = None

    def security(self) -> Security | None:
        given = [self.tls_ca, self.tls_cert, self.tls_key]
        if self.scheduler.startswith("tls://") and None in given:
            raise ClusterUnreachable(
                f"{self.scheduler} speaks TLS: give --tls-ca-file, --tls-cert and --tls-key."
            )
        if given == [None, None, None]:
            return None
        return Security(
            tls_ca_file=str(self.tls_ca) if self.tls_ca else None,
            tls_client_cert=str(self.tls_cert) if self.tls_cert else None,
            tls_client_key=str(self.tls_key) if self.tls_key else None,
            require_encryption=True,
        )

    @property
    def host_and_port(self) -> tuple[str, int]:
        parts = urlsplit(self.scheduler)
        if parts.scheme not in ("tcp", "tls") or not parts.hostname or not parts.port:
            raise ClusterUnreachable(
                f"{self.scheduler!r} is not a scheduler address: give tcp://HOST:PORT or "
                "tls://HOST:PORT."
            )
        return parts.hostname, parts.port


# --- on a worker -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FarmTask:
    """What travels to a worker: one page's original and the settings to read it with."""

    image: bytes
    dpi: int
    languages: str
    prepare: PrepareSettings
    restore: bool
    settings_key: str


@dataclass(frozen=True)
class FarmResult:
    """What travels back: the outcome, and the bytes of each file it names (by sha256)."""

    outcome: PageOutcome
    files: dict[str, bytes]


@cache
def worker_settings_key(languages: str, prepare: PrepareSettings, restore: bool) -> str:
    """The settings key this machine would file pages under (its own Tesseract and models)."""
    options = OcrOptions(languages=languages, workers=1, prepare=prepare, restore=restore)
    try:
        return settings_key(settings_record(options))
    except DigitizerError as error:
        return f"unusable: {error.message}"


def recognise_remote(task: FarmTask) -> FarmResult:
    """Read one page on a worker machine, with the very function local OCR runs."""
    one_thread_per_page()
    own_key = worker_settings_key(task.languages, task.prepare, task.restore)
    if own_key != task.settings_key:
        return FarmResult(
            PageOutcome(
                0,
                0.0,
                error_code=FarmMismatch.code,
                error_message=f"the worker on {socket.gethostname()} would read it differently "
                f"({own_key[:80]})",
            ),
            {},
        )
    scratch = Path(tempfile.mkdtemp(prefix="digitizer-farm-"))
    try:
        original = scratch / "original"
        original.write_bytes(task.image)
        outcome = work_on_page(
            PageTask(
                page_id=0,
                image=str(original),
                dpi=task.dpi,
                engine=EngineSettings(languages=task.languages),
                prepare=task.prepare,
                scratch=str(scratch),
                restoration_model=str(language_model_path()) if task.restore else "",
            )
        )
        files = {
            staged.sha256: Path(staged.path).read_bytes()
            for staged in (outcome.prepared, outcome.words)
            if staged is not None
        }
        return FarmResult(outcome, files)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


# --- on the coordinator ------------------------------------------------------------------------


@contextmanager
def connected(farm: FarmSettings) -> Iterator[Client]:
    """A client of the farm's scheduler; the network guard lets through that address only, and
    only while connected."""
    host, port = farm.host_and_port
    with network.allowed_connection(host, port), _quiet_dask():
        try:
            client = Client(
                farm.scheduler,
                timeout=CONNECT_SECONDS,
                security=farm.security(),
                set_as_default=False,
            )
        except (OSError, TimeoutError, ValueError) as error:
            raise ClusterUnreachable(
                f"The OCR farm's scheduler at {farm.scheduler} cannot be reached ({error}). "
                "Is it running, and is its port open? Nothing was sent; the pages stay pending."
            ) from error
        try:
            yield client
        finally:
            with suppress(Exception):
                client.close(timeout=5)


@contextmanager
def _quiet_dask() -> Iterator[None]:
    """Dask logs a lost connection with tracebacks; the user gets one clear message instead."""
    loggers = [logging.getLogger(name) for name in _DASK_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


_DASK_LOGGERS = ("distributed", "distributed.client", "distributed.core", "tornado", "asyncio")


def check_workers(client: Client, options: OcrOptions, key: str) -> int:
    """Refuse a cluster whose workers would read pages differently; return its cores."""
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
        keys: dict[str, str] = client.run(
            worker_settings_key, options.languages, options.prepare, options.restore
        )
    except (OSError, TimeoutError) as error:
        raise ClusterUnreachable(
            f"The OCR farm has no worker ready ({error}). Start `digitizer worker` on the "
            "machines that should read pages; the pages stay pending."
        ) from error
    except Exception as error:  # raised on a worker and re-raised here by Dask, whatever it is
        raise FarmMismatch(
            f"A worker of the OCR farm cannot run Digitizer's OCR ({error}). Install the same "
            "Digitizer version there and start it with `digitizer worker`; no page was sent."
        ) from error
    wrong = sorted(address for address, theirs in keys.items() if theirs != key)
    if wrong:
        raise FarmMismatch(
            f"{len(wrong)} worker(s) of the OCR farm would read pages differently from this "
            f"workstation (another Tesseract, language model or Digitizer version): "
            f"{', '.join(wrong[:5])}. Install the same versions there; no page was sent."
        )
    return _cores(client)


def _cores(client: Client) -> int:
    workers = client.scheduler_info(n_workers=-1).get("workers", {})
    return sum(int(worker.get("nthreads", 1)) for worker in workers.values())


def task_key(image_sha256: str, key: str) -> str:
    """The cluster's name for a page's work: the same image and settings, the same task."""
    return f"digitizer-ocr-{image_sha256}-{key}"


def recognise_on_farm(
    library: Library,
    todo: list[PageRef],
    options: OcrOptions,
    farm: FarmSettings,
    key: str,
    record: dict[str, Any],
    report: OcrReport,
    progress: Progress,
    cancel: CancelEvent | None,
) -> None:
    """Send `todo` to the farm and file what comes back; raise ClusterUnreachable when the
    scheduler goes away (what was filed stays, the rest stays pending)."""
    sendable: list[PageRef] = []
    for page in todo:
        if _is_secret(library, page.document_id):
            _refuse(library, report, page)
            progress.advance(1, f"document {page.document_id}, page {page.number}")
        else:
            sendable.append(page)
    if not sendable:
        return
    with connected(farm) as client:
        cores = check_workers(client, options, key)
        audit.record(
            library,
            FARM_EVENT,
            details={"scheduler": farm.scheduler, "pages": len(sendable), "job": report.job_id},
        )
        _Farm(library, client, options, key, record, report, progress, cores).run(
            sendable, cancel, farm.scheduler
        )


def _is_secret(library: Library, document_id: str) -> bool:
    return library.document(document_id).classification.is_secret or is_sealed(library, document_id)


def _refuse(library: Library, report: OcrReport, page: PageRef) -> None:
    message = (
        "the document is classified Mật or above: its pages never leave this workstation; "
        "recognise it here, without --scheduler"
    )
    report.failed.append(PageFailure(page.document_id, page.number, "secret-refused", message))
    with library.transaction() as db:
        db.execute(
            "UPDATE job_pages SET state = 'failed', error_code = ?, error_message = ? "
            "WHERE job_id = ? AND page_id = ?",
            ("secret-refused", message, report.job_id, page.page_id),
        )


# What Dask raises when the scheduler's connection breaks under a call (CommClosedError is an
# OSError).
_CONNECTION_LOST = (OSError, TimeoutError, asyncio.CancelledError)


class _Farm:
    def __init__(
        self,
        library: Library,
        client: Client,
        options: OcrOptions,
        key: str,
        record: dict[str, Any],
        report: OcrReport,
        progress: Progress,
        cores: int,
    ) -> None:
        self.library = library
        self.client = client
        self.options = options
        self.key = key
        self.record = record
        self.report = report
        self.progress = progress
        self.cores = cores
        self.cores_checked = time.monotonic()
        self.scratch = library.objects.temp_folder()
        self.in_flight: dict[str, Future[FarmResult]] = {}
        self.waiting: dict[str, list[PageRef]] = {}  # task key → the pages with that image
        self.retries: dict[str, int] = {}
        # Documents whose first page is in flight: its stamp may seal the rest.
        self.first_pages: set[str] = set()
        self.finished = threading.Event()  # set by Dask's thread as each task ends

    def run(self, pages: list[PageRef], cancel: CancelEvent | None, scheduler: str) -> None:
        queue = list(reversed(pages))
        held: list[PageRef] = []
        try:
            while queue or self.in_flight or held:
                if cancel is not None and cancel.is_set() and (queue or held):
                    queue, held = [], []
                    self.report.cancelled = True
                if not queue and held and not self.first_pages:
                    queue, held = list(reversed(held)), []
                while queue and len(self.in_flight) < max(2, 2 * self._cores()):
                    page = queue.pop()
                    if page.document_id in self.first_pages:
                        held.append(page)
                    else:
                        self._send(page)
                if not self.in_flight:
                    continue
                self._collect(scheduler)
                if held and not any(p.document_id in self.first_pages for p in held):
                    queue.extend(reversed(held))
                    held = []
        finally:
            shutil.rmtree(self.scratch, ignore_errors=True)

    def _cores(self) -> int:
        """The farm's cores, asked again every few seconds: workers come and go."""
        if time.monotonic() >= self.cores_checked + CORES_CHECK_SECONDS:
            with suppress(Exception):
                self.cores = _cores(self.client) or self.cores
            self.cores_checked = time.monotonic()
        return self.cores

    def _send(self, page: PageRef) -> None:
        if _is_secret(self.library, page.document_id):
            _refuse(self.library, self.report, page)  # sealed by a stamp found meanwhile
            self.progress.advance(1, f"document {page.document_id}, page {page.number}")
            return
        name = task_key(page.image_sha256, self.key)
        if page.number == 1:
            self.first_pages.add(page.document_id)
        if name in self.waiting:
            self.waiting[name].append(page)
            return
        image = self.library.objects.path_of(page.image_sha256).read_bytes()
        task = FarmTask(
            image=image,
            dpi=page.dpi,
            languages=self.options.languages,
            prepare=self.options.prepare,
            restore=self.options.restore,
            settings_key=self.key,
        )
        self.waiting[name] = [page]
        try:
            future = self.client.submit(recognise_remote, task, key=name, pure=False)
        except _CONNECTION_LOST as error:
            self._lost(str(self.client.scheduler), f"{type(error).__name__}: {error}")
        future.add_done_callback(lambda _: self.finished.set())
        self.in_flight[name] = future

    def _collect(self, scheduler: str) -> None:
        self.finished.wait(0.2)
        self.finished.clear()
        if self.client.status not in ("running", "newly-created"):
            self._lost(scheduler, "the connection was closed")
        for name, future in list(self.in_flight.items()):
            if future.status == "pending":
                continue
            if future.status == "cancelled":
                self._lost(scheduler, "the scheduler cancelled its work")
            if future.status == "error":
                try:
                    error = future.exception()
                    if isinstance(error, KilledWorker) and self.retries.get(name, 0) < RETRIES:
                        # Every worker that took it died: try again on the ones left.
                        self.retries[name] = self.retries.get(name, 0) + 1
                        future.retry()
                        continue
                except _CONNECTION_LOST as lost:
                    self._lost(scheduler, f"{type(lost).__name__}: {lost}")
                outcome = PageOutcome(
                    0, 0.0, error_code="ocr-failed", error_message=f"on the farm: {error}"
                )
                self._file(name, FarmResult(outcome, {}))
                continue
            try:
                result = future.result()
            except FutureCancelledError:
                self._lost(scheduler, "the scheduler cancelled its work")
            except _CONNECTION_LOST as lost:
                self._lost(scheduler, f"{type(lost).__name__}: {lost}")
            self._file(name, result)

    def _lost(self, scheduler: str, why: str) -> NoReturn:
        for future in self.in_flight.values():
            with suppress(Exception):
                future.release()
        self.in_flight.clear()
        raise ClusterUnreachable(
            f"The OCR farm's scheduler at {scheduler} went away mid-run ({why}). "
            f"{self.report.done} page(s) were filed; the others stay pending: run the same "
            "command again to finish them."
        )

    def _file(self, name: str, result: FarmResult) -> None:
        del self.in_flight[name]
        pages = self.waiting.pop(name)
        for page in pages:
            outcome = self._staged(result)
            file_outcome(self.library, self.report, page, outcome, self.key, self.record)
            if page.number == 1:
                self.first_pages.discard(page.document_id)
            self.progress.advance(1, f"document {page.document_id}, page {page.number}")

    def _staged(self, result: FarmResult) -> PageOutcome:
        """The outcome with its files written into this library's scratch folder, each hash
        checked here: what a worker sends back is not taken on trust."""
        outcome = result.outcome
        if not outcome.ok:
            return outcome
        staged: dict[str, StagedFile | None] = {}
        for field_name in ("prepared", "words"):
            remote: StagedFile | None = getattr(outcome, field_name)
            if remote is None:
                staged[field_name] = None
                continue
            data = result.files.get(remote.sha256, b"")
            if hashlib.sha256(data).hexdigest() != remote.sha256:
                return PageOutcome(
                    outcome.page_id,
                    outcome.seconds,
                    error_code="ocr-failed",
                    error_message="a file the farm sent back does not match its hash",
                )
            handle, path = tempfile.mkstemp(dir=self.scratch, prefix=f"{field_name}-")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            staged[field_name] = StagedFile(path, remote.sha256, remote.media_type)
        return replace(outcome, prepared=staged["prepared"], words=staged["words"])
