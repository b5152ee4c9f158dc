"""Acquisition: importing files and folders, the bundled sample pages, and recognising text."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from digitizer.locations import sample_pages_path
from ui.library_tree import document_name
from ui.operations import Operation, Workflow
from ui.qt import QFileDialog, QMessageBox
from ui.tasks import Task, TaskProgress

if TYPE_CHECKING:
    from digitizer.acquire.importer import ImportOptions, ImportReport
    from digitizer.pipeline.ocr import OcrOptions, OcrReport

SAMPLES_COLLECTION = "Tài liệu mẫu"
PASSWORD_CODES = frozenset({"encrypted-pdf", "wrong-password"})
SCAN_FILTER = "*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.pdf"


def has_samples() -> bool:
    folder = sample_pages_path()
    return folder.is_dir() and any(folder.iterdir())


class AcquisitionWorkflow(Workflow):
    # --- import --------------------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import files"),
            str(Path.home()),
            self.tr("Scans and PDFs (%1)").replace("%1", SCAN_FILTER),
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import a folder"))
        if folder:
            self.import_paths([Path(folder)])

    def import_title(self, paths: Sequence[Path]) -> str:
        """A job's name says what is imported: the folder, or the file(s)."""
        if len(paths) == 1 and paths[0].is_dir():
            return self.tr("Import the folder “%1”").replace("%1", paths[0].name)
        names = ", ".join(p.name for p in paths[:3]) + (" …" if len(paths) > 3 else "")
        return self.tr("Import “%1”").replace("%1", names)

    def import_paths(
        self,
        paths: Sequence[Path],
        collection: str | None = None,
        options: ImportOptions | None = None,
    ) -> Task:
        from digitizer.acquire.importer import ImportOptions

        station = self.station
        chosen = options or ImportOptions(collection=collection)

        def work(progress: TaskProgress, cancel: threading.Event) -> ImportReport:
            return station.import_paths(list(paths), chosen, progress, cancel)

        task = self.run(
            Operation(work, title=self.import_title(paths), kind="import", write=True).failure(
                self.window.fail(self.tr("Import failed"))
            )
        )
        task.succeeded.connect(lambda report: self.imported(task, report, chosen))
        return task

    def imported(self, task: Task, report: ImportReport, options: ImportOptions) -> None:
        window = self.window
        protected = [f for f in report.failed if f.code in PASSWORD_CODES]
        if protected:
            # Protected PDF files: the password is asked, and they are imported again with it.
            report.failed = [f for f in report.failed if f.code not in PASSWORD_CODES]
            password = window.ask_password(", ".join(Path(f.source).name for f in protected))
            if password is not None:
                self.import_paths(
                    [Path(f.source) for f in protected],
                    options=replace(options, password=password),
                )
        pages = sum(item.pages for item in report.imported)
        summary = (
            self.tr("%1 document(s), %2 page(s) imported")
            .replace("%1", str(len(report.imported)))
            .replace("%2", str(pages))
        )
        if report.duplicates:
            summary += "; " + self.tr("%1 already in the library").replace(
                "%1", str(len(report.duplicates))
            )
        if report.failed:
            summary += "; " + self.tr("%1 failed").replace("%1", str(len(report.failed)))
            window.show_failures(
                self.tr("Some files were not imported"),
                [(f.source, f.code, f.message) for f in report.failed],
            )
        window.jobs.note(task, summary)
        first = report.imported[0].document_id if report.imported else None
        window.library.refresh(select=first)

    # --- samples ---------------------------------------------------------------------------

    def offer_samples(self) -> QMessageBox | None:
        """On an empty library, offer to load the bundled sample pages."""
        if not has_samples():
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("An empty library"),
            self.tr(
                "This library holds no documents yet. Load the sample pages (a resolution, "
                "an official letter and two pages of a Party-history book) and recognise "
                "them?"
            ),
            parent=self.window,
        )
        box.setObjectName("samples-offer")
        load = box.addButton(self.tr("Load the samples"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.finished.connect(lambda _r: box.clickedButton() is load and self.load_samples())
        box.open()
        return box

    def load_samples(self) -> Task:
        task = self.import_paths([sample_pages_path()], collection=SAMPLES_COLLECTION)
        task.succeeded.connect(
            lambda report: self.recognise([i.document_id for i in report.imported])
        )
        return task

    # --- recognition -----------------------------------------------------------------------

    def recognise_title(self, document_ids: Sequence[str], everything: bool) -> str:
        """A job's name says which document it reads."""
        if everything:
            return self.tr("Recognise every document")
        documents = {d.id: d for d in self.window.tree.contents.documents}
        if len(document_ids) == 1 and document_ids[0] in documents:
            return self.tr("Recognise “%1”").replace(
                "%1", document_name(documents[document_ids[0]])
            )
        return self.tr("Recognise %1 documents").replace("%1", str(len(document_ids)))

    def recognise(
        self,
        document_ids: Sequence[str],
        everything: bool = False,
        options: OcrOptions | None = None,
    ) -> Task | None:
        if not document_ids and not everything:
            return None
        station, window = self.station, self.window
        ids = list(document_ids)

        def work(progress: TaskProgress, cancel: threading.Event) -> OcrReport:
            return station.ocr(
                ids, everything=everything, options=options, progress=progress, cancel=cancel
            )

        task = self.run(
            Operation(
                work, title=self.recognise_title(ids, everything), kind="ocr", write=True
            ).failure(
                window.fail(
                    self.tr("Recognition failed"),
                    lambda: self.recognise(ids, everything, options),
                )
            )
        )
        task.succeeded.connect(lambda report: self.recognised(task, report))
        return task

    def recognised(self, task: Task, report: OcrReport) -> None:
        window = self.window
        summary = (
            self.tr("%1 page(s) recognised, %2 already done")
            .replace("%1", str(report.done))
            .replace("%2", str(report.skipped))
        )
        if report.failed:
            summary += "; " + self.tr("%1 failed").replace("%1", str(len(report.failed)))
            window.show_failures(
                self.tr("Some pages were not read"),
                [(f"{f.document_id} p. {f.page}", f.code, f.message) for f in report.failed],
            )
        if report.cancelled:
            summary += "; " + self.tr("cancelled")
        window.jobs.note(task, summary)
        window.library.refresh()
        if window.document is not None:
            # OCR may have turned pages: thumbnails and the page are read again.
            window.review.load_thumbnails(window.document.id)
            if window.page_number:
                window.review.open_page(window.page_number)
