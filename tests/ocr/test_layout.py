"""The two-column header of an administrative document, read row by row across both columns
by recognition, comes out as its left column, then its right column; other pages unchanged."""

from __future__ import annotations

from pathlib import Path

from ocr.engine import EngineSettings, recognise
from ocr.geometry import Box
from ocr.layout import split_header_columns
from ocr.words import Block, Line, PageText, Paragraph, Word
from tests.helpers.text_pages import FONT

WIDTH, HEIGHT = 2480, 3508  # A4 at 300 ppi
LINE = 50


def _line(y: int, *parts: tuple[int, str]) -> Line:
    """A line of words at `y`: each part starts at x and its words are 30 px apart."""
    words = []
    for x, text in parts:
        for token in text.split():
            width = 25 * len(token)
            words.append(Word(token, Box(x, y, x + width, y + LINE), 95.0))
            x += width + 30
    box = words[0].box
    for word in words[1:]:
        box = box.union(word.box)
    return Line(box, tuple(words))


def _page(*lines: Line) -> PageText:
    box = lines[0].box
    for line in lines[1:]:
        box = box.union(line.box)
    return PageText(WIDTH, HEIGHT, 300, (Block(box, (Paragraph(box, lines),)),))


def test_a_merged_header_is_read_left_column_then_right() -> None:
    page = _page(
        _line(200, (250, "ỦY BAN NHÂN DÂN"), (1300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
        _line(270, (300, "TỈNH QUẢNG NGÃI"), (1450, "Độc lập - Tự do - Hạnh phúc")),
        _line(400, (300, "Số: 05/CT-UBND"), (1400, "Quảng Ngãi, ngày 3 tháng 4 năm 2020")),
        _line(600, (900, "CHỈ THỊ")),
        _line(700, (250, "Về việc tăng cường công tác lưu trữ")),
    )

    text = split_header_columns(page).text

    assert text.split("\n\n") == [
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 05/CT-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Quảng Ngãi, ngày 3 tháng 4 năm 2020",
        "CHỈ THỊ\nVề việc tăng cường công tác lưu trữ",
    ]
    assert sorted(w.text for w in split_header_columns(page).words()) == sorted(
        w.text for w in page.words()
    )


def test_a_row_with_a_narrower_gap_at_the_gutter_is_split_too() -> None:
    page = _page(
        _line(200, (250, "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG"), (1060, "CỘNG HÒA XÃ HỘI")),
        _line(300, (300, "Số: 23/2024/TT-BTNMT"), (1400, "Hà Nội, ngày 26 tháng 12 năm 2024")),
    )

    paragraphs = split_header_columns(page).text.split("\n\n")

    assert paragraphs == [
        "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG\nSố: 23/2024/TT-BTNMT",
        "CỘNG HÒA XÃ HỘI\nHà Nội, ngày 26 tháng 12 năm 2024",
    ]


def test_a_page_of_running_text_is_left_as_it_is() -> None:
    page = _page(
        _line(200, (250, "Căn cứ Luật Lưu trữ ngày 11 tháng 11 năm 2011;")),
        _line(270, (250, "Căn cứ Nghị định số 30/2020/NĐ-CP về công tác văn thư;")),
        _line(2000, (250, "Nơi nhận:"), (1500, "CHỦ TỊCH")),  # below the header zone
    )

    assert split_header_columns(page) == page


def test_a_drawn_header_through_recognition(tmp_path: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 50)
    image = Image.new("L", (WIDTH, 1000), 255)
    draw = ImageDraw.Draw(image)
    draw.text((200, 150), "ỦY BAN NHÂN DÂN", font=font, fill=0)
    draw.text((1250, 150), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=font, fill=0)
    draw.text((200, 240), "TỈNH QUẢNG NGÃI", font=font, fill=0)
    draw.text((1400, 240), "Độc lập - Tự do - Hạnh phúc", font=font, fill=0)
    draw.text((200, 600), "Về việc tăng cường công tác lưu trữ hồ sơ.", font=font, fill=0)
    image.save(tmp_path / "header.png", dpi=(300, 300))

    text = split_header_columns(recognise(tmp_path / "header.png", 300, EngineSettings())).text

    left, right, body = text.split("\n\n")
    assert left.splitlines()[0] == "ỦY BAN NHÂN DÂN"
    assert left.splitlines()[1].endswith("QUẢNG NGÃI")
    assert right.splitlines() == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert body.startswith("Về việc")
