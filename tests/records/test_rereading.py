"""A number filled into its slot after printing, or a date line OCR spoilt, is read again on
its own: through the seam with readings given (which box is asked, when a reading is taken),
and with real Tesseract on a drawn page whose number is raised above its line."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from digitizer.library import Library
from digitizer.records.reading import read_record
from digitizer.records.rereading import page_rereader, red_ink_reader
from digitizer.service import Workstation
from ocr.geometry import Box
from tests.helpers.page_texts import layout
from tests.records.columns import columns
from tests.records.drawing import FONTS

RAISED_NUMBER = """BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 | Độc lập - Tự do - Hạnh phúc
Số:?” /2024/TT-BTNMT | Hà Nội, ngày 26 tháng 11 năm 2024
>THÔNG TƯ
>Quy định kỹ thuật lập hành lang bảo vệ nguồn nước
"""


class Readings:
    """A `Reread` that gives set readings and keeps what was asked."""

    def __init__(self, *readings: str) -> None:
        self.readings = list(readings)
        self.asked: list[tuple[int, Box, bool]] = []

    def __call__(self, page: int, box: Box, digits_only: bool) -> list[str]:
        self.asked.append((page, box, digits_only))
        return self.readings


def test_a_number_lost_in_its_slot_is_read_again_between_the_label_and_the_symbol() -> None:
    page = columns(RAISED_NUMBER)
    reread = Readings("23", "", "23")
    proposal = read_record([(1, page)], reread)
    assert proposal.value("number_symbol") == "23/2024/TT-BTNMT"
    assert proposal.fields["number_symbol"].confidence <= 0.5  # read again: less sure
    assert "number_symbol" not in proposal.missing
    ((number, box, digits_only),) = reread.asked
    label, symbol = (w for w in page.words() if w.text in ("Số:?”", "/2024/TT-BTNMT"))
    assert number == 1 and digits_only
    assert label.box.x0 < box.x0 < label.box.x1 and box.x1 <= symbol.box.x0
    assert box.y0 < label.box.y0  # a raised number stands above its line


def test_a_number_read_again_is_taken_only_where_the_ways_of_reading_agree() -> None:
    for readings in (("23", "28", ""), ("", "", ""), ()):
        proposal = read_record([(1, columns(RAISED_NUMBER))], Readings(*readings))
        assert "number_symbol" not in proposal.fields
        assert proposal.value("symbol") == "2024/TT-BTNMT"
        assert "number_symbol" in proposal.missing
    # A number read right on the page is not read again.
    printed = RAISED_NUMBER.replace("Số:?” /2024", "Số: 23/2024")
    reread = Readings("99", "99")
    assert read_record([(1, columns(printed))], reread).value("number_symbol") == (
        "23/2024/TT-BTNMT"
    )
    assert reread.asked == []


def test_a_spoilt_day_is_read_again_and_taken_in_the_year_already_read() -> None:
    spoilt = RAISED_NUMBER.replace("ngày 26 tháng 11", "ngày 2? tháng Ï†")
    assert "issued_on" not in read_record([(1, columns(spoilt))]).fields
    proposal = read_record(
        [(1, columns(spoilt))], Readings("", "Hà Nội, ngày 26 tháng lÌ năm 2024")
    )
    assert proposal.value("issued_on") == "2024-11-26"
    assert "issued_on" not in proposal.missing
    # A reading in another year is no reading of this line.
    proposal = read_record([(1, columns(spoilt))], Readings("Hà Nội, ngày 26 tháng 11 năm 2021"))
    assert "issued_on" not in proposal.fields
    assert proposal.value("issued_year") == "2024"


def test_the_page_image_is_read_again_with_tesseract(tmp_path: Path, library_path: Path) -> None:
    image = Image.new("L", (1400, 300), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONTS / "DejaVuSerif.ttf"), 42)
    small = ImageFont.truetype(str(FONTS / "DejaVuSerif.ttf"), 40)
    draw.text((100, 120), "Số:", font=font, fill=0)
    draw.text((185, 85), "23", font=small, fill=0)  # raised, as an e-office system fills it
    draw.text((300, 120), "/2024/TT-BTNMT", font=font, fill=0)
    scan = tmp_path / "so-23.png"
    image.save(scan, dpi=(300, 300))
    station = Workstation(library_path)
    station.init()
    document_id = station.import_paths([scan]).imported[0].document_id
    with Library.open(library_path) as library:
        reread = page_rereader(library, document_id)
        readings = reread(1, Box(180, 80, 295, 175), True)
        assert len(readings) == 3 and readings.count("23") >= 2
        assert reread(2, Box(180, 80, 295, 175), True) == []  # no such page


def test_a_red_urgency_stamp_is_looked_for_under_the_number_when_ocr_missed_it() -> None:
    asked: list[Box] = []

    def red_ink(page: int, box: Box) -> list[str]:
        asked.append(box)
        return ["« 4°", "HỎA TỐC"]

    page = columns(RAISED_NUMBER)
    proposal = read_record([(1, page)], None, red_ink)
    assert proposal.value("urgency") == "Hỏa tốc"
    assert proposal.fields["urgency"].confidence < 0.85
    (box,) = asked
    label = next(w for w in page.words() if w.text == "Số:?”")
    motto = next(w for w in page.words() if w.text == "CỘNG")
    assert box.y0 >= label.box.y1 and box.x1 < motto.box.x0  # under the number, left column
    # A page that is no Party or State document is not searched for red ink.
    asked.clear()
    read_record([(1, layout("Một trang sách có tranh màu đỏ."))], None, red_ink)
    assert asked == []
    # Nothing red to read: no urgency; an urgency printed in black is read from the page.
    assert "urgency" not in read_record([(1, page)], None, lambda n, b: []).fields
    printed = RAISED_NUMBER.replace(">THÔNG TƯ", "KHẨN\n>THÔNG TƯ")
    assert read_record([(1, columns(printed))], None, red_ink).value("urgency") == "Khẩn"


def test_red_ink_is_read_alone_frame_left_out_at_the_slant_it_was_stamped(
    tmp_path: Path, library_path: Path
) -> None:
    page = Image.new("RGB", (1400, 1000), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONTS / "DejaVuSerif-Bold.ttf"), 44)
    draw.text(
        (100, 100),
        "Số: 15/UBND-VP",
        font=ImageFont.truetype(str(FONTS / "DejaVuSerif.ttf"), 40),
        fill="black",
    )
    stamp = Image.new("RGBA", (420, 130), (0, 0, 0, 0))
    pen = ImageDraw.Draw(stamp)
    pen.rectangle((4, 4, 415, 125), outline=(220, 30, 30, 255), width=6)  # the stamp's frame
    pen.text((60, 35), "HỎA TỐC", font=font, fill=(220, 30, 30, 255))
    stamp = stamp.rotate(40, expand=True, resample=Image.Resampling.BICUBIC)
    page.paste(stamp, (80, 300), stamp)
    scan = tmp_path / "hoa-toc.png"
    page.save(scan, dpi=(300, 300))
    grey = tmp_path / "grey.png"
    page.convert("L").save(grey, dpi=(300, 300))
    station = Workstation(library_path)
    station.init()
    report = station.import_paths([scan, grey])
    stamped, plain = (entry.document_id for entry in report.imported)
    with Library.open(library_path) as library:
        readings = red_ink_reader(library, stamped)(1, Box(0, 200, 800, 1000))
        assert any("HỎA TỐC" in reading for reading in readings)
        assert red_ink_reader(library, stamped)(1, Box(800, 0, 1400, 200)) == []  # no red
        assert red_ink_reader(library, plain)(1, Box(0, 200, 800, 1000)) == []  # no colour
