"""Acquisition from the command line: separator sheets printed, a stack split into documents,
set-aside pages listed and put back, a feeder batch scanned through SANE's virtual scanner, and a
hot folder watched across a restart."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.acquire.sane import environment, requires_scanimage, sane_config
from tests.acquire.stacks import as_pdf, nine_page_stack
from tests.e2e.support import command, object_path, query, run, run_json
from tests.helpers.pages import write_image


@pytest.mark.slow
def test_a_printed_separator_sheet_splits_a_stack_and_its_blank_is_recoverable(
    library_path: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "to-phan-cach.pdf"
    printed = run(None, "sheets", "separator", "--collection", "Hồ sơ 4", "--out", sheet)
    assert printed.returncode == 0, printed.describe()
    assert sheet.read_bytes().startswith(b"%PDF")

    stack = as_pdf(nine_page_stack(tmp_path / "pages"), tmp_path / "chong.pdf")
    report = run_json(library_path, "import", stack, "--split-on-separators")
    assert [item["pages"] for item in report["imported"]] == [2, 2, 2]
    assert report["pages"] == 9 and len(report["separators"]) == 2
    listed = run_json(library_path, "list")
    assert [document["pages"] for document in listed] == [2, 2, 2]

    (blank,) = run_json(library_path, "set-aside", "list")
    assert blank["page"] == "chong.pdf p6" and blank["document"] == listed[1]["document"]
    shown = run(library_path, "set-aside", "list")
    assert "chong.pdf p6" in shown.stdout
    document = run(library_path, "show", blank["document"])
    assert f"set aside       1 blank page(s): #{blank['id']}" in document.stdout

    restored = run(library_path, "set-aside", "restore", str(blank["id"]))
    assert restored.returncode == 0, restored.describe()
    assert f"page 3 of document {blank['document']}" in restored.stdout
    assert run_json(library_path, "show", blank["document"])["pages"] == 3
    again = run(library_path, "set-aside", "restore", str(blank["id"]))
    assert again.returncode == 1 and "[not-set-aside]" in again.stderr
    assert run_json(library_path, "verify")["ok"]


def test_wrong_use_of_the_acquisition_commands_is_a_usage_error(tmp_path: Path) -> None:
    for args in (
        ("sheets", "separator", "--classification", "rất mật", "--out", tmp_path / "x.pdf"),
        ("scan", "--source", "tray"),
        ("import", tmp_path, "--split-on-separators", "--blank-threshold", "2"),
        ("sheets", "separator"),
    ):
        result = run(None, *args)
        assert result.returncode == 2, result.describe()


@requires_scanimage
def test_a_feeder_batch_is_scanned_into_the_library(library_path: Path, tmp_path: Path) -> None:
    env = environment(sane_config(tmp_path / "sane"))
    devices = run(None, "devices", "--json", env=env)
    assert [device["device"] for device in devices.json()] == ["test:0", "test:1"]

    scanned = run(
        library_path,
        *("scan", "--device", "test:0", "--source", "adf", "--resolution", "75", "--json"),
        env=env,
    )
    assert scanned.returncode == 0, scanned.describe()
    report = scanned.json()
    assert report["scanned"] == 10 and [item["pages"] for item in report["imported"]] == [10]

    missing = run(library_path, "scan", "--device", "test:5", env=env)
    assert missing.returncode == 1
    assert "No scanner 'test:5' is connected" in missing.stderr and "[no-scanner]" in missing.stderr


@requires_scanimage
def test_a_jam_is_a_clear_message_and_a_failure(library_path: Path, tmp_path: Path) -> None:
    env = environment(sane_config(tmp_path / "sane", read_status="SANE_STATUS_JAMMED"))
    jammed = run(library_path, "scan", "--device", "test:0", "--source", "adf", env=env)
    assert jammed.returncode == 1
    assert "Paper jam" in jammed.stderr and "[paper-jam]" in jammed.stderr


def _wait_for(path: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} did not appear"
        time.sleep(0.1)


def test_the_hot_folder_survives_a_restart_without_importing_twice(
    library_path: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_image(inbox / "truoc.png", 1)  # there before the watcher starts
    line = command(library_path, "watch", inbox, "--settle", "0.5")
    with subprocess.Popen(line, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        try:
            _wait_for(inbox / "processed" / "truoc.png")
            write_image(inbox / "sau.png", 2)  # arrives while it watches
            (inbox / "hong.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 30)
            _wait_for(inbox / "processed" / "sau.png")
            _wait_for(inbox / "failed" / "hong.png.reason.txt")
        finally:
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "truoc.png: document(s)" in out and "hong.png: failed" in out

    restarted = run(library_path, "watch", inbox, "--once", "--settle", "0.2")
    assert restarted.returncode == 0, restarted.describe()
    assert restarted.stdout == ""
    assert len(run_json(library_path, "list")) == 2


@pytest.mark.parametrize("missing", ["no-such-folder"])
def test_watching_a_folder_that_is_not_there_says_so(
    library_path: Path, tmp_path: Path, missing: str
) -> None:
    result = run(library_path, "watch", tmp_path / missing, "--once")
    assert result.returncode == 1 and "[not-found]" in result.stderr


@pytest.mark.slow
def test_a_secret_separator_sends_its_document_to_the_vault(
    library_path: Path, tmp_path: Path
) -> None:
    from digitizer.acquire.separators import SeparatorSheet
    from digitizer.model import Classification

    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text("một cụm mật khẩu rất dài\n", encoding="utf-8")
    secret = "--passphrase-file", passphrase
    for args in (
        ("vault", "init", *secret),
        ("settings", "isolated-lan", "on", "--reason", "phòng lưu trữ không nối mạng"),
    ):
        done = run(library_path, *args)
        assert done.returncode == 0, done.describe()
    sheet = SeparatorSheet("Hồ sơ mật 2", Classification.SECRET)
    stack = as_pdf(nine_page_stack(tmp_path / "pages", second=sheet), tmp_path / "chong.pdf")
    report = run_json(library_path, "import", stack, "--split-on-separators", *secret)
    third = report["imported"][2]["document"]

    listed = {
        item["document"]: item for item in run_json(library_path, "list", "--unlock", *secret)
    }
    assert [item["classification"] for item in listed.values()].count("SECRET") == 1
    assert listed[third]["classification"] == "SECRET"
    assert listed[third]["collection"] == "Hồ sơ mật 2"
    # Its pages are sealed: no plaintext object of it is in the store.
    pages = query(library_path, f"SELECT image_sha256 FROM pages WHERE document_id = '{third}'")
    assert len(pages) == 2
    assert all(not object_path(library_path, sha).exists() for (sha,) in pages)
