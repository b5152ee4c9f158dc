"""Import files and folders into a library.

Every file is checked first (format, integrity, size, password), then each import unit becomes
one document: its original files are stored byte-exact, then its pages one at a time, each in its
own transaction. A document stays `importing` until its last page is in; importing the same files
again after a crash finishes it instead of starting over.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from digitizer.acquire.discover import ImportPlan, ImportUnit, plan_import
from digitizer.acquire.formats import DEFAULT_MAX_PAGES, DEFAULT_MAX_PIXELS, FileFormat, identify
from digitizer.acquire.images import (
    ProbedImage,
    check_page_count,
    extract_frame,
    probe_image,
)
from digitizer.errors import (
    Cancelled,
    DigitizerError,
    InputError,
    UnreadableContent,
    is_disk_full,
    system_failure,
)
from digitizer.library.library import Library, new_document_id, utc_now
from digitizer.library.objects import sha256_of_file
from digitizer.model import Classification, Metadata
from digitizer.printable import display_name, printable
from digitizer.progress import CancelEvent, NullProgress, Progress
from digitizer.security.ramdisk import make_private_folder
from digitizer.security.records import SealedRecord, is_sealed, write_record

if TYPE_CHECKING:
    # PDFs bring qpdf, poppler and X.509 with them: loaded when a PDF is met, so that an
    # import of scans does not start them.
    from digitizer.acquire.pdf import ProbedPdf
    from digitizer.acquire.pdf_signatures import PdfSignature


@dataclass(frozen=True)
class ImportOptions:
    collection: str | None = None  # put the new documents into this collection (made if missing)
    one_document: bool = False  # each folder (and all loose files together) is one document
    password: str | None = None  # opens password-protected PDFs
    max_pixels: int = DEFAULT_MAX_PIXELS  # larger images are refused as possible bombs
    max_pages: int = DEFAULT_MAX_PAGES  # files with more pages (frames) are refused
    # The level of the new documents; at Mật and above they are stored only in the vault.
    classification: Classification | None = None


@dataclass(frozen=True)
class ImportedDocument:
    document_id: str
    pages: int
    source: str
    files: tuple[str, ...]
    resumed: bool  # an interrupted import of the same files was completed


@dataclass(frozen=True)
class DuplicateFile:
    source: str
    document_id: str


@dataclass(frozen=True)
class FailedFile:
    source: str
    code: str
    message: str


@dataclass
class ImportReport:
    imported: list[ImportedDocument] = field(default_factory=list)
    duplicates: list[DuplicateFile] = field(default_factory=list)
    failed: list[FailedFile] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled

    def fail(self, error: InputError) -> None:
        self.failed.append(FailedFile(printable(error.source or ""), error.code, error.message))

    def as_json(self) -> dict[str, Any]:
        return {
            "imported": [
                {
                    "document": item.document_id,
                    "pages": item.pages,
                    "source": item.source,
                    "files": list(item.files),
                    "resumed": item.resumed,
                }
                for item in self.imported
            ],
            "duplicates": [
                {"source": item.source, "document": item.document_id} for item in self.duplicates
            ],
            "failed": [
                {"source": item.source, "code": item.code, "message": item.message}
                for item in self.failed
            ],
            "cancelled": self.cancelled,
        }


Probed: TypeAlias = "ProbedImage | ProbedPdf"


@dataclass(frozen=True)
class _CheckedFile:
    path: Path
    sha256: str
    probed: Probed

    @property
    def page_count(self) -> int:
        return len(
            self.probed.frames if isinstance(self.probed, ProbedImage) else self.probed.pages
        )

    @property
    def format(self) -> FileFormat:
        return self.probed.file.format


def probe_file(path: Path, options: ImportOptions) -> Probed:
    """The file at `path` identified and checked: format, integrity, size, password."""
    identified = identify(path)
    if identified.format is FileFormat.PDF:
        secret = bool(options.classification and options.classification.is_secret)
        from digitizer.acquire.pdf import probe_pdf

        probed = probe_pdf(identified, options.password, options.max_pixels, secret=secret)
        check_page_count(path, len(probed.pages), options.max_pages)
        return probed
    return probe_image(identified, options.max_pixels, options.max_pages)


def _check(path: Path, options: ImportOptions) -> _CheckedFile:
    try:
        probed = probe_file(path, options)  # first: it refuses what cannot be read, with a reason
    except InputError:
        raise
    except Exception as error:  # a reader broken by this file's contents: this file's failure
        raise unreadable(path, error) from error
    return _CheckedFile(path, sha256_of_file(path), probed)


_CHECKERS = 2
"""Files checked at once. Decoding and hashing leave the interpreter's lock, so two threads
check a batch of scans in about half the time on two cores; each holds one decoded page."""


def _checked(
    paths: Sequence[Path], options: ImportOptions
) -> Iterator[tuple[Path, _CheckedFile | InputError]]:
    """Each file of `paths` checked, in their order: the file, or why it is refused."""

    def check(path: Path) -> _CheckedFile | InputError:
        try:
            return _check(path, options)
        except InputError as error:
            return error

    with ThreadPoolExecutor(_CHECKERS, thread_name_prefix="import-check") as pool:
        yield from zip(paths, pool.map(check, paths), strict=True)


def unreadable(path: Path, error: BaseException) -> InputError:
    """A reader's unexpected failure on `path`, as that file's failure with a code."""
    return UnreadableContent(
        f"{display_name(path)}: its contents cannot be read ({type(error).__name__}: {error}).",
        source=path,
    )


class Importer:
    """Runs one import batch against a library. Not thread-safe; one batch at a time."""

    def __init__(
        self,
        library: Library,
        options: ImportOptions | None = None,
        progress: Progress | None = None,
        cancel: CancelEvent | None = None,
    ) -> None:
        self.library = library
        self.options = options or ImportOptions()
        self.progress = progress or NullProgress()
        self.cancel = cancel or CancelEvent()

    def run(self, paths: Sequence[Path]) -> ImportReport:
        return self.run_plan(plan_import(paths, one_document=self.options.one_document))

    def run_plan(self, plan: ImportPlan) -> ImportReport:
        """Import units planned by the caller (a stack split at separator sheets, say)."""
        report = ImportReport()
        for error in plan.missing:
            report.fail(error)

        checked_units: list[tuple[ImportUnit, list[_CheckedFile]]] = []
        self.progress.start(sum(len(unit.files) for unit in plan.units), "Checking files")
        for unit in plan.units:
            good = []
            for path, checked in _checked(unit.files, self.options):
                if isinstance(checked, InputError):
                    checked.source = checked.source or str(path)
                    report.fail(checked)
                else:
                    good.append(checked)
                self.progress.advance(1, path.name)
            checked_units.append((unit, good))
        self.progress.finish()

        collection_id = None
        if self.options.collection:
            collection_id = self.library.collection_id(self.options.collection)

        pages_total = sum(file.page_count for _, files in checked_units for file in files)
        self.progress.start(pages_total, "Importing pages")
        try:
            for unit, files in checked_units:
                with self.library.importing_alone():
                    self._import_unit(unit, files, collection_id, report)
        except Cancelled:
            report.cancelled = True
        finally:
            self.progress.finish()
        return report

    # --- one document --------------------------------------------------------------------------

    def _import_unit(
        self,
        unit: ImportUnit,
        files: list[_CheckedFile],
        collection_id: int | None,
        report: ImportReport,
    ) -> None:
        fresh: list[_CheckedFile] = []
        repeated: list[_CheckedFile] = []  # the same bytes twice in this unit
        for file in files:
            if any(file.sha256 == kept.sha256 for kept in fresh):
                repeated.append(file)
                continue
            holder = self._document_holding(file)
            if holder is not None and holder[0] != "importing":
                report.duplicates.append(DuplicateFile(printable(str(file.path)), holder[1]))
                self.progress.advance(file.page_count, f"{file.path.name}: already in the library")
                continue
            fresh.append(file)
        if not fresh:
            return

        names = "\n".join(self._source_name(file) for file in fresh)
        import_key = hashlib.sha256(names.encode()).hexdigest()
        document_id, resumed = self._open_document(unit, fresh, import_key, collection_id, report)
        if document_id is None:
            return
        for file in repeated:
            report.duplicates.append(DuplicateFile(printable(str(file.path)), document_id))
            self.progress.advance(file.page_count)
        try:
            pages = self._add_pages(document_id, fresh)
        except InputError as error:
            # Ctrl+C in a terminal reaches poppler too, so a cancelled render looks like a
            # damaged PDF: keep the pages stored so far for the next run to finish.
            self._check_cancel()
            self.library.discard_document(document_id)
            error.source = error.source or str(unit.origin)
            report.fail(error)
            return
        with self.library.transaction() as db:
            db.execute(
                "UPDATE documents SET import_state = 'complete' WHERE id = ?", (document_id,)
            )
        report.imported.append(
            ImportedDocument(
                document_id,
                pages,
                printable(str(unit.origin)),
                tuple(printable(str(file.path)) for file in fresh),
                resumed,
            )
        )

    @property
    def _secret(self) -> bool:
        return (self.options.classification or Classification.PUBLIC).is_secret

    def _source_name(self, file: _CheckedFile) -> str:
        """The catalogue's name of the file: its SHA-256, or in a secret import its keyed name."""
        return self.library.object_name(file.sha256, secret=self._secret)

    def _document_holding(self, file: _CheckedFile) -> tuple[str, str] | None:
        """The document that already has this file as a source (a secret one is found only with
        the vault's key at hand)."""
        names = [file.sha256]
        sealer = self.library.sealer
        if self._secret or (sealer is not None and sealer.unlocked):
            names.append(self.library.object_name(file.sha256, secret=True))
        for name in names:
            row = self.library.db.execute(
                "SELECT d.import_state, d.id FROM sources s "
                "JOIN documents d ON d.id = s.document_id WHERE s.sha256 = ?",
                (name,),
            ).fetchone()
            if row:
                return (row[0], row[1])
        return None

    def _open_document(
        self,
        unit: ImportUnit,
        files: list[_CheckedFile],
        import_key: str,
        collection_id: int | None,
        report: ImportReport,
    ) -> tuple[str | None, bool]:
        """The id of the document these files make: an interrupted one with the same files, or a
        new one with its originals stored. Returns (None, False) when nothing is to be done."""
        library = self.library
        row = library.db.execute(
            "SELECT id FROM documents WHERE import_key = ? AND import_state = 'importing'",
            (import_key,),
        ).fetchone()
        if row:
            return str(row["id"]), True

        level = self.options.classification or Classification.PUBLIC
        secret = level.is_secret  # originals go straight into the vault, sealed
        stored = []
        for file in files:
            try:
                stored.append(library.put_file(file.path, file.sha256, secret=secret))
            except InputError as error:
                report.fail(error)
                return None, False
        document_id = new_document_id()
        with library.transaction() as db:
            for file in files:
                holder = self._document_holding(file)
                if holder is not None:  # another process took these files in meanwhile
                    report.duplicates.append(DuplicateFile(printable(str(file.path)), holder[1]))
                    return None, False
            position = db.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM documents WHERE collection_id IS ?",
                (collection_id,),
            ).fetchone()[0]
            db.execute(
                "INSERT INTO documents (id, collection_id, position, title, classification, "
                "import_state, import_key, created_at) VALUES (?, ?, ?, ?, ?, 'importing', ?, ?)",
                (
                    document_id,
                    collection_id,
                    position,
                    "" if secret else unit.title,
                    level.value,
                    import_key,
                    utc_now(),
                ),
            )
            if secret:
                names = {o.sha256: f.path.name for f, o in zip(files, stored, strict=True)}
                record = SealedRecord(Metadata(title=unit.title), names)
                write_record(library, db, document_id, record)
            first_page = 1
            for position, (file, obj) in enumerate(zip(files, stored, strict=True), start=1):
                library.register_object(obj, file.format.media_type)
                pdf = None if isinstance(file.probed, ProbedImage) else file.probed
                has_text = pdf is not None and pdf.has_text_layer
                db.execute(
                    "INSERT INTO sources (sha256, document_id, position, name, media_type, size, "
                    "page_count, first_page, has_text_layer) VALUES (?,?,?,?,?,?,?,?,?)",
                    (
                        obj.sha256,
                        document_id,
                        position,
                        "" if secret else display_name(file.path),
                        file.format.media_type,
                        obj.size,
                        file.page_count,
                        first_page,
                        int(has_text),
                    ),
                )
                if pdf is not None and not secret:
                    _file_signatures(db, file.sha256, pdf.signatures)
                    db.executemany(
                        "INSERT OR IGNORE INTO source_text_layers (source_sha256, source_page, "
                        "verdict) VALUES (?,?,?)",
                        [
                            (file.sha256, page.number, page.text_layer)
                            for page in pdf.pages
                            if page.text_layer in ("stamp", "garbled")
                        ],
                    )
                first_page += file.page_count
        return document_id, False

    def _add_pages(self, document_id: str, files: list[_CheckedFile]) -> int:
        """Store every page not yet stored; return the document's page count."""
        secret = is_sealed(self.library, document_id)
        first_page = 1
        for file in files:
            done = {
                row[0]
                for row in self.library.db.execute(
                    "SELECT source_page FROM pages WHERE source_sha256 = ?",
                    (self.library.object_name(file.sha256, secret=secret),),
                )
            }
            self.progress.advance(len(done))
            for page in self._make_pages(file, done, secret):
                self._add_page(document_id, file, first_page, page, secret)
            first_page += file.page_count
        count = self.library.db.execute(
            "SELECT count(*) FROM pages WHERE document_id = ?", (document_id,)
        ).fetchone()[0]
        return int(count)

    def _make_pages(self, file: _CheckedFile, done: set[int], secret: bool) -> Iterator[_NewPage]:
        """The pages of `file` not in `done`, each as an image file ready to store (in RAM for
        a `secret` document)."""
        probed = file.probed
        if isinstance(probed, ProbedImage) and len(probed.frames) == 1:
            if 1 not in done:
                frame = probed.frames[0]
                yield _NewPage(
                    1,
                    file.path,
                    file.sha256,
                    file.format.media_type,
                    frame.width,
                    frame.height,
                    frame.dpi,
                    owned=False,
                )
            return
        folder = make_private_folder() if secret else self.library.objects.temp_folder()
        try:
            if isinstance(probed, ProbedImage):
                for index, frame in enumerate(probed.frames):
                    if index + 1 in done:
                        continue
                    self._check_cancel()
                    path, media_type = extract_frame(
                        file.path, index, folder / f"frame-{index + 1}"
                    )
                    yield _NewPage(
                        index + 1,
                        path,
                        sha256_of_file(path),
                        media_type,
                        frame.width,
                        frame.height,
                        frame.dpi,
                        owned=True,
                    )
            else:
                from digitizer.acquire.pdf import page_images

                wanted = [page for page in probed.pages if page.number not in done]
                for rendered in page_images(probed, wanted, folder, self.options.password):
                    self._check_cancel()
                    yield _NewPage(
                        rendered.number,
                        rendered.path,
                        sha256_of_file(rendered.path),
                        rendered.media_type,
                        rendered.width,
                        rendered.height,
                        float(rendered.dpi),
                        owned=True,
                        has_text=probed.pages[rendered.number - 1].has_text,
                    )
        except DigitizerError:
            raise
        except OSError as error:
            if is_disk_full(error):
                raise system_failure(error) from error
            raise unreadable(file.path, error) from error
        except Exception as error:  # a reader broken by this file's contents: its failure only
            raise unreadable(file.path, error) from error
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _add_page(
        self, document_id: str, file: _CheckedFile, first_page: int, page: _NewPage, secret: bool
    ) -> None:
        self._check_cancel()
        library = self.library
        stored = library.put_file(page.path, page.sha256, move=page.owned, secret=secret)
        with library.transaction() as db:
            library.register_object(stored, page.media_type)
            db.execute(
                "INSERT INTO pages (document_id, number, image_sha256, media_type, width, height, "
                "dpi, source_sha256, source_page, has_text_layer) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    document_id,
                    first_page + page.source_page - 1,
                    stored.sha256,
                    page.media_type,
                    page.width,
                    page.height,
                    page.dpi,
                    library.object_name(file.sha256, secret=secret),
                    page.source_page,
                    int(page.has_text),
                ),
            )
        self.progress.advance(1, f"{file.path.name} page {page.source_page}")

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled("The import was cancelled; importing the same files again finishes it.")


@dataclass(frozen=True)
class _NewPage:
    source_page: int
    path: Path
    sha256: str
    media_type: str
    width: int
    height: int
    dpi: float | None
    owned: bool  # a file we made (moved into the store) rather than the user's (copied)
    has_text: bool = False


def import_paths(
    library: Library,
    paths: Sequence[Path],
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    cancel: CancelEvent | None = None,
) -> ImportReport:
    """Import files and folders; see `Importer`."""
    return Importer(library, options, progress, cancel).run(paths)


def _file_signatures(
    db: sqlite3.Connection, sha256: str, signatures: Sequence[PdfSignature]
) -> None:
    """Note the digital signatures an original PDF states, for `show` and the record."""
    db.executemany(
        "INSERT OR IGNORE INTO source_signatures (source_sha256, position, field, signer, "
        "signed_at, reason, location, sub_filter, covers_whole_file) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (
                sha256,
                position,
                s.field,
                s.signer,
                s.signed_at,
                s.reason,
                s.location,
                s.sub_filter,
                int(s.covers_whole_file),
            )
            for position, s in enumerate(signatures, start=1)
        ],
    )
