"""The recognition copy: dot leaders of forms and coloured ink taken out, print kept, on pages
drawn here."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from ocr.clean import _leader_dots, _rows_halved, recognition_copy
from tests.helpers.text_pages import FONT

DPI = 200


def _form(leaders: bool = True) -> Image.Image:
    """Form lines in 12 pt: labels followed by dot leaders, and a sentence ending in '...'."""
    font = ImageFont.truetype(str(FONT), round(12 * DPI / 72))
    image = Image.new("RGB", (1600, 900), "white")
    draw = ImageDraw.Draw(image)
    labels = ("Họ và tên:", "Xã, huyện, tỉnh:", "Mục đích sử dụng:")
    for row, label in enumerate(labels):
        y = 80 + row * 120
        draw.text((100, y), label, font=font, fill="black")
        if leaders:
            draw.text((600, y), "." * 80, font=font, fill="black")
    draw.text((100, 500), "Và những việc khác...", font=font, fill="black")
    return image


def _ink(image: Image.Image | npt.NDArray[np.uint8]) -> int:
    pixels = image if isinstance(image, np.ndarray) else np.asarray(image.convert("L"))
    return int(np.count_nonzero(pixels < 128))


def test_leaders_go_and_the_labels_stay() -> None:
    form = _form()

    copy, cleaning = recognition_copy(form, DPI)

    assert cleaning.leader_dots >= 3 * 60
    # What is left is exactly the page drawn without leaders: labels, accents and the '...'.
    without = _form(leaders=False)
    assert abs(_ink(copy) - _ink(without)) <= 0.01 * _ink(without)


def test_a_page_without_leaders_or_colour_is_read_in_grey_as_it_is() -> None:
    page = _form(leaders=False)
    copy, cleaning = recognition_copy(page, DPI)

    assert not cleaning.changed
    assert copy.dtype == np.uint8
    assert np.array_equal(copy, np.asarray(page.convert("L")))


def test_a_bilevel_page_with_nothing_to_take_out_is_read_as_it_is() -> None:
    page = _form(leaders=False).convert("L").point(lambda value: 255 if value > 128 else 0)
    bilevel = page.convert("1")
    copy, cleaning = recognition_copy(bilevel, DPI)

    assert not cleaning.changed
    assert np.array_equal(copy, np.asarray(page))
    assert set(np.unique(copy)) == {0, 255}


def test_red_and_blue_ink_drop_out_and_black_print_stays() -> None:
    ink = Image.new("RGB", (1600, 900), "white")
    draw = ImageDraw.Draw(ink)
    draw.ellipse((80, 40, 700, 420), outline=(220, 30, 40), width=14)  # a seal over the labels
    draw.line((100, 700, 900, 760), fill=(30, 60, 200), width=8)  # a blue pen stroke
    # Ink on paper darkens what is under it: the print shows through the seal.
    page = ImageChops.multiply(_form(leaders=False), ink)

    copy, cleaning = recognition_copy(page, DPI)

    assert cleaning.colour_pixels > 10_000
    without = _form(leaders=False)
    assert abs(_ink(copy) - _ink(without)) <= 0.02 * _ink(without)


def test_a_low_resolution_page_is_read_enlarged() -> None:
    copy, cleaning = recognition_copy(_form(leaders=False), 96)

    assert cleaning.scale == 2
    assert copy.shape == (1800, 3200)
    assert recognition_copy(_form(leaders=False), 150)[1].scale == 1


def test_thin_coloured_strokes_are_found_where_they_fall() -> None:
    """The page is first looked at on every other pixel: a stroke two pixels thin, lying on the
    rows that look skips, is still found."""
    page = _form(leaders=False)
    draw = ImageDraw.Draw(page)
    for row in range(5):
        draw.line((100, 601 + 40 * row, 1500, 601 + 40 * row), fill=(210, 30, 40), width=2)

    _, cleaning = recognition_copy(page, DPI)

    assert cleaning.colour_pixels >= 5 * 2 * 1400


@pytest.mark.parametrize("dpi", [96, 200, 300])
@pytest.mark.parametrize("size", [1, 2, 3, 5, 7])
@pytest.mark.parametrize("gap", [1, 2, 4, 9, 20])
def test_the_quick_look_at_half_size_sees_every_leader_the_full_look_finds(
    dpi: int, size: int, gap: int
) -> None:
    """Dots of every size and spacing, at odd and even places: where the page holds a leader,
    the look at half its height that decides whether to look at all sees one too."""
    for offset in (0, 1):
        binary = np.zeros((121, 900), np.uint8)
        for n in range(12):
            x = 40 + offset + n * (size + gap)
            binary[60 + offset : 60 + offset + size, x : x + size] = 1
        found, _ = _leader_dots(binary, dpi)
        quick, _ = _leader_dots(_rows_halved(binary), dpi, rows_halved=True)
        assert bool(quick) >= bool(found), (size, gap, offset)


@pytest.mark.parametrize("mode", ["RGB", "L", "1"])
def test_the_grey_preparation_made_gives_the_same_copy(mode: str) -> None:
    page = _form().convert(mode)
    grey = np.asarray(page.convert("L"))

    handed, handed_cleaning = recognition_copy(page, DPI, grey)
    made, made_cleaning = recognition_copy(page, DPI)

    assert handed_cleaning == made_cleaning and handed_cleaning.leader_dots > 0
    assert np.array_equal(handed, made)
