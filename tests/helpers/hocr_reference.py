"""Tesseract's hOCR parsed into the word model: what the engine once read a page from, kept as
the reference its walk over Tesseract's results is held to (tests/ocr/test_results.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ocr.geometry import Box
from ocr.words import Block, Line, PageText, Paragraph, Word

_LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"}
_BBOX = re.compile(r"bbox\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)")
_CONFIDENCE = re.compile(r"x_wconf\s+(-?[\d.]+)")
_BASELINE = re.compile(r"baseline\s+(-?[\d.]+)\s+(-?[\d.]+)")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def _box(element: ET.Element) -> Box:
    match = _BBOX.search(element.get("title", ""))
    if match is None:
        return Box(0, 0, 0, 0)
    return Box(*(int(value) for value in match.groups()))


def _children_with(element: ET.Element, classes: set[str]) -> list[ET.Element]:
    """Descendants in document order whose class is one of `classes`, not nested in another."""
    found: list[ET.Element] = []
    for child in element:
        if _classes(child) & classes:
            found.append(child)
        else:
            found.extend(_children_with(child, classes))
    return found


def _word(element: ET.Element) -> Word | None:
    text = "".join(element.itertext()).strip()
    if not text:
        return None
    match = _CONFIDENCE.search(element.get("title", ""))
    return Word(text=text, box=_box(element), confidence=float(match.group(1)) if match else 0.0)


def _line(element: ET.Element) -> Line | None:
    words = [w for w in map(_word, _children_with(element, {"ocrx_word"})) if w is not None]
    if not words:
        return None
    match = _BASELINE.search(element.get("title", ""))
    baseline = (float(match.group(1)), float(match.group(2))) if match else (0.0, 0.0)
    return Line(box=_box(element), words=tuple(words), baseline=baseline)


def parse_hocr(hocr: str, dpi: int) -> PageText:
    """The first page of an hOCR document as a `PageText`; empty blocks are left out."""
    root = ET.fromstring(hocr)
    pages = [e for e in root.iter() if "ocr_page" in _classes(e)]
    if not pages:
        raise ValueError("no ocr_page in hOCR")
    page = pages[0]
    page_box = _box(page)
    blocks = []
    for area in _children_with(page, {"ocr_carea"}):
        paragraphs = []
        for par in _children_with(area, {"ocr_par"}):
            lines = [ln for ln in map(_line, _children_with(par, _LINE_CLASSES)) if ln is not None]
            if lines:
                language = par.get("lang", "")
                paragraphs.append(Paragraph(box=_box(par), lines=tuple(lines), language=language))
        if paragraphs:
            blocks.append(Block(box=_box(area), paragraphs=tuple(paragraphs)))
    return PageText(width=page_box.x1, height=page_box.y1, dpi=dpi, blocks=tuple(blocks))
