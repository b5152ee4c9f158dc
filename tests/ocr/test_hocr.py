"""Parsing Tesseract's hOCR into the word model."""

from __future__ import annotations

import pytest

from ocr.geometry import Box
from ocr.hocr import parse_hocr

HOCR = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en"><head><title></title></head>
<body>
 <div class='ocr_page' id='page_1' title='image "p.png"; bbox 0 0 2100 780; ppageno 0'>
  <div class='ocr_carea' id='block_1_1' title="bbox 150 150 1900 400">
   <p class='ocr_par' id='par_1_1' lang='vie' title="bbox 150 150 1900 400">
    <span class='ocr_line' id='line_1_1' title="bbox 150 150 1900 210; baseline 0.001 -12">
     <span class='ocrx_word' id='word_1_1' title='bbox 150 150 330 210; x_wconf 96'
      >Nghi&#803;</span>
     <span class='ocrx_word' id='word_1_2' title='bbox 350 150 560 210; x_wconf 91'
      ><strong>quyết</strong></span>
     <span class='ocrx_word' id='word_1_3' title='bbox 580 150 600 210; x_wconf 10'> </span>
    </span>
    <span class='ocr_header' id='line_1_2' title="bbox 150 250 900 310; baseline 0 -10">
     <span class='ocrx_word' id='word_1_4' title='bbox 150 250 400 310; x_wconf 88.5'>Đảng</span>
    </span>
   </p>
  </div>
  <div class='ocr_carea' id='block_1_2' title="bbox 0 0 10 10">
   <p class='ocr_par' id='par_1_2' lang='vie' title="bbox 0 0 10 10">
    <span class='ocr_line' id='line_1_3' title="bbox 0 0 10 10; baseline 0 0">
     <span class='ocrx_word' id='word_1_5' title='bbox 0 0 10 10; x_wconf 0'>  </span>
    </span>
   </p>
  </div>
 </div>
</body></html>"""


def test_blocks_paragraphs_lines_words() -> None:
    page = parse_hocr(HOCR, dpi=300)
    assert (page.width, page.height, page.dpi) == (2100, 780, 300)
    assert len(page.blocks) == 1, "a block with only blank words is left out"
    paragraph = page.blocks[0].paragraphs[0]
    assert paragraph.language == "vie"
    first, header = paragraph.lines
    assert [w.text for w in first.words] == ["Nghị", "quyết"]
    assert first.words[0].text == "Nghị" and len(first.words[0].text) == 4, "NFC"
    assert first.words[1].box == Box(350, 150, 560, 210)
    assert first.words[1].confidence == 91
    assert first.baseline == (0.001, -12.0)
    assert header.words[0].confidence == 88.5
    assert page.text == "Nghị quyết\nĐảng"


def test_not_hocr_is_refused() -> None:
    with pytest.raises(ValueError, match="ocr_page"):
        parse_hocr("<html xmlns='http://www.w3.org/1999/xhtml'><body/></html>", dpi=300)
