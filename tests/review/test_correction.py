"""A person's corrections: a layer over the OCR result that search and exports use, while the
OCR result stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from digitizer.acquire.importer import ImportOptions, import_paths
from digitizer.correction import (
    CORRECTED_CONFIDENCE,
    correct_page,
    corrected_words,
    is_correction,
    ocr_text_of,
)
from digitizer.errors import NotRecognised
from digitizer.export.document import export_document
from digitizer.library import Library
from digitizer.searching import search
from ocr.geometry import Box
from tests.helpers.page_texts import give_text, layout
from tests.helpers.pages import page_image

TEXT = "Nghị quyết của Ban Chấp hành\nĐảng bộ tỉnh về chuyển đổi s6"


def _document(
    library: Library, folder: Path, texts: tuple[str, ...] = (TEXT,), pages: int = 1
) -> str:
    frames = [page_image(700 + n, mode="1") for n in range(max(pages, len(texts)))]
    tiff = folder / "doc.tif"
    frames[0].save(tiff, save_all=True, append_images=frames[1:], compression="group4")
    document = import_paths(library, [tiff], ImportOptions()).imported[0].document_id
    give_text(library, document, texts)
    return document


def _pages(library: Library, query: str) -> list[tuple[str, int]]:
    return [(hit.document_id, hit.page) for hit in search(library, query).hits]


def test_an_unchanged_text_changes_nothing() -> None:
    page = layout(TEXT)
    assert corrected_words(page, page.text) == page
    assert corrected_words(page, " ".join(page.text.split())) == page


def test_a_changed_word_keeps_its_box_and_is_trusted() -> None:
    page = layout(TEXT)
    fixed = corrected_words(page, TEXT.replace("s6", "số"))
    before, after = list(page.words()), list(fixed.words())
    assert [w.text for w in after][-1] == "số"
    assert after[-1].box == before[-1].box
    assert after[-1].confidence == CORRECTED_CONFIDENCE
    assert [w.confidence for w in after[:-1]] == [w.confidence for w in before[:-1]]
    assert fixed.text.splitlines() == [
        "Nghị quyết của Ban Chấp hành",
        "Đảng bộ tỉnh về chuyển đổi số",
    ]


def test_split_joined_inserted_and_deleted_words_share_the_boxes() -> None:
    page = layout("Banchấp hành Đảng bộ bộ tỉnh")
    first = next(page.words()).box
    fixed = corrected_words(page, "Ban chấp hành Đảng bộ tỉnh Hòa Bình")
    words = list(fixed.words())
    assert [w.text for w in words] == ["Ban", "chấp", "hành", "Đảng", "bộ", "tỉnh", "Hòa", "Bình"]
    # the split word's halves lie side by side inside its old box
    assert words[0].box.x0 == first.x0 and words[1].box.x1 == first.x1
    assert words[0].box.x1 < words[1].box.x0
    # the added words share the box of the word they follow
    last = list(page.words())[-1].box
    assert words[-3].box.x0 == last.x0 and words[-1].box.x1 == last.x1
    assert all(w.box.y0 == last.y0 for w in words[-3:])


def test_a_correction_is_searched_and_exported_and_the_ocr_is_kept(
    library: Library, inputs: Path, tmp_path: Path
) -> None:
    document = _document(library, inputs)
    assert _pages(library, '"chuyển đổi số"') == []

    result = correct_page(library, document, 1, TEXT.replace("s6", "số"))

    assert result.changed_words == 1
    assert is_correction(result.record) and result.record.text.endswith("chuyển đổi số")
    assert _pages(library, '"chuyển đổi số"') == [(document, 1)]
    out = tmp_path / "out.txt"
    export_document(library, document, "txt", out)
    assert "chuyển đổi số" in out.read_text(encoding="utf-8")
    original = ocr_text_of(library, document, 1)
    assert original is not None and original.text == layout(TEXT).text
    rows = library.rows("SELECT count(*) FROM page_texts")
    assert rows[0][0] == 2


def test_corrections_pile_up_and_the_same_text_twice_stores_nothing(
    library: Library, inputs: Path
) -> None:
    document = _document(library, inputs)
    correct_page(library, document, 1, TEXT.replace("s6", "số"))
    again = correct_page(library, document, 1, TEXT.replace("s6", "số"))
    third = correct_page(library, document, 1, TEXT.replace("s6", "số").replace("tỉnh", "huyện"))

    assert again.changed_words == 0
    assert third.changed_words == 1 and "huyện" in third.record.text and "số" in third.record.text
    assert library.rows("SELECT count(*) FROM page_texts")[0][0] == 3
    assert _pages(library, "huyện") == [(document, 1)]
    assert _pages(library, "tỉnh") == []


def test_a_page_without_ocr_cannot_be_corrected(library: Library, inputs: Path) -> None:
    document = _document(library, inputs, ())
    with pytest.raises(NotRecognised):
        correct_page(library, document, 1, "chữ")


def test_boxes_of_a_one_word_line_split_in_proportion() -> None:
    page = layout("abcdefgh")
    fixed = corrected_words(page, "abc defg")
    first, second = (w.box for w in fixed.words())
    whole = next(page.words()).box
    assert first == Box(whole.x0, whole.y0, first.x1, whole.y1)
    assert second.x1 == whole.x1 and first.x1 < second.x0
