"""Secret pages in flight live in RAM: importing renders them into a RAM-backed folder,
recognising writes its files there (Tesseract reads the pixels in the worker itself), and
nothing but sealed bytes is written into the library. The files a process opens for writing,
and the programs it starts, are recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from digitizer.acquire.importer import ImportOptions
from digitizer.model import Classification
from digitizer.pipeline.page_work import PageTask, work_on_page
from digitizer.security.ramdisk import file_system_type, make_private_folder, private_folder
from digitizer.service import Workstation
from ocr.engine import EngineSettings
from ocr.prepare import PrepareSettings
from tests.e2e.support import pdf_with_text
from tests.helpers.pages import pdf_of_pages
from tests.helpers.text_pages import text_page
from tests.security.support import FileWrites

SHM = Path("/dev/shm")


def _outside(paths: list[str], *allowed: Path) -> list[str]:
    roots = [str(root.resolve()) for root in allowed]
    return [p for p in paths if not any(str(Path(p).resolve()).startswith(r) for r in roots)]


def test_a_secret_pdf_is_rendered_in_ram_and_stored_sealed(
    station: Workstation, library_path: Path, tmp_path: Path
) -> None:
    scans = pdf_of_pages(tmp_path / "scans.pdf", 2, dpi=100)  # each page's scan taken out
    typed = pdf_with_text(tmp_path / "typed.pdf", "Nghi quyet")  # rasterised by pdftoppm
    with FileWrites.hook() as record:
        options = ImportOptions(classification=Classification.SECRET)
        report = station.import_paths([scans, typed], options)
    assert report.ok and [d.pages for d in report.imported] == [2, 1]
    assert _outside(record.written, SHM, library_path / "vault", library_path / "lock") == []
    assert any(p.startswith(str(SHM)) for p in record.written)  # the pages were made in RAM
    pdftoppm = [c for c in record.commands if Path(c[0]).name == "pdftoppm" and "-v" not in c]
    assert pdftoppm
    for command in pdftoppm:
        # A page comes back through a pipe; any file pdftoppm is told to write lies in RAM.
        outputs = [a for a in command if a.startswith("/") and ".pdf" not in a]
        assert _outside(outputs, SHM) == [], command
    assert not list((library_path / "objects").glob("??/*"))


def test_tesseract_reads_and_writes_a_secret_page_in_ram_only(tmp_path: Path) -> None:
    with private_folder() as ram:
        image = text_page(0, 2).save(ram / "page.png")
        task = PageTask(1, str(image), 300, EngineSettings(), PrepareSettings(), str(ram), True)
        with FileWrites.hook() as record:
            outcome = work_on_page(task)
        assert outcome.ok and "Nghị quyết" in outcome.text
        assert outcome.words is not None and outcome.words.path.startswith(str(ram))
        assert record.written and _outside(record.written, ram) == []
        # Tesseract reads the pixels in this process: no program is handed a file of the page.
        assert record.commands == []
    assert not ram.exists()


def test_ram_folders_are_private_and_left_ones_cleared(tmp_path: Path) -> None:
    assert file_system_type(SHM) in ("tmpfs", "ramfs")
    folder = make_private_folder()
    try:
        assert folder.parent == SHM and oct(folder.stat().st_mode & 0o777) == "0o700"
    finally:
        folder.rmdir()
    stale = SHM / "digitizer-999999999-left"
    stale.mkdir()
    (stale / "page.png").write_bytes(b"x")
    make_private_folder().rmdir()
    assert not stale.exists()


def test_a_machine_without_a_ram_folder_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    from digitizer.errors import NoPrivateMemory
    from digitizer.security import ramdisk

    monkeypatch.setattr(ramdisk, "RAM_FILE_SYSTEMS", frozenset({"no-such-file-system"}))
    with pytest.raises(NoPrivateMemory, match="/dev/shm"):
        ramdisk.make_private_folder()
