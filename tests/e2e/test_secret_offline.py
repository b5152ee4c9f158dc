"""Secret documents on the real command line: imported straight into the vault, recognised,
searched and copied without their words ever reaching the disk; stamps found by the real
Tesseract; public exports refused. Each `digitizer` runs in its own process.

The machine running the tests may well be on a network, so each library is declared an
isolated LAN first (the guard's refusals are tested against fabricated routing tables in
tests/security/test_network.py).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
import unicodedata
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from tests.e2e.support import run, run_json
from tests.helpers.text_pages import FONT, text_page
from tests.security.support import files_under, pages_indexed_with, where_found

UNUSUAL_WORD = "Khuyếtnguyệt"  # a code name no dictionary has, with marks that NFD splits
PASSPHRASE = "mật khẩu kho lưu trữ tỉnh ủy"
BOLD = FONT.with_name("DejaVuSerif-Bold.ttf")


def secret_library(library: Path, user: Path, env: dict[str, str] | None = None) -> Path:
    """A library with a vault, declared an isolated LAN; returns the passphrase file."""
    user.mkdir(parents=True, exist_ok=True)
    passphrase = user / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    for args in (
        ("init",),
        ("vault", "init", "--passphrase-file", passphrase),
        ("settings", "isolated-lan", "on", "--reason", "phòng máy cách ly, không nối Internet"),
    ):
        result = run(library, *args, env=env)
        assert result.returncode == 0, result.describe()
    return passphrase


@pytest.mark.slow
def test_no_trace_of_a_secret_word_on_disk(tmp_path: Path) -> None:
    """Import, OCR, search and an internal copy of a secret page; then every file of the
    library, of the program's temporary folder, of /dev/shm, and every file the system's
    temporary folder gained meanwhile is searched for the word: it is nowhere.

    The person's own files — the scan, the passphrase file and the internal copies they asked
    for — sit in `user/`, outside what is searched: they are where the person put them."""
    started = time.time()
    library, user, temp = tmp_path / "library", tmp_path / "user", tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    passphrase = secret_library(library, user, env)
    page = text_page(0, 3, heading=f"Mật danh {UNUSUAL_WORD} trong hồ sơ").save(user / "scan.png")
    key = ("--passphrase-file", passphrase)

    imported = run_json(library, "import", page, "--classification", "SECRET", *key)
    document = imported["imported"][0]["document"]
    ocr = run_json(library, "ocr", document, *key)
    assert ocr["done"] == 1 and not ocr["failed"]
    locked = run_json(library, "search", UNUSUAL_WORD)
    assert locked["total"] == 0
    found = run_json(library, "search", UNUSUAL_WORD.lower(), "--unlock", *key)
    assert [hit["document"] for hit in found["hits"]] == [document]
    assert UNUSUAL_WORD in found["hits"][0]["snippet"]
    outbox = user / "outbox"
    outbox.mkdir()
    copy = run_json(
        library, "export", document, "--format", "internal-pdf", "--copies", "2",
        "--purpose", "Báo cáo Thường trực", "--out", outbox / "ban-sao.pdf", *key,
    )  # fmt: skip
    assert copy["copies"] == 2
    copy_text = subprocess.run(
        ["pdftotext", copy["paths"][1], "-"], capture_output=True, text=True, check=True
    ).stdout
    assert UNUSUAL_WORD in copy_text  # the OCR did read the word: there was something to leak
    assert "MẬT" in copy_text and "BẢN SAO SỐ 2/2" in copy_text
    assert run(library, "verify", env=env).returncode == 0
    assert run(library, "audit", "verify", env=env).returncode == 0

    # Besides the program's own temporary folder (TMPDIR, which Python and SQLite follow),
    # the system's: whatever appeared in it meanwhile, in case something ignored TMPDIR
    # (other programs' large files aside: a page's words are small).
    system_temp = Path(tempfile.gettempdir())
    changed = [
        path
        for path in files_under(system_temp, skip=[user, tmp_path])
        if _changed_since(path, started)
    ]
    searched = files_under(library, temp, Path("/dev/shm")) + changed
    assert len(searched) > 10  # the library's catalogue, index, objects and vault at least
    assert where_found(UNUSUAL_WORD, searched) == []
    assert pages_indexed_with(UNUSUAL_WORD, library) == 0  # the engine compresses its terms
    # The search itself finds the word in either form when it is there.
    probe = tmp_path / "probe"
    probe.mkdir()
    (probe / "nfc.txt").write_bytes(UNUSUAL_WORD.lower().encode("utf-8"))
    (probe / "nfd.txt").write_text(unicodedata.normalize("NFD", UNUSUAL_WORD), encoding="utf-8")
    assert len(where_found(UNUSUAL_WORD, files_under(probe))) == 2


def _changed_since(path: Path, moment: float, largest: int = 20_000_000) -> bool:
    try:
        status = path.stat()
    except OSError:
        return False
    return status.st_mtime >= moment - 1 and status.st_size <= largest and path.is_file()


def stamped_page(path: Path) -> Path:
    """A page whose header carries a framed MẬT stamp under the number, and running text
    that mentions "bí mật"."""
    dpi = 300
    body = ImageFont.truetype(str(FONT), 36)
    bold = ImageFont.truetype(str(BOLD), 44)
    image = Image.new("L", (1240, 1750), 255)
    draw = ImageDraw.Draw(image)
    draw.text((120, 100), "ĐẢNG BỘ TỈNH NGHỆ AN", font=body, fill=0)
    draw.text((120, 160), "Số 12-NQ/TU", font=body, fill=0)
    draw.rectangle((150, 240, 330, 310), outline=0, width=4)
    draw.text((170, 250), "MẬT", font=bold, fill=0)
    for row, line in enumerate(
        ("Nghị quyết của Ban Chấp hành Đảng bộ tỉnh", "về công tác bảo vệ bí mật nhà nước")
    ):
        draw.text((120, 600 + 70 * row), line, font=body, fill=0)
    image.save(path, dpi=(dpi, dpi))
    return path


@pytest.mark.slow
def test_a_stamp_read_by_tesseract_seals_the_document(tmp_path: Path) -> None:
    library, user = tmp_path / "library", tmp_path / "user"
    passphrase = secret_library(library, user)
    plain = text_page(2, 2).save(user / "plain.png")
    stamped = stamped_page(user / "stamped.png")
    report = run_json(library, "import", plain, stamped)
    ids = {Path(item["source"]).name: item["document"] for item in report["imported"]}

    ocr = run_json(library, "ocr", "--all", "--passphrase-file", passphrase)
    assert [(c["document"], c["to"], c["by"], c["sealed"]) for c in ocr["classified"]] == [
        (ids["stamped.png"], "SECRET", "stamp", True)
    ]
    listed = {item["document"]: item for item in run_json(library, "list")}
    assert listed[ids["stamped.png"]]["classification"] == "SECRET"
    assert listed[ids["stamped.png"]]["title"] == ""  # sealed: the title is in the vault
    assert listed[ids["plain.png"]]["classification"] == "PUBLIC"
    assert where_found("Ban Chấp hành", files_under(library)) == []
    assert pages_indexed_with('"Ban Chấp hành"', library) == 0
    assert run(library, "verify").returncode == 0
    audit = run_json(library, "audit", "list")
    classified = [e for e in audit if e["event"] == "classified"]
    assert classified[0]["details"]["stamp"]["text"] == "MẬT"


@pytest.mark.slow
def test_public_exports_of_a_secret_document_are_refused(tmp_path: Path) -> None:
    library, user = tmp_path / "library", tmp_path / "user"
    passphrase = secret_library(library, user)
    page = text_page(1, 2).save(user / "page.png")
    document = run_json(
        library, "import", page, "--classification", "TOP_SECRET", "--passphrase-file", passphrase
    )["imported"][0]["document"]
    assert run(library, "ocr", document, "--passphrase-file", passphrase).returncode == 0

    for fmt, extra in (
        ("epub", ()),
        ("package", ()),
        ("qr-pdf", ("--url-template", "https://example.gov.vn/tai-lieu/{id}")),
        ("pdf", ()),
    ):
        out = user / f"out.{fmt}"
        result = run(library, "export", document, "--format", fmt, "--out", out, *extra)
        assert result.returncode == 1, result.describe()
        assert "[secret-refused]" in result.stderr and "Tối mật" in result.stderr
        assert not out.exists()

    wrong = user / "wrong.txt"
    wrong.write_text("một mật khẩu sai hoàn toàn\n", encoding="utf-8")
    result = run(library, "show", document, "--passphrase-file", wrong)
    assert result.returncode == 1 and "[wrong-passphrase]" in result.stderr
    result = run(library, "show", document)  # no terminal to ask on
    assert result.returncode == 1 and "[vault-locked]" in result.stderr
    result = run(library, "export", document, "--format", "internal-pdf", "--out", user / "x.pdf")
    assert result.returncode == 2 and "--purpose" in result.stderr

    copy = run_json(
        library, "export", document, "--format", "internal-pdf", "--purpose", "Lưu hồ sơ",
        "--out", user / "ban-sao.pdf", "--passphrase-file", passphrase,
    )  # fmt: skip
    key = ("--unlock", "--passphrase-file", passphrase)  # a secret copy's purpose is sealed
    register = run_json(library, "register", *key)
    assert [(e["document"], e["level"], e["copies"], e["purpose"]) for e in register] == [
        (document, "Tối mật", 1, "Lưu hồ sơ")
    ]
    assert register[0]["entry"] == copy["register_entry"]
    printed = run(library, "register", *key).stdout
    assert document in printed and "Tối mật" in printed and "Lưu hồ sơ" in printed
    assert "Lưu hồ sơ" not in run(library, "register").stdout
