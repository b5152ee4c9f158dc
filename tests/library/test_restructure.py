"""Documents split at a page and merged back, pages cropped to a derived image: each page keeps
its image and OCR text, the search follows, the library still verifies, and a crop leaves the
original in place and can be undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from digitizer.errors import LibraryError
from digitizer.library import Library, editing, verify
from digitizer.library.restructure import crop_page, merge_documents, split_document
from digitizer.searching import search
from tests.library.test_editing import _document, _texts


def _found(library: Library, query: str) -> list[tuple[str, int]]:
    return sorted((hit.document_id, hit.page) for hit in search(library, query).hits)


def test_a_document_is_split_at_a_page_and_merged_back(library: Library, inputs: Path) -> None:
    document = _document(library, inputs)
    library.update_metadata(
        document, library.document(document).metadata.__class__(title="Hồ sơ hội nghị")
    )
    with pytest.raises(LibraryError):
        split_document(library, document, 1)
    with pytest.raises(LibraryError):
        split_document(library, document, 4)

    second = split_document(library, document, 2)
    assert _texts(library, document) == ["trang một nghị quyết"]
    assert _texts(library, second) == ["trang hai chỉ thị", "trang ba báo cáo"]
    assert library.document(second).collection_id == library.document(document).collection_id
    assert library.document(second).metadata.title == "Hồ sơ hội nghị"
    assert _found(library, "báo cáo") == [(second, 2)]
    assert verify(library).ok

    assert merge_documents(library, document, [second]) == 3
    assert _texts(library, document) == [
        "trang một nghị quyết",
        "trang hai chỉ thị",
        "trang ba báo cáo",
    ]
    assert [d.id for d in library.documents()] == [document]
    assert _found(library, "báo cáo") == [(document, 3)]
    assert verify(library).ok


def test_two_documents_merge_in_the_order_given(library: Library, inputs: Path) -> None:
    first = _document(library, inputs, "a")
    second = _document(library, inputs, "b")
    assert merge_documents(library, second, [first]) == 6
    assert len(library.pages(second)) == 6
    assert _texts(library, second)[3:] == list(_texts(library, second)[:3])
    with pytest.raises(LibraryError):
        merge_documents(library, second, [second])
    assert verify(library).ok


def test_a_crop_is_a_derived_image_and_can_be_undone(library: Library, inputs: Path) -> None:
    document = _document(library, inputs)
    page = library.pages(document)[0]
    with pytest.raises(LibraryError):
        crop_page(library, document, 1, (0, 0, page.width + 1, page.height))
    removed = crop_page(library, document, 1, (10, 20, 210, 320))
    cropped = library.pages(document)[0]
    assert (cropped.width, cropped.height) == (200, 300)
    assert cropped.image_sha256 != page.image_sha256
    assert library.read_object(page.image_sha256)  # the original is still there
    assert 1 not in library.page_texts(document)  # to be read again
    editing.restore_page(library, removed)
    assert library.pages(document)[0].image_sha256 == page.image_sha256
    assert verify(library).ok
