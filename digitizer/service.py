"""The service API: what the command line and the window may ask of the core.

Every call opens what it needs, does one job, and returns plain values from `digitizer.model` or
a report; long work takes a `Progress` and a cancel event, and runs happily on a worker thread.
Each subsystem (OCR, search, exports) is loaded by the first call that needs it, so a command
that only lists documents starts in a blink.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from digitizer.library import Library, VerifyReport, verify
from digitizer.locations import default_library_path
from digitizer.model import Collection, Document, Page, PageTextRecord
from digitizer.progress import CancelEvent, Progress

if TYPE_CHECKING:
    from digitizer.acquire.importer import ImportOptions, ImportReport
    from digitizer.export.document import ExportResult
    from digitizer.export.publish import PublishOptions, PublishResult
    from digitizer.indexing import IndexReport
    from digitizer.pipeline.evaluate import EvalReport
    from digitizer.pipeline.ocr import OcrOptions, OcrReport
    from digitizer.searching import SearchOutcome


class Workstation:
    """One archive library, as the user sees it."""

    def __init__(self, library_path: Path | None = None) -> None:
        self.library_path = (library_path or default_library_path()).expanduser().resolve()

    def _open(self, *, create: bool = False, writable: bool = False) -> Library:
        return Library.open(self.library_path, create=create, writable=writable)

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
            return import_paths(library, paths, options, progress, cancel)

    def documents(self) -> list[Document]:
        with self._open() as library:
            return library.documents()

    def collections(self) -> list[Collection]:
        with self._open() as library:
            return library.collections()

    def document(self, reference: str) -> tuple[Document, list[Page], str]:
        """A document, its pages, and the name of its collection ('' when none)."""
        with self._open() as library:
            document = library.document(reference)
            return (
                document,
                library.pages(document.id),
                library.collection_name(document.collection_id),
            )

    def describe(self, reference: str, **changes: object) -> Document:
        """Change fields of a document's archival description (`Metadata` field names)."""
        with self._open(writable=True) as library:
            document = library.document(reference)
            metadata = replace(document.metadata, **changes)  # type: ignore[arg-type]
            library.update_metadata(document.id, metadata)
            return library.document(document.id)

    def verify(self, progress: Progress | None = None) -> VerifyReport:
        # Writable: if a writer died, opening alone finishes its recovery before the check.
        with self._open(writable=True) as library:
            return verify(library, progress)

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
            return run_ocr(library, ids, options, progress, cancel)

    def page_texts(self, reference: str) -> dict[int, PageTextRecord]:
        """The current OCR result of each recognised page of a document, by page number."""
        with self._open() as library:
            return library.page_texts(library.document(reference).id)

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
        from digitizer.export.document import export_document

        with self._open() as library:
            return export_document(
                library, reference, fmt, out, allow_unrecognised=allow_unrecognised
            )

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
        from digitizer.export.publish import publish

        with self._open() as library:
            return publish(
                library, fmt, out, documents=documents, collections=collections, options=options
            )

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

    def set_setting(self, key: str, value: str) -> None:
        with self._open(writable=True) as library:
            library.set_setting(key, value)

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
            return search(
                library, query, limit=limit, filters=filters, group_by_document=group_by_document
            )

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
