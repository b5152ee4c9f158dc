"""An OCR worker killed mid-run (the kernel's out-of-memory killer, an operator's kill -9): its
pages are reported as `worker-died`, never marked done, the other pages go on, and the next run
finishes the rest."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.e2e.support import command, query, run, run_json
from tests.helpers.text_pages import text_page

pytestmark = pytest.mark.slow
PAGES = 6


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def _workers(pid: int) -> list[int]:
    """The coordinator's spawned worker processes (not its resource tracker)."""
    workers = []
    for child in _children(pid):
        try:
            line = (Path("/proc") / str(child) / "cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in line:
            workers.append(child)
    return workers


def test_a_killed_worker_loses_only_its_pages_and_a_rerun_finishes(
    library_path: Path, inputs: Path
) -> None:
    scans = [
        text_page(first_line=n, line_count=6).save(inputs / f"trang-{n}.png")
        for n in range(1, PAGES + 1)
    ]
    run_json(library_path, "import", *scans, "--one-document")
    ocr = subprocess.Popen(
        command(library_path, "ocr", "--all", "--jobs", "2", "--json"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not (workers := _workers(ocr.pid)):
        assert ocr.poll() is None and time.monotonic() < deadline, "no worker started"
        time.sleep(0.05)
    time.sleep(1.0)  # let it take a page
    os.kill(workers[0], signal.SIGKILL)
    stdout, stderr = ocr.communicate(timeout=300)

    assert "Traceback" not in stderr, stderr
    report = json.loads(stdout)
    died = [failure for failure in report["failed"] if failure["code"] == "worker-died"]
    assert died, report
    assert report["done"] + len(report["failed"]) == PAGES
    dead_pages = {failure["page"] for failure in died}
    texts = query(
        library_path,
        "SELECT p.number FROM pages p JOIN page_texts t ON t.page_id = p.id",
    )
    assert dead_pages.isdisjoint({row[0] for row in texts}), "a dead worker's page marked done"

    rerun = run_json(library_path, "ocr", "--all")
    assert rerun["done"] == len(report["failed"]) and rerun["failed"] == []
    assert run(library_path, "verify").returncode == 0
    assert query(library_path, "SELECT count(DISTINCT page_id) FROM page_texts") == [(PAGES,)]
