from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from digitizer.acquire.formats import identify
from digitizer.acquire.pdf import RenderMode, probe_pdf, render_pages
from digitizer.errors import CorruptPdf, EncryptedPdf, ImageTooLarge, WrongPassword
from tests.helpers.pages import encrypt_pdf, pdf_of_pages

LIMIT = 89_478_485


def text_pdf(path: Path, pages: int) -> Path:
    """A born-digital PDF: real text, no images."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    for number in range(pages):
        page = pdf.add_blank_page(page_size=(595, 842))
        page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.Contents = pdf.make_stream(
            f"BT /F1 14 Tf 72 760 Td (Nghi quyet so {number}) Tj ET".encode()
        )
    pdf.save(path)
    return path


def test_a_scanned_pdf_renders_at_its_images_resolution_and_depth(inputs: Path) -> None:
    path = pdf_of_pages(inputs / "scan.pdf", 3, dpi=150)
    probed = probe_pdf(identify(path), None, LIMIT)
    assert [page.dpi for page in probed.pages] == [150, 150, 150]
    assert {page.mode for page in probed.pages} == {RenderMode.MONO}
    assert not probed.has_text_layer
    assert probed.pages[0].pixel_size() == (400, 560)


def test_rendered_pages_are_bilevel_files_of_the_native_size(inputs: Path, tmp_path: Path) -> None:
    path = pdf_of_pages(inputs / "scan.pdf", 3, dpi=150)
    probed = probe_pdf(identify(path), None, LIMIT)
    out = tmp_path / "render"
    out.mkdir()
    rendered = list(render_pages(probed, probed.pages[1:], out, None))
    assert [page.number for page in rendered] == [2, 3]
    for page in rendered:
        with Image.open(page.path) as image:
            assert image.mode == "1"
            assert image.size == (400, 560) == (page.width, page.height)


def test_a_text_layer_is_detected_and_text_pages_render_at_300_dpi(inputs: Path) -> None:
    probed = probe_pdf(identify(text_pdf(inputs / "born-digital.pdf", 2)), None, LIMIT)
    assert probed.has_text_layer
    assert all(page.has_text for page in probed.pages)
    assert probed.pages[0].dpi == 300
    assert probed.pages[0].mode is RenderMode.COLOR


def test_password_protected_pdfs(inputs: Path) -> None:
    locked = encrypt_pdf(pdf_of_pages(inputs / "plain.pdf", 2), inputs / "locked.pdf", "mat-khau")
    with pytest.raises(EncryptedPdf, match="--pdf-password-file"):
        probe_pdf(identify(locked), None, LIMIT)
    with pytest.raises(WrongPassword):
        probe_pdf(identify(locked), "wrong", LIMIT)
    assert len(probe_pdf(identify(locked), "mat-khau", LIMIT).pages) == 2


def test_damaged_pdfs_are_refused(inputs: Path) -> None:
    whole = pdf_of_pages(inputs / "whole.pdf", 2).read_bytes()
    cut = inputs / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 2])
    garbage = inputs / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + b"\x13\x37 not a pdf " * 200)
    for path in (cut, garbage):
        with pytest.raises(CorruptPdf, match="damaged"):
            probe_pdf(identify(path), None, LIMIT)


def test_a_page_too_large_to_render_is_refused(inputs: Path) -> None:
    path = pdf_of_pages(inputs / "scan.pdf", 1, dpi=150)
    with pytest.raises(ImageTooLarge, match="--max-pixels"):
        probe_pdf(identify(path), None, 100_000)
