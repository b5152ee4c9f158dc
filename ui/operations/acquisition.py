"""Acquisition: importing files and folders, the bundled sample pages, and recognising text."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from digitizer.locations import sample_pages_path
from ui.acquisition_dialogs import (
    ImportDialog,
    ImportRequest,
    OcrDialog,
    OcrRequest,
    ScanDialog,
    ScanRequest,
)
from ui.library_tree import document_name
from ui.operations import Operation, Workflow
from ui.qt import (
    QDialog,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    Qt,
    QVBoxLayout,
)
from ui.tasks import Task, TaskProgress

if TYPE_CHECKING:
    from digitizer.acquire.importer import ImportOptions, ImportReport
    from digitizer.acquire.scanning import ScanReport
    from digitizer.pipeline.ocr import OcrOptions, OcrReport

SAMPLES_COLLECTION = "Tài liệu mẫu"
RESUME_SETTING = "window/resume-recognition"
"""The documents whose recognition was kept for the next start (comma-separated)."""
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
            self.ask_import([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import a folder"))
        if folder:
            self.ask_import([Path(folder)])

    def ask_import(self, paths: Sequence[Path], collection: str | None = None) -> Task | None:
        """The import dialog, with the files and folders given; the import once accepted."""
        names = [c.name for c in self.window.tree.contents.collections]
        dialog = ImportDialog(list(paths), names, collection, self.window)
        if self.window.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        return self.import_with(dialog.request())

    def import_with(self, request: ImportRequest) -> Task | None:
        """Import as the import dialog asks: plain, one document per folder, or split into
        documents at separator sheets (blank pages set aside)."""
        from digitizer.acquire.importer import ImportOptions

        if not request.paths:
            return None
        options = ImportOptions(
            collection=request.collection,
            one_document=request.one_document,
            password=request.password,
            classification=request.classification,
        )
        if not request.split_on_separators:
            return self.import_paths(request.paths, options=options)
        from digitizer.acquire.stack import StackOptions

        station, paths = self.station, list(request.paths)

        def work(progress: TaskProgress, cancel: threading.Event) -> ImportReport:
            report = station.import_stacks(paths, options, StackOptions(), progress, cancel)
            return report.imports

        task = self.run(
            Operation(work, title=self.import_title(paths), kind="import", write=True).failure(
                self.window.fail(self.tr("Import failed"))
            )
        )
        task.succeeded.connect(lambda report: self.imported(task, report, options))
        return task

    # --- scanning ------------------------------------------------------------------------------

    def ask_scan(self) -> Task | None:
        """The scan dialog (the scanners SANE sees now), then the scan."""
        try:
            devices = [
                (d.name, f"{d.vendor} {d.model} ({d.name})") for d in self.station.scanners()
            ]
        except Exception as error:
            self.window.fail(self.tr("Cannot list the scanners"))(error)
            return None
        names = [c.name for c in self.window.tree.contents.collections]
        dialog = ScanDialog(devices, names, self.window)
        if self.window.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        return self.scan(dialog.request())

    def scan(self, request: ScanRequest) -> Task:
        """Scan into the library; each document shows in the tree as soon as it is in."""
        from digitizer.acquire.importer import ImportOptions
        from digitizer.acquire.scanner import ColourMode, ScanSettings, ScanSource
        from digitizer.acquire.stack import StackOptions

        settings = ScanSettings(
            device=request.device,
            source=ScanSource(request.source) if request.source else None,
            resolution=request.resolution,
            mode=ColourMode(request.mode),
        )
        options = ImportOptions(collection=request.collection)
        stack = StackOptions(split_on_separators=request.split_on_separators)
        station, window = self.station, self.window

        def work(progress: TaskProgress, cancel: threading.Event) -> ScanReport:
            return station.scan(settings, options, stack, progress, cancel)

        def scanned(report: ScanReport) -> None:
            window.jobs.note(
                task,
                self.tr("%1 page(s) scanned, %2 document(s)")
                .replace("%1", str(report.scanned))
                .replace("%2", str(len(report.imports.imported))),
            )
            if report.error is not None:
                window.fail(self.tr("The scanner stopped"))(report.error)
            first = report.imports.imported[0].document_id if report.imports.imported else None
            window.library.refresh(select=first)

        title = self.tr("Scan from %1").replace("%1", request.device or self.tr("the scanner"))
        task = self.run(
            Operation(work, title=title, kind="scan", write=True)
            .success(scanned)
            .failure(window.fail(self.tr("Scanning failed")))
        )
        # Pages appear as they come off the scanner: the tree is read again after each.
        task.progressed.connect(
            lambda _done, _total, message: message.endswith("scanned") and window.library.refresh()
        )
        return task

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

    # --- set-aside pages ---------------------------------------------------------------------

    set_aside_list: QListWidget | None = None

    def show_set_aside(self) -> QDialog:
        """The pages set aside from stacks (blank backs), each one can be put back."""
        window = self.window
        dialog = QDialog(window)
        dialog.setObjectName("set-aside-dialog")
        dialog.setWindowTitle(self.tr("Set-aside pages"))
        dialog.setMinimumWidth(480)
        layout = QVBoxLayout(dialog)
        note = QLabel(
            self.tr(
                "Pages taken out of scanned stacks because they looked blank. Put one back "
                "if it holds something after all."
            ),
            dialog,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.set_aside_list = listing = QListWidget(dialog)
        listing.setObjectName("set-aside-pages")
        layout.addWidget(listing)
        put_back = QPushButton(self.tr("Put the page back"), dialog)
        put_back.setEnabled(False)
        layout.addWidget(put_back)
        listing.currentRowChanged.connect(lambda row: put_back.setEnabled(row >= 0))
        names = {d.id: document_name(d) for d in window.tree.contents.documents}

        def fill() -> None:
            listing.clear()
            for page in self.station.set_aside_pages():
                where = names.get(page.document_id or "", self.tr("(no document)"))
                item = QListWidgetItem(
                    self.tr("%1 — from “%2”, after page %3 (ink %4 %)")
                    .replace("%1", page.name)
                    .replace("%2", where)
                    .replace("%3", str(page.after_page))
                    .replace("%4", f"{page.ink * 100:.2f}")
                )
                item.setData(Qt.ItemDataRole.UserRole, page.id)
                listing.addItem(item)

        def restore() -> None:
            item = listing.currentItem()
            if item is not None:
                task = self.restore_set_aside(int(item.data(Qt.ItemDataRole.UserRole)))
                task.finished.connect(fill)

        put_back.clicked.connect(restore)
        fill()
        dialog.show()
        return dialog

    def restore_set_aside(self, set_aside_id: int) -> Task:
        station, window = self.station, self.window

        def work(_p: TaskProgress, _c: threading.Event) -> tuple[str, int]:
            return station.restore_set_aside_page(set_aside_id)

        def restored(place: tuple[str, int]) -> None:
            document_id, number = place
            self.status().showMessage(
                self.tr("The page is back as page %1").replace("%1", str(number)), 5000
            )
            if window.document is not None and window.document.id == document_id:
                window.review.reopen_document()
            window.library.refresh()

        return self.run(
            Operation(work, title=self.tr("Put a set-aside page back"), kind="restore", write=True)
            .success(restored)
            .failure(window.fail(self.tr("Cannot put the page back")))
        )

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
        task.subject = tuple(ids)
        task.succeeded.connect(lambda report: self.recognised(task, report))
        return task

    def resume_kept_work(self) -> Task | None:
        """Recognition left for this start when the window was last closed during it."""
        from ui.i18n import settings

        kept = settings().value(RESUME_SETTING, "")
        settings().remove(RESUME_SETTING)
        ids = [ident for ident in str(kept or "").split(",") if ident]
        return self.recognise(ids) if ids else None

    def ask_recognise(self, document_ids: Sequence[str]) -> Task | None:
        """The options of this run (languages, borders, tone marks), then the run."""
        if not document_ids:
            return None
        from digitizer.pipeline import SCHEDULER_SETTING

        farm = self.station.setting(SCHEDULER_SETTING).strip()
        dialog = OcrDialog(self.recognise_title(document_ids, False), self.window, farm)
        if self.window.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        return self.recognise_with(document_ids, dialog.request())

    def recognise_with(self, document_ids: Sequence[str], request: OcrRequest) -> Task | None:
        from digitizer.pipeline.farm import FarmSettings
        from digitizer.pipeline.ocr import OcrOptions
        from ocr.prepare import PrepareSettings

        farm = request.scheduler
        options = OcrOptions(
            languages=request.languages,
            prepare=PrepareSettings(remove_borders=request.remove_borders),
            restore=request.restore,
            farm=FarmSettings(farm) if farm and farm != "local" else None,
        )
        return self.recognise(document_ids, options=options)

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
