"""EPUB 3 from reflowed page text, checked with the real EPUBCheck (Debian's `epubcheck`)."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from digitizer.errors import InvalidOutline
from digitizer.export.epub import BookDocument, BookInfo, OutlineEntry, epub_bytes
from digitizer.export.model import ExportPage
from digitizer.export.publish import read_outline
from ocr.geometry import Preparation
from ocr.metrics import score
from tests.export.book import book
from tests.export.checks import all_text, book_parts, chapter_text, epubcheck
from tests.export.history_book import BOOK_TITLE, CAPTION, history_book
from tests.export.words import resolution_page

INFO = BookInfo(
    key="collection:Lịch sử Đảng bộ huyện",
    title="Lịch sử Đảng bộ huyện Cẩm Xuyên",
    modified="2026-01-02T03:04:05Z",
    creators=["Ban Chấp hành Đảng bộ huyện"],
    publisher="Kho lưu trữ Huyện ủy",
    issued=date(2005, 9, 2),
    subjects=["lịch sử", "Đảng bộ"],
    description="Ba phần đầu của cuốn sách.",
)


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> list[BookDocument]:
    """Three documents of ten pages each: two open with chapters, the third has none."""
    folder = tmp_path_factory.mktemp("book")
    plans: list[dict[int, str]] = [{0: "Những ngày đầu", 6: "Kháng chiến"}, {0: "Xây dựng"}, {}]
    documents = []
    chapter = 1
    for number, chapters in enumerate(plans, start=1):
        drawn = book(
            10, chapters=chapters, first_chapter=chapter, seed=number, max_lines=12, dpi=100
        )
        chapter += len(chapters)
        pages = []
        for index, page in enumerate(drawn.pages):
            path = folder / f"d{number}-{index}.png"
            page.image.save(path)
            pages.append(ExportPage(path, page.dpi, Preparation(page.image.size), page.text))
        documents.append(BookDocument(f"doc{number}", f"Tài liệu số {number}", pages))
    return documents


def _body_text(documents: list[BookDocument]) -> str:
    """The OCR text of every line between the running header and the page number."""
    lines = []
    for document in documents:
        for page in document.pages:
            assert page.text is not None
            height = page.text.height
            for line in page.text.lines():
                if line.box.y0 > 0.1 * height and line.box.y1 < 0.9 * height:
                    lines.append(line.text)
    return " ".join(lines)


@pytest.mark.slow
def test_a_collection_makes_a_valid_epub_with_the_text_of_its_pages(
    collection: list[BookDocument], tmp_path: Path
) -> None:
    data, result = epub_bytes(collection, INFO, with_images=True)
    out = tmp_path / "book.epub"
    out.write_bytes(data)

    check = epubcheck(out)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "0 fatals / 0 errors / 0 warnings" in check.stdout, check.stdout
    assert result.pages == 30 and result.images == 30
    assert result.chapters == (
        "CHƯƠNG I NHỮNG NGÀY ĐẦU",
        "CHƯƠNG II KHÁNG CHIẾN",
        "CHƯƠNG III XÂY DỰNG",
        "Tài liệu số 3",
    )
    cer = score(chapter_text(out), _body_text(collection)).cer
    assert cer < 0.005, cer
    text = all_text(out)
    assert unicodedata.normalize("NFC", text) == text
    assert "Lịch sử Đảng bộ huyện Cẩm Xuyên</dc:title>" in text
    assert "<dc:language>vi</dc:language>" in text and "<dc:date>2005-09-02</dc:date>" in text
    assert text.count('epub:type="pagebreak"') == 30


def test_the_same_book_gives_the_same_bytes(collection: list[BookDocument]) -> None:
    first, _ = epub_bytes(collection[:1], INFO)
    second, _ = epub_bytes(collection[:1], INFO)
    other, _ = epub_bytes(collection[:1], BookInfo(**{**INFO.__dict__, "title": "Khác"}))

    assert first == second
    assert first != other
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        entries = archive.infolist()
    assert entries[0].filename == "mimetype" and entries[0].compress_type == zipfile.ZIP_STORED


def test_an_outline_makes_the_chapters(collection: list[BookDocument], tmp_path: Path) -> None:
    outline = [OutlineEntry("Mở đầu", 1), OutlineEntry("Phần hai", 11), OutlineEntry("Cuối", 25)]

    data, result = epub_bytes(collection, INFO, outline=outline, cover="title")
    out = tmp_path / "outlined.epub"
    out.write_bytes(data)

    assert result.chapters == ("Mở đầu", "Phần hai", "Cuối") and result.cover == "title"
    with zipfile.ZipFile(out) as archive:
        second = archive.read("OEBPS/chapter-002.xhtml").decode()
        assert "CHƯƠNG III" in second and 'id="page-11"' in second
        assert "images/cover" not in " ".join(archive.namelist())
    with pytest.raises(InvalidOutline):
        epub_bytes(collection, INFO, outline=[OutlineEntry("Ngoài sách", 31)])


def test_outline_files(tmp_path: Path) -> None:
    as_json = tmp_path / "outline.json"
    as_json.write_text(
        '{"chapters": [{"title": "Mở đầu", "page": 1}, {"title": "Hai", "page": 5}]}'
    )
    as_csv = tmp_path / "outline.csv"
    as_csv.write_text('title,page\nMở đầu,1\n"Chương hai, phần một",5\n', encoding="utf-8")
    broken = tmp_path / "broken.csv"
    broken.write_text("Mở đầu;một\n")

    assert read_outline(as_json) == [OutlineEntry("Mở đầu", 1), OutlineEntry("Hai", 5)]
    assert read_outline(as_csv) == [
        OutlineEntry("Mở đầu", 1),
        OutlineEntry("Chương hai, phần một", 5),
    ]
    with pytest.raises(InvalidOutline):
        read_outline(broken)
    with pytest.raises(InvalidOutline):
        read_outline(tmp_path / "missing.json")


@pytest.mark.slow
def test_a_history_book_with_notes_and_a_photograph(tmp_path: Path) -> None:
    drawn = history_book()
    pages = []
    for index, page in enumerate(drawn.pages):
        path = tmp_path / f"p{index}.png"
        page.image.save(path)
        pages.append(ExportPage(path, page.dpi, Preparation(page.image.size), page.text))
    out = tmp_path / "history.epub"

    data, result = epub_bytes([BookDocument("doc1", BOOK_TITLE, pages)], INFO)
    out.write_bytes(data)

    check = epubcheck(out)
    assert "0 fatals / 0 errors / 0 warnings" in check.stdout, check.stdout
    parts = book_parts(out)
    assert parts.toc[1:] == ["CHƯƠNG I NHỮNG NĂM THÁNG ĐẦU TIÊN", "CHƯƠNG II XÂY DỰNG QUÊ HƯƠNG"]
    assert parts.paragraphs == drawn.paragraphs
    assert [label for label, _ in parts.noterefs] == ["1", "2", "3"]
    assert [parts.footnotes[href] for _, href in parts.noterefs] == [
        f"{label} {text}" for label, text in drawn.notes
    ]
    assert [(alt, caption) for _, alt, caption in parts.figures] == [(CAPTION, CAPTION)]
    with Image.open(io.BytesIO(parts.images[parts.figures[0][0]])) as figure:
        assert drawn.figure is not None
        assert abs(figure.width - drawn.figure.width) < 16
    checks = result.checks
    assert len(checks.joined) == len(drawn.crossing) and len(checks.footnotes) == 3
    assert {text for _, text, _ in checks.removed} == set(drawn.furniture)
    assert checks.figures[0][:2] == (drawn.figure_page + 1, CAPTION)


@pytest.mark.slow
def test_a_resolution_is_typeset_with_its_header_and_named_by_it(tmp_path: Path) -> None:
    text = resolution_page()
    path = tmp_path / "01-nghi-quyet.png"
    Image.new("L", (text.width, text.height), 255).save(path)
    page = ExportPage(path, 200, Preparation((text.width, text.height)), text)
    info = BookInfo(key="document:nq", title="01-nghi-quyet", modified=INFO.modified)
    out = tmp_path / "nq.epub"

    data, result = epub_bytes(
        [BookDocument("nq", "01-nghi-quyet", [page], title_from_text=True)],
        replace(info, title_from_text=True),
    )
    out.write_bytes(data)

    check = epubcheck(out)
    assert "0 fatals / 0 errors / 0 warnings" in check.stdout, check.stdout
    assert result.chapters == ("NGHỊ QUYẾT về số hóa tài liệu lưu trữ",)
    opf = all_text(out)
    assert "<dc:title>Nghị quyết về số hóa tài liệu lưu trữ</dc:title>" in opf
    assert "<dc:creator>ĐẢNG ỦY XÃ ĐÔNG LÂM</dc:creator>" in opf
    assert "<dc:date>2026-03-15</dc:date>" in opf and ">12-NQ/ĐU</dc:identifier>" in opf
    with zipfile.ZipFile(out) as archive:
        chapter = archive.read("OEBPS/chapter-001.xhtml").decode()
    assert chapter.index('<table class="masthead"') < chapter.index("<h1>")
    left = '<td class="left">ĐẢNG BỘ TỈNH HOÀI SƠN<br/>ĐẢNG ỦY XÃ ĐÔNG LÂM<br/>'
    assert left + '<span class="number">Số 12-NQ/ĐU</span></td>' in chapter
    assert chapter.rstrip().endswith(
        "Phạm Quang Khiêm</td></tr></table>\n</section>\n</body>\n</html>"
    )
    # A record that names the document keeps its title.
    named, _ = epub_bytes(
        [BookDocument("nq", "Nghị quyết 12", [page])], replace(info, title="NQ 12")
    )
    assert b"<dc:title>NQ 12</dc:title>" in _opf(named)


def _opf(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("OEBPS/content.opf")
