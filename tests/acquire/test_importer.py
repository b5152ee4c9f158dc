from __future__ import annotations

import hashlib
import shutil
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from digitizer.acquire.importer import ImportOptions, import_paths
from digitizer.acquire.pdf import PdfPage, ProbedPdf, RenderedPage, page_images
from digitizer.errors import CorruptPdf
from digitizer.library import Library, verify
from digitizer.model import ImportState
from tests.helpers.pages import pdf_of_pages, write_image, write_multipage_tiff


class RecordingProgress:
    def __init__(self, cancel_after: int | None = None, cancel: threading.Event | None = None):
        self.totals: list[int] = []
        self.done = 0
        self.cancel_after = cancel_after
        self.cancel = cancel

    def start(self, total: int, message: str = "") -> None:
        self.totals.append(total)
        self.done = 0

    def advance(self, steps: int = 1, message: str = "") -> None:
        self.done += steps
        if self.cancel and self.cancel_after is not None and self.done >= self.cancel_after:
            self.cancel.set()

    def finish(self) -> None:
        pass


def test_an_image_is_its_own_page_stored_byte_exact(library: Library, inputs: Path) -> None:
    path = write_image(inputs / "to-trinh.jpg", 1, "JPEG", dpi=200)
    report = import_paths(library, [path])

    assert report.ok
    (item,) = report.imported
    (page,) = library.pages(item.document_id)
    expected = hashlib.sha256(path.read_bytes()).hexdigest()
    assert page.image_sha256 == page.source_sha256 == expected
    assert library.objects.path_of(expected).read_bytes() == path.read_bytes()
    assert (page.width, page.height, page.dpi, page.media_type) == (400, 560, 200.0, "image/jpeg")
    document = library.document(item.document_id)
    assert document.metadata.title == "to-trinh"
    assert document.state is ImportState.COMPLETE


def test_progress_counts_every_page(library: Library, inputs: Path) -> None:
    write_multipage_tiff(inputs / "a.tif", 3)
    pdf_of_pages(inputs / "b.pdf", 4)
    progress = RecordingProgress()
    import_paths(library, [inputs], progress=progress)
    assert progress.totals == [2, 7]
    assert progress.done == 7


def test_a_cancelled_import_is_finished_by_importing_again(library: Library, inputs: Path) -> None:
    pdf = pdf_of_pages(inputs / "book.pdf", 12)
    cancel = threading.Event()
    first = import_paths(library, [pdf], progress=RecordingProgress(5, cancel), cancel=cancel)
    assert first.cancelled and not first.imported
    (document,) = library.documents()
    assert document.state is ImportState.IMPORTING
    assert 0 < document.page_count < 12

    second = import_paths(library, [pdf])
    assert second.ok
    assert second.imported[0].resumed
    assert second.imported[0].document_id == document.id
    pages = library.pages(document.id)
    assert [page.number for page in pages] == list(range(1, 13))
    assert [page.source_page for page in pages] == list(range(1, 13))
    assert len({page.image_sha256 for page in pages}) == 12
    assert verify(library).ok


def _fail_pdf_after_two_pages(
    monkeypatch: pytest.MonkeyPatch, before_failing: Callable[[], object] = lambda: None
) -> None:
    """Fault injection: the importer gets two real pages of a PDF, then a render failure."""

    def failing_pages(
        probed: ProbedPdf, pages: Sequence[PdfPage], folder: Path, password: str | None
    ) -> Iterator[RenderedPage]:
        rendered = page_images(probed, pages, folder, password)
        yield next(rendered)
        yield next(rendered)
        before_failing()
        raise CorruptPdf("page 3 cannot be rendered", source=probed.file.path)

    monkeypatch.setattr("digitizer.acquire.pdf.page_images", failing_pages)


def test_a_pdf_that_fails_part_way_leaves_nothing_behind(
    library: Library, inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_pdf_after_two_pages(monkeypatch)
    good = write_image(inputs / "good.png", 7)
    report = import_paths(library, [pdf_of_pages(inputs / "bad.pdf", 5), good])

    assert [(f.code, Path(f.source).name) for f in report.failed] == [("corrupt-pdf", "bad.pdf")]
    assert [Path(item.source).name for item in report.imported] == ["good.png"]
    (only,) = library.documents()
    assert only.metadata.title == "good"
    assert list(library.objects.iter_names()) == [only.sources[0].sha256]
    assert verify(library).ok


def test_the_same_bytes_twice_are_stored_once(library: Library, inputs: Path) -> None:
    folder = inputs / "ho-so"
    folder.mkdir()
    original = write_image(folder / "trang-1.png", 1)
    shutil.copy(original, folder / "trang-9.png")
    write_image(folder / "trang-2.png", 2)

    report = import_paths(library, [folder], ImportOptions(one_document=True))

    (item,) = report.imported
    assert item.pages == 2
    assert [(Path(d.source).name, d.document_id) for d in report.duplicates] == [
        ("trang-9.png", item.document_id)
    ]
    again = import_paths(library, [original])
    assert [d.document_id for d in again.duplicates] == [item.document_id]
    assert again.ok and not again.imported


def test_documents_keep_their_order_in_a_collection(library: Library, inputs: Path) -> None:
    for number in (10, 2, 1):
        write_image(inputs / f"vb-{number}.png", number)
    import_paths(library, [inputs], ImportOptions(collection="Hồ sơ 01"))
    write_image(inputs / "vb-11.png", 11)
    import_paths(library, [inputs / "vb-11.png"], ImportOptions(collection="Hồ sơ 01"))

    (collection,) = library.collections()
    assert collection.name == "Hồ sơ 01"
    titles = [library.document(doc_id).metadata.title for doc_id in collection.document_ids]
    assert titles == ["vb-1", "vb-2", "vb-10", "vb-11"]


def test_multipage_tiff_pages_are_numbered_after_earlier_files(
    library: Library, inputs: Path
) -> None:
    folder = inputs / "sach"
    folder.mkdir()
    write_image(folder / "01-bia.png", 1)
    write_multipage_tiff(folder / "02-noi-dung.tif", 3, dpi=400)
    report = import_paths(library, [folder], ImportOptions(one_document=True))

    pages = library.pages(report.imported[0].document_id)
    assert [(p.number, p.source_page, p.dpi) for p in pages] == [
        (1, 1, 300.0),
        (2, 1, 400.0),
        (3, 2, 400.0),
        (4, 3, 400.0),
    ]
    assert {p.media_type for p in pages[1:]} == {"image/tiff"}
    assert len({p.image_sha256 for p in pages}) == 4


def test_a_render_killed_by_ctrl_c_is_a_cancel_not_a_damaged_pdf(
    library: Library, inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cancel = threading.Event()
    # The terminal's SIGINT reaches the importer and poppler alike.
    _fail_pdf_after_two_pages(monkeypatch, before_failing=cancel.set)
    pdf = pdf_of_pages(inputs / "book.pdf", 5)
    report = import_paths(library, [pdf], cancel=cancel)

    assert report.cancelled and not report.failed
    (document,) = library.documents()
    assert document.state is ImportState.IMPORTING
    assert document.page_count == 2, "the pages stored before the cancel are kept"

    monkeypatch.undo()
    again = import_paths(library, [pdf])
    assert again.ok and again.imported[0].resumed and again.imported[0].pages == 5
    assert verify(library).ok
