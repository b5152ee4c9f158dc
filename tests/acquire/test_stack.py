"""Stacks split at separator sheets: a 9-page stack gives exactly its 3 documents, the sheets are
dropped, the blank back is set aside (listed and recoverable), a secret sheet's document is
secret and never in the public index, and a foreign QR code splits nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from digitizer.acquire.importer import ImportOptions
from digitizer.acquire.separators import SeparatorSheet
from digitizer.acquire.set_aside import restore_page, set_aside_pages
from digitizer.acquire.stack import StackOptions, import_stacks
from digitizer.errors import NotSetAside
from digitizer.library import Library, verify
from digitizer.model import Classification
from digitizer.searching import search
from digitizer.security.vault import Vault
from tests.acquire.stacks import (
    as_folder,
    as_pdf,
    nine_page_stack,
    page_with_code,
    text_image,
)
from tests.helpers.page_texts import give_text


@pytest.fixture(scope="module")
def stack_pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return nine_page_stack(tmp_path_factory.mktemp("stack"))


def _sha(library: Library, document_id: str) -> list[str]:
    return [page.image_sha256 for page in library.pages(document_id)]


@pytest.mark.parametrize("shape", ["pdf", "folder"])
def test_nine_pages_give_three_documents_of_two_pages_and_the_blank_set_aside(
    library: Library, stack_pages: list[Path], tmp_path: Path, shape: str
) -> None:
    if shape == "pdf":
        stack = as_pdf(stack_pages, tmp_path / "chong-giay.pdf")
    else:
        stack = as_folder(stack_pages, tmp_path / "chong-giay")
    report = import_stacks(library, [stack])

    assert report.ok and report.pages == 9
    documents = library.documents()
    assert [document.page_count for document in documents] == [2, 2, 2]
    assert [item.pages for item in report.imports.imported] == [2, 2, 2]
    assert [found.page.split()[-1][-5:] for found in report.separators] != []
    assert len(report.separators) == 2

    # Each document holds its own two pages, in stack order; the sheets are stored nowhere.
    order = [item.document_id for item in report.imports.imported]
    stored = {sha for document_id in order for sha in _sha(library, document_id)}
    assert len(stored) == 6
    titles = [library.document(document_id).metadata.title for document_id in order]
    assert titles == ["chong-giay", "chong-giay (2)", "chong-giay (3)"]

    # The blank back is kept aside, after the second document's last page.
    (blank,) = set_aside_pages(library)
    assert blank.document_id == order[1] and blank.after_page == 2 and blank.reason == "blank"
    assert report.set_aside[0].id == blank.id
    assert library.objects.contains(blank.image_sha256)
    assert blank.image_sha256 not in stored
    if shape == "pdf":  # the whole file is kept byte-exact, since no one document owns it
        (row,) = library.rows("SELECT name, page_count, documents FROM stack_files")
        assert tuple(row) == ("chong-giay.pdf", 9, 3)
    assert verify(library).ok


def test_a_set_aside_page_goes_back_where_it_was(
    library: Library, stack_pages: list[Path], tmp_path: Path
) -> None:
    report = import_stacks(library, [as_pdf(stack_pages, tmp_path / "stack.pdf")])
    (blank,) = set_aside_pages(library)
    second = report.imports.imported[1].document_id
    before = _sha(library, second)

    assert restore_page(library, blank.id) == (second, 3)
    assert _sha(library, second) == [*before, blank.image_sha256]
    assert set_aside_pages(library) == []
    assert verify(library).ok
    with pytest.raises(NotSetAside):
        restore_page(library, blank.id)


def test_a_restored_page_in_the_middle_moves_the_pages_after_it(
    library: Library, tmp_path: Path
) -> None:
    from tests.acquire.stacks import blank_image

    pages = [text_image(tmp_path / "a.png", 0), blank_image(tmp_path / "b.png")]
    pages.append(text_image(tmp_path / "c.png", 3))
    import_stacks(library, [as_folder(pages, tmp_path / "stack")])
    (document,) = library.documents()
    first, last = _sha(library, document.id)
    (blank,) = set_aside_pages(library)
    assert blank.after_page == 1
    restore_page(library, blank.id)
    assert _sha(library, document.id) == [first, blank.image_sha256, last]


def test_importing_the_same_stack_again_adds_nothing(
    library: Library, stack_pages: list[Path], tmp_path: Path
) -> None:
    stack = as_pdf(stack_pages, tmp_path / "stack.pdf")
    import_stacks(library, [stack])
    again = import_stacks(library, [stack])
    assert again.imports.imported == [] and len(again.imports.duplicates) == 6
    assert len(library.documents()) == 3
    assert len(set_aside_pages(library)) == 1


def _unlock_new_vault(library: Library) -> None:
    library.sealer = Vault(library.root).create("một cụm mật khẩu dài", cost=2**10)


def test_a_secret_sheet_makes_its_document_secret_and_keeps_it_out_of_the_index(
    library: Library, tmp_path: Path
) -> None:
    _unlock_new_vault(library)
    sheet = SeparatorSheet("Hồ sơ mật 7", Classification.SECRET)
    pages = nine_page_stack(tmp_path / "pages", second=sheet)
    report = import_stacks(
        library, [as_pdf(pages, tmp_path / "stack.pdf")], ImportOptions(collection="Hồ sơ 1")
    )
    first, second, third = (item.document_id for item in report.imports.imported)
    levels = [library.document(ref).classification for ref in (first, second, third)]
    assert levels == [Classification.PUBLIC, Classification.PUBLIC, Classification.SECRET]
    names = [library.collection_name(library.document(ref).collection_id) for ref in (first, third)]
    assert names == ["Hồ sơ 1", "Hồ sơ mật 7"]
    # Its pages are sealed in the vault; a secret stack's original is not kept outside it.
    for page in library.pages(third):
        assert not library.objects.contains(page.image_sha256)
    assert library.rows("SELECT * FROM stack_files") == []

    for document_id, word in ((first, "nghịquyết"), (second, "chỉthị"), (third, "tuyệtmật")):
        give_text(library, document_id, [f"văn bản {word}", f"trang hai {word}"])
    assert search(library, "nghịquyết").total == 2
    assert search(library, "chỉthị").total == 2
    assert search(library, "tuyệtmật").total == 0


def test_with_the_vault_locked_the_secret_document_fails_and_the_others_go_in(
    library: Library, tmp_path: Path
) -> None:
    sheet = SeparatorSheet(None, Classification.SECRET)
    pages = nine_page_stack(tmp_path / "pages", second=sheet)
    report = import_stacks(library, [as_pdf(pages, tmp_path / "stack.pdf")])
    assert [item.pages for item in report.imports.imported] == [2, 2]
    (failure,) = report.imports.failed
    assert failure.code == "vault-locked"
    assert failure.source == "stack.pdf p8 … stack.pdf p9"
    assert not report.ok


def test_a_blank_page_of_a_secret_document_stays_with_it(library: Library, tmp_path: Path) -> None:
    from tests.acquire.stacks import blank_image, separator_image

    _unlock_new_vault(library)
    sheet = separator_image(tmp_path, SeparatorSheet(None, Classification.SECRET), "sheet")
    pages = [sheet, text_image(tmp_path / "a.png", 0), blank_image(tmp_path / "b.png")]
    report = import_stacks(library, [as_folder(pages, tmp_path / "stack")])
    assert [item.pages for item in report.imports.imported] == [2]
    assert set_aside_pages(library) == []


def test_without_splitting_a_stack_is_one_document_of_every_page(
    library: Library, tmp_path: Path
) -> None:
    pages = nine_page_stack(tmp_path / "pages", second=SeparatorSheet("Hồ sơ 2"))
    report = import_stacks(
        library,
        [as_folder(pages, tmp_path / "stack")],
        stack=StackOptions(split_on_separators=False, blank_threshold=0),
    )
    assert [item.pages for item in report.imports.imported] == [9]
    assert report.separators == [] and report.set_aside == []


def test_a_bad_page_is_reported_and_the_stack_goes_on(
    library: Library, stack_pages: list[Path], tmp_path: Path
) -> None:
    folder = as_folder(stack_pages, tmp_path / "stack")
    (folder / "scan-004.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    report = import_stacks(library, [folder])
    assert [item.pages for item in report.imports.imported] == [2, 1, 2]
    (failure,) = report.imports.failed
    assert failure.source.endswith("scan-004.png") and failure.code == "corrupt-image"
    assert not report.ok


def test_a_cancelled_stack_import_finishes_when_run_again(
    library: Library, stack_pages: list[Path], tmp_path: Path
) -> None:
    import threading

    from digitizer.progress import NullProgress

    stack = as_pdf(stack_pages, tmp_path / "stack.pdf")
    cancel = threading.Event()

    class CancelAtSecondDocument(NullProgress):
        def start(self, total: int, message: str = "") -> None:
            if message == "Importing pages" and library.documents():
                cancel.set()

    first = import_stacks(library, [stack], progress=CancelAtSecondDocument(), cancel=cancel)
    assert first.imports.cancelled
    assert len(first.imports.imported) == 1
    second = import_stacks(library, [stack])
    assert [item.pages for item in second.imports.imported] == [2, 2]
    assert [document.page_count for document in library.documents()] == [2, 2, 2]
    assert len(set_aside_pages(library)) == 1


def test_a_page_with_a_foreign_qr_code_stays_a_page_and_is_said(
    library: Library, tmp_path: Path
) -> None:
    labelled = page_with_code(tmp_path, "https://example.gov.vn/tai-lieu/0123456789")
    pages = [text_image(tmp_path / "a.png", 0), labelled, text_image(tmp_path / "c.png", 3)]
    report = import_stacks(library, [as_folder(pages, tmp_path / "stack")])
    assert [item.pages for item in report.imports.imported] == [3]
    ((page, why),) = report.ignored_codes
    assert page == "scan-002.png" and "not a separator" in why


def test_a_sheet_raises_the_level_of_its_documents_but_never_lowers_the_batch_s(
    library: Library, tmp_path: Path
) -> None:
    from tests.acquire.stacks import separator_image

    public = separator_image(tmp_path, SeparatorSheet(None, Classification.PUBLIC), "public")
    internal = separator_image(tmp_path, SeparatorSheet(None, Classification.INTERNAL), "inner")
    pages = [text_image(tmp_path / "a.png", 0), internal, text_image(tmp_path / "b.png", 2)]
    pages += [public, text_image(tmp_path / "c.png", 4)]
    stack = as_folder(pages, tmp_path / "stack")

    report = import_stacks(library, [stack])
    levels = [library.document(i.document_id).classification for i in report.imports.imported]
    assert levels == [Classification.PUBLIC, Classification.INTERNAL, Classification.PUBLIC]

    other = Library.open(tmp_path / "other", create=True)
    with other:
        report = import_stacks(
            other, [stack], ImportOptions(classification=Classification.INTERNAL)
        )
        levels = [other.document(i.document_id).classification for i in report.imports.imported]
    assert levels == [Classification.INTERNAL] * 3
