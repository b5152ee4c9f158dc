"""Pages keep their document order whichever way each is made: a PDF that mixes scanned pages
(taken out as they are) with vector pages (rendered by poppler) gives its pages 1, 2, 3 … in
that order, so a separator sheet printed as a vector page ends the document before it and
starts the next one exactly where it stands. A secret sheet between two scans keeps the scan
after it secret — in the core and through the real command line."""

from __future__ import annotations

from pathlib import Path

import img2pdf
import pikepdf
import pytest

from digitizer.acquire.formats import identify
from digitizer.acquire.importer import ImportOptions
from digitizer.acquire.pdf import page_images, probe_pdf
from digitizer.acquire.separators import SeparatorSheet
from digitizer.acquire.sheets import write_separator_sheet
from digitizer.acquire.stack import import_stacks
from digitizer.library import Library
from digitizer.model import Classification
from digitizer.searching import search
from digitizer.security.vault import Vault
from tests.acquire.stacks import text_image
from tests.e2e.support import run, run_json
from tests.helpers.page_texts import give_text

Part = str  # "scan" or a level name ("PUBLIC", "SECRET") for a vector separator sheet


def mixed_pdf(folder: Path, parts: list[Part], out: Path) -> Path:
    """One PDF of `parts` in order: each "scan" a scanned text page (an image covering the
    page), each other part the vector separator sheet of that level, as `sheets` prints it."""
    folder.mkdir(parents=True, exist_ok=True)
    with pikepdf.new() as stack:
        for number, part in enumerate(parts, start=1):
            single = folder / f"part-{number}.pdf"
            if part == "scan":
                image = text_image(folder / f"scan-{number}.png", number * 3)
                single.write_bytes(img2pdf.convert(str(image)))
            else:
                level = None if part == "PUBLIC" else Classification(part)
                write_separator_sheet(SeparatorSheet(None, level), single)
            with pikepdf.open(single) as one:
                stack.pages.append(one.pages[0])
        stack.save(out)
    return out


def _scan_numbers(parts: list[Part]) -> list[int]:
    return [number for number, part in enumerate(parts, start=1) if part == "scan"]


STACKS: list[list[Part]] = [
    ["scan", "SECRET", "scan"],
    ["SECRET", "scan", "PUBLIC", "scan"],
    ["scan", "scan", "TOP_SECRET", "scan", "PUBLIC", "scan"],
    ["PUBLIC", "scan", "SECRET", "scan", "scan", "PUBLIC", "scan", "SECRET"],
]


@pytest.mark.parametrize("parts", STACKS, ids=["-".join(parts) for parts in STACKS])
def test_a_mixed_pdf_gives_its_pages_in_document_order(tmp_path: Path, parts: list[Part]) -> None:
    pdf = mixed_pdf(tmp_path / "parts", parts, tmp_path / "stack.pdf")
    probed = probe_pdf(identify(pdf), None, 10**9)
    out = tmp_path / "out"
    out.mkdir()
    made = list(page_images(probed, probed.pages, out, None))
    assert [page.number for page in made] == list(range(1, len(parts) + 1))
    # The scans came out as they are (JPEG/PNG of the scan's size), the sheets rendered: both
    # ways were really taken, so the order is not an accident of one path.
    assert len({page.path.name.split("-")[0] for page in made}) == 2


def _expected_documents(parts: list[Part]) -> list[tuple[Classification, list[int]]]:
    """Each document the stack holds: its level and the stack positions of its pages."""
    documents: list[tuple[Classification, list[int]]] = []
    level, pages = Classification.PUBLIC, list[int]()
    for number, part in enumerate(parts, start=1):
        if part == "scan":
            pages.append(number)
            continue
        if pages:
            documents.append((level, pages))
        level, pages = Classification(part), []
    if pages:
        documents.append((level, pages))
    return documents


@pytest.mark.parametrize("parts", STACKS, ids=["-".join(parts) for parts in STACKS])
def test_every_page_of_a_mixed_stack_lands_in_its_document_at_its_level(
    library: Library, tmp_path: Path, parts: list[Part]
) -> None:
    library.sealer = Vault(library.root).create("một cụm mật khẩu dài", cost=2**10)
    pdf = mixed_pdf(tmp_path / "parts", parts, tmp_path / "stack.pdf")
    report = import_stacks(library, [pdf], ImportOptions())
    assert report.ok, report.imports.as_json()
    expected = _expected_documents(parts)
    imported = [item.document_id for item in report.imports.imported]
    assert len(imported) == len(expected)
    for document_id, (level, positions) in zip(imported, expected, strict=True):
        document = library.document(document_id)
        assert document.classification is level
        assert document.page_count == len(positions)
        # Each page gets a word naming its place in the stack, to find where it went.
        give_text(library, document_id, [f"trang{n}ở" for n in positions])
    for number in _scan_numbers(parts):
        level = next(lv for lv, positions in expected if number in positions)
        hits = search(library, f"trang{number}ở").total
        assert hits == (0 if level.is_secret else 1), (number, level)


def test_a_secret_page_between_scans_stays_secret_through_the_command_line(
    tmp_path: Path,
) -> None:
    """The attack as it was found: scan, vector SECRET sheet, secret scan, imported with
    `--split-on-separators`, recognised, then searched without the passphrase."""
    from tests.e2e.test_secret_offline import secret_library
    from tests.helpers.text_pages import text_page

    library, user = tmp_path / "library", tmp_path / "user"
    passphrase = secret_library(library, user)
    key = ("--passphrase-file", passphrase)
    folder = tmp_path / "parts"
    folder.mkdir()
    public = text_page(0, 2, heading="Thông báo lịch họp Quânđoàn").save(folder / "a.png")
    secret = text_page(3, 2, heading="Kế hoạch Khuyếtnguyệt tuyệt đối").save(folder / "c.png")
    sheet = folder / "sheet.pdf"
    write_separator_sheet(SeparatorSheet(None, Classification.SECRET), sheet)
    pdf = tmp_path / "user" / "chong.pdf"
    with pikepdf.new() as stack:
        for single in (
            _image_pdf(public, folder / "a.pdf"),
            sheet,
            _image_pdf(secret, folder / "c.pdf"),
        ):
            with pikepdf.open(single) as one:
                stack.pages.append(one.pages[0])
        stack.save(pdf)

    imported = run_json(library, "import", pdf, "--split-on-separators", *key)
    documents = [item["document"] for item in imported["imported"]]
    assert [item["pages"] for item in imported["imported"]] == [1, 1]
    listed = {item["document"]: item for item in run_json(library, "list", "--unlock", *key)}
    levels = [listed[document]["classification"] for document in documents]
    assert levels == ["PUBLIC", "SECRET"]
    ocr = run_json(library, "ocr", *documents, *key)
    assert ocr["done"] == 2 and not ocr["failed"], ocr
    assert run_json(library, "search", "Khuyếtnguyệt")["total"] == 0
    assert run_json(library, "search", "Quânđoàn")["total"] == 1
    unlocked = run_json(library, "search", "Khuyếtnguyệt", "--unlock", *key)
    assert [hit["document"] for hit in unlocked["hits"]] == [documents[1]]
    assert run(library, "verify").returncode == 0


def _image_pdf(image: Path, out: Path) -> Path:
    out.write_bytes(img2pdf.convert(str(image)))
    return out
