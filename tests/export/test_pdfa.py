"""PDF/A-2b export, checked with the real tools: poppler's pdftotext and pdftoppm, and qpdf."""

from __future__ import annotations

import struct
import subprocess
from datetime import date
from itertools import pairwise
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image, ImageDraw

from digitizer.export.model import DocumentInfo, ExportPage
from digitizer.export.pdfa import image_matrix, write_pdfa
from digitizer.locations import resources_path
from ocr.geometry import Box, Preparation, apply
from ocr.words import PageText
from tests.export.pages import (
    DrawnPage,
    collapse,
    draw_page,
    original_of,
    original_position,
    pdf_words,
    pdftotext,
    render,
    save,
    varied_lines,
)

INFO = DocumentInfo(
    title="Nghị quyết về công tác cán bộ",
    author="Ban Thường vụ Tỉnh ủy Hà Tĩnh",
    subject="Tóm tắt: sắp xếp tổ chức bộ máy",
    keywords=["cán bộ", "tổ chức", "nghị quyết"],
    created=date(1998, 3, 12),
    identifier="24-NQ/TU",
)

# name → (preparation for a prepared page of 1240 × 1754 at 150 dpi)
PREPARATIONS = {
    "identity": Preparation(source_size=(1240, 1754)),
    "turned-and-skewed": Preparation(source_size=(1240, 1754), quarter_turns=2, skew_degrees=2.5),
    "quarter-turn-and-crop": Preparation(
        source_size=(1754 + 80, 1240 + 60), quarter_turns=1, crop=Box(30, 40, 1270, 1794)
    ),
}


def _scan(
    tmp_path: Path, preparation: Preparation, kind: str = "png", name: str = "scan"
) -> tuple[ExportPage, DrawnPage]:
    """An original scan that `preparation` turns into a page of drawn Vietnamese text."""
    drawn = draw_page(size=preparation.output_size)
    original = original_of(drawn.image, preparation)
    suffix = "tif" if kind.startswith("g4") else kind
    path = save(original, tmp_path / f"{name}.{suffix}", kind, drawn.dpi)
    return ExportPage(path, drawn.dpi, preparation, drawn.text), drawn


def _qpdf_check(pdf: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)


def _images(pdf: pikepdf.Pdf, page: int = 0) -> list[pikepdf.Object]:
    return list(pdf.pages[page].Resources.XObject.values())


# --- the text layer ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(PREPARATIONS))
def test_pdftotext_reads_the_vietnamese_text(tmp_path: Path, name: str) -> None:
    page, drawn = _scan(tmp_path, PREPARATIONS[name])
    out = tmp_path / "out.pdf"
    write_pdfa([page], INFO, out)

    extracted = pdftotext(out)
    assert collapse(extracted) == collapse(drawn.text.text)
    for letter in "ăâđêôơư" + "ằắẳẵặ" + "ầấẩẫậ" + "ềếểễệ" + "ồốổỗộ" + "ờớởỡợ" + "ừứửữự" + "Đ":
        assert letter in extracted


@pytest.mark.parametrize("name", sorted(PREPARATIONS))
def test_word_boxes_lie_on_the_words_of_the_image(tmp_path: Path, name: str) -> None:
    page, drawn = _scan(tmp_path, PREPARATIONS[name])
    out = tmp_path / "out.pdf"
    write_pdfa([page], INFO, out)

    [extracted] = pdf_words(out)
    scale = 72.0 / drawn.dpi
    expected = [(word, line) for line in drawn.text.lines() for word in line.words]
    assert [w.text for w in extracted] == [word.text for word, _ in expected]
    for found, (word, line) in zip(extracted, expected, strict=True):
        # Horizontally the word's advance is stretched to its box.
        assert found.x0 == pytest.approx(word.box.x0 * scale, abs=0.3)
        assert found.x1 == pytest.approx(word.box.x1 * scale, abs=0.3)
        # Vertically the box covers the word and stays within its line (a quarter of slack).
        assert found.y0 <= word.box.y0 * scale + 0.3
        assert found.y1 >= word.box.y1 * scale - 0.3
        slack = 0.25 * line.box.height * scale
        assert found.y0 >= line.box.y0 * scale - slack
        assert found.y1 <= line.box.y1 * scale + slack


def test_bytes_that_are_special_in_pdf_strings_survive(tmp_path: Path) -> None:
    """Ĩ and ĩ are 01 28 and 01 29 in UTF-16 (parentheses), Ŝ has a backslash byte, č a
    carriage return; brackets and backslashes themselves, too."""
    words = ["(Nghĩ", "TĨNH)", "a\\b", "Ŝč", "ĉ\u0129"]
    drawn = draw_page([" ".join(words)])
    path = save(drawn.image, tmp_path / "scan.png", "png", drawn.dpi)
    out = tmp_path / "out.pdf"
    write_pdfa([ExportPage(path, drawn.dpi, Preparation(drawn.image.size), drawn.text)], INFO, out)

    assert _qpdf_check(out).returncode == 0
    assert [word.text for word in pdf_words(out)[0]] == words


def test_a_baseline_outside_its_line_falls_back_to_word_bottoms(tmp_path: Path) -> None:
    page, drawn = _scan(tmp_path, PREPARATIONS["identity"])
    data = drawn.text.as_json()
    for block in data["blocks"]:
        for paragraph in block["paragraphs"]:
            for line in paragraph["lines"]:
                line["baseline"] = [0.0, 500.0]  # far below the line
    broken = PageText.from_json(data)
    out = tmp_path / "out.pdf"
    write_pdfa([ExportPage(page.image_path, page.dpi, page.preparation, broken)], INFO, out)

    [extracted] = pdf_words(out)
    scale = 72.0 / drawn.dpi
    words = list(broken.words())
    assert len(extracted) == len(words)
    for found, word in zip(extracted, words, strict=True):
        assert found.y0 <= word.box.y0 * scale + 0.3
        assert found.y1 >= word.box.y1 * scale - 0.3


def test_a_signature_read_into_a_line_does_not_swell_its_words(tmp_path: Path) -> None:
    """Recognition reads a signature or a seal beside the last lines of a page as a word of a
    line: tall, reaching far below it. The line's other words keep their own height, so that
    text extractors do not run them into the lines around them."""
    page, drawn = _scan(tmp_path, PREPARATIONS["identity"])
    data = drawn.text.as_json()
    line = data["blocks"][0]["paragraphs"][0]["lines"][0]
    x0, y0, x1, y1 = line["box"]
    height = y1 - y0
    scrawl = [x1 + 20, y0, x1 + 200, y1 + 4 * height]
    line["words"].append(["x#", *scrawl, 12.0])
    line["box"] = [x0, y0, scrawl[2], scrawl[3]]
    line["baseline"][1] -= scrawl[3] - y1  # the baseline stays under the words
    signed = PageText.from_json(data)
    out = tmp_path / "out.pdf"
    write_pdfa([ExportPage(page.image_path, page.dpi, page.preparation, signed)], INFO, out)

    [extracted] = pdf_words(out)
    scale = 72.0 / drawn.dpi
    first_line = [word for word in extracted if word.text != "x#"][: len(line["words"]) - 1]
    assert first_line
    for found in first_line:
        assert found.y1 - found.y0 <= 1.6 * height * scale
    assert collapse(pdftotext(out)) == collapse(signed.text)


def test_a_word_reaching_into_the_line_below_does_not_swell_its_line(tmp_path: Path) -> None:
    """Recognition sometimes gives one word of a line a box that reaches down into the next
    line (a mark of the line below taken in): not tall enough to be left out as a signature,
    but its bottom must not set the size of every word of its line, or text extractors read
    the overlapping lines as columns, word by word."""
    page, drawn = _scan(tmp_path, PREPARATIONS["identity"])
    data = drawn.text.as_json()
    lines = [line for block in data["blocks"] for p in block["paragraphs"] for line in p["lines"]]
    assert len(lines) >= 3
    for line in lines:
        x0, y0, x1, y1 = line["box"]
        deeper = round(0.4 * (y1 - y0))
        word = line["words"][len(line["words"]) // 2]
        word[4] += deeper
        line["box"] = [x0, y0, x1, y1 + deeper]
        line["baseline"][1] -= deeper  # the baseline stays under the words
    deep = PageText.from_json(data)
    out = tmp_path / "out.pdf"
    write_pdfa([ExportPage(page.image_path, page.dpi, page.preparation, deep)], INFO, out)

    assert collapse(pdftotext(out)) == collapse(deep.text)
    [extracted] = pdf_words(out)
    scale = 72.0 / drawn.dpi
    pitch = min(b["box"][1] - a["box"][1] for a, b in pairwise(lines))
    for found in extracted:
        assert found.y1 - found.y0 < pitch * scale


def test_scaled_ocr_text_is_placed_on_the_prepared_page(tmp_path: Path) -> None:
    """OCR that ran on a half-size copy still lands on the full-size page."""
    page, drawn = _scan(tmp_path, PREPARATIONS["identity"])
    data = drawn.text.as_json()
    data["width"], data["height"] = drawn.text.width // 2, drawn.text.height // 2

    def halve(values: list[int]) -> list[int]:
        return [v // 2 for v in values]

    for block in data["blocks"]:
        block["box"] = halve(block["box"])
        for paragraph in block["paragraphs"]:
            paragraph["box"] = halve(paragraph["box"])
            for line in paragraph["lines"]:
                line["box"] = halve(line["box"])
                line["baseline"] = [line["baseline"][0], line["baseline"][1] / 2]
                line["words"] = [[w[0], *halve(w[1:5]), w[5]] for w in line["words"]]
    half = PageText.from_json(data)
    out = tmp_path / "out.pdf"
    write_pdfa([ExportPage(page.image_path, page.dpi, page.preparation, half)], INFO, out)

    [extracted] = pdf_words(out)
    first = next(drawn.text.words())
    assert extracted[0].text == first.text
    assert extracted[0].x0 == pytest.approx(first.box.x0 * 72 / drawn.dpi, abs=1.0)
    assert extracted[0].y1 >= first.box.y1 * 72 / drawn.dpi - 1.0


# --- the image ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["turned-and-skewed", "quarter-turn-and-crop"])
def test_the_page_shows_the_upright_image(tmp_path: Path, name: str) -> None:
    preparation = PREPARATIONS[name]
    drawn = draw_page(size=preparation.output_size)
    original = original_of(drawn.image, preparation)
    # A dark mark in the original, where the preparation sends it into an empty corner.
    target = (preparation.output_size[0] - 150.0, 220.0)
    ox, oy = original_position(preparation, *target)
    assert 0 <= ox < original.width and 0 <= oy < original.height
    ImageDraw.Draw(original).rectangle((ox - 12, oy - 12, ox + 12, oy + 12), fill=0)
    naive = (ox, oy)  # where the mark would show if the preparation were ignored
    inside = naive[0] < drawn.image.width and naive[1] < drawn.image.height
    if inside:
        assert drawn.image.getpixel((round(ox), round(oy))) == 255
    path = save(original, tmp_path / "scan.png", "png", drawn.dpi)
    out = tmp_path / "out.pdf"
    write_pdfa([ExportPage(path, drawn.dpi, preparation, drawn.text)], INFO, out)

    shown = render(out, tmp_path, resolution=50)
    factor = 50 / drawn.dpi
    width, height = preparation.output_size
    assert shown.width == pytest.approx(width * factor, abs=1)
    assert shown.height == pytest.approx(height * factor, abs=1)
    pixels = np.asarray(shown, dtype=np.float64)

    def darkness(x: float, y: float) -> float:
        col, row = round(x * factor), round(y * factor)
        return 255 - float(pixels[row - 1 : row + 2, col - 1 : col + 2].mean())

    assert darkness(*target) > 150
    if inside:
        assert darkness(*naive) < 20
    # The whole page looks like the upright drawing, and not like it upside down.
    upright = np.asarray(
        drawn.image.resize(shown.size, Image.Resampling.BOX), dtype=np.float64
    ).copy()
    mark_x, mark_y = round(target[0] * factor), round(target[1] * factor)
    upright[mark_y - 4 : mark_y + 5, mark_x - 4 : mark_x + 5] = pixels[
        mark_y - 4 : mark_y + 5, mark_x - 4 : mark_x + 5
    ]
    flipped = upright[::-1, ::-1]
    ink = pixels < 128
    assert np.abs(pixels - upright).mean() < 6
    assert np.abs(pixels - flipped).mean() > 2 * np.abs(pixels - upright).mean()
    assert ink.sum() > 500


def test_image_matrix_maps_unit_square_corners() -> None:
    preparation = PREPARATIONS["turned-and-skewed"]
    page = ExportPage(Path("x.png"), 150, preparation, None)
    scale = 72 / 150
    height_pt = preparation.output_size[1] * scale
    matrix = image_matrix(page)
    w, h = preparation.source_size
    # The unit square's top-left (0, 1) is the original's first pixel (0, 0).
    for (u, v), (x, y) in (((0, 1), (0, 0)), ((1, 0), (w, h)), ((1, 1), (w, 0))):
        px, py = apply(preparation.matrix(), x, y)
        assert apply(matrix, u, v) == pytest.approx((px * scale, height_pt - py * scale))


@pytest.mark.parametrize("kind", ["jpeg", "png", "g4", "g4-strips"])
def test_scans_go_in_without_re_encoding(tmp_path: Path, kind: str) -> None:
    """JPEG and PNG data and a one-strip G4 go in byte for byte; G4 in several strips (which
    PDF cannot hold) is joined into one strip by img2pdf, losslessly."""
    page, _ = _scan(tmp_path, PREPARATIONS["identity"], kind)
    out = tmp_path / "out.pdf"
    write_pdfa([page], INFO, out)

    data = page.image_path.read_bytes()
    with pikepdf.open(out) as pdf:
        [image] = _images(pdf)
        raw = image.read_raw_bytes()
        assert (int(image.Width), int(image.Height)) == page.preparation.source_size
        if kind == "jpeg":
            assert _filters(image) == [pikepdf.Name.DCTDecode]
            assert raw == data
        elif kind == "png":
            assert _filters(image) == [pikepdf.Name.FlateDecode]
            assert int(_parameters(image).Predictor) >= 10
            assert raw == _png_idat(data)
        else:
            assert _filters(image) == [pikepdf.Name.CCITTFaxDecode]
            assert int(_parameters(image).K) == -1
            if kind == "g4":
                assert raw in data
            with Image.open(page.image_path) as scan:
                pixels = np.asarray(scan)
            assert isinstance(image, pikepdf.Stream)
            assert np.array_equal(np.asarray(pikepdf.PdfImage(image).as_pil_image()), pixels)


def _filters(image: pikepdf.Object) -> list[pikepdf.Object | None]:
    filters = image.get(pikepdf.Name.Filter)
    return list(filters) if isinstance(filters, pikepdf.Array) else [filters]


def _parameters(image: pikepdf.Object) -> pikepdf.Object:
    parameters = image.DecodeParms
    return parameters[0] if isinstance(parameters, pikepdf.Array) else parameters


def _png_idat(data: bytes) -> bytes:
    chunks, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        if kind == b"IDAT":
            chunks.append(data[offset + 8 : offset + 8 + length])
        offset += 12 + length
    return b"".join(chunks)


@pytest.mark.parametrize(
    ("kinds", "with_text"),
    [
        (["jpeg"], True),
        (["png"], True),
        (["g4"], False),
        (["jpeg", "png", "g4"], True),
    ],
)
def test_the_pdf_is_at_most_ten_percent_larger_than_the_scans(
    tmp_path: Path, kinds: list[str], with_text: bool
) -> None:
    """Full A4 pages at 300 dpi, as archives scan them, with ~750 recognised words each.

    The text layer costs about 7 bytes a word and the file about 3 KB, so a lone G4 page (70 KB)
    holds its 10 % only without text; with text it comes to about 12 %."""
    size, dpi = (2480, 3508), 300
    drawn = draw_page(
        varied_lines(48), size=size, dpi=dpi, font_size=46, top=250, left=200, line_gap=1.45
    )
    assert sum(1 for _ in drawn.text.words()) > 700
    pages = []
    for index, kind in enumerate(kinds):
        path = save(drawn.image, tmp_path / f"scan{index}.{kind}", kind, dpi)
        pages.append(ExportPage(path, dpi, Preparation(size), drawn.text if with_text else None))
    out = tmp_path / "out.pdf"
    write_pdfa(pages, INFO, out)

    inputs = sum(page.image_path.stat().st_size for page in pages)
    assert out.stat().st_size <= 1.10 * inputs


@pytest.mark.parametrize(
    ("mode", "space", "bits"),
    [
        ("RGBA", "/DeviceRGB", 8),
        ("LA", "/DeviceGray", 8),
        ("P", "/DeviceRGB", 8),
        ("CMYK", "/DeviceRGB", 8),
        ("I;16", "/DeviceGray", 16),
    ],
)
def test_what_pdfa_cannot_hold_as_it_is_is_re_encoded(
    tmp_path: Path, mode: str, space: str, bits: int
) -> None:
    """Alpha (PNG RGBA, LA, palette with a transparent entry) is flattened onto white, as the
    file carries no transparency; CMYK becomes RGB (the output intent is sRGB); 16-bit grey
    keeps its 16 bits."""
    size = (400, 300)
    base = Image.new("L", size, 255)
    ImageDraw.Draw(base).rectangle((100, 100, 160, 160), fill=0)
    hole = (250, 50, 350, 250)  # transparent black: white once flattened
    path = tmp_path / "scan.png"
    if mode in ("RGBA", "LA"):
        image = base.convert(mode)
        ImageDraw.Draw(image).rectangle(hole, fill=(0, 0, 0, 0)[: len(mode)])
        image.save(path, dpi=(100, 100))
    elif mode == "P":
        image = Image.new("P", size, 0)
        image.putpalette([255, 255, 255, 0, 0, 0, 0, 0, 0])  # white, black, "clear" black
        ImageDraw.Draw(image).rectangle((100, 100, 160, 160), fill=1)
        ImageDraw.Draw(image).rectangle(hole, fill=2)
        image.save(path, dpi=(100, 100), transparency=2)
    elif mode == "CMYK":
        path = tmp_path / "scan.jpg"
        base.convert("CMYK").save(path, format="JPEG", dpi=(100, 100))
    else:
        Image.fromarray(np.asarray(base, dtype=np.uint16) * 257).save(path, dpi=(100, 100))
    out = tmp_path / "out.pdf"
    write_pdfa([ExportPage(path, 100, Preparation(size), None)], INFO, out)

    assert _qpdf_check(out).returncode == 0
    with pikepdf.open(out) as pdf:
        [image_object] = _images(pdf)
        assert pikepdf.Name.SMask not in image_object
        assert pikepdf.Name.Mask not in image_object
        assert str(image_object.ColorSpace) == space
        assert int(image_object.BitsPerComponent) == bits
    shown = np.asarray(render(out, tmp_path, resolution=100), dtype=np.float64)
    assert shown[130, 130] < 60  # the black square
    assert shown[150, 300] > 200  # transparent or white: white
    assert shown[20, 20] > 200


# --- PDF/A structure ---------------------------------------------------------------------------


def test_qpdf_finds_nothing_wrong(tmp_path: Path) -> None:
    page, _ = _scan(tmp_path, PREPARATIONS["turned-and-skewed"], "jpeg")
    out = tmp_path / "out.pdf"
    write_pdfa([page], INFO, out)

    result = _qpdf_check(out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_pdfa_identification_metadata_and_output_intent(tmp_path: Path) -> None:
    page, _ = _scan(tmp_path, PREPARATIONS["identity"], "jpeg")
    out = tmp_path / "out.pdf"
    write_pdfa([page], INFO, out)

    head = out.read_bytes()[:16]
    assert head.startswith(b"%PDF-1.7\n%")
    assert all(byte > 127 for byte in head[10:14])
    with pikepdf.open(out) as pdf:
        assert not pdf.is_encrypted
        assert pikepdf.Name.Encrypt not in pdf.trailer
        assert len(pdf.trailer.ID) == 2
        assert pikepdf.Name.Filter not in pdf.Root.Metadata  # XMP stays readable
        xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
        assert "pdfaid:part" in xmp
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2"
        assert meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"] == INFO.title
        assert meta["dc:creator"] == [INFO.author]
        assert meta["dc:description"] == INFO.subject
        assert meta["dc:subject"] == set(INFO.keywords)
        assert meta["dc:language"] == {"vi"}
        assert meta["dc:identifier"] == "24-NQ/TU"
        assert meta["pdf:Producer"] == "Digitizer"
        assert meta["xmp:CreateDate"] == "1998-03-12"
        # The Info dictionary says the same.
        assert str(pdf.docinfo.Title) == INFO.title
        assert str(pdf.docinfo.Author) == INFO.author
        assert str(pdf.docinfo.Subject) == INFO.subject
        assert str(pdf.docinfo.Producer) == "Digitizer"
        assert str(pdf.docinfo.CreationDate) == "D:19980312"
        assert str(pdf.docinfo.Keywords) == "cán bộ; tổ chức; nghị quyết"
        assert str(pdf.Root.Lang) == "vi"
        [intent] = pdf.Root.OutputIntents
        assert intent.S == pikepdf.Name.GTS_PDFA1
        profile = intent.DestOutputProfile
        assert int(profile.N) == 3
        icc = profile.read_bytes()
        assert icc[36:40] == b"acsp" and icc[16:20] == b"RGB " and icc[8] <= 4
        for forbidden in ("/AA", "/OpenAction", "/Names", "/AcroForm"):
            assert forbidden not in pdf.Root
        page_object = pdf.pages[0].obj
        assert pikepdf.Name.Group not in page_object  # no transparency group
        assert pikepdf.Name.Annots not in page_object


def test_the_glyphless_font_is_embedded_and_maps_to_unicode(tmp_path: Path) -> None:
    page, _ = _scan(tmp_path, PREPARATIONS["identity"])
    out = tmp_path / "out.pdf"
    write_pdfa([page], INFO, out)

    with pikepdf.open(out) as pdf:
        font = pdf.pages[0].Resources.Font.F1
        assert font.Subtype == pikepdf.Name.Type0
        assert font.Encoding == pikepdf.Name("/Identity-H")
        [cid_font] = font.DescendantFonts
        assert cid_font.Subtype == pikepdf.Name.CIDFontType2
        descriptor = cid_font.FontDescriptor
        program = descriptor.FontFile2.read_bytes()
        assert program == (resources_path() / "fonts" / "glyphless.ttf").read_bytes()
        assert int(descriptor.FontFile2.Length1) == len(program)
        assert int(descriptor.Ascent) > 0 > int(descriptor.Descent)
        assert list(cid_font.W) == [0, 0xFFFF, 500]
        gid_map = cid_font.CIDToGIDMap.read_bytes()
        assert len(gid_map) == 0x20000 and set(gid_map[1::2]) == {1} and set(gid_map[::2]) == {0}
        cmap = font.ToUnicode.read_bytes().decode("ascii")
        assert "<1E00> <1EFF> <1E00>" in cmap  # Vietnamese letters with tone marks
        assert "<0000> <00FF> <0000>" in cmap
        content = pdf.pages[0].Contents.read_bytes()
        assert b"3 Tr" in content and b"Tz" in content


def test_the_same_inputs_give_the_same_bytes(tmp_path: Path) -> None:
    page, _ = _scan(tmp_path, PREPARATIONS["turned-and-skewed"], "g4")
    first, second, other = tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "c.pdf"
    write_pdfa([page], INFO, first)
    write_pdfa([page], INFO, second)
    write_pdfa([page], DocumentInfo(title="Khác"), other)

    assert first.read_bytes() == second.read_bytes()
    with pikepdf.open(first) as a, pikepdf.open(other) as c:
        assert bytes(a.trailer.ID[0]) != bytes(c.trailer.ID[0])  # derived from the content


def test_pages_without_ocr_only_show_the_image(tmp_path: Path) -> None:
    with_text, _ = _scan(tmp_path, PREPARATIONS["identity"], "jpeg", "one")
    without, _ = _scan(tmp_path, PREPARATIONS["turned-and-skewed"], "g4", "two")
    without = ExportPage(without.image_path, without.dpi, without.preparation, None)
    out = tmp_path / "out.pdf"
    write_pdfa([with_text, without], INFO, out)

    pages = pdftotext(out).split("\f")
    assert "Nghị quyết" in pages[0]
    assert pages[1].strip() == ""
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 2
        assert pikepdf.Name.Font not in pdf.pages[1].Resources
        assert len(_images(pdf, 1)) == 1
    assert _qpdf_check(out).returncode == 0

    only_images = tmp_path / "images.pdf"
    write_pdfa([without], DocumentInfo(), only_images)
    with pikepdf.open(only_images) as pdf:
        assert not any(
            isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.Font
            for obj in pdf.objects
        )
    assert _qpdf_check(only_images).returncode == 0


def test_page_size_is_the_prepared_page_in_points(tmp_path: Path) -> None:
    page, _ = _scan(tmp_path, PREPARATIONS["quarter-turn-and-crop"], "png")
    out = tmp_path / "out.pdf"
    write_pdfa([page], INFO, out)

    with pikepdf.open(out) as pdf:
        box = [float(v) for v in pdf.pages[0].MediaBox]
    width, height = page.preparation.output_size
    assert box == pytest.approx([0, 0, width * 72 / 150, height * 72 / 150])


def test_nothing_to_write(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_pdfa([], INFO, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()


def test_a_damaged_scan_is_a_typed_error_and_leaves_no_file(tmp_path: Path) -> None:
    from digitizer.errors import CorruptImage

    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    good, _ = _scan(tmp_path, PREPARATIONS["identity"], "g4", "good")
    out = tmp_path / "out.pdf"
    out.write_bytes(b"the export made yesterday")
    with pytest.raises(CorruptImage):
        write_pdfa([good, ExportPage(bad, 150, Preparation((10, 10)), None)], INFO, out)
    assert out.read_bytes() == b"the export made yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.png", "good.tif", "out.pdf"]
