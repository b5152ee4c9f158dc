"""Stacks: a pile of pages, from a sheet feeder or a file, cut into documents at separator sheets.

Pages come one at a time to a `StackAssembler`. Each is looked at once (`classify`): a separator
sheet ends the document being gathered and starts the next, with the collection and
classification its code carries; a blank page is set aside (stored, listed, recoverable); any
other page joins the current document. A finished document goes into the library through the
ordinary `Importer`, with `ImportOptions.classification` set from its separator, so a document
a secret separator starts is stored as secret documents are and is never in the public index.

A blank page of a secret document is not set aside: it stays with its document, so that no
page of a secret stack is ever kept outside the vault. For the same reason the pages in flight
(a scan, a page taken out of a PDF) are worked on in a private folder in memory when the
machine has one, and each document's pages are removed as soon as it is in.

`import_stacks` feeds the pages of files and folders (`import --split-on-separators`); the
scanner feeds pages as they come off the feeder.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from digitizer.acquire.blank import DEFAULT_THRESHOLD
from digitizer.acquire.classify import PageKind, PageLook, look_at_page
from digitizer.acquire.discover import ImportPlan, ImportUnit, plan_import
from digitizer.acquire.formats import identify
from digitizer.acquire.images import extract_frame
from digitizer.acquire.importer import (
    FailedFile,
    Importer,
    ImportOptions,
    ImportReport,
    probe_file,
)
from digitizer.acquire.pdf import ProbedPdf, page_images
from digitizer.acquire.separators import SeparatorSheet
from digitizer.errors import Cancelled, DigitizerError, InputError, NoPrivateMemory
from digitizer.library.library import Library, utc_now
from digitizer.library.objects import sha256_of_file
from digitizer.model import Classification
from digitizer.progress import CancelEvent, NullProgress, Progress
from digitizer.security.ramdisk import make_private_folder


@dataclass(frozen=True)
class StackOptions:
    split_on_separators: bool = True
    blank_threshold: float = DEFAULT_THRESHOLD
    """Ink fraction under which a page is set aside as blank; 0 keeps every page."""


@dataclass(frozen=True)
class StackPage:
    """One page of a stack, as a single-page image file."""

    path: Path
    name: str  # how reports name it: the file's name, or the file's and the page's
    origin: Path  # the file or folder the user named, or the scanner
    made: bool = False  # a file made here (a page taken out of a PDF, a scan), not the user's


@dataclass(frozen=True)
class FoundSeparator:
    page: str
    sheet: SeparatorSheet


@dataclass(frozen=True)
class SetAside:
    id: int
    page: str
    document_id: str | None
    after_page: int
    ink: float


@dataclass
class StackReport:
    """An `ImportReport` over all the documents made, plus what was taken out of the stacks."""

    imports: ImportReport = field(default_factory=ImportReport)
    separators: list[FoundSeparator] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    ignored_codes: list[tuple[str, str]] = field(default_factory=list)  # (page, why)
    pages: int = 0  # pages looked at

    @property
    def ok(self) -> bool:
        return self.imports.ok

    def merge(self, other: ImportReport) -> None:
        self.imports.imported.extend(other.imported)
        self.imports.duplicates.extend(other.duplicates)
        self.imports.failed.extend(other.failed)
        self.imports.cancelled = self.imports.cancelled or other.cancelled

    def as_json(self) -> dict[str, Any]:
        return {
            **self.imports.as_json(),
            "pages": self.pages,
            "separators": [
                {
                    "page": item.page,
                    "collection": item.sheet.collection,
                    "classification": (
                        item.sheet.classification.value if item.sheet.classification else None
                    ),
                }
                for item in self.separators
            ],
            "set_aside": [
                {
                    "id": item.id,
                    "page": item.page,
                    "document": item.document_id,
                    "after_page": item.after_page,
                    "ink": round(item.ink, 6),
                }
                for item in self.set_aside
            ],
            "ignored_codes": [{"page": page, "why": why} for page, why in self.ignored_codes],
        }


@dataclass
class _Blank:
    page: StackPage
    look: PageLook
    media_type: str
    after: int  # pages of the document gathered before it


class StackAssembler:
    """Gathers the pages of one stack into documents, importing each as soon as it ends.

    `cancel` stops the import of a document part-way (the same import run again finishes it);
    a scan passes none, since stopping a scan stops the feeder and the pages already scanned
    still go in.
    """

    def __init__(
        self,
        library: Library,
        report: StackReport,
        title: str,
        options: ImportOptions | None = None,
        stack: StackOptions | None = None,
        progress: Progress | None = None,
        cancel: CancelEvent | None = None,
    ) -> None:
        self.library = library
        self.report = report
        self.title = title
        self.options = options or ImportOptions()
        self.stack = stack or StackOptions()
        self.progress = progress or NullProgress()
        self.cancel = cancel or CancelEvent()
        self.documents = 0  # documents this stack has started
        self.secret = False  # a document of the stack is secret
        self._sheet: SeparatorSheet | None = None
        self._pages: list[StackPage] = []
        self._blanks: list[_Blank] = []

    def add(self, page: StackPage) -> None:
        if self.report.imports.cancelled:
            raise Cancelled("The import was cancelled; importing the same files again finishes it.")
        self.report.pages += 1
        look = look_at_page(page.path, self.stack.blank_threshold, self.options.max_pixels)
        self.report.ignored_codes.extend((page.name, why) for why in look.ignored_codes)
        if look.kind is PageKind.SEPARATOR and self.stack.split_on_separators:
            assert look.separator is not None
            self.finish()
            self.report.separators.append(FoundSeparator(page.name, look.separator))
            self._sheet = look.separator
            return
        if look.kind is PageKind.BLANK and not self._classification().is_secret:
            try:
                media_type = identify(page.path).format.media_type
            except InputError:
                media_type = ""  # not a file the library takes: the importer says why
            if media_type:
                self._blanks.append(_Blank(page, look, media_type, len(self._pages)))
                return
        self._pages.append(page)

    def finish(self) -> None:
        """Import the document gathered so far, and file its blank pages."""
        pages, blanks = self._pages, self._blanks
        self._pages, self._blanks = [], []
        try:
            document_id = self._import(pages) if pages else None
            for blank in blanks:
                self._set_aside(blank, document_id)
        finally:
            for page in (*pages, *(blank.page for blank in blanks)):
                if page.made:
                    page.path.unlink(missing_ok=True)

    def _classification(self) -> Classification:
        """The level of the document being gathered: its sheet's or the batch's, whichever
        is higher (a sheet never lowers what the operator set for the whole batch)."""
        levels = [self.options.classification, self._sheet and self._sheet.classification]
        return max(
            (level for level in levels if level),
            key=lambda level: level.rank,
            default=Classification.PUBLIC,
        )

    def _import(self, pages: list[StackPage]) -> str | None:
        self.documents += 1
        sheet = self._sheet or SeparatorSheet()
        level = self._classification()
        options = replace(
            self.options,
            one_document=True,
            collection=sheet.collection or self.options.collection,
            classification=level if level is not Classification.PUBLIC else None,
        )
        self.secret = self.secret or level.is_secret
        title = self.title if self.documents == 1 else f"{self.title} ({self.documents})"
        unit = ImportUnit(title, [page.path for page in pages], pages[0].origin)
        try:
            report = Importer(self.library, options, self.progress, self.cancel).run_plan(
                ImportPlan([unit])
            )
        except Cancelled:
            raise
        except DigitizerError as error:
            # The vault is locked, say, or the machine is on a network: this document cannot go
            # in now, the others can.
            first, last = pages[0].name, pages[-1].name
            span = first if first == last else f"{first} … {last}"
            report = ImportReport()
            report.failed.append(FailedFile(span, error.code, error.message))
        # Reports name the pages made here as the user knows them, not by their working file.
        names = {str(page.path): page.name for page in pages if page.made}
        report.imported = [
            replace(item, files=tuple(names.get(name, name) for name in item.files))
            for item in report.imported
        ]
        report.duplicates = [
            replace(item, source=names.get(item.source, item.source)) for item in report.duplicates
        ]
        report.failed = [
            replace(item, source=names.get(item.source, item.source)) for item in report.failed
        ]
        self.report.merge(report)
        if report.imported:
            return report.imported[0].document_id
        return report.duplicates[0].document_id if report.duplicates else None

    def _set_aside(self, blank: _Blank, document_id: str | None) -> None:
        library, page = self.library, blank.page
        sha256 = sha256_of_file(page.path)
        stored = library.put_file(page.path, sha256)
        look = blank.look
        with library.transaction() as db:
            library.register_object(stored, blank.media_type)
            db.execute(
                "INSERT OR IGNORE INTO set_aside_pages (image_sha256, media_type, width, height, "
                "dpi, name, document_id, after_page, reason, ink, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'blank', ?, ?)",
                (
                    sha256,
                    blank.media_type,
                    look.width,
                    look.height,
                    look.dpi,
                    page.name,
                    document_id,
                    blank.after,
                    look.ink or 0.0,
                    utc_now(),
                ),
            )
            row = db.execute(
                "SELECT id, document_id, after_page, ink FROM set_aside_pages "
                "WHERE image_sha256 = ?",
                (sha256,),
            ).fetchone()
        self.report.set_aside.append(
            SetAside(row["id"], page.name, row["document_id"], row["after_page"], row["ink"])
        )


# --- stacks from files and folders ---------------------------------------------------------------


def import_stacks(
    library: Library,
    paths: Sequence[Path],
    options: ImportOptions | None = None,
    stack: StackOptions | None = None,
    progress: Progress | None = None,
    cancel: CancelEvent | None = None,
) -> StackReport:
    """Import each folder (and all files given directly, together) as one stack of pages, split
    into documents at separator sheets, blank pages set aside."""
    options = options or ImportOptions()
    progress = progress or NullProgress()
    cancel = cancel or CancelEvent()
    report = StackReport()
    plan = plan_import(paths, one_document=True)
    for error in plan.missing:
        report.imports.fail(error)
    for unit in plan.units:
        if cancel.is_set():
            report.imports.cancelled = True
            break
        assembler = StackAssembler(library, report, unit.title, options, stack, progress, cancel)
        folder = working_folder(library)
        try:
            split: list[tuple[Path, str, int]] = []  # multi-page originals: path, type, pages
            for page in _pages_of(unit, options, folder, split, report, cancel):
                assembler.add(page)
            assembler.finish()
            if not assembler.secret:
                for path, media_type, count in split:
                    _keep_split_file(library, path, media_type, count, assembler.documents)
        except Cancelled:
            report.imports.cancelled = True
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return report


def working_folder(library: Library) -> Path:
    """A folder for pages in flight: in memory when the machine has a RAM file system (a page
    may turn out to belong to a secret document), else the library's own temporary folder."""
    try:
        return make_private_folder()
    except NoPrivateMemory:
        return library.objects.temp_folder()


def _pages_of(
    unit: ImportUnit,
    options: ImportOptions,
    folder: Path,
    split: list[tuple[Path, str, int]],
    report: StackReport,
    cancel: CancelEvent,
) -> Iterator[StackPage]:
    """The pages of a stack's files in order, each as a single-page image; a multi-page file
    (a PDF, a multi-page TIFF) is taken apart into `folder`, and noted in `split`."""
    for path in unit.files:
        if cancel.is_set():
            raise Cancelled("The import was cancelled; importing the same files again finishes it.")
        try:
            probed = probe_file(path, options)
            media_type = probed.file.format.media_type
            if isinstance(probed, ProbedPdf):
                split.append((path, media_type, len(probed.pages)))
                for expected, rendered in enumerate(
                    page_images(probed, probed.pages, folder, options.password), start=1
                ):
                    # A page out of order would land in the wrong document, even a secret one.
                    if rendered.number != expected:
                        raise RuntimeError(f"{path.name}: page {rendered.number} out of order")
                    yield _owned_page(rendered.path, path, rendered.number, unit.origin)
                continue
            if len(probed.frames) == 1:
                yield StackPage(path, path.name, unit.origin)
                continue
            split.append((path, media_type, len(probed.frames)))
            for index in range(len(probed.frames)):
                extracted, _ = extract_frame(path, index, folder / f"frame-{index + 1}")
                yield _owned_page(extracted, path, index + 1, unit.origin)
        except InputError as error:
            error.source = error.source or str(path)
            report.imports.fail(error)


def _owned_page(made: Path, original: Path, number: int, origin: Path) -> StackPage:
    """A page taken out of a multi-page file, renamed for the source it becomes."""
    named = made.with_name(f"{original.stem}-p{number:04d}{made.suffix}")
    made.rename(named)
    return StackPage(named, f"{original.name} p{number}", origin, made=True)


def _keep_split_file(
    library: Library, path: Path, media_type: str, page_count: int, documents: int
) -> None:
    sha256 = sha256_of_file(path)
    stored = library.put_file(path, sha256)
    with library.transaction() as db:
        library.register_object(stored, media_type)
        db.execute(
            "INSERT OR IGNORE INTO stack_files (sha256, name, media_type, size, page_count, "
            "documents, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (sha256, path.name, media_type, stored.size, page_count, documents, utc_now()),
        )
