"""Export: a document (PDF, text, hOCR, ALTO) or publishing (EPUB, QR-labelled PDF, labels,
archival package) through the export dialog."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from ui.export_dialog import ExportDialog, ExportRequest
from ui.library_tree import document_name
from ui.operations import Operation, Workflow
from ui.tasks import Task, TaskProgress

if TYPE_CHECKING:
    from digitizer.export.document import ExportResult
    from digitizer.export.publish import PublishResult


class ExportWorkflow(Workflow):
    def choose(self) -> None:
        window = self.window
        if window.document is None:
            return
        dialog = ExportDialog(
            document_name(window.document), window.collection_name, Path.home(), window
        )
        if dialog.exec():
            self.export(dialog.request())

    def recognise_then_export(self, request: ExportRequest) -> None:
        """Recognise the open document's pages not yet read, then export it as asked."""
        window = self.window
        task = window.acquisition.recognise(window.current_ids())
        if task is not None:
            task.succeeded.connect(lambda _report: self.export(request))

    def export(self, request: ExportRequest) -> Task | None:
        window = self.window
        if window.document is None:
            return None
        station, document_id, collection = self.station, window.document.id, window.collection_name

        def work(_p: TaskProgress, _c: threading.Event) -> ExportResult | PublishResult:
            if not request.is_publishing:
                return station.export(
                    document_id,
                    request.fmt,
                    request.out,
                    allow_unrecognised=request.allow_unrecognised,
                )
            from digitizer.export.publish import PublishOptions
            from digitizer.export.qr_stamp import Placement

            options = PublishOptions(
                placement=Placement(request.qr_placement),
                cover=request.cover,
                with_images=request.with_images,
                with_epub=request.with_epub,
                allow_unrecognised=request.allow_unrecognised,
            )
            if request.whole_collection and collection:
                return station.publish(
                    request.fmt, request.out, collections=[collection], options=options
                )
            return station.publish(
                request.fmt, request.out, documents=[document_id], options=options
            )

        task = self.run(
            Operation(
                work, title=self.tr("Export %1").replace("%1", request.out.name), kind="export"
            ).failure(
                window.fail(
                    self.tr("Export failed"),
                    offers={
                        "no-ocr": (
                            self.tr("Recognise first"),
                            lambda: self.recognise_then_export(request),
                        )
                    },
                )
            )
        )
        task.succeeded.connect(
            lambda result: window.jobs.note(
                task, self.tr("Wrote %1").replace("%1", str(result.path))
            )
        )
        return task
