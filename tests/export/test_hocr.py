"""hOCR export, read back with ElementTree as any hOCR consumer would."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from digitizer.export.hocr import hocr_document, write_hocr
from digitizer.export.model import DocumentInfo
from ocr.geometry import Box
from ocr.words import PageText
from tests.export.words import export_page, line, page_text, sample_text

XHTML = "{http://www.w3.org/1999/xhtml}"
_PROPERTY = re.compile(r'\s*(\w+)((?:\s+(?:"(?:[^"\\]|\\.)*"|[^;"\s]+))*)\s*(?:;|$)')


def properties(title: str) -> dict[str, list[str]]:
    """An hOCR title attribute: `name value…; name value…`, strings double-quoted."""
    found: dict[str, list[str]] = {}
    for match in _PROPERTY.finditer(title):
        if match.group(1):
            values = re.findall(r'"(?:[^"\\]|\\.)*"|[^\s"]+', match.group(2))
            found[match.group(1)] = [
                re.sub(r"\\(.)", r"\1", v[1:-1]) if v.startswith('"') else v for v in values
            ]
    return found


def by_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [element for element in root.iter() if element.get("class") == name]


def read_words(root: ET.Element) -> list[tuple[str, Box, int]]:
    words = []
    for element in by_class(root, "ocrx_word"):
        title = properties(element.attrib["title"])
        box = Box(*(int(v) for v in title["bbox"]))
        words.append((element.text or "", box, int(title["x_wconf"][0])))
    return words


def test_our_hocr_reads_back_into_the_same_words() -> None:
    text = sample_text()
    root = ET.fromstring(hocr_document([export_page(text)], DocumentInfo(title="Nghị quyết")))

    assert read_words(root) == [
        (word.text, word.box, round(word.confidence)) for word in text.words()
    ]
    lines = by_class(root, "ocr_line")
    assert len(lines) == len(list(text.lines()))
    for element, model in zip(lines, text.lines(), strict=True):
        title = properties(element.attrib["title"])
        assert Box(*(int(v) for v in title["bbox"])) == model.box
        slope, offset = (float(v) for v in title["baseline"])
        assert (slope, offset) == model.baseline
        assert [w.text for w in by_class(element, "ocrx_word")] == [w.text for w in model.words]
    assert len(by_class(root, "ocr_par")) == 2
    assert len(by_class(root, "ocr_carea")) == 1


def test_document_head_page_properties_and_language() -> None:
    pages = [export_page(sample_text()), export_page(None, "trang-2.tif", (1700, 2200))]
    data = hocr_document(pages, DocumentInfo(title="Nghị quyết"))

    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html')
    root = ET.fromstring(data)
    assert root.tag == f"{XHTML}html"
    assert root.get("lang") == "vi"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
    head = root.find(f"{XHTML}head")
    assert head is not None
    assert head.findtext(f"{XHTML}title") == "Nghị quyết"
    metas = {m.get("name"): m.get("content") for m in head.iter(f"{XHTML}meta")}
    assert metas["ocr-system"] == "Digitizer"
    capabilities = (metas["ocr-capabilities"] or "").split()
    assert {"ocr_page", "ocr_carea", "ocr_par", "ocr_line", "ocrx_word"} <= set(capabilities)

    first, second = by_class(root, "ocr_page")
    assert properties(first.attrib["title"]) == {
        "image": ["trang-1.png"],
        "bbox": ["0", "0", "1000", "1400"],
        "ppageno": ["0"],
        "scan_res": ["200", "200"],
    }
    second_title = properties(second.attrib["title"])
    assert second_title["bbox"] == ["0", "0", "1700", "2200"]
    assert second_title["ppageno"] == ["1"]
    assert list(second) == []  # no OCR yet: an empty page
    assert {p.get("lang") for p in by_class(root, "ocr_par")} == {"vi"}
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))


def test_markup_in_words_and_quotes_in_file_names_are_escaped(tmp_path: Path) -> None:
    tricky = ["<b>", "Tôm&Cua", '"trích"', "'nháy'", "a\\b"]
    words = [(word, 100 + 120 * i, 200 + 120 * i) for i, word in enumerate(tricky)]
    text: PageText = page_text((line(100, *words),))
    page = export_page(text, 'bản "sao"; 1.png')
    out = tmp_path / "out.hocr"
    write_hocr([page], DocumentInfo(title="A & B <c>"), out)

    root = ET.parse(out).getroot()
    assert [w for w, _, _ in read_words(root)] == tricky
    [page_element] = by_class(root, "ocr_page")
    assert properties(page_element.attrib["title"])["image"] == ['bản "sao"; 1.png']
    assert root.findtext(f"{XHTML}head/{XHTML}title") == "A & B <c>"
    assert b"<b>" not in out.read_bytes().split(b"<body>")[1]  # the word is text, not markup


def test_confidence_is_a_whole_percentage_within_bounds() -> None:
    text = page_text(
        (line(100, ("một", 100, 180), confidence=-1.0),),
        (line(200, ("hai", 100, 180), confidence=100.4),),
    )
    root = ET.fromstring(hocr_document([export_page(text)], DocumentInfo()))

    assert [confidence for _, _, confidence in read_words(root)] == [0, 100]
