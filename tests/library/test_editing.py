"""Editing the library: collections and documents renamed, moved and deleted, pages reordered,
turned and deleted — every change undoable, every delete out of the search index at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from digitizer.acquire.importer import ImportOptions, import_paths
from digitizer.errors import LibraryError
from digitizer.library import Library, editing, verify
from digitizer.searching import search
from tests.helpers.page_texts import give_text
from tests.helpers.pages import page_image

TEXTS = ("trang một nghị quyết", "trang hai chỉ thị", "trang ba báo cáo")


def _document(library: Library, folder: Path, name: str = "doc", collection: str = "Hồ sơ") -> str:
    frames = [page_image(ord(name[0]) * 10 + n, mode="1") for n in range(len(TEXTS))]
    tiff = folder / f"{name}.tif"
    frames[0].save(tiff, save_all=True, append_images=frames[1:], compression="group4")
    options = ImportOptions(collection=collection)
    document = import_paths(library, [tiff], options).imported[0].document_id
    give_text(library, document, TEXTS)
    return document


def _found(library: Library, query: str) -> list[tuple[str, int]]:
    return sorted((hit.document_id, hit.page) for hit in search(library, query).hits)


def _texts(library: Library, document: str) -> list[str]:
    texts = library.page_texts(document)
    return [texts[page.number].text for page in library.pages(document)]


def test_collections_are_made_renamed_and_deleted_with_undo(library: Library, inputs: Path) -> None:
    document = _document(library, inputs)
    old_id = library.collection_id("Hồ sơ", create=False)
    new_id = editing.create_collection(library, "  Sách   lịch sử ")
    with pytest.raises(editing.NameTaken):
        editing.create_collection(library, "Sách lịch sử")

    assert editing.rename_collection(library, old_id, "Hồ sơ 1986") == "Hồ sơ"
    assert _found(library, 'bosuutap:"Hồ sơ 1986" nghị') == [(document, 1)]
    with pytest.raises(editing.NameTaken):
        editing.rename_collection(library, old_id, "Sách lịch sử")

    removed = editing.delete_collection(library, old_id)
    assert [c.name for c in library.collections()] == ["Sách lịch sử"]
    assert library.document(document).collection_id is None
    assert _found(library, 'bosuutap:"Hồ sơ 1986"') == []

    editing.restore(library, removed)
    assert library.document(document).collection_id == old_id
    assert sorted(c.name for c in library.collections()) == ["Hồ sơ 1986", "Sách lịch sử"]
    assert _found(library, 'bosuutap:"Hồ sơ 1986" nghị') == [(document, 1)]
    assert new_id != old_id


def test_a_document_moves_between_collections_and_back(library: Library, inputs: Path) -> None:
    first = _document(library, inputs, "a")
    second = _document(library, inputs, "b", collection="Khác")
    target = library.collection_id("Khác", create=False)

    was = editing.move_document(library, first, target)

    members = {c.name: c.document_ids for c in library.collections()}
    assert members == {"Hồ sơ": (), "Khác": (second, first)}
    assert _found(library, "bosuutap:Khác nghị") == sorted([(first, 1), (second, 1)])
    editing.move_document(library, first, *was)
    assert library.document(first).collection_id == library.collection_id("Hồ sơ", create=False)
    editing.move_document(library, first, None)
    assert library.document(first).collection_id is None


def test_a_deleted_document_leaves_the_index_and_comes_back_whole(
    library: Library, inputs: Path
) -> None:
    document = _document(library, inputs)
    before = (library.document(document), library.pages(document), _texts(library, document))
    assert _found(library, "chỉ thị") == [(document, 2)]

    removed = editing.delete_document(library, document)

    assert library.documents() == [] and _found(library, "chỉ thị") == []
    assert verify(library).ok  # the files stay, and nothing is broken
    editing.restore(library, removed)
    after = (library.document(document), library.pages(document), _texts(library, document))
    assert after == before
    assert _found(library, "chỉ thị") == [(document, 2)]
    assert editing.purge_unused_objects(library) == 0


def test_files_of_a_deleted_document_are_reclaimed_by_the_purge(
    library: Library, inputs: Path
) -> None:
    document = _document(library, inputs)
    stored = library.rows("SELECT count(*) FROM objects")[0][0]
    editing.delete_document(library, document)

    assert editing.purge_unused_objects(library) == stored
    assert list(library.objects.iter_names()) == []
    assert verify(library).ok


def test_pages_are_reordered_and_put_back(library: Library, inputs: Path) -> None:
    document = _document(library, inputs)
    images = [page.image_sha256 for page in library.pages(document)]

    back = editing.reorder_pages(library, document, [3, 1, 2])

    assert [p.image_sha256 for p in library.pages(document)] == [images[2], images[0], images[1]]
    assert _texts(library, document) == [TEXTS[2], TEXTS[0], TEXTS[1]]
    assert _found(library, "báo cáo") == [(document, 1)]
    editing.reorder_pages(library, document, back)
    assert [p.image_sha256 for p in library.pages(document)] == images
    with pytest.raises(LibraryError):
        editing.reorder_pages(library, document, [1, 1, 2])


def test_a_deleted_page_moves_the_rest_up_and_comes_back(library: Library, inputs: Path) -> None:
    document = _document(library, inputs)
    pages = library.pages(document)

    removed = editing.delete_page(library, document, 2)

    assert [p.image_sha256 for p in library.pages(document)] == [
        pages[0].image_sha256,
        pages[2].image_sha256,
    ]
    assert _found(library, "chỉ thị") == [] and _found(library, "báo cáo") == [(document, 2)]
    editing.restore(library, removed)
    assert library.pages(document) == pages
    assert _texts(library, document) == list(TEXTS)
    assert _found(library, "chỉ thị") == [(document, 2)]


def test_the_last_page_is_not_deleted(library: Library, inputs: Path) -> None:
    document = _document(library, inputs)
    editing.delete_page(library, document, 1)
    editing.delete_page(library, document, 1)
    with pytest.raises(LibraryError, match="at least one page"):
        editing.delete_page(library, document, 1)


def test_a_turned_page_gets_a_turned_copy_and_the_original_stays(
    library: Library, inputs: Path
) -> None:
    document = _document(library, inputs)
    page = library.pages(document)[0]
    original = library.objects.path_of(page.image_sha256).read_bytes()

    removed = editing.rotate_page(library, document, 1, 1)

    turned = library.pages(document)[0]
    assert (turned.width, turned.height) == (page.height, page.width)
    assert turned.source_sha256 == page.source_sha256
    with Image.open(library.objects.path_of(turned.image_sha256)) as image:
        # the page's top-left corner is now at the top right
        expected = page_image(ord("d") * 10, mode="1").transpose(Image.Transpose.ROTATE_270)
        assert image.tobytes() == expected.tobytes()
    assert 1 not in library.page_texts(document)  # to be read again
    assert _found(library, "nghị quyết") == []
    assert library.objects.path_of(page.image_sha256).read_bytes() == original

    editing.restore_page(library, removed)
    assert library.pages(document)[0] == page
    assert _texts(library, document)[0] == TEXTS[0]
    assert _found(library, "nghị quyết") == [(document, 1)]
