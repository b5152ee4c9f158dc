"""`digitizer export` to EPUB, QR-labelled PDF, label sheets and archival packages, end to end:
real scans of a printed book, real OCR, and the real checkers (EPUBCheck, zbar, qpdf, bagit)."""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import bagit
import pytest
from PIL import Image

from ocr.geometry import Box
from ocr.metrics import score
from ocr.words import PageText
from tests.e2e.support import query, run, run_json
from tests.export.book import book
from tests.export.checks import all_text, chapter_text, decode_qr, epubcheck, rasterise
from tests.helpers.text_pages import text_page

COLLECTION = "Lịch sử Đảng bộ huyện"
TEMPLATE = "https://example.gov.vn/tai-lieu/{id}"
DPI = 200


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A collection of three recognised documents of ten book pages each (G4 TIFF scans):
    the first two open chapters, the third has none. Built once for all test workers (the
    OCR is the slow part), under a lock in their shared temporary folder."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    folder = root / "publish-library"
    with (root / "publish-library.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        made = folder / "documents.json"
        if not made.exists():
            _make_library(folder)
        documents = json.loads(made.read_text())
    return folder / "library", documents


def _make_library(folder: Path) -> None:
    scans = folder / "scans"
    scans.mkdir(parents=True, exist_ok=True)
    plans: list[dict[int, str]] = [{0: "Những ngày đầu", 6: "Kháng chiến"}, {0: "Xây dựng"}, {}]
    chapter = 1
    for number, chapters in enumerate(plans, start=1):
        drawn = book(
            10, chapters=chapters, first_chapter=chapter, seed=number, dpi=DPI, max_lines=7
        )
        chapter += len(chapters)
        frames = [p.image.point(lambda v: 255 if v > 128 else 0).convert("1") for p in drawn.pages]
        frames[0].save(
            scans / f"phan-{number}.tif",
            save_all=True,
            append_images=frames[1:],
            compression="group4",
            dpi=(DPI, DPI),
        )
    path = folder / "library"
    imported = run_json(path, "import", scans, "--collection", COLLECTION)["imported"]
    run_json(path, "ocr", "--all")
    (folder / "documents.json").write_text(json.dumps([item["document"] for item in imported]))


def _words(library: Path, document: str) -> list[PageText]:
    rows = query(
        library,
        "SELECT t.words_sha256 FROM page_texts t JOIN pages p ON p.id = t.page_id "
        f"WHERE p.document_id = '{document}' ORDER BY p.number",
    )
    return [
        PageText.from_bytes((library / "objects" / sha[:2] / sha[2:]).read_bytes())
        for (sha,) in rows
    ]


@pytest.mark.slow
def test_the_collection_as_an_epub(library: tuple[Path, list[str]], tmp_path: Path) -> None:
    path, documents = library
    out = tmp_path / "sach.epub"

    result = run_json(path, "export", "--collection", COLLECTION, "--format", "epub", "--out", out)

    assert result["pages"] == 30 and result["documents"] == documents
    # Chapters from the headings the OCR read (a Roman numeral may come out as `TII`); the
    # third document has none, so it is one chapter under its title.
    chapters = result["chapters"]
    assert len(chapters) == 4 and chapters[3] == "phan-3"
    assert all(title.startswith("CHƯƠNG ") for title in chapters[:3])
    endings = ("NHỮNG NGÀY ĐẦU", "KHÁNG CHIẾN", "XÂY DỰNG")
    assert all(t.endswith(e) for t, e in zip(chapters, endings, strict=False))
    check = epubcheck(out)
    print(check.stdout)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "0 fatals / 0 errors / 0 warnings" in check.stdout, check.stdout
    # The OCR text between the running header and the page number, against the book's text.
    body = []
    for document in documents:
        for page in _words(path, document):
            for line in page.lines():
                if 0.1 * page.height < line.box.y0 and line.box.y1 < 0.9 * page.height:
                    body.append(line.text)
    measured = score(chapter_text(out), " ".join(body))
    print(f"EPUB text against OCR text: CER {measured.cer:.4%} over {measured.chars} chars")
    assert measured.cer < 0.005
    text = all_text(out)
    assert unicodedata.normalize("NFC", text) == text
    assert "Lịch sử Đảng bộ huyện Cẩm Xuyên" not in chapter_text(out), "running header left out"


def test_a_qr_labelled_pdf(library: tuple[Path, list[str]], tmp_path: Path) -> None:
    path, documents = library
    document = documents[0]
    out = tmp_path / "qr.pdf"

    result = run_json(
        path,
        "export",
        document,
        "--format",
        "qr-pdf",
        "--qr-placement",
        "footer",
        "--url-template",
        TEMPLATE,
        "--out",
        out,
    )

    link = TEMPLATE.replace("{id}", document)
    assert result["payload"] == link and result["pages"] == 10
    assert [place["page"] for place in result["qr"]] == list(range(1, 11))
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    for place, words in zip(result["qr"], _words(path, document), strict=True):
        stamp = Box.from_list(place["box_px"])
        assert place["side_mm"] >= 20
        assert not any(
            stamp.x0 < w.box.x1
            and w.box.x0 < stamp.x1
            and stamp.y0 < w.box.y1
            and w.box.y0 < stamp.y1
            for w in words.words()
        )
    images = rasterise(out, tmp_path)
    assert [decode_qr(image) for image in images] == [[link]] * 10

    back = run_json(
        path,
        "export",
        document,
        "--format",
        "qr-pdf",
        "--qr-placement",
        "back",
        "--url-template",
        "",
        "--out",
        tmp_path / "back.pdf",
    )
    assert back["payload"] == document and back["qr"][0]["added_page"]
    rendered = tmp_path / "back"
    rendered.mkdir()
    assert decode_qr(rasterise(tmp_path / "back.pdf", rendered)[-1]) == [document]


def test_the_archival_package_is_a_valid_bag_and_the_same_twice(
    library: tuple[Path, list[str]], tmp_path: Path
) -> None:
    path, documents = library
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"

    result = run_json(
        path, "export", documents[1], "--format", "package", "--with-epub", "--out", first
    )
    run_json(path, "export", documents[1], "--format", "package", "--with-epub", "--out", second)

    assert first.read_bytes() == second.read_bytes()
    name = f"digitizer-{documents[1]}"
    assert result["files"] == sorted(
        f"data/{f}"
        for f in (
            f"{documents[1]}.pdf",
            f"{documents[1]}.txt",
            f"{documents[1]}.epub",
            "metadata.json",
            "dublin-core.xml",
        )
    )
    with zipfile.ZipFile(first) as archive:
        archive.extractall(tmp_path / "bag")
    bag = bagit.Bag(str(tmp_path / "bag" / name))
    bag.validate()
    assert bag.info["External-Identifier"] == documents[1]
    pdf = tmp_path / "bag" / name / "data" / f"{documents[1]}.pdf"
    assert subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True).returncode == 0


def test_a_label_sheet_of_24_documents(tmp_path: Path) -> None:
    path = tmp_path / "library"
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(24):
        image = Image.new("L", (300, 200 + n), 255)
        image.save(pages / f"ho-so-{n + 1}.png", dpi=(100, 100))
    documents = [d["document"] for d in run_json(path, "import", pages)["imported"]]
    assert len(documents) == 24
    with sqlite3.connect(path / "catalog.sqlite3") as db:
        db.executemany(
            "UPDATE documents SET classification = 'INTERNAL' WHERE id = ?",
            [(d,) for d in documents[::2]],
        )
    out = tmp_path / "labels.pdf"

    result = run_json(
        path, "export", *documents, "--format", "labels", "--url-template", TEMPLATE, "--out", out
    )

    expected = [d if i % 2 == 0 else TEMPLATE.replace("{id}", d) for i, d in enumerate(documents)]
    assert [label["payload"] for label in result["labels"]] == expected
    (sheet,) = rasterise(out, tmp_path)
    decoded = []
    with Image.open(sheet) as image:
        width, height = image.width / 3, image.height / 8
        for label in result["labels"]:
            cell = tmp_path / f"cell-{label['row']}-{label['column']}.png"
            image.crop(
                (
                    round(label["column"] * width),
                    round(label["row"] * height),
                    round((label["column"] + 1) * width),
                    round((label["row"] + 1) * height),
                )
            ).save(cell)
            decoded.extend(decode_qr(cell))
    assert decoded == expected and len(set(decoded)) == 24


def test_secret_documents_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "library"
    page = text_page(line_count=1).save(tmp_path / "mat.png")
    document = run_json(path, "import", page)["imported"][0]["document"]
    with sqlite3.connect(path / "catalog.sqlite3") as db:
        db.execute("UPDATE documents SET classification = 'SECRET'")

    for fmt in ("epub", "qr-pdf", "labels", "pdf"):
        out = tmp_path / f"out.{fmt}"
        refused = run(path, "export", document, "--format", fmt, "--out", out)
        assert refused.returncode == 1, refused.describe()
        assert "[secret-refused]" in refused.stderr and "Mật" in refused.stderr
        assert not out.exists()


def test_usage(tmp_path: Path) -> None:
    path = tmp_path / "library"
    run(path, "init")
    wrong = run(path, "export", "--collection", "x", "--format", "qr-pdf", "--out", tmp_path / "x")
    none = run(path, "export", "--format", "epub", "--out", tmp_path / "x")
    bad = run(path, "settings", "set", "qr.url_template", "example.gov.vn/tai-lieu")
    good = run_json(path, "settings", "set", "qr.url_template", TEMPLATE)
    missing = run(
        path, "export", "--collection", "Không có", "--format", "epub", "--out", tmp_path / "x.epub"
    )

    assert wrong.returncode == 2 and none.returncode == 2
    assert bad.returncode == 1 and "[bad-url-template]" in bad.stderr
    assert missing.returncode == 1 and "[collection-not-found]" in missing.stderr
    assert good == {"key": "qr.url_template", "value": TEMPLATE}
    assert run_json(path, "settings", "list") == {"qr.url_template": TEMPLATE}
