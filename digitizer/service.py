"""The service API: what the command line and the window may ask of the core.

Every call opens what it needs, does one job, and returns plain values from `digitizer.model` or
a report; long work takes a `Progress` and a cancel event, and runs happily on a worker thread.
Each subsystem (OCR, search, exports) is loaded by the first call that needs it, so a command
that only lists documents starts in a blink.

`Workstation` is a facade: the vault session (`vault`), the settings and their policy (`policy`)
and the editing of the library (`editing`) are managers of their own, in `digitizer.workstation`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from digitizer.library import Library, VerifyReport, verify
from digitizer.locations import default_library_path
from digitizer.model import Classification, Collection, Document, Page, PageTextRecord
from digitizer.progress import CancelEvent, Progress
from digitizer.workstation.editing import LibraryEditor
from digitizer.workstation.policy import SettingsPolicy
from digitizer.workstation.vault import VaultKeeper

if TYPE_CHECKING:
    from digitizer.acquire.hotfolder import HotFolder, HotFolderOutcome, WatchOptions
    from digitizer.acquire.importer import ImportOptions, ImportReport
    from digitizer.acquire.pdf_signatures import PdfSignature
    from digitizer.acquire.scanner import ScannerDevice, ScanSettings
    from digitizer.acquire.scanning import ScanReport
    from digitizer.acquire.separators import SeparatorSheet
    from digitizer.acquire.set_aside import SetAsidePage
    from digitizer.acquire.stack import StackOptions, StackReport
    from digitizer.correction import CorrectionResult
    from digitizer.export.document import ExportResult
    from digitizer.export.entry import ExportOrder, ExportOutcome
    from digitizer.export.internal_copy import CopyResult
    from digitizer.export.publish import PublishOptions, PublishResult
    from digitizer.indexing import IndexReport
    from digitizer.library.editing import Removed
    from digitizer.page_view import PageImage, PageView
    from digitizer.pipeline.evaluate import EvalReport
    from digitizer.pipeline.ocr import OcrOptions, OcrReport
    from digitizer.searching import SearchOutcome
    from digitizer.security.access import IsolatedLan, VaultStatus
    from digitizer.security.audit import AuditEntry, AuditReport
    from digitizer.security.classify import ClassificationChange
    from digitizer.security.register import RegisterEntry


class Workstation:
    """One archive library, as the user sees it."""

    def __init__(self, library_path: Path | None = None) -> None:
        self.library_path = (library_path or default_library_path()).expanduser().resolve()
        self.vault = VaultKeeper(self._open)
        self.policy = SettingsPolicy(self._open)
        self.editing = LibraryEditor(self._open, self.vault)

    def _open(self, *, create: bool = False, writable: bool = False) -> Library:
        library = Library.open(self.library_path, create=create, writable=writable)
        self.vault.attach(library)
        return library

    def init(self) -> bool:
        """Create the library if there is none; return True when it was created."""
        existed = Library.exists_at(self.library_path)
        with self._open(create=True, writable=True):
            pass
        return not existed

    def import_paths(
        self,
        paths: Sequence[Path],
        options: ImportOptions | None = None,
        progress: Progress | None = None,
        cancel: CancelEvent | None = None,
    ) -> ImportReport:
        from digitizer.acquire.importer import import_paths

        with self._open(create=True, writable=True) as library:
            self.vault.before_import(library, options)
            report = import_paths(library, paths, options, progress, cancel)
            self.vault.after_import(library, report, options)
            return report

    def documents(self) -> list[Document]:
        with self._open() as library:
            return self.vault.revealed(library, library.documents())

    def collections(self) -> list[Collection]:
        with self._open() as library:
            return library.collections()

    def document(self, reference: str) -> tuple[Document, list[Page], str]:
        """A document, its pages, and the name of its collection ('' when none)."""
        with self._open() as library:
            document = self.vault.open_secret(library, library.document(reference), "show")
            return (
                document,
                library.pages(document.id),
                library.collection_name(document.collection_id),
            )

    def describe(self, reference: str, **changes: object) -> Document:
        """Change fields of a document's archival description (`Metadata` field names)."""
        with self._open(writable=True) as library:
            document = self.vault.open_secret(library, library.document(reference), "describe")
            metadata = replace(document.metadata, **changes)  # type: ignore[arg-type]
            if document.classification.is_secret:
                return self.vault.describe_secret(library, document, metadata)
            library.update_metadata(document.id, metadata)
            from digitizer.records.store import set_by_person

            set_by_person(library, document.id, {name: str(v) for name, v in changes.items()})
            return library.document(document.id)

    def describe_record(
        self,
        reference: str,
        values: Mapping[str, str] | None = None,
        *,
        propose: bool = False,
        confirm: Sequence[str] | None = None,
    ) -> tuple[Document, dict[str, object]]:
        """The record fields beyond `describe`'s: a person's `values`, a fresh proposal read
        from the pages (`propose`: fills only fields no person set), confirmation of proposed
        fields (`confirm`: those named, or all when empty). Returns the document and its record
        as `show --json` reports it."""
        from digitizer.records import store

        with self._open(writable=True) as library:
            document = self.vault.open_secret(library, library.document(reference), "describe")
            if store.proposable(library, document):
                if values:
                    store.set_by_person(library, document.id, values)
                if propose:
                    store.propose(library, document.id)
                if confirm is not None:
                    store.confirm(library, document.id, confirm)
            document = library.document(document.id)
            return document, store.record_json(library, document)

    def dossier(self, name: str, values: Mapping[str, str] | None = None) -> dict[str, Any]:
        """A collection's dossier fields (Thông tư 05/2025/TT-BNV) and its documents; `values`
        gives fields a person's values first."""
        from digitizer.records.dossier import dossier, set_dossier_fields

        with self._open(writable=bool(values)) as library:
            if values:
                set_dossier_fields(library, name, values)
            return dossier(library, name)

    def dossier_document_fields(self, reference: str, values: Mapping[str, str]) -> None:
        """A person's values for a document's Thông tư 05/2025/TT-BNV fields."""
        from digitizer.records.dossier import set_document_fields

        with self._open(writable=True) as library:
            document = self.vault.open_secret(library, library.document(reference), "describe")
            if document.classification.is_secret:
                return  # its record lives in the vault only
            set_document_fields(library, document.id, values)

    def record(self, reference: str) -> dict[str, object]:
        """A document's record fields, proposals marked (see `describe_record`)."""
        from digitizer.records.store import record_json

        with self._open() as library:
            return record_json(library, library.document(reference))

    def verify(self, progress: Progress | None = None) -> VerifyReport:
        # Writable: if a writer died, opening alone finishes its recovery before the check.
        from digitizer.security.checks import vault_problems

        with self._open(writable=True) as library:
            report = verify(library, progress)
            report.problems.extend(vault_problems(library, self.vault.key))
            return report

    def ocr(
        self,
        references: Sequence[str] = (),
        *,
        everything: bool = False,
        options: OcrOptions | None = None,
        progress: Progress | None = None,
        cancel: CancelEvent | None = None,
    ) -> OcrReport:
        """Recognise the named documents' pages (or every document's) not yet done.

        Pages left over by OCR jobs that were cut off are always taken up too; with no
        documents named, that is all it does.
        """
        from digitizer.pipeline.ocr import run_ocr

        with self._open(writable=True) as library:
            ids = None if everything else [library.document(ref).id for ref in references]
            if options is None or options.farm is None:  # a farm refuses secret pages anyway
                self.vault.before_ocr(library, ids)
            report = run_ocr(library, ids, options, progress, cancel)
            self.vault.after_ocr(library, report)
            return report

    def page_texts(self, reference: str) -> dict[int, PageTextRecord]:
        """The current OCR result of each recognised page of a document, by page number."""
        with self._open() as library:
            document = library.document(reference)
            return self.vault.secret_texts(library, document, library.page_texts(document.id))

    def signatures(self, reference: str) -> list[tuple[str, PdfSignature]]:
        """The digital signatures its original PDFs state, with each original's name."""
        from digitizer.acquire.pdf_signatures import PdfSignature
        from digitizer.library.queries import signature_rows

        with self._open() as library:
            document = library.document(reference)
            rows = signature_rows(library, document.id)
            return [
                (
                    row["name"],
                    PdfSignature(
                        row["field"],
                        row["signer"],
                        row["signed_at"],
                        row["reason"],
                        row["location"],
                        row["sub_filter"],
                        bool(row["covers_whole_file"]),
                    ),
                )
                for row in rows
            ]

    def set_aside_text_layers(self, reference: str) -> list[tuple[str, int, str]]:
        """(original's name, its page, why) for each PDF page whose text layer was judged not
        to be the page's text ('stamp', 'garbled'), so that OCR reads it like a scan."""
        from digitizer.library.queries import set_aside_text_layers

        with self._open() as library:
            return set_aside_text_layers(library, library.document(reference).id)

    def jobs(self, limit: int = 20) -> list[dict[str, object]]:
        """The newest jobs, with page counts by state."""
        from digitizer.library.queries import jobs

        with self._open() as library:
            return jobs(library, limit)

    def export(
        self, reference: str, fmt: str, out: Path, *, allow_unrecognised: bool = False
    ) -> ExportResult:
        """Write a document as `fmt` (pdf, txt, hocr, alto) to `out`."""
        from digitizer.export.entry import ExportOrder

        order = ExportOrder(fmt, out, (reference,), allow_unrecognised=allow_unrecognised)
        return cast("ExportResult", self.export_order(order))

    def export_order(self, order: ExportOrder) -> ExportOutcome:
        """Any export — a document, publishing, internal copies — by the core's one entry point
        (`digitizer.export.entry`), which applies the rule on secret documents."""
        from digitizer.export.entry import Audience, export

        with self._open(writable=order.audience is Audience.INTERNAL) as library:
            return export(library, order, self.vault.open_secret)

    def publish(
        self,
        fmt: str,
        out: Path,
        *,
        documents: Sequence[str] = (),
        collections: Sequence[str] = (),
        options: PublishOptions | None = None,
    ) -> PublishResult:
        """Write an EPUB, a QR-labelled PDF, a label sheet or an archival package (`fmt`: epub,
        qr-pdf, labels, package) of documents or a collection to `out`. Secret documents are
        refused."""
        from digitizer.export.entry import ExportOrder

        order = ExportOrder(fmt, out, tuple(documents), tuple(collections), publishing=options)
        return cast("PublishResult", self.export_order(order))

    def setting(self, key: str) -> str:
        """A library setting ('' when unset)."""
        return self.policy.get(key)

    def settings(self) -> dict[str, str]:
        return self.policy.all()

    def set_setting(self, key: str, value: str, reason: str = "") -> str:
        return self.policy.set(key, value, reason)

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        filters: Mapping[str, str | int] | None = None,
        group_by_document: bool = False,
        boxes: bool = True,
    ) -> SearchOutcome:
        """Pages matching `query`, best first, with snippets and (with `boxes`) hit boxes;
        facet counts over all matches. A missing or damaged index is rebuilt first (the
        outcome says so)."""
        from digitizer.searching import search

        with self._open(writable=True) as library:
            sealed = self.vault.search_sealed(library)
            outcome = search(
                library,
                query,
                limit=limit,
                filters=filters,
                group_by_document=group_by_document,
                include_sealed=sealed,
                boxes=boxes,
            )
            self.vault.after_search(library, outcome, sealed)
            return outcome

    def reindex(self, progress: Progress | None = None) -> IndexReport:
        """Rebuild the search index from the catalogue."""
        from digitizer.indexing import rebuild_index

        with self._open(writable=True) as library:
            return rebuild_index(library, progress, reason="asked for")

    @staticmethod
    def evaluate(
        folder: Path,
        options: OcrOptions | None = None,
        progress: Progress | None = None,
        cancel: CancelEvent | None = None,
    ) -> EvalReport:
        """Run the pipeline on page images with ground truth beside them; score the text."""
        from digitizer.pipeline.evaluate import evaluate

        return evaluate(folder, options, progress, cancel)

    # --- the window: page review, corrections and library editing ------------------------------

    def page_view(self, reference: str, number: int) -> PageView:
        """A page as the window shows it: its image and its current words."""
        from digitizer.page_view import page_view

        with self._open() as library:
            return page_view(library, library.document(reference).id, number)

    def page_images(self, reference: str) -> list[tuple[int, PageImage]]:
        """Each page's number and the image the window shows for it (a file, or the bytes of
        a secret page opened from the vault)."""
        from digitizer.page_view import display_images

        with self._open() as library:
            return display_images(library, library.document(reference).id)

    def recognised_pages(self) -> dict[str, int]:
        """How many pages of each document have OCR text, by document id."""
        from digitizer.library.queries import recognised_pages

        with self._open() as library:
            return recognised_pages(library)

    def correct_page(self, reference: str, number: int, text: str) -> CorrectionResult:
        return self.editing.correct_page(reference, number, text)

    def create_collection(self, name: str) -> int:
        return self.editing.create_collection(name)

    def rename_collection(self, collection_id: int, name: str) -> str:
        return self.editing.rename_collection(collection_id, name)

    def delete_collection(self, collection_id: int) -> Removed:
        return self.editing.delete_collection(collection_id)

    def move_document(
        self, reference: str, collection_id: int | None, position: int | None = None
    ) -> tuple[int | None, int]:
        return self.editing.move_document(reference, collection_id, position)

    def delete_document(self, reference: str) -> Removed:
        return self.editing.delete_document(reference)

    def restore(self, removed: Removed) -> None:
        self.editing.restore(removed)

    def reorder_pages(self, reference: str, order: Sequence[int]) -> list[int]:
        return self.editing.reorder_pages(reference, order)

    def delete_page(self, reference: str, number: int) -> Removed:
        return self.editing.delete_page(reference, number)

    def rotate_page(self, reference: str, number: int, quarter_turns: int) -> Removed:
        return self.editing.rotate_page(reference, number, quarter_turns)

    def restore_page(self, removed: Removed) -> None:
        self.editing.restore_page(removed)

    def split_document(self, reference: str, at_page: int) -> str:
        return self.editing.split_document(reference, at_page)

    def merge_documents(self, reference: str, others: Sequence[str]) -> int:
        return self.editing.merge_documents(reference, others)

    def crop_page(self, reference: str, number: int, box: tuple[int, int, int, int]) -> Removed:
        return self.editing.crop_page(reference, number, box)

    def purge_unused_objects(self) -> int:
        return self.editing.purge_unused_objects()

    # --- acquisition: stacks split at separator sheets, scanners, set-aside pages, hot folders --

    def import_stacks(
        self,
        paths: Sequence[Path],
        options: ImportOptions | None = None,
        stack: StackOptions | None = None,
        progress: Progress | None = None,
        cancel: CancelEvent | None = None,
    ) -> StackReport:
        """Import each folder (and the files given directly, together) as one stack of pages,
        split into documents at separator sheets, blank pages set aside."""
        from digitizer.acquire.stack import import_stacks

        with self._open(create=True, writable=True) as library:
            return import_stacks(library, paths, options, stack, progress, cancel)

    def scan(
        self,
        settings: ScanSettings,
        options: ImportOptions | None = None,
        stack: StackOptions | None = None,
        progress: Progress | None = None,
        cancel: CancelEvent | None = None,
    ) -> ScanReport:
        """Scan a feeder batch (or one flatbed page) straight into the library."""
        from digitizer.acquire.scanning import scan_into_library

        with self._open(create=True, writable=True) as library:
            return scan_into_library(library, settings, options, stack, progress, cancel)

    @staticmethod
    def scanners() -> list[ScannerDevice]:
        """The scanners SANE can see now."""
        from digitizer.acquire.scanner import list_devices

        return list_devices()

    @staticmethod
    def write_separator_sheet(sheet: SeparatorSheet, out: Path) -> None:
        """Write a printable separator sheet (PDF/A) to `out`."""
        from digitizer.acquire.sheets import write_separator_sheet

        write_separator_sheet(sheet, out)

    def set_aside_pages(self, reference: str | None = None) -> list[SetAsidePage]:
        """The pages set aside from stacks (all, or one document's)."""
        from digitizer.acquire.set_aside import set_aside_pages

        with self._open() as library:
            document_id = library.document(reference).id if reference else None
            return set_aside_pages(library, document_id)

    def restore_set_aside_page(self, set_aside_id: int) -> tuple[str, int]:
        """Put a set-aside page back into its document; returns the document and page number."""
        from digitizer.acquire.set_aside import restore_page

        with self._open(writable=True) as library:
            return restore_page(library, set_aside_id)

    def hot_folder(
        self,
        folder: Path,
        options: ImportOptions | None = None,
        watch: WatchOptions | None = None,
        on_outcome: Callable[[HotFolderOutcome], None] | None = None,
    ) -> HotFolder:
        """A watcher that imports what lands in `folder`; call its `run(cancel)`."""
        from digitizer.acquire.hotfolder import HotFolder

        with self._open(create=True, writable=True):
            pass  # made (or found) now, so a mistyped library is said before the wait begins
        return HotFolder(
            folder, lambda: self._open(create=True, writable=True), options, watch, on_outcome
        )

    # --- secret documents: the vault, classification, internal copies, the audit log -------------

    @property
    def passphrase_source(self) -> Callable[[], str] | None:
        """See `VaultKeeper.passphrase_source`."""
        return self.vault.passphrase_source

    @passphrase_source.setter
    def passphrase_source(self, source: Callable[[], str] | None) -> None:
        self.vault.passphrase_source = source

    @property
    def vault_idle_seconds(self) -> float:
        """The window locks the vault after this long without secret work (`lock_if_idle`)."""
        return self.vault.idle_seconds

    @vault_idle_seconds.setter
    def vault_idle_seconds(self, seconds: float) -> None:
        self.vault.idle_seconds = seconds

    @property
    def vault_unlocked(self) -> bool:
        return self.vault.unlocked

    def vault_init(self, passphrase: str, *, cost: int | None = None) -> None:
        self.vault.init(passphrase, cost=cost)

    def unlock(self, passphrase: str) -> None:
        self.vault.unlock(passphrase)

    def lock(self) -> None:
        self.vault.lock()

    def lock_if_idle(self) -> bool:
        return self.vault.lock_if_idle()

    def vault_status(self) -> VaultStatus:
        return self.vault.status()

    def classify(self, reference: str, level: Classification, reason: str) -> ClassificationChange:
        return self.vault.classify(reference, level, reason)

    def internal_copy(self, reference: str, out: Path, copies: int, purpose: str) -> CopyResult:
        """Numbered internal copies of a document (banner and copy mark on every page), written
        to the copy register."""
        from digitizer.export.entry import ExportOrder

        order = ExportOrder("internal-pdf", out, (reference,), copies=copies, purpose=purpose)
        return cast("CopyResult", self.export_order(order))

    def copy_register(self, reference: str | None = None) -> list[RegisterEntry]:
        return self.vault.copy_register(reference)

    def audit_log(self, limit: int | None = None) -> list[AuditEntry]:
        return self.vault.audit_log(limit)

    def audit_verify(self) -> AuditReport:
        return self.vault.audit_verify()

    def set_isolated_lan(self, on: bool, reason: str) -> IsolatedLan:
        return self.policy.set_isolated_lan(on, reason)
