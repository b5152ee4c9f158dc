"""The word model walked out of Tesseract's results is the one its own hOCR gives: the same
blocks, paragraphs, lines, boxes, baselines and confidences, on pages Tesseract really reads."""

from __future__ import annotations

import os
from collections.abc import Iterator

import numpy as np
import pytest
import tesserocr
from PIL import Image, ImageDraw, ImageFont

from ocr.results import page_text
from ocr.words import PageText
from tests.helpers.hocr_reference import parse_hocr
from tests.helpers.text_pages import FONT, SENTENCES, lines_page

DPI = 300


@pytest.fixture(scope="module")
def api() -> Iterator[tesserocr.PyTessBaseAPI]:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    with tesserocr.PyTessBaseAPI(lang="vie") as loaded:
        yield loaded


def _both(api: tesserocr.PyTessBaseAPI, page: Image.Image) -> tuple[PageText, PageText]:
    grey = np.asarray(page.convert("L"))
    height, width = grey.shape
    api.SetImageBytes(grey.tobytes(), width, height, 1, width)
    api.SetSourceResolution(DPI)
    assert api.Recognize()
    try:
        return page_text(api, width, height, DPI), parse_hocr(api.GetHOCRText(0), DPI)
    finally:
        api.Clear()


def _header_page() -> Image.Image:
    """A letter's head: the agency on the left, the national motto on the right, a title and
    body text under them, a page number at the foot, and a note written up the margin."""
    page = Image.new("L", (2480, 2200), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 50)
    draw.text((200, 150), "UBND TỈNH HÀ NAM", font=font, fill=0)
    draw.text((200, 220), "SỞ NỘI VỤ", font=font, fill=0)
    draw.text((1250, 150), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=font, fill=0)
    draw.text((1450, 220), "Độc lập - Tự do - Hạnh phúc", font=font, fill=0)
    draw.text((900, 420), "QUYẾT ĐỊNH", font=font, fill=0)
    for row, sentence in enumerate(SENTENCES[:12]):
        draw.text((200, 560 + 90 * row), sentence, font=font, fill=0)
    draw.text((1200, 2050), "12", font=font, fill=0)
    note = Image.new("L", (900, 70), 255)
    ImageDraw.Draw(note).text((0, 0), "Lưu văn thư, hồ sơ", font=font, fill=0)
    page.paste(note.rotate(90, expand=True), (2330, 700))
    return page


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(lambda: lines_page(SENTENCES[:14], DPI).image, id="body text"),
        pytest.param(_header_page, id="a letter's head, columns and a note up the margin"),
    ],
)
def test_the_walk_gives_what_tesseracts_hocr_gives(
    api: tesserocr.PyTessBaseAPI, page: object
) -> None:
    assert callable(page)
    walked, from_hocr = _both(api, page())

    assert walked.text.strip(), "Tesseract read words"
    assert walked == from_hocr
    lines = [line for block in walked.blocks for p in block.paragraphs for line in p.lines]
    assert any(line.baseline != (0.0, 0.0) for line in lines)
    assert all(p.language == "vie" for block in walked.blocks for p in block.paragraphs)


def test_a_page_without_words_gives_no_block(api: tesserocr.PyTessBaseAPI) -> None:
    walked, from_hocr = _both(api, Image.new("L", (1200, 1600), 255))

    assert walked == from_hocr
    assert walked.blocks == () and (walked.width, walked.height) == (1200, 1600)
