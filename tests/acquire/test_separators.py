"""Separator sheets: the payload they carry, the PDF they print as, and finding them on scanned
pages with zbar — and never taking another code for one."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from digitizer.acquire.classify import PageKind, look_at_page, working_image
from digitizer.acquire.separators import (
    NotASeparator,
    SeparatorSheet,
    find_separator,
    parse_payload,
)
from digitizer.acquire.sheets import write_separator_sheet
from digitizer.model import Classification
from tests.acquire.stacks import page_with_code, separator_image


@pytest.mark.parametrize("level", [None, *Classification])
def test_a_payload_reads_back_as_the_sheet_it_came_from(level: Classification | None) -> None:
    sheet = SeparatorSheet("Hồ sơ Đảng bộ huyện, 1975–1986", level)
    assert parse_payload(sheet.payload()) == sheet


@pytest.mark.parametrize(
    ("payload", "why"),
    [
        ("https://example.gov.vn/tai-lieu/0123456789", "not a separator"),
        ("0123456789", "not a separator"),
        ("DIGITIZER-SEPARATOR v2\nclassification=SECRET", "unknown kind"),
        ("DIGITIZER-SEPARATOR v1\nclassification=VERY_SECRET", "unknown classification"),
        ("DIGITIZER-SEPARATOR v1\ncollection", "unreadable line"),
    ],
)
def test_a_foreign_or_damaged_payload_is_no_separator(payload: str, why: str) -> None:
    with pytest.raises(NotASeparator, match=why):
        parse_payload(payload)


def test_a_later_sheet_s_extra_keys_do_not_stop_a_v1_reader() -> None:
    sheet = parse_payload("DIGITIZER-SEPARATOR v1\nclassification=Mật\nbarcode-of=box 7")
    assert sheet == SeparatorSheet(None, Classification.SECRET)


def test_the_sheet_prints_its_code_and_readable_vietnamese(tmp_path: Path) -> None:
    sheet = SeparatorSheet("Hồ sơ 12", Classification.TOP_SECRET)
    out = tmp_path / "sheet.pdf"
    write_separator_sheet(sheet, out)
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "TỜ PHÂN CÁCH TÀI LIỆU" in text
    assert "Hồ sơ / Collection: Hồ sơ 12" in text
    assert "Tối mật (TOP_SECRET)" in text
    assert text.count("TỐI MẬT") == 2  # the level at the top and the foot of the sheet
    page = separator_image(tmp_path, sheet, "scanned", dpi=100)
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(page)],
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert decoded == sheet.payload()


@pytest.mark.parametrize(("dpi", "bilevel"), [(75, False), (150, False), (300, True)])
def test_a_scanned_sheet_is_found_at_any_resolution(
    tmp_path: Path, dpi: int, bilevel: bool
) -> None:
    sheet = SeparatorSheet("Hồ sơ 3", Classification.SECRET)
    page = separator_image(tmp_path, sheet, "sheet", dpi=dpi)
    if bilevel:  # a lineart scan: 1 bit per pixel, as a feeder set to black and white gives
        with Image.open(page) as image:
            image.convert("1").save(page, dpi=(dpi, dpi))
    look = look_at_page(page)
    assert look.kind is PageKind.SEPARATOR
    assert look.separator == sheet


def test_a_sheet_scanned_crooked_and_as_jpeg_is_found(tmp_path: Path) -> None:
    page = separator_image(tmp_path, SeparatorSheet(), "sheet", dpi=200)
    with Image.open(page) as image:
        crooked = image.rotate(4, expand=True, fillcolor=255)
        crooked.save(tmp_path / "crooked.jpg", quality=70, dpi=(200, 200))
    assert look_at_page(tmp_path / "crooked.jpg").kind is PageKind.SEPARATOR


def test_a_document_s_own_qr_label_is_ignored_and_said(tmp_path: Path) -> None:
    page = page_with_code(tmp_path, "https://example.gov.vn/tai-lieu/0123456789")
    look = look_at_page(page)
    assert look.kind is PageKind.PAGE
    assert look.ignored_codes and "not a separator" in look.ignored_codes[0]


def test_a_newer_kind_of_sheet_never_splits(tmp_path: Path) -> None:
    look = look_at_page(page_with_code(tmp_path, "DIGITIZER-SEPARATOR v9\nclassification=SECRET"))
    assert look.kind is PageKind.PAGE
    assert "unknown kind" in look.ignored_codes[0]


def test_a_sheet_whose_code_is_torn_is_a_page_not_a_split(tmp_path: Path) -> None:
    page = separator_image(tmp_path, SeparatorSheet(), "sheet", dpi=100)
    with Image.open(page) as image:
        grey = np.asarray(image.convert("L")).copy()
    # Tear away a third of the code, finder pattern included: no decoder can read it.
    height, width = grey.shape
    grey[height // 4 : height // 2, width // 6 : width // 2] = 255
    Image.fromarray(grey).save(page, dpi=(100, 100))
    assert look_at_page(page).kind is not PageKind.SEPARATOR


def test_two_codes_that_disagree_do_not_split(tmp_path: Path) -> None:
    public = separator_image(tmp_path, SeparatorSheet(), "a", dpi=60)
    secret = separator_image(tmp_path, SeparatorSheet(None, Classification.SECRET), "b", dpi=60)
    with Image.open(public) as left, Image.open(secret) as right:
        both = Image.new("L", (left.width + right.width, left.height), 255)
        both.paste(left, (0, 0))
        both.paste(right, (left.width, 0))
    findings = find_separator(working_image(both))
    assert findings.separator is None
    assert "disagree" in findings.ignored[-1]
