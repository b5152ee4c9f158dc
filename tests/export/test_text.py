from __future__ import annotations

import unicodedata
from pathlib import Path

from digitizer.export.text import document_text, page_text, write_text
from tests.export.words import export_page, line, sample_text
from tests.export.words import page_text as make_text


def test_pages_are_separated_by_form_feeds_and_paragraphs_by_a_blank_line() -> None:
    first = export_page(sample_text())
    untouched = export_page(None, "trang-2.png")
    last = export_page(make_text((line(100, ("Hết", 100, 160)),)), "trang-3.png")

    assert page_text(first) == "CỘNG HÒA XÃ\nĐộc lập\n\nSố: 24-NQ/TU"
    assert page_text(untouched) == ""
    assert document_text([first, untouched, last]) == (
        "CỘNG HÒA XÃ\nĐộc lập\n\nSố: 24-NQ/TU\n" + "\f" + "\f" + "Hết\n"
    )


def test_text_decomposed_on_the_way_in_comes_out_composed(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Nghị quyết Tỉnh ủy")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    words = [(word, 100 + 150 * i, 240 + 150 * i) for i, word in enumerate(decomposed.split())]
    page = export_page(make_text((line(100, *words),)))
    out = tmp_path / "out.txt"
    write_text([page, page], out)

    data = out.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8")
    assert text == document_text([page, page])
    assert text == "Nghị quyết Tỉnh ủy\n\fNghị quyết Tỉnh ủy\n"
    assert unicodedata.is_normalized("NFC", text)


def test_writing_replaces_the_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old and much longer content than the new one")
    write_text([export_page(make_text((line(100, ("Mới", 100, 160)),)))], out)

    assert out.read_text(encoding="utf-8") == "Mới\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
