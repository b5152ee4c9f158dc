"""Pages of Vietnamese text drawn with a real font, with their ground truth, for OCR tests.

The sentences are the project's own, and cover every vowel with every tone mark that archival
text commonly uses. Pages are small (a few lines) so that one real Tesseract run takes well under
a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")

SENTENCES = (
    "Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số",
    "trong công tác tuyên truyền, giáo dục chính trị tư tưởng.",
    "Các cấp ủy cần quán triệt đầy đủ nội dung, tổ chức thực hiện",
    "nghiêm túc và báo cáo kết quả trước ngày mười lăm hằng tháng.",
    "Lưu trữ lịch sử Đảng bộ huyện gồm hồ sơ, văn kiện đại hội",
    "và những bức ảnh quý về phong trào thi đua yêu nước.",
    "Mỗi trang được quét ở độ phân giải ba trăm điểm ảnh mỗi inch.",
    "Người đọc tìm kiếm được từng dòng, từng chữ trên trang gốc.",
)


@dataclass(frozen=True)
class TextPage:
    image: Image.Image
    lines: tuple[str, ...]
    dpi: int

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def save(self, path: Path, **options: Any) -> Path:
        self.image.save(path, dpi=(self.dpi, self.dpi), **options)
        return path


def text_page(
    first_line: int = 0,
    line_count: int = 6,
    dpi: int = 300,
    width_inches: float = 7.0,
    mode: str = "L",
    heading: str = "",
) -> TextPage:
    """A page of `line_count` sentences starting at SENTENCES[first_line], in 12 pt serif."""
    lines = [SENTENCES[(first_line + n) % len(SENTENCES)] for n in range(line_count)]
    if heading:
        lines.insert(0, heading)
    return lines_page(lines, dpi, width_inches, mode)


def lines_page(
    lines: Sequence[str], dpi: int = 300, width_inches: float = 7.0, mode: str = "L"
) -> TextPage:
    """A page of the given lines, in 12 pt serif."""
    font = ImageFont.truetype(str(FONT), round(12 * dpi / 72))
    line_height = round(12 * dpi / 72 * 1.6)
    margin = dpi // 2
    width = round(width_inches * dpi)
    height = 2 * margin + line_height * len(lines)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((margin, margin + index * line_height), line, font=font, fill=0)
    if mode == "1":
        bilevel = image.point(lambda v: 255 if v > 128 else 0).convert("1")
        return TextPage(bilevel, tuple(lines), dpi)
    return TextPage(image.convert(mode), tuple(lines), dpi)
