"""First pages of Party documents (Hướng dẫn 36-HD/VPTW) and State documents (Nghị định
30/2020/NĐ-CP, Phụ lục I) drawn with real fonts, with the record an archivist would write.

Each page carries the header in its two columns, the type name and trích yếu (or "V/v …" under
the number for a công văn), two lines of text, the signature block and "Nơi nhận". Variants:
several fonts, degraded scans (noise, blur, a slight skew, JPEG), a number or a day left blank
for handwriting, an urgency mark.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONTS = Path("/usr/share/fonts/truetype/dejavu")
FAMILIES = ("DejaVuSerif", "DejaVuSans", "DejaVuSerifCondensed", "DejaVuSansCondensed")
ITALIC = {"DejaVuSerif": "Italic", "DejaVuSerifCondensed": "Italic"}

PARTY_TYPES = (
    ("NGHỊ QUYẾT", "NQ"), ("CHỈ THỊ", "CT"), ("KẾT LUẬN", "KL"), ("QUYẾT ĐỊNH", "QĐ"),
    ("QUY ĐỊNH", "QĐi"), ("BÁO CÁO", "BC"), ("KẾ HOẠCH", "KH"), ("THÔNG BÁO", "TB"),
    ("HƯỚNG DẪN", "HD"), ("TỜ TRÌNH", "TTr"), ("CHƯƠNG TRÌNH", "CTr"), ("", "CV"),
)  # fmt: skip
STATE_TYPES = (
    ("QUYẾT ĐỊNH", "QĐ"), ("THÔNG TƯ", "TT"), ("CHỈ THỊ", "CT"), ("KẾ HOẠCH", "KH"),
    ("BÁO CÁO", "BC"), ("THÔNG BÁO", "TB"), ("TỜ TRÌNH", "TTr"), ("NGHỊ QUYẾT", "NQ"),
    ("HƯỚNG DẪN", "HD"), ("", ""), ("QUY ĐỊNH", "QĐ"), ("CHƯƠNG TRÌNH", "CTr"),
)  # fmt: skip
PARTY_BODIES = (
    ("ĐẢNG BỘ TỈNH BẮC KẠN", "TỈNH ỦY", "TU", "Tỉnh ủy Bắc Kạn", "Bắc Kạn"),
    ("ĐẢNG BỘ TỈNH THÁI NGUYÊN", "TỈNH ỦY", "TU", "Tỉnh ủy Thái Nguyên", "Thái Nguyên"),
    ("ĐẢNG BỘ HUYỆN CHỢ MỚI", "HUYỆN ỦY", "HU", "Huyện ủy Chợ Mới", "Chợ Mới"),
)  # fmt: skip
STATE_BODIES = (
    ("", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "UBND", "Ủy ban nhân dân tỉnh Quảng Ngãi",
     "Quảng Ngãi"),
    ("", "BỘ TÀI CHÍNH", "BTC", "Bộ Tài chính", "Hà Nội"),
    ("UBND TỈNH LẠNG SƠN", "SỞ TÀI CHÍNH", "STC", "Sở Tài chính", "Lạng Sơn"),
    ("", "BỘ NỘI VỤ", "BNV", "Bộ Nội vụ", "Hà Nội"),
)  # fmt: skip
ABSTRACTS = (
    "về chuyển đổi số trong công tác lưu trữ",
    "về tăng cường công tác bảo vệ bí mật nhà nước",
    "về việc tổ chức hội nghị tổng kết năm 2020",
    "về đẩy mạnh cải cách hành chính trên địa bàn",
    "về công tác phát triển đảng viên mới",
    "về quản lý hồ sơ, tài liệu lưu trữ điện tử",
)
SIGNERS = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Quang Dũng", "Phạm Minh Hương", "Hoàng Đức Thắng")
URGENCY = ("KHẨN", "HỎA TỐC", "THƯỢNG KHẨN")


@dataclass(frozen=True)
class DrawnPage:
    name: str
    image: Image.Image
    dpi: int
    record: dict[str, Any]
    """The fields as an archivist records them (`show --json` names); `symbol` and
    `issued_year` stand in when the number or the day is left for handwriting."""


def _font(family: str, size: int, style: str = "") -> ImageFont.FreeTypeFont:
    name = f"{family}-{style}.ttf" if style else f"{family}.ttf"
    if style == "Italic" and family not in ITALIC:
        name = f"{family}-Oblique.ttf"
    if style == "BoldItalic" and family not in ITALIC:
        name = f"{family}-BoldOblique.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def suite(count: int = 44) -> list[DrawnPage]:
    pages = []
    for i in range(count):
        party = i % 2 == 0
        pages.append(drawn_page(i, party))
    return pages


def drawn_page(i: int, party: bool) -> DrawnPage:
    rng = random.Random(i)
    family = FAMILIES[i % len(FAMILIES)]
    degraded = i % 3 == 2
    dpi = 150 if degraded and i % 2 else 200
    number_missing = i % 5 == 4
    day_missing = i % 7 == 6
    types = PARTY_TYPES if party else STATE_TYPES
    type_name, type_code = types[(i // 2) % len(types)]
    bodies = PARTY_BODIES if party else STATE_BODIES
    parent, issuing, body_code, issuing_name, place = bodies[i % len(bodies)]
    number = 10 + i * 7
    year = 2015 + i % 10
    day, month = 1 + (i * 5) % 28, 1 + (i * 7) % 12
    abstract = ABSTRACTS[i % len(ABSTRACTS)]
    signer = SIGNERS[i % len(SIGNERS)]
    urgency = URGENCY[(i // 6) % 3] if not party and i % 6 == 1 else ""

    if party:
        code = f"{type_code}/{body_code}"
        number_symbol = f"{number}-{code}"
        printed_number = f"Số {number_symbol}" if not number_missing else f"Số      -{code}"
    elif type_code:
        code = f"{type_code}-{body_code}"
        if type_name == "THÔNG TƯ":
            code = f"{year}/{code}"
        number_symbol = f"{number}/{code}"
        printed_number = f"Số: {number_symbol}" if not number_missing else f"Số:       /{code}"
    else:
        code = f"{body_code}-VP"
        number_symbol = f"{number}/{code}"
        printed_number = f"Số: {number_symbol}" if not number_missing else f"Số:       /{code}"
    document_type = type_name.capitalize() if type_name else "Công văn"
    document_type = {
        "Nghị quyết": "Nghị quyết", "Chỉ thị": "Chỉ thị", "Kết luận": "Kết luận",
    }.get(document_type, document_type)  # fmt: skip

    scale = dpi / 200
    width, height = int(1654 * scale), int(2339 * scale)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)

    def size(points: float) -> int:
        return round(points * dpi / 72)

    regular = _font(family, size(12.5))
    bold = _font(family, size(12.5), "Bold")
    big = _font(family, size(14), "Bold")
    italic = _font(family, size(13), "Italic")
    body = _font(family, size(13))
    small_italic = _font(family, size(11), "BoldItalic")
    small = _font(family, size(10.5))
    left_centre = int(width * 0.27)
    right_centre = int(width * 0.67)
    line = size(20)

    def centred(text: str, x: int, y: int, font: ImageFont.FreeTypeFont) -> tuple[int, int]:
        w = draw.textlength(text, font=font)
        draw.text((x - w / 2, y), text, font=font, fill=0)
        return int(x - w / 2), int(x + w / 2)

    top = int(150 * scale)
    y = top
    if parent:
        centred(parent, left_centre, y, regular)
        y += line
    centred(issuing, left_centre, y, bold)
    y += line
    if party:
        centred("*", left_centre, y, regular)
        y += line
    else:
        draw.line(
            (left_centre - 60 * scale, y + 4, left_centre + 60 * scale, y + 4), fill=0, width=2
        )
        y += int(line * 0.6)
    number_y = y
    centred(printed_number, left_centre, number_y, regular)
    if party:
        a, b = centred("ĐẢNG CỘNG SẢN VIỆT NAM", right_centre, top, big)
        draw.line((a, top + size(17), b, top + size(17)), fill=0, width=2)
    else:
        centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right_centre, top, bold)
        a, b = centred("Độc lập - Tự do - Hạnh phúc", right_centre, top + line, big)
        draw.line((a, top + line + size(18), b, top + line + size(18)), fill=0, width=2)
    date_text = (
        f"{place}, ngày {day:02d} tháng {month} năm {year}"
        if not day_missing
        else f"{place}, ngày      tháng {month} năm {year}"
    )
    centred(date_text, right_centre, number_y + (0 if party else line // 3), italic)
    y = number_y + line
    if not type_name:
        words = f"V/v {abstract.removeprefix('về ')}".split()
        for part in (" ".join(words[:5]), " ".join(words[5:])):
            centred(part, left_centre, y, _font(family, size(11)))
            y += int(line * 0.8)
    if urgency:
        centred(urgency, left_centre, y + line // 2, big)
        y += line
    y += line * 2
    if type_name:
        centred(type_name, width // 2, y, big)
        y += int(line * 1.2)
        centred(abstract[0].upper() + abstract[1:] if not party else abstract, width // 2, y, bold)
        y += line
        draw.line((width // 2 - 80 * scale, y + 6, width // 2 + 80 * scale, y + 6), fill=0, width=2)
        y += line * 2
    else:
        centred("Kính gửi: Các cơ quan, đơn vị liên quan", width // 2, y, body)
        y += line * 2
    margin = int(width * 0.12)
    for text in (
        "Thực hiện chương trình công tác năm, yêu cầu các cơ quan, đơn vị",
        "tổ chức thực hiện nghiêm túc và báo cáo kết quả đúng thời hạn./.",
    ):
        draw.text(
            (margin + (size(13) if text.startswith("Thực") else 0), y), text, font=body, fill=0
        )
        y += int(line * 1.3)
    y += line
    # Signature block.
    if party:
        authority, position = (
            ("T/M BAN THƯỜNG VỤ", "BÍ THƯ") if i % 4 == 0 else ("K/T BÍ THƯ", "PHÓ BÍ THƯ")
        )
        record_authority = "T/M Ban Thường vụ" if i % 4 == 0 else "K/T Bí thư"
    else:
        organ = "ỦY BAN NHÂN DÂN" if body_code == "UBND" else ""
        if organ and i % 4 == 1:
            authority, position, record_authority = (
                f"TM. {organ}",
                "CHỦ TỊCH",
                "TM. Ủy ban nhân dân",
            )
        elif organ:
            authority, position, record_authority = "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "KT. Chủ tịch"
        elif body_code.startswith("B"):
            authority, position, record_authority = "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "KT. Bộ trưởng"
        else:
            authority, position, record_authority = "", "GIÁM ĐỐC", ""
    sign_y = y
    if authority:
        centred(authority, right_centre, sign_y, bold)
        sign_y += line
    centred(position, right_centre, sign_y, bold)
    centred(signer, right_centre, sign_y + line * 4, bold)
    draw.text((margin, y), "Nơi nhận:", font=small_italic, fill=0)
    recipients = ["Như trên", "Văn phòng Trung ương Đảng" if party else "Văn phòng Chính phủ"]
    ry = y + line
    for text in recipients:
        draw.text((margin, ry), f"- {text};", font=small, fill=0)
        ry += int(line * 0.9)
    draw.text((margin, ry), "- Lưu: VT.", font=small, fill=0)

    if degraded:
        turn = rng.choice((-0.6, 0.5, 0.8))
        image = image.rotate(turn, fillcolor=255, resample=Image.Resampling.BICUBIC)
        image = image.filter(ImageFilter.GaussianBlur(0.7))
        noise = Image.effect_noise(image.size, 18)
        image = Image.blend(image, noise, 0.12)
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=55)
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("L")

    record: dict[str, Any] = {
        "kind": "party" if party else "state",
        "document_type": document_type,
        "issuing_body": issuing_name,
        "parent_body": _parent_name(parent) if parent else None,
        "place": place,
        "abstract": abstract if type_name else abstract.removeprefix("về "),
        "signer_name": signer,
        "signer_title": position.capitalize()
        .replace("bí thư", "Bí thư")
        .replace("chủ tịch", "Chủ tịch"),
        "urgency": urgency.capitalize().replace("Hỏa tốc", "Hỏa tốc") if urgency else None,
        "recipients": [
            *recipients,
        ],
    }
    if record_authority:
        record["signing_authority"] = record_authority
    if number_missing:
        record["symbol"] = code
    else:
        record["number_symbol"] = number_symbol
    if day_missing:
        record["issued_year"] = str(year)
    else:
        record["issued_on"] = f"{year}-{month:02d}-{day:02d}"
    name = f"{'party' if party else 'state'}-{i:02d}"
    return DrawnPage(name, image, dpi, record)


def _parent_name(parent: str) -> str:
    from digitizer.records.text import ordinary_case

    return ordinary_case(parent)


def save(page: DrawnPage, folder: Path) -> Path:
    path = folder / f"{page.name}.png"
    page.image.save(path, dpi=(page.dpi, page.dpi))
    return path
