"""QR codes stamped on PDF/A pages: decoded by zbar at 150 dpi, never over a word or ink."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf
import pytest
from PIL import ImageDraw

from digitizer.errors import InvalidUrlTemplate
from digitizer.export.fonts import EmbeddedFont
from digitizer.export.model import DocumentInfo, ExportPage
from digitizer.export.pdfa import write_pdfa
from digitizer.export.qr import check_url_template, document_payload, qr_code
from digitizer.export.qr_stamp import BackCover, Placement, StampPlan, plan_stamps
from digitizer.model import Classification
from ocr.geometry import Box, Preparation
from tests.export.checks import decode_qr, rasterise
from tests.export.pages import DrawnPage, draw_page, save, varied_lines

PAYLOAD = "https://example.gov.vn/tai-lieu/7k3m9x2q4p"
INFO = DocumentInfo(title="Nghị quyết về công tác cán bộ", identifier="7k3m9x2q4p")
BACK = BackCover("Nghị quyết về công tác cán bộ", "7k3m9x2q4p", PAYLOAD, "24-NQ/TU")


def _page(tmp_path: Path, drawn: DrawnPage, name: str, kind: str = "png") -> ExportPage:
    path = save(drawn.image, tmp_path / f"{name}.{'tif' if kind == 'g4' else kind}", kind, 150)
    return ExportPage(path, drawn.dpi, Preparation(drawn.image.size), drawn.text)


def _stamp(
    pages: list[ExportPage], placement: Placement, out: Path
) -> tuple[StampPlan, subprocess.CompletedProcess[str]]:
    plan = plan_stamps(pages, qr_code(PAYLOAD), "7k3m9x2q4p", placement, EmbeddedFont(), BACK)
    write_pdfa(pages, INFO, out, drawings=plan.drawings, added_pages=plan.added_pages)
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    return plan, check


def _overlaps(a: Box, b: Box) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def test_a_code_in_every_footer_decodes_and_covers_no_word(tmp_path: Path) -> None:
    pages = [
        _page(tmp_path, draw_page(varied_lines(12, seed=n), repeat=2), f"p{n}", kind)
        for n, kind in enumerate(["png", "g4", "jpeg"])
    ]
    out = tmp_path / "stamped.pdf"

    plan, check = _stamp(pages, Placement.FOOTER, out)

    assert check.returncode == 0, check.stdout + check.stderr
    assert [place.page for place in plan.places] == [1, 2, 3] and not plan.notes
    for place, page in zip(plan.places, pages, strict=True):
        assert place.pixel_box is not None and place.side_mm >= 20
        assert page.text is not None
        assert not any(_overlaps(place.pixel_box, word.box) for word in page.text.words())
        assert place.pixel_box.y0 > 0.7 * page.size[1], "in the footer"
    for image in rasterise(out, tmp_path):
        assert decode_qr(image) == [PAYLOAD]
    plain = tmp_path / "plain.pdf"
    write_pdfa(pages, INFO, plain)
    with pikepdf.open(out) as pdf, pikepdf.open(plain) as unstamped:
        assert pdf.Root.Metadata.read_bytes() == unstamped.Root.Metadata.read_bytes()
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"] == INFO.title
        fonts = {str(f.BaseFont) for f in pdf.pages[0].Resources.Font.values()}
    assert any(name.endswith("+DejaVuSans") for name in fonts), fonts
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(out), "-"], capture_output=True, text=True
    ).stdout
    assert "7k3m9x2q4p" in text, "the human-readable code is real text"


def test_the_code_keeps_off_ink_that_is_not_words(tmp_path: Path) -> None:
    drawn = draw_page(varied_lines(6, seed=4))
    width, height = drawn.image.size
    seal = Box(width - 420, height - 420, width - 60, height - 60)
    pen = ImageDraw.Draw(drawn.image)  # a seal: a ring round a star, and a signature
    pen.ellipse(seal.as_list(), outline=0, width=12)
    pen.regular_polygon((seal.x0 + 180, seal.y0 + 180, 90), 5, fill=0)
    pen.line([(seal.x0 - 200, seal.y0 + 60), (seal.x0 + 100, seal.y0 + 300)], fill=0, width=6)
    page = _page(tmp_path, drawn, "sealed")

    plan, _ = _stamp([page], Placement.COVER, tmp_path / "cover.pdf")

    place = plan.places[0]
    assert place.page == 1 and place.pixel_box is not None
    assert not _overlaps(place.pixel_box, seal)
    assert decode_qr(rasterise(tmp_path / "cover.pdf", tmp_path)[0]) == [PAYLOAD]


def test_a_full_page_sends_the_code_to_an_added_back_page(tmp_path: Path) -> None:
    full = draw_page(varied_lines(8, seed=2), top=40, line_gap=1.3, repeat=6, font_size=30)
    out = tmp_path / "full.pdf"

    plan, check = _stamp([_page(tmp_path, full, "full")], Placement.FOOTER, out)

    assert check.returncode == 0, check.stdout
    assert len(plan.places) == 1 and plan.places[0].added_page and plan.places[0].page == 2
    assert plan.notes and "page(s) 1" in plan.notes[0]
    images = rasterise(out, tmp_path)
    assert len(images) == 2
    assert decode_qr(images[0]) == [] and decode_qr(images[1]) == [PAYLOAD]


def test_what_the_code_carries() -> None:
    template = "https://example.gov.vn/tai-lieu/{id}"
    assert document_payload("7k3m9x2q4p", Classification.PUBLIC, template) == PAYLOAD
    assert document_payload("7k3m9x2q4p", Classification.INTERNAL, template) == "7k3m9x2q4p"
    assert document_payload("7k3m9x2q4p", Classification.PUBLIC, "") == "7k3m9x2q4p"
    for bad in ("example.gov.vn/{id}", "https://example.gov.vn/", "https://x.vn/{id}/{name}"):
        with pytest.raises(InvalidUrlTemplate):
            check_url_template(bad)
