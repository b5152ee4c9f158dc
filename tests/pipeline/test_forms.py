"""A form page with dot leaders, drawn here, through the page work: read as Tesseract alone
reads it, whole rows turn to debris or vanish (about three words in four survive); through the
recognition copy every label is read."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from digitizer.pipeline.page_work import PageTask, work_on_page
from ocr.engine import EngineSettings, recognise
from ocr.metrics import word_recall
from ocr.prepare import PrepareSettings
from tests.helpers.text_pages import FONT

DPI = 300
LABELS = (
    "Tên công trình khai thác:",
    "Loại công trình:",
    "Xã, huyện, tỉnh:",
    "Mục đích sử dụng nước:",
    "Quy mô khai thác:",
    "Tổ chức, cá nhân quản lý:",
)
HEADING = "Thông tin về nguồn nước có liên quan:"


def _form(path: Path) -> tuple[Path, str]:
    font = ImageFont.truetype(str(FONT), 50)
    image = Image.new("L", (2480, 2400), 255)
    draw = ImageDraw.Draw(image)
    draw.text((200, 150), HEADING, font=font, fill=0)
    y = 240
    for _ in range(3):
        draw.text((200, y), "." * 150, font=font, fill=0)
        y += 70
    for label in LABELS:
        draw.text((200, y), label + " " + "…" * 40, font=font, fill=0)
        y += 110
    image.save(path, dpi=(DPI, DPI))
    return path, "\n".join([HEADING, *LABELS])


def test_every_label_of_a_form_with_leaders_is_read(tmp_path: Path) -> None:
    image, truth = _form(tmp_path / "form.png")
    scratch = tmp_path / "scratch"
    scratch.mkdir()

    outcome = work_on_page(
        PageTask(1, str(image), DPI, EngineSettings(), PrepareSettings(), str(scratch))
    )

    assert outcome.ok, outcome.error_message
    assert word_recall(outcome.text, truth) == 1.0
    assert outcome.preparation["recognition_copy"]["leader_dots"] > 500
    # The page as read without the copy loses words: the copy is what makes the difference.
    assert word_recall(recognise(image, DPI, EngineSettings()).text, truth) < 0.95
