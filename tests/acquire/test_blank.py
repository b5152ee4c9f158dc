"""Blank pages: the empty backs of duplex scans are told from pages with a few words."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from digitizer.acquire.blank import DEFAULT_THRESHOLD, ink_fraction
from digitizer.acquire.classify import PageKind, look_at_page, working_image
from tests.acquire.stacks import blank_image
from tests.helpers.text_pages import FONT

DPI = 300
A4 = (2480, 3508)


def _sheet(draw_on: str = "", shade: int = 245) -> Image.Image:
    image = Image.new("L", A4, shade)
    if draw_on:
        font = ImageFont.truetype(str(FONT), round(12 * DPI / 72))
        ImageDraw.Draw(image).text((300, 500), draw_on, font=font, fill=20)
    return image


def _save(image: Image.Image, path: Path) -> Path:
    image.save(path, dpi=(DPI, DPI))
    return path


def test_an_empty_back_with_dust_noise_and_a_dark_edge_is_blank(tmp_path: Path) -> None:
    look = look_at_page(blank_image(tmp_path / "back.png", dpi=DPI))
    assert look.kind is PageKind.BLANK
    assert look.ink is not None and look.ink < DEFAULT_THRESHOLD / 5


def test_a_page_with_one_short_line_is_not_blank(tmp_path: Path) -> None:
    look = look_at_page(_save(_sheet("Nơi nhận: Như trên; Lưu VT."), tmp_path / "line.png"))
    assert look.kind is PageKind.PAGE
    assert look.ink is not None and look.ink > DEFAULT_THRESHOLD


def test_show_through_from_the_other_side_is_not_ink(tmp_path: Path) -> None:
    grey = np.asarray(_sheet()).copy()
    for top in range(600, 3000, 80):  # faint mirrored lines of text seen through the paper
        grey[top : top + 18, 300:2100] = 200
    assert look_at_page(_save(Image.fromarray(grey), tmp_path / "through.png")).kind is (
        PageKind.BLANK
    )


def test_grey_recycled_paper_is_not_ink() -> None:
    assert ink_fraction(working_image(_sheet(shade=170))) == 0.0


def test_a_dark_page_is_all_ink() -> None:
    assert ink_fraction(working_image(_sheet(shade=10))) == 1.0


def test_the_threshold_is_tunable_and_zero_keeps_every_page(tmp_path: Path) -> None:
    page = _save(_sheet("Lưu VT."), tmp_path / "short.png")
    ink = look_at_page(page).ink
    assert ink is not None and ink > 0
    assert look_at_page(page, blank_threshold=ink * 2).kind is PageKind.BLANK
    assert look_at_page(page, blank_threshold=ink / 2).kind is PageKind.PAGE
    assert look_at_page(blank_image(tmp_path / "b.png"), blank_threshold=0).kind is PageKind.PAGE


@pytest.mark.parametrize("mode", ["1", "RGB"])
def test_bilevel_and_colour_scans_are_measured_alike(tmp_path: Path, mode: str) -> None:
    grey = look_at_page(_save(_sheet("Nghị quyết số 24"), tmp_path / "grey.png")).ink
    other = look_at_page(_save(_sheet("Nghị quyết số 24").convert(mode), tmp_path / "o.png")).ink
    assert grey is not None and other is not None
    assert other == pytest.approx(grey, rel=0.5)


def test_an_unreadable_file_is_left_for_the_importer_to_refuse(tmp_path: Path) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    look = look_at_page(path)
    assert look.kind is PageKind.PAGE and look.unreadable
