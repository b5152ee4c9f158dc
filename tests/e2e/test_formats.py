"""Multi-page TIFFs and PDFs: one document each, pages at the resolution of the scan."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

import img2pdf
import pikepdf
from PIL import Image

from tests.e2e.support import (
    add_text_to_page,
    object_path,
    pdf_with_text,
    run,
    run_json,
    sha256_of,
)
from tests.helpers.pages import page_image, pdf_of_pages, write_multipage_tiff


def _import_one(library: Path, path: Path) -> Any:
    """Import one file as one document and return `show --json` of it."""
    report = run_json(library, "import", path)
    assert report["failed"] == []
    assert len(report["imported"]) == 1
    return run_json(library, "show", report["imported"][0]["document"])


def test_multipage_g4_tiff_is_one_document_with_every_frame(tmp_path: Path) -> None:
    frames = 5
    tiff = write_multipage_tiff(tmp_path / "so-bo.tif", frames, dpi=300)
    library = tmp_path / "library"

    shown = _import_one(library, tiff)
    assert shown["pages"] == frames
    pages = shown["page_list"]
    assert len(pages) == frames
    assert [page["number"] for page in pages] == list(range(1, frames + 1))
    assert [page["source_page"] for page in pages] == list(range(1, frames + 1))
    assert all(page["dpi"] == 300 for page in pages), [page["dpi"] for page in pages]
    assert all((page["width"], page["height"]) == (400, 560) for page in pages)
    assert {page["source_sha256"] for page in pages} == {sha256_of(tiff)}
    assert object_path(library, sha256_of(tiff)).read_bytes() == tiff.read_bytes()
    for number, page in enumerate(pages, start=1):
        with Image.open(object_path(library, page["image_sha256"])) as stored:
            assert stored.mode == "1"
            assert stored.tobytes() == page_image(number, mode="1").tobytes(), (
                f"frame {number} was not stored losslessly"
            )


def test_pdf_with_a_text_layer_is_flagged(tmp_path: Path) -> None:
    pdf = pdf_with_text(tmp_path / "nghi-quyet.pdf", "Nghi quyet")
    library = tmp_path / "library"

    shown = _import_one(library, pdf)
    assert shown["has_text_layer"] is True
    sources = shown["sources"]
    assert [source["has_text_layer"] for source in sources] == [True]
    pages = shown["page_list"]
    assert [page["has_text_layer"] for page in pages] == [True]
    # No scanned image to take the resolution from: the default 300 dpi, 3 × 4 inches.
    assert [(page["dpi"], page["width"], page["height"]) for page in pages] == [(300, 900, 1200)]
    listed = run_json(library, "list")
    assert [doc["has_text_layer"] for doc in listed] == [True]


def test_scanned_pdf_has_no_text_layer(tmp_path: Path) -> None:
    shown = _import_one(tmp_path / "library", pdf_of_pages(tmp_path / "scan.pdf", 2))
    assert shown["has_text_layer"] is False
    pages = shown["page_list"]
    assert [page["has_text_layer"] for page in pages] == [False, False]


def test_pdf_pages_are_rendered_at_the_native_image_resolution(tmp_path: Path) -> None:
    pdf = pdf_of_pages(tmp_path / "scan-150.pdf", 3, dpi=150, size=(432, 600))
    with pikepdf.open(pdf) as document:
        embedded = []
        for page in document.pages:
            (image,) = page.get_images().values()
            embedded.append((int(image.Width), int(image.Height)))
    assert embedded == [(432, 600)] * 3
    library = tmp_path / "library"

    shown = _import_one(library, pdf)
    pages = shown["page_list"]
    assert [page["dpi"] for page in pages] == [150] * 3
    assert [(page["width"], page["height"]) for page in pages] == embedded
    assert [page["source_page"] for page in pages] == [1, 2, 3]
    for number, page in enumerate(pages, start=1):
        with Image.open(object_path(library, page["image_sha256"])) as stored:
            assert stored.size == (page["width"], page["height"])
            assert stored.mode == "1", "a bilevel scan should stay bilevel"
            scan = page_image(number, size=(432, 600), mode="1")
            assert stored.tobytes() == scan.tobytes(), f"page {number} is not the scan's pixels"
    assert object_path(library, sha256_of(pdf)).read_bytes() == pdf.read_bytes()

    human = run(library, "show", shown["document"])
    assert human.returncode == 0, human.describe()
    assert "432×600" in human.stdout and "150" in human.stdout


def test_cropped_scan_page_records_the_resolution_of_the_scan(tmp_path: Path) -> None:
    """Scanning programs trim margins with a CropBox; the scan's resolution does not change."""
    full = pdf_of_pages(tmp_path / "full.pdf", 1, dpi=100)  # 400 × 560 px on 288 × 403.2 pt
    cropped = tmp_path / "cropped.pdf"
    with pikepdf.open(full) as document:
        document.pages[0].obj.CropBox = pikepdf.Array([36, 36, 252, 367.2])
        document.save(cropped)

    (page,) = _import_one(tmp_path / "library", cropped)["page_list"]
    assert page["dpi"] == 100, f"the scan is 100 dpi, the page says {page['dpi']}"


def test_jpeg_scans_in_a_pdf_keep_their_own_bytes(tmp_path: Path) -> None:
    jpegs = []
    for number, mode in ((1, "RGB"), (2, "L")):
        buffer = io.BytesIO()
        page_image(number, mode=mode).save(buffer, format="JPEG", dpi=(200, 200), quality=85)
        jpegs.append(buffer.getvalue())
    pdf = tmp_path / "anh-mau.pdf"
    pdf.write_bytes(img2pdf.convert(jpegs))
    library = tmp_path / "library"

    pages = _import_one(library, pdf)["page_list"]
    assert [page["image_sha256"] for page in pages] == [
        hashlib.sha256(data).hexdigest() for data in jpegs
    ]
    assert [page["media_type"] for page in pages] == ["image/jpeg"] * 2
    assert [(page["dpi"], page["width"], page["height"]) for page in pages] == [(200, 400, 560)] * 2
    assert run(library, "verify").returncode == 0


def test_visible_text_over_a_scan_is_kept_and_invisible_ocr_text_is_not_drawn(
    tmp_path: Path,
) -> None:
    scans = pdf_of_pages(tmp_path / "scans.pdf", 3)
    marked = add_text_to_page(scans, tmp_path / "marked.pdf", 1, invisible=False)
    pdf = add_text_to_page(marked, tmp_path / "mixed.pdf", 2, invisible=True)
    library = tmp_path / "library"

    pages = _import_one(library, pdf)["page_list"]
    assert [page["number"] for page in pages] == [1, 2, 3]
    assert [page["source_page"] for page in pages] == [1, 2, 3]
    # One line of text over a scan is a stamp's (an e-signature's), not the page's text layer:
    # those pages are read by OCR like the others.
    assert [page["has_text_layer"] for page in pages] == [False, False, False]
    assert [(page["dpi"], page["width"], page["height"]) for page in pages] == [(100, 400, 560)] * 3
    text_area = (24, 490, 300, 540)  # where the line of text is drawn, blank on the scan
    assert page_image(2, mode="1").crop(text_area).getextrema() == (255, 255)
    for number, page in enumerate(pages, start=1):
        with Image.open(object_path(library, page["image_sha256"])) as stored:
            bilevel = stored.convert("1", dither=Image.Dither.NONE)
        if number == 2:
            assert bilevel.crop(text_area).getextrema() == (0, 255), "the visible text was lost"
        else:
            scan = page_image(number, mode="1")
            assert bilevel.tobytes() == scan.tobytes(), f"page {number} is not the scan itself"
