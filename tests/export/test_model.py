from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from digitizer.export.model import DocumentInfo, ExportPage, language_tag, number_text
from digitizer.model import Metadata
from ocr.geometry import Box, Preparation
from tests.export.words import export_page, sample_text


def test_text_is_used_as_it_is_on_a_page_of_its_own_size() -> None:
    text = sample_text()
    assert export_page(text).words_text() is text
    assert export_page(None).words_text() is None


def test_text_from_another_size_is_scaled_to_the_prepared_page() -> None:
    text = sample_text()  # 1000 × 1400
    page = ExportPage(Path("x.png"), 400, Preparation((2000, 2800)), text)

    scaled = page.words_text()
    assert scaled is not None
    assert (scaled.width, scaled.height, scaled.dpi) == (2000, 2800, 400)
    first, original = next(scaled.words()), next(text.words())
    assert first.text == original.text
    assert first.box == Box(*(2 * v for v in original.box.as_list()))
    assert next(scaled.lines()).baseline == pytest.approx((0.0125, -16.0))
    assert scaled.text == text.text


def test_the_prepared_size_comes_from_the_preparation() -> None:
    preparation = Preparation((3000, 2000), quarter_turns=1, crop=Box(10, 20, 1910, 2920))
    assert ExportPage(Path("x.tif"), 300, preparation, None).size == (1900, 2900)
    with pytest.raises(ValueError):
        ExportPage(Path("x.tif"), 0, preparation, None)


def test_document_info_is_nfc_and_keeps_keywords_in_order() -> None:
    info = DocumentInfo(
        title=unicodedata.normalize("NFD", "Nghị quyết"),
        keywords=[unicodedata.normalize("NFD", "cán bộ"), " ", "tổ chức "],
    )
    assert info.title == "Nghị quyết"
    assert info.keywords == ("cán bộ", "tổ chức")
    assert info.language == "vi"


def test_document_info_from_the_archival_record() -> None:
    metadata = Metadata(
        title="Chỉ thị về phòng chống lụt bão",
        number_symbol="05-CT/TU",
        issuing_body="Tỉnh ủy Nghệ An",
        issued_on=date(1996, 7, 1),
        abstract="Tóm tắt",
        keywords=("lụt bão",),
    )
    info = DocumentInfo.from_metadata(metadata)
    assert info == DocumentInfo(
        title="Chỉ thị về phòng chống lụt bão",
        author="Tỉnh ủy Nghệ An",
        subject="Tóm tắt",
        keywords=("lụt bão",),
        created=date(1996, 7, 1),
        identifier="05-CT/TU",
    )
    assert DocumentInfo.from_metadata(metadata, "doc-42").identifier == "doc-42"


def test_dates_in_iso_form() -> None:
    assert DocumentInfo().created_iso is None
    assert DocumentInfo(created=date(1975, 4, 30)).created_iso == "1975-04-30"
    moment = datetime(1975, 4, 30, 11, 30, 5, 123456, tzinfo=UTC)
    assert DocumentInfo(created=moment).created_iso == "1975-04-30T11:30:05+00:00"


def test_small_formatting_helpers() -> None:
    assert language_tag("vie") == "vi"
    assert language_tag("", "vi") == "vi"
    assert language_tag("de") == "de"
    assert number_text(2.50, 2) == "2.5"
    assert number_text(-0.001, 2) == "0"
    assert number_text(3.0, 2) == "3"
    assert number_text(-7.6, 0) == "-8"
