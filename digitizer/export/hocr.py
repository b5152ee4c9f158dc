"""hOCR 1.2 export: one XHTML document with an `ocr_page` per page.

Boxes are in the prepared page's pixels (the upright page the OCR read); `image` names the
original scan file, which the page's preparation turns into that page. Properties follow the
hOCR 1.2 specification: `bbox`, `ppageno` (0-based), `scan_res`, `baseline`, `x_wconf`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
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

XHTML = "http://www.w3.org/1999/xhtml"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"\n'
    '    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
)
CAPABILITIES = "ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf ocrp_lang"


def hocr_document(pages: Sequence[ExportPage], info: DocumentInfo) -> bytes:
    """The hOCR of `pages` as UTF-8 XHTML."""
    language = info.language or "vi"
    html = _element("html", {"xmlns": XHTML, _XML_LANG: language, "lang": language})
    head = _child(html, "head")
    _child(head, "title").text = info.title or "OCR"
    _child(head, "meta", {"http-equiv": "Content-Type", "content": "text/html;charset=utf-8"})
    _child(head, "meta", {"name": "ocr-system", "content": SOFTWARE_NAME})
    _child(head, "meta", {"name": "ocr-capabilities", "content": CAPABILITIES})
    _child(head, "meta", {"name": "ocr-number-of-pages", "content": str(len(pages))})
    body = _child(html, "body")
    for index, page in enumerate(pages):
        _add_page(body, page, index)
    ET.indent(html, space=" ")
    text = ET.tostring(html, encoding="unicode", short_empty_elements=False)
    return (_HEADER + text + "\n").encode("utf-8")


def write_hocr(pages: Sequence[ExportPage], info: DocumentInfo, out: Path) -> None:
    write_atomically(out, hocr_document(pages, info))


def _add_page(body: ET.Element, page: ExportPage, index: int) -> None:
    number = index + 1
    width, height = page.size
    title = "; ".join(
        [
            f"image {_quoted(page.image_path.name)}",
            f"bbox 0 0 {width} {height}",
            f"ppageno {index}",
            f"scan_res {page.dpi} {page.dpi}",
        ]
    )
    div = _child(body, "div", {"class": "ocr_page", "id": f"page_{number}", "title": title})
    text = page.words_text()
    if text is None:
        return
    counters = {"block": 0, "par": 0, "line": 0, "word": 0}

    def next_id(kind: str) -> str:
        counters[kind] += 1
        return f"{kind}_{number}_{counters[kind]}"

    for block in text.blocks:
        carea = _child(
            div, "div", {"class": "ocr_carea", "id": next_id("block"), "title": _bbox(block.box)}
        )
        for paragraph in block.paragraphs:
            attributes = {"class": "ocr_par", "id": next_id("par"), "title": _bbox(paragraph.box)}
            if paragraph.language:
                attributes["lang"] = language_tag(paragraph.language)
            par = _child(carea, "p", attributes)
            for line in paragraph.lines:
                slope, offset = line.baseline
                line_title = (
                    f"{_bbox(line.box)}; baseline {number_text(slope, 4)} {number_text(offset, 2)}"
                )
                span = _child(
                    par, "span", {"class": "ocr_line", "id": next_id("line"), "title": line_title}
                )
                for word in line.words:
                    confidence = round(min(max(word.confidence, 0.0), 100.0))
                    word_title = f"{_bbox(word.box)}; x_wconf {confidence}"
                    element = _child(
                        span,
                        "span",
                        {"class": "ocrx_word", "id": next_id("word"), "title": word_title},
                    )
                    element.text = word.text


def _element(tag: str, attributes: dict[str, str] | None = None) -> ET.Element:
    return ET.Element(tag, attributes or {})


def _child(parent: ET.Element, tag: str, attributes: dict[str, str] | None = None) -> ET.Element:
    return ET.SubElement(parent, tag, attributes or {})


def _bbox(box: Box) -> str:
    return f"bbox {box.x0} {box.y0} {box.x1} {box.y1}"


def _quoted(text: str) -> str:
    """An hOCR string property: double quotes, with `\\` and `"` escaped by a backslash."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
