"""The work on one page, run inside a worker process: prepare the image, recognise it, restore
the tone marks recognition lost (unless told not to).

A pure function of its task: it reads the original from the object store by path, writes the
prepared image and the word model as files in the library's scratch folder, and returns their
names and hashes. The coordinator in the main process files them in the catalogue.
"""

from __future__ import annotations

import hashlib
import os
import signal
import tempfile
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PIL import Image

from digitizer.security.stamp import StampFinding, detect_stamp
from ocr.clean import Cleaning, recognition_copy
from ocr.engine import DEFAULT_ENGINE, EngineSettings, GreyPixels, OcrError, resolve_engine
from ocr.layout import split_header_columns
from ocr.orient import check_orientation, reads_poorly, reads_upright
from ocr.prepare import PreparedPage, PrepareSettings, prepare_file
from ocr.restore import restorer_for
from ocr.stages import note_start, stage
from ocr.threads import one_thread_per_page
from ocr.words import PageText


@dataclass(frozen=True)
class PageTask:
    page_id: int
    image: str  # the original, in the object store
    dpi: int
    engine: EngineSettings
    prepare: PrepareSettings
    scratch: str  # folder for the files this task produces
    private: bool = False  # a secret page: every temporary file goes to `scratch` (in RAM)
    restoration_model: str = ""  # the language model that restores tone marks; '': none
    engine_name: str = DEFAULT_ENGINE  # resolved in the worker (`ocr.engine.resolve_engine`)


@dataclass(frozen=True)
class StagedFile:
    """A file a worker made, ready to be moved into the object store."""

    path: str
    sha256: str
    media_type: str


@dataclass(frozen=True)
class PageOutcome:
    page_id: int
    seconds: float
    preparation: dict[str, Any] = field(default_factory=dict)
    prepared: StagedFile | None = None
    words: StagedFile | None = None
    text: str = ""
    word_count: int = 0
    mean_confidence: float | None = None
    error_code: str = ""
    error_message: str = ""
    stamp: StampFinding | None = None  # a secrecy stamp in the page's header zone

    @property
    def ok(self) -> bool:
        return not self.error_code


_MEDIA_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".tif": "image/tiff"}


def start_worker() -> None:
    """Pool initialiser: one thread per process, no terminal signals, no orphans.

    A worker gets its own process group so Ctrl+C in the terminal reaches only the coordinator,
    which then stops between pages instead of losing the pages in flight.
    """
    one_thread_per_page()
    note_start("worker start")
    os.setpgrp()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """End this worker soon after the coordinator dies (SIGKILL, crash).

    A pool worker would otherwise wait for work forever: it holds both ends of its own queue,
    so it never sees the coordinator go.
    """
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _stage(path: Path) -> StagedFile:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return StagedFile(str(path), digest, _MEDIA_TYPES.get(path.suffix, "application/octet-stream"))


def work_on_page(task: PageTask) -> PageOutcome:
    if not task.private:
        return _work_on_page(task)
    # Nothing of a page's work writes through `tempfile` (Tesseract reads the pixels in this
    # process); should a library start to, what it writes stays in RAM with the page.
    previous, tempfile.tempdir = tempfile.tempdir, task.scratch
    try:
        return _work_on_page(task)
    finally:
        tempfile.tempdir = previous


@dataclass(frozen=True)
class _ReadingCopy:
    """The page as recognition reads it."""

    pixels: GreyPixels
    dpi: int
    page_size: tuple[int, int]
    """The prepared page's own width and height, which word boxes are mapped back to."""
    cleaning: Cleaning


def _reading_copy(task: PageTask, prepared: PreparedPage) -> tuple[_ReadingCopy, PreparedPage]:
    """The prepared page's recognition copy (grey, cleaned when cleaning takes anything out);
    and the page without its pixels. A caller that keeps only those two lets the page's own
    pixels go while Tesseract reads (a 300 ppi colour page: 26 MB a worker)."""
    with stage("recognition copy"):
        if prepared.decoded is not None:
            page_size = prepared.decoded.size
            copy, cleaning = recognition_copy(prepared.decoded, task.dpi, prepared.grey)
        else:
            with Image.open(prepared.path or Path(task.image)) as opened:
                opened.load()
                page_size = opened.size
                copy, cleaning = recognition_copy(opened, task.dpi)
    dpi = round(task.dpi * cleaning.scale)
    return _ReadingCopy(copy, dpi, page_size, cleaning), replace(prepared, decoded=None, grey=None)


def _read_copy(task: PageTask, reading: _ReadingCopy) -> PageText:
    """Recognise the copy; word boxes in the prepared page's frame."""
    recognise = resolve_engine(task.engine_name)
    copy_width = reading.pixels.shape[1]
    text = recognise(reading.pixels, reading.dpi, task.engine)
    with stage("layout"):
        if reading.cleaning.scale != 1:
            width, height = reading.page_size
            text = text.from_copy(copy_width / width, width, height, task.dpi)
        return split_header_columns(text)


def _orient_by_reading(
    task: PageTask, prepared: PreparedPage, page_text: PageText, cleaning: Cleaning
) -> tuple[PreparedPage, PageText, Cleaning]:
    """Settle a doubtful orientation by reading the page each way; re-read it when turned."""
    scratch = Path(task.scratch)
    started = time.perf_counter()
    check = check_orientation(prepared.path or Path(task.image), task.dpi, task.engine)
    shapes = prepared.preparation.orientation_reason
    if check.extra_turns:
        turns = prepared.preparation.quarter_turns + check.extra_turns
        if prepared.path is not None:
            prepared.path.unlink(missing_ok=True)
        prepared = prepare_file(Path(task.image), scratch, task.prepare, task.dpi, turns=turns)
        reading, prepared = _reading_copy(task, prepared)
        page_text, cleaning = _read_copy(task, reading), reading.cleaning
        del reading
    before = prepared.preparation
    timings = before.timings | {"orientation_reading": time.perf_counter() - started}
    reason = f"{shapes}; {check.reason}" if shapes else check.reason
    preparation = replace(before, orientation_reason=reason, timings=timings)
    return PreparedPage(preparation, prepared.path), page_text, cleaning


def _read_upright(prepared: PreparedPage) -> PreparedPage:
    """The doubtful page, as its first reading settled it: upright as it is."""
    before = prepared.preparation
    reason = "; ".join(filter(None, (before.orientation_reason, "the text read upright")))
    return replace(prepared, preparation=replace(before, orientation_reason=reason))


def _work_on_page(task: PageTask) -> PageOutcome:
    started = time.perf_counter()
    scratch = Path(task.scratch)
    try:
        with stage("preparation"):
            prepared = prepare_file(Path(task.image), scratch, task.prepare, task.dpi)
        reading, prepared = _reading_copy(task, prepared)
        page_text, cleaning = _read_copy(task, reading), reading.cleaning
        del reading
        # A page where recognition found no word at all is blank: nothing to turn.
        if task.prepare.orientation and page_text.mean_confidence is not None:
            if reads_poorly(page_text) or (
                not prepared.preparation.orientation_sure and not reads_upright(page_text)
            ):
                with stage("orientation by reading"):
                    prepared, page_text, cleaning = _orient_by_reading(
                        task, prepared, page_text, cleaning
                    )
            elif not prepared.preparation.orientation_sure:
                prepared = _read_upright(prepared)
        # The model loads once per worker: its loading is not restoration's time per page.
        with stage("restoration model"):
            restorer = (
                restorer_for(Path(task.restoration_model)) if task.restoration_model else None
            )
        restoring = time.perf_counter()
        if restorer is not None:
            with stage("restoration"):
                page_text = restorer.restore_page(page_text)
        restore_seconds = time.perf_counter() - restoring
    except OcrError as error:
        return PageOutcome(
            task.page_id,
            time.perf_counter() - started,
            error_code=error.code,
            error_message=error.message,
        )
    except (OSError, ValueError) as error:
        return PageOutcome(
            task.page_id,
            time.perf_counter() - started,
            error_code="ocr-failed",
            error_message=f"{type(error).__name__}: {error}",
        )
    except MemoryError:
        # What a process under a memory limit sees; the kernel's killer is `worker-died`.
        return PageOutcome(
            task.page_id,
            time.perf_counter() - started,
            error_code="ocr-failed",
            error_message="recognising it ran out of memory",
        )
    preparation = prepared.preparation.as_json()
    if cleaning.changed:
        preparation["recognition_copy"] = cleaning.as_json()
    if task.restoration_model:
        preparation["timings"]["restore"] = round(restore_seconds, 4)
    with stage("word model"):
        handle, name = tempfile.mkstemp(dir=scratch, prefix="words-", suffix=".json")
        with os.fdopen(handle, "wb") as out:
            out.write(page_text.to_bytes())
        words = _stage(Path(name))
        words = StagedFile(words.path, words.sha256, "application/vnd.digitizer.page-text+json")
        staged_page = _stage(prepared.path) if prepared.path else None
    with stage("stamp"):
        stamp = detect_stamp(page_text)
    return PageOutcome(
        page_id=task.page_id,
        seconds=time.perf_counter() - started,
        preparation=preparation,
        prepared=staged_page,
        words=words,
        text=page_text.text,
        word_count=sum(1 for _ in page_text.words()),
        mean_confidence=page_text.mean_confidence,
        stamp=stamp,
    )
