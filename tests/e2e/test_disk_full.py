"""A full disk at import and at OCR: the command says `disk-full` (also as JSON), no traceback,
and the library stays consistent (`verify` clean), with nothing half-written left behind."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.support import pdf_with_text, run, run_json
from tests.helpers.pages import pdf_of_pages, write_image

pytestmark = pytest.mark.slow


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB RAM disk of its own (mounting one needs root, as CI has)."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {mounted.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(disk: Path, leave: int) -> None:
    """Take all the disk's free space but `leave` bytes."""
    status = os.statvfs(disk)
    free = status.f_bavail * status.f_frsize
    with (disk / "filler").open("wb") as filler:
        filler.truncate(0)
        os.posix_fallocate(filler.fileno(), 0, max(free - leave, 1))


def _left_behind(library: Path) -> list[Path]:
    return [path for path in (library / "objects" / "tmp").rglob("*") if path.is_file()]


def test_a_full_disk_at_import_says_disk_full_and_keeps_the_library_whole(
    small_disk: Path, inputs: Path
) -> None:
    library = small_disk / "library"
    assert run(library, "init").returncode == 0
    big = pdf_of_pages(inputs / "so-tay.pdf", 8, dpi=300, size=(2480, 3508))
    _fill(small_disk, leave=400_000)

    result = run(library, "import", big, "--json")

    assert result.returncode == 1, result.describe()
    assert "[disk-full]" in result.stderr
    assert result.json()["error"]["code"] == "disk-full"
    (small_disk / "filler").unlink()
    assert run(library, "verify").returncode == 0
    assert _left_behind(library) == []


def test_a_pdf_renders_page_by_page_with_no_raw_page_on_disk(
    small_disk: Path, inputs: Path
) -> None:
    # An A4 page with no scan renders at 300 dpi in colour: 26 MB raw, on a 4 MB disk. Only
    # its PNG (a few kilobytes of text on white) may reach the library's objects/tmp.
    library = small_disk / "library"
    pdf = pdf_with_text(inputs / "a4.pdf", size=(595, 842))

    imported = run_json(library, "import", pdf)

    assert [item["pages"] for item in imported["imported"]] == [1]
    assert run(library, "verify").returncode == 0
    assert _left_behind(library) == []


def test_a_full_disk_at_ocr_says_disk_full_and_keeps_the_library_whole(
    small_disk: Path, inputs: Path
) -> None:
    library = small_disk / "library"
    pages = [write_image(inputs / f"trang-{n}.png", n) for n in (1, 2)]
    run_json(library, "import", *pages, "--one-document")
    _fill(small_disk, leave=60_000)

    result = run(library, "ocr", "--all", "--json")

    assert result.returncode == 1, result.describe()
    assert "[disk-full]" in result.stderr
    (small_disk / "filler").unlink()
    assert run(library, "verify").returncode == 0
    assert _left_behind(library) == []
    # with room again, the same command finishes the pages
    assert run(library, "ocr", "--all").returncode == 0
