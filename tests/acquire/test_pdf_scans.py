"""Scanned PDF pages give back the scanner's own image; anything else is rendered."""

from __future__ import annotations

import io
from pathlib import Path

import img2pdf
import pikepdf
import pytest
from PIL import Image, ImageChops

from digitizer.acquire.formats import identify
from digitizer.acquire.pdf import page_images, probe_pdf
from tests.helpers.pages import page_image, pdf_of_pages

LIMIT = 89_478_485


def _pages(pdf: Path, folder: Path) -> list[tuple[int, str, Path, int]]:
    probed = probe_pdf(identify(pdf), None, LIMIT)
    folder.mkdir()
    return [
        (page.number, page.media_type, page.path, page.dpi)
        for page in page_images(probed, probed.pages, folder, None)
    ]


def test_a_jpeg_scan_comes_out_byte_for_byte(inputs: Path, tmp_path: Path) -> None:
    jpegs = []
    for number in (1, 2):
        buffer = io.BytesIO()
        page_image(number, mode="RGB").save(buffer, format="JPEG", quality=70, dpi=(200, 200))
        jpegs.append(buffer.getvalue())
    pdf = inputs / "scan.pdf"
    pdf.write_bytes(img2pdf.convert(jpegs))

    pages = _pages(pdf, tmp_path / "out")

    assert [(number, media, dpi) for number, media, _, dpi in pages] == [
        (1, "image/jpeg", 200),
        (2, "image/jpeg", 200),
    ]
    assert [path.read_bytes() for _, _, path, _ in pages] == jpegs


def test_a_g4_scan_comes_out_with_the_same_pixels(inputs: Path, tmp_path: Path) -> None:
    pdf = pdf_of_pages(inputs / "scan.pdf", 2, dpi=150)
    pages = _pages(pdf, tmp_path / "out")
    assert [(number, media, dpi) for number, media, _, dpi in pages] == [
        (1, "image/tiff", 150),
        (2, "image/tiff", 150),
    ]
    for number, _, path, _ in pages:
        with Image.open(path) as extracted:
            expected = page_image(number, mode="1")
            assert extracted.mode == "1"
            difference = ImageChops.difference(extracted.convert("L"), expected.convert("L"))
            assert difference.getbbox() is None, "black and white must not be swapped or shifted"


def test_pages_with_visible_drawing_or_rotation_are_rendered(inputs: Path, tmp_path: Path) -> None:
    pdf_path = pdf_of_pages(inputs / "base.pdf", 3, dpi=100)
    with pikepdf.open(pdf_path) as pdf:
        # Page 1: a visible line drawn over the scan. Page 2: turned a quarter.
        first = pdf.pages[0]
        first.contents_add(pdf.make_stream(b"0 0 m 100 100 l S"))
        pdf.pages[1].obj.Rotate = 90
        pdf.save(inputs / "mixed.pdf")

    pages = _pages(inputs / "mixed.pdf", tmp_path / "out")

    media = {number: media_type for number, media_type, _, _ in pages}
    assert media == {1: "image/png", 2: "image/png", 3: "image/tiff"}
    sizes = {}
    for number, _, path, _ in pages:
        with Image.open(path) as image:
            sizes[number] = image.size
    assert sizes[2] == (560, 400), "the rotated page is rendered turned"
    assert sizes[1] == sizes[3] == (400, 560)


def test_a_png_scan_keeps_its_compressed_data_and_its_pixels(inputs: Path, tmp_path: Path) -> None:
    originals = []
    for number, mode in ((1, "L"), (2, "RGB"), (3, "1")):
        buffer = io.BytesIO()
        page_image(number, mode=mode).save(buffer, format="PNG", dpi=(300, 300))
        originals.append(buffer.getvalue())
    pdf = inputs / "png-scan.pdf"
    pdf.write_bytes(img2pdf.convert(originals))
    with pikepdf.open(pdf) as document:
        streams = [
            next(iter(page.get_images().values())).read_raw_bytes() for page in document.pages
        ]

    pages = _pages(pdf, tmp_path / "out")

    assert [(media, dpi) for _, media, _, dpi in pages] == [("image/png", 300)] * 3
    for (_, _, path, _), original, stream in zip(pages, originals, streams, strict=True):
        assert stream in path.read_bytes(), "the PDF's compressed data is kept as the IDAT"
        with Image.open(path) as extracted, Image.open(io.BytesIO(original)) as expected:
            assert extracted.mode == expected.mode
            assert extracted.tobytes() == expected.tobytes()
            assert extracted.info["dpi"][0] == pytest.approx(300, abs=0.01)
