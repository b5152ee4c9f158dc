"""ALTO v4 export (schema 4.2): Layout / Page / PrintSpace / TextBlock / TextLine / String.

Measurements are pixels of the prepared page (the upright page the OCR read). A TextBlock is one
paragraph of the word model; `SP` elements mark the spaces between strings; `WC` is the word
confidence scaled to 0–1. One document may hold several pages (`PHYSICAL_IMG_NR` counts from
`first_page_number`); write one per page for a METS package by passing a single page.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from digitizer.export.files import write_atomically
from digitizer.export.model import (
    SOFTWARE_NAME,
    DocumentInfo,
    ExportPage,
    language_tag,
    number_text,
)
from ocr.geometry import Box
from ocr.words import Line

ALTO = "http://www.loc.gov/standards/alto/ns-v4#"
SCHEMA_VERSION = "4.2"
SCHEMA_LOCATION = f"{ALTO} http://www.loc.gov/standards/alto/v4/alto-4-2.xsd"
_XSI_SCHEMA_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"


def alto_document(
    pages: Sequence[ExportPage], info: DocumentInfo, first_page_number: int = 1
) -> bytes:
    """The ALTO XML of `pages`, UTF-8."""
    root = _element(
        "alto",
        {"xmlns": ALTO, "SCHEMAVERSION": SCHEMA_VERSION, _XSI_SCHEMA_LOCATION: SCHEMA_LOCATION},
    )
    description = _child(root, "Description")
    _child(description, "MeasurementUnit").text = "pixel"
    source = ET.Element("sourceImageInformation")
    if len(pages) == 1:
        _child(source, "fileName").text = pages[0].image_path.name
    if info.identifier:
        _child(source, "documentIdentifier").text = info.identifier
    if len(source):
        description.append(source)
    processing = _child(description, "OCRProcessing", {"ID": "OCR_0"})
    step = _child(processing, "ocrProcessingStep")
    software = _child(step, "processingSoftware")
    _child(software, "softwareName").text = SOFTWARE_NAME
    _child(software, "softwareVersion").text = _version()
    layout = _child(root, "Layout")
    for index, page in enumerate(pages):
        _add_page(layout, page, first_page_number + index, info)
    ET.indent(root, space=" ")
    text = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


def write_alto(
    pages: Sequence[ExportPage], info: DocumentInfo, out: Path, first_page_number: int = 1
) -> None:
    write_atomically(out, alto_document(pages, info, first_page_number))


def _add_page(layout: ET.Element, page: ExportPage, number: int, info: DocumentInfo) -> None:
    width, height = page.size
    element = _child(
        layout,
        "Page",
        {
            "ID": f"page_{number}",
            "PHYSICAL_IMG_NR": str(number),
            "WIDTH": str(width),
            "HEIGHT": str(height),
        },
    )
    space = _child(
        element,
        "PrintSpace",
        {"HPOS": "0", "VPOS": "0", "WIDTH": str(width), "HEIGHT": str(height)},
    )
    text = page.words_text()
    if text is None:
        return
    blocks = lines = strings = 0
    for block in text.blocks:
        for paragraph in block.paragraphs:
            written = [line for line in paragraph.lines if line.words]
            if not written:
                continue
            blocks += 1
            attributes = {"ID": f"block_{number}_{blocks}", **_position(paragraph.box)}
            language = language_tag(paragraph.language, info.language)
            if language:
                attributes["LANG"] = language
            text_block = _child(space, "TextBlock", attributes)
            for line in written:
                lines += 1
                text_line = _child(
                    text_block,
                    "TextLine",
                    {
                        "ID": f"line_{number}_{lines}",
                        **_position(line.box),
                        "BASELINE": _baseline(line),
                    },
                )
                for index, word in enumerate(line.words):
                    if index:
                        previous = line.words[index - 1].box
                        _child(
                            text_line,
                            "SP",
                            {
                                "WIDTH": str(max(word.box.x0 - previous.x1, 0)),
                                "HPOS": str(previous.x1),
                                "VPOS": str(line.box.y0),
                            },
                        )
                    strings += 1
                    confidence = min(max(word.confidence / 100.0, 0.0), 1.0)
                    _child(
                        text_line,
                        "String",
                        {
                            "ID": f"string_{number}_{strings}",
                            "CONTENT": word.text,
                            **_position(word.box),
                            "WC": number_text(confidence, 3),
                        },
                    )


def _position(box: Box) -> dict[str, str]:
    return {
        "HPOS": str(box.x0),
        "VPOS": str(box.y0),
        "WIDTH": str(box.width),
        "HEIGHT": str(box.height),
    }


def _baseline(line: Line) -> str:
    """The baseline as a polyline from the line's left to its right end: `x1,y1 x2,y2`."""
    slope, offset = line.baseline
    left = line.box.y1 + offset
    right = left + slope * line.box.width
    return f"{line.box.x0},{number_text(left, 2)} {line.box.x1},{number_text(right, 2)}"


def _version() -> str:
    try:
        return metadata.version("digitizer")
    except metadata.PackageNotFoundError:
        return "unknown"


def _element(tag: str, attributes: dict[str, str] | None = None) -> ET.Element:
    return ET.Element(tag, attributes or {})


def _child(parent: ET.Element, tag: str, attributes: dict[str, str] | None = None) -> ET.Element:
    return ET.SubElement(parent, tag, attributes or {})
