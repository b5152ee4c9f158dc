"""ALTO v4 export, read back with ElementTree."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from digitizer.export.alto import alto_document, write_alto
from digitizer.export.model import DocumentInfo
from ocr.geometry import Box
from tests.export.words import export_page, line, page_text, sample_text

NS = "{http://www.loc.gov/standards/alto/ns-v4#}"


def find(element: ET.Element, path: str) -> ET.Element:
    found = element.find(_q(path))
    assert found is not None, path
    return found


def _q(path: str) -> str:
    """`A/B` with the ALTO namespace on every step."""
    return "/".join(f"{NS}{part}" for part in path.split("/"))


def box(element: ET.Element) -> Box:
    x, y = int(element.attrib["HPOS"]), int(element.attrib["VPOS"])
    return Box(x, y, x + int(element.attrib["WIDTH"]), y + int(element.attrib["HEIGHT"]))


def test_description_names_the_unit_the_image_and_the_software() -> None:
    root = ET.fromstring(
        alto_document([export_page(sample_text())], DocumentInfo(identifier="24-NQ/TU"))
    )

    assert root.tag == f"{NS}alto"
    assert "alto-4" in root.attrib["{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"]
    description = find(root, "Description")
    assert [child.tag for child in description] == [
        f"{NS}MeasurementUnit",
        f"{NS}sourceImageInformation",
        f"{NS}OCRProcessing",
    ]
    assert find(description, "MeasurementUnit").text == "pixel"
    assert find(description, "sourceImageInformation/fileName").text == "trang-1.png"
    assert find(description, "sourceImageInformation/documentIdentifier").text == "24-NQ/TU"
    software = find(description, "OCRProcessing/ocrProcessingStep/processingSoftware")
    assert find(software, "softwareName").text == "Digitizer"
    assert find(software, "softwareVersion").text


def test_strings_carry_the_words_boxes_and_confidences() -> None:
    text = sample_text()
    root = ET.fromstring(alto_document([export_page(text)], DocumentInfo()))

    page = find(root, "Layout/Page")
    assert page.attrib["ID"] == "page_1"
    assert page.attrib["PHYSICAL_IMG_NR"] == "1"
    assert (page.attrib["WIDTH"], page.attrib["HEIGHT"]) == ("1000", "1400")
    space = find(page, "PrintSpace")
    blocks = space.findall(f"{NS}TextBlock")
    assert len(blocks) == 2  # one per paragraph
    assert {block.attrib["LANG"] for block in blocks} == {"vi"}
    strings = list(root.iter(f"{NS}String"))
    words = list(text.words())
    assert [(s.attrib["CONTENT"], box(s)) for s in strings] == [(w.text, w.box) for w in words]
    assert [float(s.attrib["WC"]) for s in strings] == pytest.approx(
        [w.confidence / 100 for w in words], abs=0.001
    )
    for text_line, model in zip(root.iter(f"{NS}TextLine"), text.lines(), strict=True):
        assert box(text_line) == model.box
        tags = [child.tag.removeprefix(NS) for child in text_line]
        assert tags == ["String", *["SP", "String"] * (len(model.words) - 1)]
        for sp, (left, right) in zip(
            text_line.findall(f"{NS}SP"),
            zip(model.words, model.words[1:], strict=False),
            strict=True,
        ):
            assert int(sp.attrib["HPOS"]) == left.box.x1
            assert int(sp.attrib["WIDTH"]) == right.box.x0 - left.box.x1
        (x0, y0), (x1, y1) = (
            tuple(float(v) for v in point.split(","))
            for point in text_line.attrib["BASELINE"].split()
        )
        slope, offset = model.baseline
        assert (x0, x1) == (model.box.x0, model.box.x1)
        assert y0 == pytest.approx(model.box.y1 + offset)
        assert y1 == pytest.approx(model.box.y1 + offset + slope * model.box.width, abs=0.01)
    ids = [e.attrib["ID"] for e in root.iter() if "ID" in e.attrib]
    assert len(ids) == len(set(ids))


def test_several_pages_count_from_the_first_number(tmp_path: Path) -> None:
    pages = [
        export_page(sample_text()),
        export_page(None, "trang-2.png"),
        export_page(page_text((line(100, ("Hết", 100, 160), confidence=150.0),)), "trang-3.png"),
    ]
    out = tmp_path / "out.xml"
    write_alto(pages, DocumentInfo(), out, first_page_number=5)

    root = ET.parse(out).getroot()
    numbers = [p.attrib["PHYSICAL_IMG_NR"] for p in root.iter(f"{NS}Page")]
    assert numbers == ["5", "6", "7"]
    assert root.find(_q("Description/sourceImageInformation/fileName")) is None  # several images
    empty = list(root.iter(f"{NS}Page"))[1]
    assert list(find(empty, "PrintSpace")) == []
    last = list(root.iter(f"{NS}String"))[-1]
    assert last.attrib["CONTENT"] == "Hết"
    assert last.attrib["WC"] == "1"  # confidence clipped to the 0–1 range


def test_xml_special_characters_are_escaped() -> None:
    text = page_text((line(100, ('<a href="x">', 100, 300), ("&amp;", 320, 400)),))
    data = alto_document([export_page(text)], DocumentInfo())

    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(data)
    assert [s.attrib["CONTENT"] for s in root.iter(f"{NS}String")] == ['<a href="x">', "&amp;"]
