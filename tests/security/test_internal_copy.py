"""Internal copies: numbered copies whose every page carries the classification banner and the
copy mark in its text, each copy in the copy register and the audit log; made only with the
vault unlocked, and through RAM only."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pikepdf
import pytest

from digitizer.acquire.importer import ImportOptions
from digitizer.errors import NotRecognised, VaultLocked
from digitizer.library import Library
from digitizer.model import Classification
from digitizer.service import Workstation
from tests.helpers.page_texts import give_text
from tests.helpers.pages import write_image
from tests.helpers.text_pages import text_page

SECRET = Classification.SECRET


def page_text(pdf: Path, number: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(number), "-l", str(number), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def two_page_document(station: Workstation, library_path: Path, folder: Path) -> str:
    folder.mkdir()
    for number in (1, 2):
        text_page(number, 2).save(folder / f"trang-{number}.png")
    report = station.import_paths([folder], ImportOptions(one_document=True))
    document_id = report.imported[0].document_id
    with Library.open(library_path) as library:
        give_text(library, document_id, ["Nghị quyết trang một", "Kết luận trang hai"])
    return document_id


def ram_folders() -> set[str]:
    prefix = f"digitizer-{os.getpid()}-"
    return {path.name for path in Path("/dev/shm").iterdir() if path.name.startswith(prefix)}


def test_every_page_of_every_copy_has_the_banner_and_its_copy_mark(
    station: Workstation, library_path: Path, tmp_path: Path
) -> None:
    document_id = two_page_document(station, library_path, tmp_path / "scans")
    station.classify(document_id, SECRET, "dấu MẬT")
    station.lock()
    outbox = tmp_path / "outbox"
    outbox.mkdir()

    result = station.internal_copy(document_id, outbox / "ban-sao.pdf", 3, "Gửi Thường trực")

    assert [p.name for p in result.paths] == [f"ban-sao-{n}-of-3.pdf" for n in (1, 2, 3)]
    for number, path in enumerate(result.paths, start=1):
        with pikepdf.open(path) as pdf:
            assert len(pdf.pages) == 2
        for page in (1, 2):
            text = page_text(path, page)
            assert text.lstrip().startswith("MẬT"), text
            assert f"BẢN SAO SỐ {number}/3" in text
            assert document_id in text
            assert ("trang một" if page == 1 else "trang hai") in text  # the OCR text layer
    assert ram_folders() == set()

    (entry,) = station.copy_register()
    assert (entry.document_id, entry.classification, entry.copies) == (document_id, SECRET, 3)
    assert entry.purpose == "Gửi Thường trực" and entry.destination == str(outbox / "ban-sao.pdf")
    assert entry.operator
    copied = [e for e in station.audit_log() if e.event == "copied"]
    assert copied[-1].document_id == document_id
    assert copied[-1].details["register_entry"] == entry.id
    assert station.copy_register(document_id) == [entry]


def test_a_lower_level_gets_its_own_banner_without_the_vault(
    station: Workstation, library_path: Path, tmp_path: Path
) -> None:
    document_id = two_page_document(station, library_path, tmp_path / "scans")
    station.classify(document_id, Classification.INTERNAL, "chỉ lưu hành nội bộ")
    locked = Workstation(library_path)  # no passphrase at all
    result = locked.internal_copy(document_id, tmp_path / "noi-bo.pdf", 1, "Lưu hồ sơ")
    assert result.paths == (tmp_path / "noi-bo.pdf",)
    text = page_text(result.paths[0], 2)
    assert "LƯU HÀNH NỘI BỘ" in text and "BẢN SAO SỐ 1/1" in text


def test_refused_with_the_vault_locked_or_pages_unread(
    station: Workstation, library_path: Path, tmp_path: Path
) -> None:
    document_id = two_page_document(station, library_path, tmp_path / "scans")
    station.classify(document_id, SECRET, "dấu MẬT")
    with pytest.raises(VaultLocked):
        Workstation(library_path).internal_copy(document_id, tmp_path / "x.pdf", 1, "họp")
    write_image(tmp_path / "unread.png", 9)
    unread = station.import_paths(
        [tmp_path / "unread.png"], ImportOptions(classification=SECRET)
    ).imported[0]
    with pytest.raises(NotRecognised):
        station.internal_copy(unread.document_id, tmp_path / "y.pdf", 2, "họp")
    assert not list(tmp_path.glob("*.pdf"))
    assert station.copy_register() == []
    assert ram_folders() == set()
