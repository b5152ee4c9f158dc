"""Builders for export tests: pages of Vietnamese text drawn with DejaVu Serif at known places, so
every word's box and baseline is known, and originals made from them through a preparation."""

from __future__ import annotations

import math
import random
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ocr.geometry import Box, Preparation, invert
from ocr.words import Block, Line, PageText, Paragraph, Word

SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")

# ă â đ ê ô ơ ư, each with the five tones (huyền, sắc, hỏi, ngã, nặng), in real words.
VIETNAMESE_LINES = (
    "Nghị quyết của Ban Thường vụ Tỉnh ủy về công tác cán bộ",
    "Đảng Cộng sản Việt Nam lãnh đạo toàn diện sự nghiệp đổi mới",
    # A line of single letters alone is read as letter-spaced text by poppler (one word).
    "Các dấu: ằ ắ ẳ ẵ ặ ầ ấ ẩ ẫ ậ đ Đ ề ế ể ễ ệ",
    "và thêm: ồ ố ổ ỗ ộ ờ ớ ở ỡ ợ ừ ứ ử ữ ự",
    "Ăn, cân, đê, cô, mơ, thư; hằng năm, sắp xếp, bẳn, hẵng, nặng;",
    "tầng, lấy, ẩn, mẫu, vậy;",
    "về, nếu, nghĩ kể, mễ, lệnh; tổng, cố, tồn, mỗi, bộ; mới, lợi, cỡ, ở, đời",
    "người, cứu, sửa, những, lực, bưu điện, thường trực, Hồ Chí Minh",
)


def varied_lines(count: int, characters: int = 60, seed: int = 7) -> list[str]:
    """`count` lines of about `characters` characters of shuffled Vietnamese words (text that
    does not repeat, so it compresses as real pages do)."""
    vocabulary = " ".join(VIETNAMESE_LINES).split()
    chooser = random.Random(seed)
    lines = []
    for _ in range(count):
        words: list[str] = []
        while sum(len(word) + 1 for word in words) < characters:
            words.append(chooser.choice(vocabulary))
        lines.append(" ".join(words))
    return lines


@dataclass(frozen=True)
class DrawnPage:
    """An upright page image and the words drawn on it."""

    image: Image.Image
    text: PageText
    dpi: int


def draw_page(
    lines: tuple[str, ...] | list[str] = VIETNAMESE_LINES,
    size: tuple[int, int] = (1240, 1754),
    dpi: int = 150,
    font_size: int = 30,
    top: int = 160,
    left: int = 120,
    line_gap: float = 1.9,
    repeat: int = 1,
) -> DrawnPage:
    """Draw `lines` (`repeat` times over) in black on white; one block, one paragraph per
    repetition, word boxes from Pillow's own measure of the ink."""
    font = ImageFont.truetype(str(SERIF), font_size)
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    space = font.getlength(" ")
    paragraphs = []
    y = float(top)
    for _ in range(repeat):
        built: list[Line] = []
        for content in lines:
            baseline = round(y)
            x = float(left)
            words = []
            for word in content.split():
                x0, y0, x1, y1 = draw.textbbox((x, baseline), word, font=font, anchor="ls")
                draw.text((x, baseline), word, font=font, fill=0, anchor="ls")
                box = Box(math.floor(x0), math.floor(y0), math.ceil(x1), math.ceil(y1))
                words.append(Word(word, box, 91.5))
                x = x1 + space
            line_box = words[0].box
            for word_ in words[1:]:
                line_box = line_box.union(word_.box)
            built.append(Line(line_box, tuple(words), (0.0, float(baseline - line_box.y1))))
            y += font_size * line_gap
        box = built[0].box
        for line in built[1:]:
            box = box.union(line.box)
        paragraphs.append(Paragraph(box, tuple(built), "vie"))
        y += font_size
    block_box = paragraphs[0].box
    for paragraph in paragraphs[1:]:
        block_box = block_box.union(paragraph.box)
    text = PageText(size[0], size[1], dpi, (Block(block_box, tuple(paragraphs)),))
    return DrawnPage(image, text, dpi)


def original_of(upright: Image.Image, preparation: Preparation) -> Image.Image:
    """The scan that `preparation` turns into `upright`: each original pixel takes the upright
    pixel the preparation sends it to (white where that falls outside the page)."""
    a, b, c, d, e, f = preparation.matrix()
    # Pillow's affine transform maps output (original) pixels to input (upright) pixels.
    return upright.transform(
        preparation.source_size,
        Image.Transform.AFFINE,
        (a, c, e, b, d, f),
        resample=Image.Resampling.BILINEAR,
        fillcolor=255,
    )


def source_size_for(output: tuple[int, int], quarter_turns: int) -> tuple[int, int]:
    width, height = output
    return (height, width) if quarter_turns % 2 else (width, height)


def prepared_position(preparation: Preparation, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = preparation.matrix()
    return a * x + c * y + e, b * x + d * y + f


def original_position(preparation: Preparation, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = invert(preparation.matrix())
    return a * x + c * y + e, b * x + d * y + f


def save(image: Image.Image, path: Path, kind: str, dpi: int) -> Path:
    """Save as a scanner would: `jpeg` (colour), `png` (grey) or `g4` (bilevel CCITT TIFF in one
    strip; `g4-strips` in Pillow's 64 KiB strips)."""
    if kind == "jpeg":
        image.convert("RGB").save(path, format="JPEG", quality=85, dpi=(dpi, dpi))
    elif kind == "png":
        image.convert("L").save(path, format="PNG", dpi=(dpi, dpi))
    elif kind in ("g4", "g4-strips"):
        bilevel = image.convert("L").point(lambda v: 255 if v > 140 else 0).convert("1")
        # One strip, as most scanners write; Pillow alone cuts strips at 64 KiB.
        options = {"tiffinfo": {278: image.height}} if kind == "g4" else {}
        bilevel.save(path, format="TIFF", compression="group4", dpi=(dpi, dpi), **options)
    else:
        raise ValueError(kind)
    return path


# --- reading PDFs back with poppler ------------------------------------------------------------


@dataclass(frozen=True)
class ExtractedWord:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def pdftotext(pdf: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_words(pdf: Path) -> list[list[ExtractedWord]]:
    """Every page's words with their boxes in points (y down), from `pdftotext -bbox-layout`."""
    root = ET.fromstring(pdftotext(pdf, "-bbox-layout"))
    namespace = "{http://www.w3.org/1999/xhtml}"
    pages = []
    for page in root.iter(f"{namespace}page"):
        words = [
            ExtractedWord(
                word.text or "",
                float(word.attrib["xMin"]),
                float(word.attrib["yMin"]),
                float(word.attrib["xMax"]),
                float(word.attrib["yMax"]),
            )
            for word in page.iter(f"{namespace}word")
        ]
        pages.append(words)
    return pages


def render(pdf: Path, folder: Path, resolution: int = 50, page: int = 1) -> Image.Image:
    """The page as poppler draws it, in grey."""
    stem = folder / f"render-{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-gray",
            "-png",
            "-singlefile",
            "-r",
            str(resolution),
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            str(stem),
        ],
        check=True,
        capture_output=True,
    )
    with Image.open(stem.with_suffix(".png")) as image:
        return image.convert("L")


def collapse(text: str) -> str:
    return " ".join(text.split())
