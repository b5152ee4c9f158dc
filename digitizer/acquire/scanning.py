"""Scanning straight into the library: pages come off the scanner one at a time and go through
a `StackAssembler`, so a feeder batch with separator sheets becomes several documents, blank
backs are set aside, and each document is imported as soon as its last page is in.

A scanner failure part-way (a jam, an open cover) ends the batch: the pages scanned before it go
in all the same, and the report carries the failure."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from digitizer.acquire.importer import ImportOptions
from digitizer.acquire.scanner import ScanSettings, scan_pages
from digitizer.acquire.stack import (
    StackAssembler,
    StackOptions,
    StackPage,
    StackReport,
    working_folder,
)
from digitizer.errors import ScannerError
from digitizer.library.library import Library
from digitizer.progress import CancelEvent, NullProgress, Progress


@dataclass
class ScanReport(StackReport):
    scanned: int = 0  # pages that came off the scanner
    error: ScannerError | None = field(default=None)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and self.imports.ok

    def as_json(self) -> dict[str, Any]:
        error = {"code": self.error.code, "message": self.error.message} if self.error else None
        return {
            **super().as_json(),
            "scanned": self.scanned,
            "scanner_error": error,
            "scan_cancelled": self.cancelled,
        }


def scan_into_library(
    library: Library,
    settings: ScanSettings,
    options: ImportOptions | None = None,
    stack: StackOptions | None = None,
    progress: Progress | None = None,
    cancel: CancelEvent | None = None,
) -> ScanReport:
    """Scan a batch (or one flatbed page) into the library; see the module's note."""
    progress = progress or NullProgress()
    cancel = cancel or CancelEvent()
    report = ScanReport()
    now = datetime.now()
    batch = now.strftime("scan-%Y%m%d-%H%M%S")
    origin = Path(settings.device or "scanner")
    # `progress` hears of each page as it comes off the scanner; the imports in between are
    # short and stay quiet, so a listener's count is never reset part-way through a batch.
    assembler = StackAssembler(
        library, report, now.strftime("Bản quét %Y-%m-%d %H:%M"), options, stack
    )
    folder = working_folder(library)
    progress.start(0, "Scanning")
    try:
        for path in scan_pages(settings, folder, batch=batch, cancel=cancel):
            report.scanned += 1
            progress.advance(1, f"page {report.scanned} scanned")
            assembler.add(StackPage(path, path.name, origin, made=True))
    except ScannerError as error:
        report.error = error
    finally:
        progress.finish()
        try:
            assembler.finish()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    report.cancelled = cancel.is_set()
    return report
