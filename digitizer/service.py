"""The service API: what the command line and the window may ask of the core.

Every call opens what it needs, does one job, and returns plain values from `digitizer.model` or
a report; long work takes a `Progress` and a cancel event, and runs happily on a worker thread.
Each subsystem (OCR, search, exports) is loaded by the first call that needs it, so a command
that only lists documents starts in a blink.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from digitizer.library import Library, VerifyReport, verify
from digitizer.locations import default_library_path
from digitizer.model import Classification, Collection, Document, Metadata, Page, PageTextRecord
from digitizer.progress import CancelEvent, Progress

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
    from digitizer.security.vault import VaultKey


class Workstation:
    """One archive library, as the user sees it."""

    def __init__(self, library_path: Path | None = None) -> None:
        self.library_path = (library_path or default_library_path()).expanduser().resolve()

    def _open(self, *, create: bool = False, writable: bool = False) -> Library:
        library = Library.open(self.library_path, create=create, writable=writable)
        self._attach_vault(library)
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
            self._before_secret_import(library, options)
            report = import_paths(library, paths, options, progress, cancel)
            self._after_secret_import(library, report, options)
            return report

    def documents(self) -> list[Document]:
        with self._open() as library:
            return self._revealed(library, library.documents())

    def collections(self) -> list[Collection]:
        with self._open() as library:
            return library.collections()

    def document(self, reference: str) -> tuple[Document, list[Page], str]:
        """A document, its pages, and the name of its collection ('' when none)."""
        with self._open() as library:
            document = self._open_secret(library, library.document(reference), "show")
            return (
                document,
                library.pages(document.id),
                library.collection_name(document.collection_id),
            )

    def describe(self, reference: str, **changes: object) -> Document:
        """Change fields of a document's archival description (`Metadata` field names)."""
        with self._open(writable=True) as library:
            document = self._open_secret(library, library.document(reference), "describe")
            metadata = replace(document.metadata, **changes)  # type: ignore[arg-type]
            if document.classification.is_secret:
                return self._describe_secret(library, document, metadata)
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
            document = self._open_secret(library, library.document(reference), "describe")
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
            document = self._open_secret(library, library.document(reference), "describe")
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
            report.problems.extend(vault_problems(library, self._vault_key))
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
                self._before_secret_ocr(library, ids)
            report = run_ocr(library, ids, options, progress, cancel)
            self._after_secret_ocr(library, report)
            return report

    def page_texts(self, reference: str) -> dict[int, PageTextRecord]:
        """The current OCR result of each recognised page of a document, by page number."""
        with self._open() as library:
            document = library.document(reference)
            return self._secret_texts(library, document, library.page_texts(document.id))

    def signatures(self, reference: str) -> list[tuple[str, PdfSignature]]:
        """The digital signatures its original PDFs state, with each original's name."""
        from digitizer.acquire.pdf_signatures import PdfSignature

        with self._open() as library:
            document = library.document(reference)
            rows = library.rows(
                "SELECT s.name, g.* FROM source_signatures g JOIN sources s "
                "ON s.sha256 = g.source_sha256 WHERE s.document_id = ? "
                "ORDER BY s.position, g.position",
                (document.id,),
            )
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
        with self._open() as library:
            document = library.document(reference)
            rows = library.rows(
                "SELECT s.name, t.source_page, t.verdict FROM source_text_layers t "
                "JOIN sources s ON s.sha256 = t.source_sha256 WHERE s.document_id = ? "
                "ORDER BY s.position, t.source_page",
                (document.id,),
            )
            return [(row[0], int(row[1]), str(row[2])) for row in rows]

    def jobs(self, limit: int = 20) -> list[dict[str, object]]:
        """The newest jobs, with page counts by state."""
        with self._open() as library:
            rows = library.rows(
                "SELECT j.id, j.kind, j.state, j.message, j.created_at, j.updated_at, "
                "sum(p.state = 'pending') AS pending, sum(p.state = 'done') AS done, "
                "sum(p.state = 'skipped') AS skipped, sum(p.state = 'failed') AS failed "
                "FROM jobs j LEFT JOIN job_pages p ON p.job_id = j.id "
                "GROUP BY j.id ORDER BY j.id DESC LIMIT ?",
                (limit,),
            )
            return [dict(row) for row in rows]

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
            return export(library, order, self._open_secret)

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
        with self._open() as library:
            return library.get_setting(key)

    def settings(self) -> dict[str, str]:
        """Every library setting."""
        with self._open() as library:
            return {
                str(row[0]): str(row[1])
                for row in library.rows("SELECT key, value FROM settings ORDER BY key")
            }

    def set_setting(self, key: str, value: str, reason: str = "") -> str:
        """Set a library setting by the security policy (protected ones need their reason and
        are audited, or are refused); returns the value kept."""
        from digitizer.security.policy import change_setting

        with self._open(writable=True) as library:
            return change_setting(library, key, value, reason)

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        filters: Mapping[str, str | int] | None = None,
        group_by_document: bool = False,
    ) -> SearchOutcome:
        """Pages matching `query`, best first, with snippets and hit boxes; facet counts over
        all matches. A missing or damaged index is rebuilt first (the outcome says so)."""
        from digitizer.searching import search

        with self._open(writable=True) as library:
            sealed = self._search_sealed(library)
            outcome = search(
                library,
                query,
                limit=limit,
                filters=filters,
                group_by_document=group_by_document,
                include_sealed=sealed,
            )
            self._after_secret_search(library, outcome, sealed)
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
        with self._open() as library:
            rows = library.rows(
                "SELECT p.document_id, count(DISTINCT t.page_id) FROM pages p "
                "JOIN page_texts t ON t.page_id = p.id GROUP BY p.document_id"
            )
            return {str(row[0]): int(row[1]) for row in rows}

    def correct_page(self, reference: str, number: int, text: str) -> CorrectionResult:
        """Save `text` as a person's correction of a page (the OCR result is kept); search
        finds the corrected words at once and exports use them."""
        from digitizer.correction import correct_page

        with self._open(writable=True) as library:
            document = self._open_secret(library, library.document(reference), "correct")
            return correct_page(library, document.id, number, text)

    def create_collection(self, name: str) -> int:
        from digitizer.library import editing

        with self._open(create=True, writable=True) as library:
            return editing.create_collection(library, name)

    def rename_collection(self, collection_id: int, name: str) -> str:
        """Rename a collection; returns the old name."""
        from digitizer.library import editing

        with self._open(writable=True) as library:
            return editing.rename_collection(library, collection_id, name)

    def delete_collection(self, collection_id: int) -> Removed:
        """Remove a collection (its documents stay, in no collection); `restore` undoes it."""
        from digitizer.library import editing

        with self._open(writable=True) as library:
            return editing.delete_collection(library, collection_id)

    def move_document(
        self, reference: str, collection_id: int | None, position: int | None = None
    ) -> tuple[int | None, int]:
        """Put a document in a collection (None: none); returns where it was."""
        from digitizer.library import editing

        with self._open(writable=True) as library:
            document = library.document(reference)
            return editing.move_document(library, document.id, collection_id, position)

    def delete_document(self, reference: str) -> Removed:
        """Remove a document (and its search entries); `restore` undoes it."""
        from digitizer.library import editing

        with self._open(writable=True) as library:
            return editing.delete_document(library, library.document(reference).id)

    def restore(self, removed: Removed) -> None:
        """Undo a delete of a collection, a document or a page."""
        from digitizer.library import editing

        with self._open(writable=True) as library:
            editing.restore(library, removed)

    def reorder_pages(self, reference: str, order: Sequence[int]) -> list[int]:
        """Put a document's pages in `order` (current numbers); returns the order back."""
        from digitizer.library import editing

        with self._open(writable=True) as library:
            return editing.reorder_pages(library, library.document(reference).id, order)

    def delete_page(self, reference: str, number: int) -> Removed:
        from digitizer.library import editing

        with self._open(writable=True) as library:
            return editing.delete_page(library, library.document(reference).id, number)

    def rotate_page(self, reference: str, number: int, quarter_turns: int) -> Removed:
        """Turn a page clockwise by quarter turns; `restore_page` undoes it."""
        from digitizer.library import editing

        with self._open(writable=True) as library:
            document = self._open_secret(library, library.document(reference), "turn a page")
            return editing.rotate_page(library, document.id, number, quarter_turns)

    def restore_page(self, removed: Removed) -> None:
        from digitizer.library import editing

        with self._open(writable=True) as library:
            editing.restore_page(library, removed)

    def split_document(self, reference: str, at_page: int) -> str:
        """Cut a document before `at_page`; the rest becomes a new document (returned)."""
        from digitizer.library.restructure import split_document

        with self._open(writable=True) as library:
            return split_document(library, library.document(reference).id, at_page)

    def merge_documents(self, reference: str, others: Sequence[str]) -> int:
        """Append the pages of `others` to a document; returns its page count."""
        from digitizer.library.restructure import merge_documents

        with self._open(writable=True) as library:
            ids = [library.document(ref).id for ref in others]
            return merge_documents(library, library.document(reference).id, ids)

    def crop_page(self, reference: str, number: int, box: tuple[int, int, int, int]) -> Removed:
        """Crop a page to a derived image (undo with `restore_page`)."""
        from digitizer.library.restructure import crop_page

        with self._open(writable=True) as library:
            return crop_page(library, library.document(reference).id, number, box)

    def purge_unused_objects(self) -> int:
        """Reclaim the files of deleted documents and pages (no undo after this)."""
        from digitizer.library import editing

        with self._open(writable=True) as library:
            return editing.purge_unused_objects(library)

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

    passphrase_source: Callable[[], str] | None = None
    """Asked for the vault's passphrase when a secret document is touched while the vault is
    locked (the command line reads a file or prompts; the window shows a dialog). None: the
    vault stays locked and such work is refused."""
    vault_idle_seconds: float = 600.0
    """The window locks the vault after this long without secret work (`lock_if_idle`)."""
    _vault_key: VaultKey | None = None
    _vault_used: float = 0.0

    @property
    def vault_unlocked(self) -> bool:
        return self._vault_key is not None

    def vault_init(self, passphrase: str, *, cost: int | None = None) -> None:
        """Create the library's vault with `passphrase`; it stays unlocked in this workstation."""
        from digitizer.security import access

        with self._open(create=True, writable=True) as library:
            key = access.create_vault(library, passphrase, **({"cost": cost} if cost else {}))
        self._keep_key(key)

    def unlock(self, passphrase: str) -> None:
        """Unlock the vault (WrongPassphrase, logged, when it does not open)."""
        from digitizer.security import access

        with self._open(writable=True) as library:
            self._keep_key(access.unlock(library, passphrase))

    def lock(self) -> None:
        """Forget the vault's key."""
        if self._vault_key is not None:
            self._vault_key.forget()
        self._vault_key = None

    def lock_if_idle(self) -> bool:
        """Lock the vault when no secret work happened for `vault_idle_seconds`."""
        idle = time.monotonic() - self._vault_used >= self.vault_idle_seconds
        if self._vault_key is not None and idle:
            self.lock()
            return True
        return False

    def vault_status(self) -> VaultStatus:
        from digitizer.security.access import vault_status

        with self._open() as library:
            return vault_status(library, self.vault_unlocked)

    def classify(self, reference: str, level: Classification, reason: str) -> ClassificationChange:
        """A person sets a document's level (lowering needs a reason); into or out of Mật and
        above, its data moves into or out of the vault."""
        from digitizer.security import access
        from digitizer.security.classify import classify

        with self._open(writable=True) as library:
            document = library.document(reference)
            if document.classification.is_secret or level.is_secret:
                access.open_vault(library, f"classify document {document.id}")
            return classify(library, document.id, level, reason=reason)

    def internal_copy(self, reference: str, out: Path, copies: int, purpose: str) -> CopyResult:
        """Numbered internal copies of a document (banner and copy mark on every page), written
        to the copy register."""
        from digitizer.export.entry import ExportOrder

        order = ExportOrder("internal-pdf", out, (reference,), copies=copies, purpose=purpose)
        return cast("CopyResult", self.export_order(order))

    def copy_register(self, reference: str | None = None) -> list[RegisterEntry]:
        from digitizer.security.register import register_entries

        with self._open() as library:
            document_id = library.document(reference).id if reference else None
            return register_entries(library, document_id)

    def audit_log(self, limit: int | None = None) -> list[AuditEntry]:
        from digitizer.security.audit import entries

        with self._open() as library:
            return entries(library, limit=limit)

    def audit_verify(self) -> AuditReport:
        from digitizer.security.access import verify_audit

        with self._open() as library:
            return verify_audit(library, self._vault_key)

    def set_isolated_lan(self, on: bool, reason: str) -> IsolatedLan:
        """Declare (or withdraw) the machine's network as an isolated in-building LAN."""
        from digitizer.security.access import declare_isolated_lan

        with self._open(writable=True) as library:
            return declare_isolated_lan(library, on, reason)

    def _keep_key(self, key: VaultKey) -> None:
        self.lock()
        self._vault_key = key
        self._vault_used = time.monotonic()

    def _attach_vault(self, library: Library) -> None:
        from digitizer.security.session import VaultSession

        library.sealer = VaultSession(library, self._vault_key, self._key_for)

    def _key_for(self, library: Library) -> VaultKey:
        """The key, unlocking with the passphrase source when there is none yet."""
        if self._vault_key is None:
            from digitizer.errors import VaultLocked
            from digitizer.security import access

            if self.passphrase_source is None:
                raise VaultLocked(
                    "This touches a secret document: unlock the vault first (on the command "
                    "line, give --passphrase-file PATH or answer the passphrase prompt)."
                )
            self._keep_key(access.unlock(library, self.passphrase_source()))
        assert self._vault_key is not None
        self._vault_used = time.monotonic()
        return self._vault_key

    def _open_secret(self, library: Library, document: Document, action: str) -> Document:
        """A secret document, opened (network check, key, audit entry) and revealed; other
        documents as they are."""
        if not document.classification.is_secret:
            return document
        from digitizer.security import access
        from digitizer.security.records import reveal

        access.open_vault(library, f"{action} secret document {document.id}")
        access.note_opened(library, document.id, action)
        return reveal(library, document)

    def _revealed(self, library: Library, documents: list[Document]) -> list[Document]:
        """Secret documents' titles, when the vault is unlocked and the machine offline."""
        if self._vault_key is None or not any(d.classification.is_secret for d in documents):
            return documents
        from digitizer.errors import NetworkConnected
        from digitizer.security import access
        from digitizer.security.records import reveal_in_list

        try:
            access.open_vault(library, "show secret documents")
        except NetworkConnected:
            return documents
        return [reveal_in_list(library, d) if d.classification.is_secret else d for d in documents]

    def _describe_secret(
        self, library: Library, document: Document, metadata: Metadata
    ) -> Document:
        from digitizer.security.records import reveal, update_metadata

        update_metadata(library, document.id, metadata)
        return reveal(library, library.document(document.id))

    def _secret_texts(
        self, library: Library, document: Document, texts: dict[int, PageTextRecord]
    ) -> dict[int, PageTextRecord]:
        if not document.classification.is_secret or not texts:
            return texts
        from digitizer.security import access
        from digitizer.security.records import page_text

        access.open_vault(library, f"read secret document {document.id}")
        return {
            number: replace(record, text=record.text or page_text(library, record.words_sha256))
            for number, record in texts.items()
        }

    def _before_secret_import(self, library: Library, options: ImportOptions | None) -> None:
        level = options.classification if options else None
        if level is not None and level.is_secret:
            from digitizer.security import access

            access.open_vault(library, "import secret documents")

    def _after_secret_import(
        self, library: Library, report: ImportReport, options: ImportOptions | None
    ) -> None:
        level = options.classification if options else None
        if level is None or not level.is_secret:
            return
        from digitizer.security import audit

        for item in report.imported:
            audit.record(
                library,
                audit.Event.IMPORTED,
                document_id=item.document_id,
                details={"level": level.value, "pages": item.pages},
            )

    def _before_secret_ocr(self, library: Library, ids: Sequence[str] | None) -> None:
        documents = library.documents() if ids is None else [library.document(i) for i in ids]
        secret = [document.id for document in documents if document.classification.is_secret]
        if secret:
            from digitizer.security import access

            access.open_vault(library, "recognise secret documents")
            for document_id in secret:
                access.note_opened(library, document_id, "ocr")

    def _after_secret_ocr(self, library: Library, report: OcrReport) -> None:
        """Seal at once the documents a stamp just classified, if the passphrase can be had;
        otherwise they wait (guarded already) for the next unlock."""
        if not any(change.pending for change in report.classified):
            return
        if self._vault_key is None and self.passphrase_source is None:
            return
        from digitizer.errors import DigitizerError
        from digitizer.security import access
        from digitizer.security.records import is_sealed

        try:
            access.open_vault(library, "seal the documents found stamped")
        except DigitizerError:
            return  # locked, refused or offline-only: they stay pending, and say so
        report.classified = [
            replace(change, sealed=True, pending=False)
            if change.pending and is_sealed(library, change.document_id)
            else change
            for change in report.classified
        ]

    def _search_sealed(self, library: Library) -> bool:
        """Secret documents are searched only while the vault is unlocked."""
        if self._vault_key is None:
            return False
        from digitizer.security import access

        access.open_vault(library, "search secret documents")
        return True

    def _after_secret_search(self, library: Library, outcome: SearchOutcome, sealed: bool) -> None:
        if not sealed:
            return
        from digitizer.security import audit
        from digitizer.security.records import is_sealed

        found = sorted(
            {hit.document_id for hit in outcome.hits if is_sealed(library, hit.document_id)}
        )
        if found:
            audit.record(library, audit.Event.SEARCHED, details={"documents": found})
