"""Export: a document (PDF, text, hOCR, ALTO) or publishing (EPUB, QR-labelled PDF, labels,
archival package) through the export dialog."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from ui.export_dialog import ExportDialog, ExportRequest
from ui.library_tree import document_name
from ui.operations import Operation, Workflow
from ui.qt import QDialog, QImage, QMessageBox, QPainter, QPrintDialog, QPrinter, Qt
from ui.tasks import Task, TaskProgress
from ui.thumbnails import page_qimage

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

    # --- printing ------------------------------------------------------------------------

    def ask_print(self) -> Task | None:
        """The printer and its settings (Qt's print dialog), then the open document printed."""
        window = self.window
        if window.document is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(document_name(window.document))
        dialog = QPrintDialog(printer, window)
        if window.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        return self.print_document(printer)

    def print_document(self, printer: QPrinter) -> Task | None:
        """Print every page of the open document, each fitted to the sheet. The pages are read
        (from the vault too, in memory) on a worker; they are drawn on the GUI thread."""
        window = self.window
        if window.document is None:
            return None
        station, document_id = self.station, window.document.id

        def read(_p: TaskProgress, cancel: threading.Event) -> list[QImage]:
            images = []
            for _number, image in station.page_images(document_id):
                if cancel.is_set():
                    break
                images.append(page_qimage(image))
            return images

        def draw(images: list[QImage]) -> None:
            painter = QPainter()
            if not painter.begin(printer):
                window.show_failures(
                    self.tr("Cannot print"), [("", "printer", printer.printerName())]
                )
                return
            try:
                for index, image in enumerate(images):
                    if index:
                        printer.newPage()
                    area = painter.viewport()
                    size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                    painter.setViewport(area.x(), area.y(), size.width(), size.height())
                    painter.setWindow(image.rect())
                    painter.drawImage(0, 0, image)
                    painter.setViewport(area)
            finally:
                painter.end()
            self.status().showMessage(
                self.tr("%1 page(s) sent to the printer").replace("%1", str(len(images))), 5000
            )

        return self.run(
            Operation(
                read,
                title=self.tr("Print “%1”").replace("%1", document_name(window.document)),
                kind="print",
            )
            .success(draw)
            .failure(window.fail(self.tr("Cannot print")))
        )

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
                report=request.fmt == "epub",  # what the publisher checks, shown when done
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
        task.succeeded.connect(self.show_publisher_checks)
        return task

    def show_publisher_checks(self, result: object) -> QMessageBox | None:
        """After an e-book: what was left out as page furniture, the footnotes and figures found
        and the paragraphs joined across pages, for the publisher to check before signing off."""
        details = getattr(result, "details", {})
        report = details.get("report") if isinstance(details, dict) else None
        if not isinstance(report, dict):
            return None
        lines = [self.tr("Left out as page furniture:")]
        lines += [f"  tr. {i['page']}: {i['text']}" for i in report["removed"]]
        lines += [self.tr("Footnotes:")]
        lines += [f"  tr. {n['page']}: [{n['label']}] {n['text']}" for n in report["footnotes"]]
        lines += [self.tr("Figures:")]
        lines += [f"  tr. {f['page']}: {f['caption']}" for f in report["figures"]]
        lines += [self.tr("Paragraphs joined across pages:")]
        lines += [f"  tr. {j['page']}: …{j['before']} | {j['after']}…" for j in report["joined"]]
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Check the e-book"),
            self.tr(
                "%1 line(s) left out as running headers, footers or page numbers; %2 footnote(s); "
                "%3 figure(s); %4 paragraph(s) joined across pages. The details list each one."
            )
            .replace("%1", str(len(report["removed"])))
            .replace("%2", str(len(report["footnotes"])))
            .replace("%3", str(len(report["figures"])))
            .replace("%4", str(len(report["joined"]))),
            parent=self.window,
        )
        box.setObjectName("publisher-checks")
        box.setDetailedText("\n".join(lines))
        box.open()
        return box
