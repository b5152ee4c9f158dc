"""`digitizer export` of recognised documents, checked with the real poppler and qpdf."""

from __future__ import annotations

import random
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf
import pytest

from ocr.metrics import score
from ocr.words import PageText
from tests.e2e.support import query, run, run_json
from tests.helpers.text_pages import text_page

DPI = 300


@pytest.fixture(scope="module")
def recognised(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A library holding one recognised two-page document: an upright page and a page scanned
    upside down and 3° askew, as a JPEG."""
    folder = tmp_path_factory.mktemp("export")
    library = folder / "library"
    pages = folder / "pages"
    pages.mkdir()
    text_page(line_count=5).save(pages / "1.png")
    turned = text_page(first_line=3, line_count=5).image.rotate(183, expand=True, fillcolor=255)
    turned.convert("RGB").save(pages / "2.jpg", dpi=(DPI, DPI), quality=90)
    document = run_json(library, "import", pages, "--one-document")["imported"][0]["document"]
    run_json(library, "ocr", document)
    return library, str(document)


def _stored(library: Path, document: str) -> list[tuple[str, PageText]]:
    rows = query(
        library,
        "SELECT t.text, t.words_sha256 FROM page_texts t JOIN pages p ON p.id = t.page_id "
        f"WHERE p.document_id = '{document}' ORDER BY p.number",
    )
    return [
        (str(text), PageText.from_bytes((library / "objects" / sha[:2] / sha[2:]).read_bytes()))
        for text, sha in rows
    ]


def test_the_pdf_is_searchable_pdfa_with_words_where_the_image_shows_them(
    recognised: tuple[Path, str], tmp_path: Path
) -> None:
    library, document = recognised
    out = tmp_path / "nghi-quyet.pdf"

    result = run_json(library, "export", document, "--format", "pdf", "--out", out)

    assert result["pages"] == 2 and result["pages_without_text"] == []
    stored = _stored(library, document)
    assert stored[1][1].width > stored[1][1].height * 0.3, "OCR ran on the upright page"
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    with pikepdf.open(out) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert pdf.Root.OutputIntents[0].S == "/GTS_PDFA1"

    for number, (text, _) in enumerate(stored, start=1):
        extracted = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(out), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert score(extracted, text).cer < 0.005, (extracted, text)
        assert "Nghị quyết" in text or "Lưu trữ" in text

    _words_land_on_their_boxes(out, stored)


def _words_land_on_their_boxes(pdf: Path, stored: list[tuple[str, PageText]]) -> None:
    layout = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", layout))
    namespace = {"x": "http://www.w3.org/1999/xhtml"}
    scale = 72 / DPI
    rng = random.Random(20261122)
    checked = 0
    for page, (_, words) in zip(root.iterfind(".//x:page", namespace), stored, strict=True):
        found = [
            (w.text or "", [float(w.get(k, "0")) for k in ("xMin", "yMin", "xMax", "yMax")])
            for w in page.iterfind(".//x:word", namespace)
        ]
        image_words = [w for w in words.words() if len(w.text) > 1]
        for word in rng.sample(image_words, 10):
            box = [v * scale for v in word.box.as_list()]
            match = [b for text, b in found if text == word.text and _overlap(b, box) > 0.5]
            assert match, f"{word.text!r} at {box} not found where the image shows it"
            checked += 1
    assert checked == 20


def _overlap(a: list[float], b: list[float]) -> float:
    """Intersection over the smaller box's area."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return width * height / smaller


def test_the_pdf_shows_the_page_upright(recognised: tuple[Path, str], tmp_path: Path) -> None:
    library, document = recognised
    out = tmp_path / "d.pdf"
    run_json(library, "export", document, "--format", "pdf", "--out", out)
    subprocess.run(
        ["pdftoppm", "-f", "2", "-l", "2", "-r", "150", "-png", str(out), str(tmp_path / "p")],
        check=True,
    )
    rendered = next(tmp_path.glob("p*.png"))
    # Tesseract without orientation detection reads only an upright page.
    read = subprocess.run(
        ["tesseract", str(rendered), "-", "-l", "vie", "--psm", "3"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert score(read, "\n".join(text_page(first_line=3, line_count=5).lines)).cer < 0.05


@pytest.mark.parametrize("fmt", ["txt", "hocr", "alto"])
def test_text_exports(recognised: tuple[Path, str], tmp_path: Path, fmt: str) -> None:
    library, document = recognised
    out = tmp_path / f"d.{fmt}"

    result = run(library, "export", document, "--format", fmt, "--out", out)

    assert result.returncode == 0, result.describe()
    stored = _stored(library, document)
    data = out.read_text(encoding="utf-8")
    if fmt == "txt":
        assert data.split("\f")[0].strip() == stored[0][0].strip()
        assert len(data.split("\f")) == 2
    else:
        root = ET.fromstring(data)
        texts = (
            [e.get("CONTENT") for e in root.iter() if e.tag.endswith("String")]
            if fmt == "alto"
            else ["".join(e.itertext()) for e in root.iter() if e.get("class") == "ocrx_word"]
        )
        expected = [w.text for _, words in stored for w in words.words()]
        assert texts == expected


def test_exporting_what_is_not_recognised(tmp_path: Path) -> None:
    library = tmp_path / "library"
    page = text_page(line_count=1).save(tmp_path / "p.png")
    document = run_json(library, "import", page)["imported"][0]["document"]

    refused = run(library, "export", document, "--format", "pdf", "--out", tmp_path / "a.pdf")
    allowed = run_json(
        library,
        "export",
        document,
        "--format",
        "pdf",
        "--out",
        tmp_path / "b.pdf",
        "--allow-unrecognised",
    )
    nowhere = run(library, "export", document, "--format", "txt", "--out", tmp_path / "x" / "a")
    wrong = run(library, "export", document, "--format", "docx", "--out", tmp_path / "a.docx")

    assert refused.returncode == 1 and "[no-ocr]" in refused.stderr
    assert f"digitizer ocr {document}" in refused.stderr
    assert not (tmp_path / "a.pdf").exists()
    assert allowed["pages_without_text"] == [1]
    assert (tmp_path / "b.pdf").stat().st_size > 1000
    assert nowhere.returncode == 1 and "does not exist" in nowhere.stderr
    assert wrong.returncode == 2
