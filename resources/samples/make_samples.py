"""Draw the sample pages that the workstation imports on first start.

Every text on these pages is original, fictional content written for Digitizer: the province,
the commune, the offices, the people and the documents do not exist. The pages imitate the
layout of Vietnamese administrative documents and of a scanned book so that import, OCR with
Tesseract's `vie` model, search and export can be tried without real archival material.

Run from the project root:

    .venv/bin/python resources/samples/make_samples.py

The files are written next to this script and are byte-for-byte the same on every run.
"""

from __future__ import annotations

import io
import math
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import img2pdf
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"  # only page files here: `make run` imports this whole folder
# Only the upright faces, which Debian's fonts-dejavu-core installs (the Makefile's list);
# italics are slanted from them.
FONT_FOLDER = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"regular": "DejaVuSerif.ttf", "bold": "DejaVuSerif-Bold.ttf"}
SLANT = 0.21  # horizontal shift per pixel of height of the synthetic italic, about 12 degrees

Style = Literal["regular", "bold", "italic", "bold-italic"]
Align = Literal["left", "center", "right"]

A4_MM = (210.0, 297.0)
A5_MM = (148.0, 210.0)
INK = 0
PAPER = 255


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@cache
def truetype(weight: str, size_px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FOLDER / FONT_FILES[weight]), size_px)


@dataclass(frozen=True)
class Face:
    """A DejaVu Serif face at a size in pixels, upright or slanted."""

    font: ImageFont.FreeTypeFont
    slanted: bool

    @property
    def size(self) -> int:
        return int(self.font.size)

    def length(self, text: str) -> float:
        return self.font.getlength(text)


@dataclass(frozen=True)
class Margins:
    left: float
    right: float
    top: float
    bottom: float


class Sheet:
    """One page drawn in black on white greyscale, with a cursor moving down the page."""

    def __init__(self, size_mm: tuple[float, float], dpi: int, margins: Margins) -> None:
        self.dpi = dpi
        self.image = Image.new("L", (self.mm(size_mm[0]), self.mm(size_mm[1])), PAPER)
        self.draw = ImageDraw.Draw(self.image)
        self.left = self.mm(margins.left)
        self.right = self.image.width - self.mm(margins.right)
        self.top = self.mm(margins.top)
        self.bottom = self.image.height - self.mm(margins.bottom)
        self.y = self.top  # top of the next line

    def mm(self, length: float) -> int:
        return round(length * self.dpi / 25.4)

    def font(self, style: Style, size_pt: float) -> Face:
        weight = "bold" if style.startswith("bold") else "regular"
        return Face(truetype(weight, round(size_pt * self.dpi / 72)), style.endswith("italic"))

    def text(self, x: float, baseline: int, text: str, face: Face) -> None:
        """Draw `text` from `x` on `baseline`; a slanted face is drawn upright and sheared."""
        if not face.slanted:
            self.draw.text((x, baseline), text, font=face.font, fill=INK, anchor="ls")
            return
        above, below = round(face.size * 1.2), round(face.size * 0.45)
        pad = math.ceil(SLANT * below)
        mask = Image.new("L", (math.ceil(face.length(text)) + 2 * pad + face.size, above + below))
        ImageDraw.Draw(mask).text((pad, above), text, font=face.font, fill=255, anchor="ls")
        # Each output row takes the row of the upright text shifted by its height above the
        # baseline, so tops lean right and the baseline stays where it was.
        sheared = mask.transform(
            mask.size,
            Image.Transform.AFFINE,
            (1, SLANT, -SLANT * above, 0, 1, 0),
            resample=Image.Resampling.BICUBIC,
        )
        self.image.paste(INK, (round(x) - pad, baseline - above), sheared)

    def space(self, length_mm: float) -> None:
        self.y += self.mm(length_mm)

    def line(
        self,
        text: str,
        face: Face,
        *,
        align: Align = "left",
        span: tuple[int, int] | None = None,
        leading: float = 1.3,
        underline: float = 0.0,
    ) -> None:
        """One line of text inside `span` (the text block by default); `underline` is the
        length of a rule under it, as a fraction of the text's width."""
        x0, x1 = span or (self.left, self.right)
        text = nfc(text)
        width = face.length(text)
        if width > x1 - x0:
            raise ValueError(f"{text!r} is {width:.0f} px wide, the space {x1 - x0} px")
        if align == "left":
            x = float(x0)
        elif align == "center":
            x = (x0 + x1 - width) / 2
        else:
            x = x1 - width
        size = face.size
        baseline = self.y + size  # the line is one em tall above its baseline
        self.text(x, baseline, text, face)
        if underline:
            length = width * underline
            middle = x + width / 2
            rule_y = baseline + round(size * 0.32)
            thickness = max(2, round(size / 22))
            self.draw.rectangle(
                (middle - length / 2, rule_y, middle + length / 2, rule_y + thickness - 1),
                fill=INK,
            )
        self.y += round(size * leading)
        self.check()

    def paragraph(
        self,
        text: str,
        face: Face,
        *,
        indent_mm: float = 10.0,
        justify: bool = True,
        leading: float = 1.3,
        after_mm: float = 1.5,
        span: tuple[int, int] | None = None,
        flow: bool = False,
    ) -> str:
        """Wrap `text` by measuring it; justify every line but the last.

        With `flow`, stop at the foot of the page instead of failing, and return the words
        left over for the next page ("" when the paragraph is complete)."""
        x0, x1 = span or (self.left, self.right)
        words = nfc(text).split()
        space = face.length(" ")
        indent = self.mm(indent_mm)
        lines: list[list[str]] = [[]]
        used = 0.0
        for word in words:
            room = x1 - x0 - (indent if len(lines) == 1 else 0)
            width = face.length(word)
            current = lines[-1]
            if current and used + space + width > room:
                lines.append([word])
                used = width
            else:
                used += (space if current else 0) + width
                current.append(word)
        pitch = round(face.size * leading)
        for number, line_words in enumerate(lines):
            if flow and self.y + pitch > self.bottom + 2:
                return " ".join(word for rest in lines[number:] for word in rest)
            start = x0 + (indent if number == 0 else 0)
            widths = [face.length(word) for word in line_words]
            gaps = len(line_words) - 1
            last = number == len(lines) - 1
            gap = space
            if justify and not last and gaps:
                gap = (x1 - start - sum(widths)) / gaps
            baseline = self.y + face.size
            x = float(start)
            for word, width in zip(line_words, widths, strict=True):
                self.text(round(x), baseline, word, face)
                x += width + gap
            self.y += pitch
            self.check()
        self.space(after_mm)
        return ""

    def check(self) -> None:
        if self.y > self.bottom + 2:
            raise ValueError(f"text runs {self.y - self.bottom} px into the bottom margin")

    def columns(self, left_share: float) -> tuple[tuple[int, int], tuple[int, int]]:
        split = self.left + round((self.right - self.left) * left_share)
        return (self.left, split), (split, self.right)

    def signature(self, centre_x: int, top: int, height: int, seed: int) -> None:
        """A pen scribble standing in for a handwritten signature."""
        rng = random.Random(seed)
        width = height * 2.6
        phase = rng.uniform(0, math.tau)
        points: list[tuple[float, float]] = []
        steps = 400
        for step in range(steps + 1):
            t = step / steps
            x = centre_x - width / 2 + width * t + height * 0.22 * math.sin(t * 9 * math.pi)
            y = (
                top
                + height * 0.55
                - height * 0.38 * math.cos(t * 9 * math.pi + phase) * (1.1 - t)
                - height * 0.25 * t
            )
            points.append((x, y))
        pen = max(3, round(self.dpi / 70))
        self.draw.line(points, fill=INK, width=pen, joint="curve")
        tail_y = top + height * 0.8
        self.draw.line(
            [(centre_x - width * 0.35, tail_y), (centre_x + width * 0.45, tail_y - height * 0.2)],
            fill=INK,
            width=pen,
        )


# --------------------------------------------------------------------------------------------
# 01: a resolution of a commune Party committee, two pages, bilevel TIFF (CCITT Group 4).

RESOLUTION_INTRO = [
    "Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ xã Đông Lâm nhiệm kỳ 2025 – 2030;",
    "Căn cứ kết quả kiểm tra kho lưu trữ của Văn phòng Đảng ủy xã tháng 02 năm 2026;",
    "Xét đề nghị của Văn phòng Đảng ủy, Ban Thường vụ Đảng ủy xã",
]

RESOLUTION_PAGE_1: list[tuple[str, str]] = [
    ("heading", "I. TÌNH HÌNH CÔNG TÁC LƯU TRỮ"),
    (
        "text",
        "Trong những năm qua, công tác văn thư, lưu trữ của Đảng bộ xã từng bước được quan "
        "tâm. Kho lưu trữ hiện bảo quản khoảng 1.240 hồ sơ, gồm nghị quyết, biên bản đại hội, "
        "báo cáo tổng kết và sổ sách đảng viên từ năm 1976 đến nay. Nhiều tài liệu có giá trị "
        "lịch sử, phản ánh chặng đường xây dựng và phát triển của quê hương Đông Lâm.",
    ),
    (
        "text",
        "Tuy nhiên, phần lớn tài liệu được viết tay hoặc đánh máy trên giấy mỏng, nay đã ố "
        "vàng, mực phai, một số tờ bị mối mọt và rách mép. Kho chứa chật hẹp, độ ẩm cao vào "
        "mùa mưa; việc tra cứu còn thủ công, mất nhiều thời gian. Cán bộ làm công tác lưu trữ "
        "chủ yếu kiêm nhiệm, chưa được bồi dưỡng về nghiệp vụ số hóa.",
    ),
    ("heading", "II. MỤC TIÊU"),
    (
        "text",
        "Đến năm 2030, hoàn thành việc chỉnh lý và số hóa toàn bộ tài liệu lưu trữ của Đảng bộ "
        "xã hình thành từ năm 1976 đến năm 2025; xây dựng cơ sở dữ liệu cho phép tra cứu nhanh "
        "theo tên văn bản, số và ký hiệu, thời gian, nội dung; bảo đảm bản gốc được bảo quản "
        "an toàn, lâu dài.",
    ),
    ("heading", "III. NHIỆM VỤ VÀ GIẢI PHÁP"),
    (
        "text",
        "1. Tổ chức rà soát, phân loại, lập danh mục toàn bộ hồ sơ hiện có; ưu tiên số hóa "
        "trước những tài liệu bị hư hỏng nặng và tài liệu có giá trị lịch sử đặc biệt.",
    ),
]

RESOLUTION_PAGE_2: list[tuple[str, str]] = [
    (
        "text",
        "2. Trang bị máy quét, máy trạm số hóa và phần mềm nhận dạng chữ tiếng Việt. Mỗi trang "
        "tài liệu được quét ở độ phân giải không thấp hơn 300 dpi, lưu kèm thông tin mô tả và "
        "mã kiểm tra để kịp thời phát hiện sai lệch.",
    ),
    (
        "text",
        "3. Cử cán bộ tham gia các lớp bồi dưỡng nghiệp vụ lưu trữ; phối hợp với Trung tâm Lưu "
        "trữ lịch sử tỉnh để được hướng dẫn về quy trình và tiêu chuẩn kỹ thuật.",
    ),
    (
        "text",
        "4. Cải tạo kho lưu trữ, lắp đặt giá kệ, máy hút ẩm và thiết bị phòng cháy; định kỳ "
        "kiểm tra tình trạng của tài liệu gốc sau khi số hóa.",
    ),
    ("heading", "IV. TỔ CHỨC THỰC HIỆN"),
    (
        "text",
        "1. Văn phòng Đảng ủy chủ trì xây dựng kế hoạch chi tiết hằng năm, trình Ban Thường vụ "
        "Đảng ủy xem xét, quyết định; định kỳ sáu tháng báo cáo kết quả thực hiện.",
    ),
    (
        "text",
        "2. Các chi bộ trực thuộc rà soát, bàn giao tài liệu còn lưu giữ tại chi bộ về kho lưu "
        "trữ của Đảng ủy trước ngày 30 tháng 6 năm 2026.",
    ),
    (
        "text",
        "3. Ủy ban Kiểm tra Đảng ủy theo dõi, đôn đốc, kiểm tra việc thực hiện Nghị quyết này.",
    ),
    (
        "text",
        "Nghị quyết này được phổ biến đến các chi bộ và đảng viên trong toàn Đảng bộ và có hiệu "
        "lực kể từ ngày ký.",
    ),
]

RESOLUTION_RECIPIENTS = [
    "- Ban Thường vụ Tỉnh ủy (để báo cáo),",
    "- Văn phòng Tỉnh ủy,",
    "- Các đồng chí đảng ủy viên,",
    "- Các chi bộ trực thuộc,",
    "- Lưu Văn phòng Đảng ủy.",
]

ADMIN_DPI = 300
ADMIN_MARGINS = Margins(left=30, right=15, top=20, bottom=20)
BODY_PT = 13.0


def resolution_blocks(sheet: Sheet, blocks: Sequence[tuple[str, str]]) -> None:
    body = sheet.font("regular", BODY_PT)
    bold = sheet.font("bold", BODY_PT)
    for kind, text in blocks:
        if kind == "heading":
            sheet.space(1.5)
            sheet.line(text, bold, span=(sheet.left + sheet.mm(10), sheet.right))
            sheet.space(0.5)
        else:
            sheet.paragraph(text, body)


def resolution_page_1() -> Image.Image:
    sheet = Sheet(A4_MM, ADMIN_DPI, ADMIN_MARGINS)
    left, right = sheet.columns(0.42)
    top = sheet.y
    sheet.line("ĐẢNG BỘ TỈNH HOÀI SƠN", sheet.font("regular", 12), align="center", span=left)
    sheet.line("ĐẢNG ỦY XÃ ĐÔNG LÂM", sheet.font("bold", 12), align="center", span=left)
    sheet.line("*", sheet.font("regular", 12), align="center", span=left, leading=1.1)
    sheet.line("Số 12-NQ/ĐU", sheet.font("regular", 12), align="center", span=left)
    left_end = sheet.y
    sheet.y = top
    sheet.line(
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        sheet.font("bold", 13),
        align="center",
        span=right,
        underline=1.0,
        leading=1.75,
    )
    sheet.line(
        "Đông Lâm, ngày 15 tháng 3 năm 2026",
        sheet.font("italic", 12.5),
        align="center",
        span=right,
    )
    sheet.y = max(sheet.y, left_end)
    sheet.space(10)
    sheet.line("NGHỊ QUYẾT", sheet.font("bold", 15), align="center", leading=1.4)
    subject = sheet.font("bold", 13)
    sheet.line("về số hóa và bảo quản tài liệu lưu trữ", subject, align="center")
    sheet.line("của Đảng bộ xã giai đoạn 2026 – 2030", subject, align="center", leading=1.2)
    sheet.line("-----", sheet.font("regular", 12), align="center")
    sheet.space(5)
    for text in RESOLUTION_INTRO:
        sheet.paragraph(text, sheet.font("italic", BODY_PT), after_mm=0.5)
    sheet.line("QUYẾT NGHỊ:", sheet.font("bold", BODY_PT), align="center", leading=1.5)
    resolution_blocks(sheet, RESOLUTION_PAGE_1)
    return sheet.image


def resolution_page_2() -> Image.Image:
    sheet = Sheet(A4_MM, ADMIN_DPI, ADMIN_MARGINS)
    sheet.line("2", sheet.font("regular", 12), align="center", leading=1.6)
    resolution_blocks(sheet, RESOLUTION_PAGE_2)
    sheet.space(6)
    left, right = sheet.columns(0.5)
    top = sheet.y
    sheet.line("Nơi nhận:", sheet.font("regular", 13), span=left, underline=1.0, leading=1.5)
    small = sheet.font("regular", 11.5)
    for recipient in RESOLUTION_RECIPIENTS:
        sheet.line(recipient, small, span=left, leading=1.3)
    sheet.y = top
    bold = sheet.font("bold", 13)
    sheet.line("T/M ĐẢNG ỦY", bold, align="center", span=right)
    sheet.line("BÍ THƯ", bold, align="center", span=right)
    centre = (right[0] + right[1]) // 2
    sheet.signature(centre, sheet.y + sheet.mm(3), sheet.mm(14), seed=12)
    sheet.space(26)
    sheet.line("Phạm Quang Khiêm", bold, align="center", span=right)
    return sheet.image


def bilevel(page: Image.Image) -> Image.Image:
    """Threshold the anti-aliased drawing, as a bilevel scanner would."""
    return page.point(lambda value: 255 if value > 150 else 0).convert(
        "1", dither=Image.Dither.NONE
    )


def write_resolution(target: Path) -> None:
    first, second = (bilevel(page()) for page in (resolution_page_1, resolution_page_2))
    first.save(
        target,
        format="TIFF",
        compression="group4",
        dpi=(ADMIN_DPI, ADMIN_DPI),
        save_all=True,
        append_images=[second],
    )


# --------------------------------------------------------------------------------------------
# 02: an official letter of a provincial archive office, greyscale PNG with a light scan look.

LETTER_BODY = [
    "Thực hiện kế hoạch số hóa tài liệu lưu trữ năm 2026 của tỉnh, Trung tâm Lưu trữ lịch sử "
    "tỉnh Hoài Sơn đề nghị Ủy ban nhân dân xã Đông Lâm chuẩn bị tài liệu để bàn giao số hóa "
    "như sau:",
    "1. Tài liệu bàn giao gồm sổ đăng ký hộ tịch, hồ sơ địa chính và các quyết định hành chính "
    "của xã từ năm 1980 đến năm 2000. Hồ sơ được sắp xếp theo năm, có mục lục ghi rõ số tờ "
    "của từng hồ sơ.",
    "2. Trước khi bàn giao, tháo bỏ ghim, kẹp kim loại và băng dính; những tờ bị rách hoặc dính "
    "vào nhau không tự ý tách mà đánh dấu để cán bộ của Trung tâm xử lý.",
    "3. Tài liệu được quét tại chỗ ở độ phân giải 300 dpi, không làm thay đổi thứ tự và tình "
    "trạng của bản gốc. Sau khi số hóa, bản gốc được trả lại xã trong thời hạn mười ngày làm "
    "việc, kèm biên bản giao nhận và bản sao số của từng hồ sơ.",
    "4. Thời gian tiếp nhận dự kiến từ ngày 06 đến ngày 17 tháng 4 năm 2026. Đề nghị xã cử một "
    "cán bộ văn thư phối hợp trong suốt quá trình thực hiện.",
    "Trong quá trình chuẩn bị, nếu có vướng mắc, đề nghị liên hệ bộ phận Số hóa của Trung tâm "
    "(đồng chí Đỗ Thu Hà) để được hướng dẫn.",
]

LETTER_RECIPIENTS = [
    "- Như trên;",
    "- Sở Nội vụ (để báo cáo);",
    "- Lưu: VT, SH.",
]


def letter_page() -> Image.Image:
    sheet = Sheet(A4_MM, ADMIN_DPI, ADMIN_MARGINS)
    left, right = sheet.columns(0.37)
    top = sheet.y
    sheet.line("SỞ NỘI VỤ TỈNH HOÀI SƠN", sheet.font("regular", 11), align="center", span=left)
    agency = sheet.font("bold", 11)
    sheet.line("TRUNG TÂM LƯU TRỮ", agency, align="center", span=left, leading=1.2)
    sheet.line("LỊCH SỬ", agency, align="center", span=left, underline=1.6, leading=1.8)
    sheet.line("Số: 45/TTLT-SH", sheet.font("regular", 12), align="center", span=left)
    about = sheet.font("regular", 11)
    sheet.line("V/v chuẩn bị tài liệu", about, align="center", span=left, leading=1.2)
    sheet.line("để số hóa năm 2026", about, align="center", span=left)
    left_end = sheet.y
    sheet.y = top
    sheet.line(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        sheet.font("bold", 11),
        align="center",
        span=right,
        leading=1.25,
    )
    sheet.line(
        "Độc lập - Tự do - Hạnh phúc",
        sheet.font("bold", 12),
        align="center",
        span=right,
        underline=1.0,
        leading=1.9,
    )
    sheet.line(
        "Hoài Sơn, ngày 20 tháng 3 năm 2026",
        sheet.font("italic", 12.5),
        align="center",
        span=right,
    )
    sheet.y = max(sheet.y, left_end)
    sheet.space(12)
    sheet.line(
        "Kính gửi: Ủy ban nhân dân xã Đông Lâm.",
        sheet.font("regular", 14),
        align="center",
        leading=1.6,
    )
    sheet.space(4)
    body = sheet.font("regular", BODY_PT)
    for text in LETTER_BODY:
        sheet.paragraph(text, body)
    sheet.paragraph("Trân trọng./.", body)
    sheet.space(6)
    left, right = sheet.columns(0.5)
    top = sheet.y
    sheet.line("Nơi nhận:", sheet.font("bold-italic", 12), span=left, leading=1.4)
    small = sheet.font("regular", 11)
    for recipient in LETTER_RECIPIENTS:
        sheet.line(recipient, small, span=left, leading=1.3)
    sheet.y = top
    bold = sheet.font("bold", 13)
    sheet.line("KT. GIÁM ĐỐC", bold, align="center", span=right)
    sheet.line("PHÓ GIÁM ĐỐC", bold, align="center", span=right)
    centre = (right[0] + right[1]) // 2
    sheet.signature(centre, sheet.y + sheet.mm(3), sheet.mm(13), seed=45)
    sheet.space(26)
    sheet.line("Vũ Thị Thanh Mai", bold, align="center", span=right)
    return sheet.image


def noise(size: tuple[int, int], seed: int, scale: int) -> Image.Image:
    """Deterministic random grey values, smoothed over blocks of `scale` pixels."""
    rng = random.Random(seed)
    small = (max(1, size[0] // scale), max(1, size[1] // scale))
    grain = Image.frombytes("L", small, rng.randbytes(small[0] * small[1]))
    return grain.resize(size, Image.Resampling.BICUBIC) if scale > 1 else grain


def scanned_letter(page: Image.Image) -> Image.Image:
    """A faint office scan: slightly soft ink, an off-white paper tone, a little dust."""
    ink = page.filter(ImageFilter.GaussianBlur(0.7)).point(lambda v: 30 + v * 225 // 255)
    # The scanner's lamp lights the middle of the glass a little better than the corners.
    falloff = Image.radial_gradient("L").resize(page.size, Image.Resampling.BILINEAR)
    paper = falloff.point(lambda v: 251 - min(v, 255) * 7 // 255)
    dust = ImageDraw.Draw(paper)
    rng = random.Random(3)
    for _ in range(500):
        x, y = rng.randrange(paper.width), rng.randrange(paper.height)
        radius = rng.choice((1, 1, 1, 2, 2, 3))
        dust.ellipse((x - radius, y - radius, x + radius, y + radius), fill=rng.randrange(150, 215))
    return quantised(ImageChops.darker(ink, paper))


def quantised(image: Image.Image, step: int = 16) -> Image.Image:
    """Fewer grey levels compress far better and look no different on a scan."""
    return image.point(lambda v: min(255, round(v / step) * step) if v < 244 else v)


def write_letter(target: Path) -> None:
    scanned_letter(letter_page()).save(
        target, format="PNG", dpi=(ADMIN_DPI, ADMIN_DPI), optimize=True
    )


# --------------------------------------------------------------------------------------------
# 03: two pages of a local Party-history book, scanned at 200 dpi, JPEG in an A5 PDF.

BOOK_DPI = 200
BOOK_TITLE = "LỊCH SỬ ĐẢNG BỘ XÃ ĐÔNG LÂM"
BOOK_TEXT = [
    "Sau Đại hội Đảng bộ xã lần thứ V, trụ sở Đảng ủy và Ủy ban nhân dân xã Đông Lâm vẫn là "
    "dãy nhà cấp bốn lợp ngói ở đầu chợ. Toàn bộ giấy tờ của xã được cất trong ba chiếc tủ gỗ "
    "mít do hợp tác xã đóng từ những năm sáu mươi. Mỗi mùa nước lên, cán bộ văn phòng lại phải "
    "kê tủ lên gạch, bọc các chồng hồ sơ trong ni-lông để tránh ẩm.",
    "Người gắn bó lâu nhất với những chiếc tủ ấy là ông Lương Văn Thiệp, nguyên cán bộ văn thư "
    "của xã. Ông kể rằng thời đó chưa có máy chữ, biên bản nào cũng chép tay bằng bút mực tím, "
    "văn bản quan trọng phải chép thành ba bản. Có những đêm mất điện, ông ngồi bên ngọn đèn "
    "dầu chép cho kịp nghị quyết gửi lên huyện.",
    "Năm 1991, một trận lũ lớn tràn vào trụ sở khiến gần hai trăm tập hồ sơ bị ngấm nước. Đảng "
    "ủy xã huy động đoàn viên thanh niên phơi khô từng tờ giấy trên sân đình, dùng bàn là ấm ép "
    "phẳng những trang bị quăn mép. Nhờ vậy, phần lớn sổ sách đảng viên và biên bản các kỳ đại "
    "hội vẫn được giữ lại, dù nhiều trang đến nay còn loang vết nước.",
    "Từ bài học ấy, năm 1994 Đảng ủy ra nghị quyết chuyên đề về công tác lưu trữ. Xã dành một "
    "gian nhà riêng làm kho, đóng giá kệ cao cách nền nửa mét. Lần đầu tiên, mỗi hồ sơ có bìa "
    "ghi rõ tên, thời gian và số tờ, được xếp theo năm để tiện tra tìm.",
    "Năm 1997, khi huyện mở lớp tập huấn nghiệp vụ văn thư, xã cử chị Hoàng Thị Lụa, khi ấy mới "
    "hai mươi tư tuổi, đi học. Trở về, chị cùng ông Thiệp dành gần một năm chỉnh lý toàn bộ kho "
    "tài liệu: loại bỏ những bản trùng, đánh số tờ, lập mục lục hồ sơ theo từng thời kỳ. Bản mục "
    "lục viết tay ấy dày hơn một trăm trang, đến nay vẫn được dùng để đối chiếu.",
    "Cuối năm 2000, tổng kết công tác văn thư, lưu trữ, Đảng ủy xã Đông Lâm được huyện biểu "
    "dương là một trong những đơn vị giữ gìn tài liệu tốt nhất. Với nhiều người, đó không chỉ "
    "là thành tích của một văn phòng nhỏ, mà là sự trân trọng đối với ký ức chung của cả làng.",
    "Những việc làm tưởng như nhỏ bé ấy đã đặt nền móng cho công cuộc số hóa sau này. Khi những "
    "trang giấy cũ được quét thành ảnh và đọc bằng máy, thế hệ hôm nay có thể nhìn lại nét chữ "
    "của những người đi trước, hiểu thêm về một thời gian khó mà bền bỉ của quê hương.",
]
BOOK_INDENT_MM = 8.0
BOOK_LEADING = 1.28


def book_sheet(number: int) -> Sheet:
    odd = number % 2 == 1  # odd pages are right-hand pages, the gutter on their left
    inner, outer = 22.0, 16.0
    margins = Margins(
        left=inner if odd else outer, right=outer if odd else inner, top=20, bottom=18
    )
    return Sheet(A5_MM, BOOK_DPI, margins)


def page_number(sheet: Sheet, number: int) -> None:
    """The folio, centred in the foot margin."""
    centre = (sheet.left + sheet.right) / 2
    face = sheet.font("regular", 11)
    sheet.draw.text(
        (centre, sheet.bottom + sheet.mm(8)), str(number), font=face.font, fill=INK, anchor="ms"
    )


def fill_page(sheet: Sheet, paragraphs: list[str], continued: bool) -> tuple[list[str], bool]:
    """Set paragraphs until the page is full; return what is left and whether the first of it
    is the rest of a paragraph broken at the foot of the page."""
    body = sheet.font("regular", BODY_PT)
    left = list(paragraphs)
    while left:
        indent = 0.0 if continued else BOOK_INDENT_MM
        rest = sheet.paragraph(
            left[0], body, indent_mm=indent, leading=BOOK_LEADING, after_mm=0, flow=True
        )
        if rest:
            return [rest, *left[1:]], True
        left.pop(0)
        continued = False
    return left, False


def book_pages() -> list[Image.Image]:
    opening = book_sheet(45)
    opening.space(14)
    opening.line("Chương III", opening.font("bold", 14), align="center", leading=1.6)
    opening.line("GIỮ GÌN KÝ ỨC", opening.font("bold", 15), align="center", leading=1.35)
    opening.line("CỦA QUÊ HƯƠNG", opening.font("bold", 15), align="center", leading=1.35)
    opening.line("(1986 – 2000)", opening.font("italic", 13), align="center", leading=1.4)
    opening.line("* * *", opening.font("regular", 12), align="center", leading=1.2)
    opening.space(6)
    opening.line("I. NHỮNG CHIẾC TỦ GỖ", opening.font("bold", 13), leading=1.5)
    left, continued = fill_page(opening, BOOK_TEXT, continued=False)
    page_number(opening, 45)

    following = book_sheet(46)
    header = following.font("regular", 10)
    following.line(BOOK_TITLE, header, align="center", leading=1.0)
    rule_y = following.y + round(header.size * 0.35)
    following.draw.rectangle((following.left, rule_y, following.right, rule_y + 1), fill=INK)
    following.space(6)
    fill_page(following, left, continued)
    page_number(following, 46)
    return [opening.image, following.image]


def scanned_book_page(page: Image.Image, number: int, seed: int) -> Image.Image:
    """Yellowed paper, a shadow along the gutter, soft grey ink, a hair of skew."""
    width, height = page.size
    paper = noise(page.size, seed=seed, scale=24).point(lambda v: 226 + v * 8 // 255)
    gutter = Image.linear_gradient("L").rotate(90, expand=True).resize((width, height))
    # `gutter` runs from 0 at the left edge to 255 at the right; the shadow takes its last 6 %,
    # on the right of a left-hand (even) page and, flipped, on the left of a right-hand page.
    if number % 2 == 1:
        gutter = gutter.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    fade = gutter.point(lambda v: max(0, v - 240) * 255 // 15 * 55 // 255)
    shaded = ImageChops.subtract(paper, fade)
    ink = page.filter(ImageFilter.GaussianBlur(0.6)).point(lambda v: 45 + v * 210 // 255)
    scanned = ImageChops.darker(ink, shaded)
    return scanned.rotate(0.25 if number % 2 else -0.2, Image.Resampling.BICUBIC, fillcolor=228)


def write_book(target: Path) -> None:
    jpegs: list[bytes] = []
    for number, page in enumerate(book_pages(), start=45):
        image = scanned_book_page(page, number, seed=number)
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=75, dpi=(BOOK_DPI, BOOK_DPI), optimize=True)
        jpegs.append(buffer.getvalue())
    # img2pdf's own writer: through pikepdf the file gets a random /ID on every run.
    pdf = img2pdf.convert(
        jpegs,
        engine=img2pdf.Engine.internal,
        nodate=True,
        title="Lịch sử Đảng bộ xã Đông Lâm (trang mẫu)",
    )
    if not isinstance(pdf, bytes):
        raise TypeError("img2pdf returned no PDF")
    target.write_bytes(pdf)


def main() -> None:
    PAGES.mkdir(exist_ok=True)
    write_resolution(PAGES / "01-nghi-quyet.tif")
    write_letter(PAGES / "02-cong-van.png")
    write_book(PAGES / "03-lich-su-dang-bo.pdf")
    for path in sorted(PAGES.iterdir()):
        if path.suffix in {".tif", ".png", ".pdf"}:
            print(f"{path.name}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
