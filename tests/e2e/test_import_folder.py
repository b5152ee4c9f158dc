"""Importing a folder of page images: natural page order, byte-exact originals."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.support import object_path, run_json, sha256_of
from tests.helpers.pages import write_image

PAGES = 20


def _page_folder(folder: Path) -> list[Path]:
    """page-1.png … page-20.png, written in an order that is neither natural nor by name."""
    folder.mkdir()
    numbers = sorted(range(1, PAGES + 1), key=str)  # 1, 10, 11, …, 19, 2, 20, 3, …
    for number in reversed(numbers):
        write_image(folder / f"page-{number}.png", number)
    return [folder / f"page-{number}.png" for number in range(1, PAGES + 1)]


def test_folder_as_one_document_keeps_natural_order_and_exact_bytes(tmp_path: Path) -> None:
    files = _page_folder(tmp_path / "Nghi quyet 24")
    library = tmp_path / "library"

    report = run_json(library, "import", files[0].parent, "--one-document")
    assert report["failed"] == [] and report["duplicates"] == []
    assert len(report["imported"]) == 1
    imported = report["imported"][0]
    assert imported["pages"] == PAGES
    assert imported["resumed"] is False
    assert [Path(name).name for name in imported["files"]] == [f.name for f in files]

    shown = run_json(library, "show", imported["document"])
    assert shown["document"] == imported["document"]
    assert shown["title"] == "Nghi quyet 24"
    assert shown["state"] == "complete"
    assert shown["pages"] == PAGES
    pages = shown["page_list"]
    assert len(pages) == PAGES
    for index, (page, file) in enumerate(zip(pages, files, strict=True)):
        digest = sha256_of(file)
        assert page["number"] == index + 1
        assert page["source"] == f"page-{index + 1}.png", f"page {index + 1} is out of order"
        assert page["source_page"] == 1
        assert page["image_sha256"] == digest
        assert page["source_sha256"] == digest
        assert page["media_type"] == "image/png"
        assert (page["width"], page["height"]) == (400, 560)
        assert page["dpi"] == 300
        stored = object_path(library, digest)
        assert stored.read_bytes() == file.read_bytes(), f"{stored} is not {file.name} byte-exact"

    # page-2 before page-10, which a plain sort by name gets wrong.
    sources = [page["source"] for page in pages]
    assert sources.index("page-2.png") < sources.index("page-10.png")
    assert [s["name"] for s in shown["sources"]] == [f.name for f in files]
    assert [s["size"] for s in shown["sources"]] == [f.stat().st_size for f in files]


def test_folder_without_one_document_gives_a_document_per_file_in_natural_order(
    tmp_path: Path,
) -> None:
    files = _page_folder(tmp_path / "scans")
    library = tmp_path / "fresh-library"

    report = run_json(library, "import", files[0].parent)
    assert report["failed"] == []
    assert [item["pages"] for item in report["imported"]] == [1] * PAGES
    assert [Path(item["source"]).name for item in report["imported"]] == [f.name for f in files]

    listed = run_json(library, "list")
    assert [doc["title"] for doc in listed] == [f"page-{n}" for n in range(1, PAGES + 1)]
    assert [doc["document"] for doc in listed] == [item["document"] for item in report["imported"]]
    assert all(doc["pages"] == 1 and doc["state"] == "complete" for doc in listed)
    assert len({doc["document"] for doc in listed}) == PAGES


def test_one_document_orders_subfolders_naturally_and_skips_junk(tmp_path: Path) -> None:
    book = tmp_path / "book"
    expected = [
        book / "part-2" / "page-1.png",
        book / "part-2" / "page-9.png",
        book / "part-2" / "page-10.png",
        book / "part-10" / "page-1.png",
    ]
    for number, path in reversed(list(enumerate(expected, start=1))):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_image(path, number)
    # What scanners and file managers leave behind is not a page.
    (book / "part-2" / "Thumbs.db").write_bytes(b"\x00junk")
    write_image(book / "part-2" / ".hidden-page.png", 99)
    library = tmp_path / "library"

    report = run_json(library, "import", book, "--one-document")
    assert report["failed"] == []
    assert len(report["imported"]) == 1
    shown = run_json(library, "show", report["imported"][0]["document"])
    assert [page["image_sha256"] for page in shown["page_list"]] == [
        sha256_of(path) for path in expected
    ]
