"""A PDF's password stands on no process's command line: poppler's tools (pdfimages, pdftotext,
pdftoppm) read a copy decrypted in the program, private and removed afterwards, never the
password itself. Through the real command line, with every started program's arguments noted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from tests.e2e.support import command
from tests.e2e.test_secret_offline import secret_library
from tests.helpers.pages import encrypt_pdf, pdf_of_pages
from tests.security.support import files_under

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Bí-mật-PDF-7391"


def _mixed_pdf(folder: Path) -> Path:
    """Two scanned pages with a drawn (vector) page between them, the drawn one rendered by
    pdftoppm; locked with PASSWORD."""
    plain = pdf_of_pages(folder / "scans.pdf", 2)
    with pikepdf.open(plain) as pdf:
        page = pdf.add_blank_page(page_size=(288, 403))
        page.Contents = pdf.make_stream(b"0 g 36 36 216 331 re f")
        pdf.pages.insert(1, pdf.pages[-1])
        del pdf.pages[-1]
        pdf.save(folder / "mixed.pdf")
    return encrypt_pdf(folder / "mixed.pdf", folder / "locked.pdf", PASSWORD)


def _import_noting_argv(library: Path, log: Path, *args: str | Path) -> dict[str, object]:
    line = command(library, "import", *args, "--json")
    line = [sys.executable, "-m", "tests.security.argv_log", str(log), *line[3:]]
    done = subprocess.run(line, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    report: dict[str, object] = json.loads(done.stdout)
    return report


@pytest.mark.parametrize("level", ["PUBLIC", "SECRET"])
def test_no_started_program_is_given_the_pdf_password(tmp_path: Path, level: str) -> None:
    library, user = tmp_path / "library", tmp_path / "user"
    passphrase = secret_library(library, user)
    locked = _mixed_pdf(user)
    password_file = user / "pdf-password.txt"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    log = tmp_path / "argv.jsonl"

    options = ("--pdf-password-file", password_file, "--classification", level)
    report = _import_noting_argv(library, log, locked, *options, "--passphrase-file", passphrase)
    imported = report["imported"]
    assert isinstance(imported, list) and [item["pages"] for item in imported] == [3]

    started = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    tools = {Path(argv[0]).name for argv in started if argv}
    assert {"pdfimages", "pdftotext", "pdftoppm"} <= tools  # poppler read the file
    assert not [argv for argv in started if any(PASSWORD in arg for arg in argv)]
    assert not [argv for argv in started if "-upw" in argv or "-opw" in argv]
    # The decrypted copies are gone: not in the library's scratch folder, not in RAM.
    leftovers = files_under(library, Path("/dev/shm"))
    assert not [path for path in leftovers if path.name.startswith("decrypted-")]
