"""A SIGKILL in the middle of a long import leaves a sound library; the same import finishes it."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.e2e.support import (
    catalogued_objects,
    command,
    leftover_temporary_files,
    objects_on_disk,
    query,
    run,
    run_json,
    sha256_of,
)
from tests.helpers.pages import pdf_of_pages

PAGES = 200
KILL_AFTER = 20  # pages in the catalogue before the kill
POLL_DEADLINE = 90.0  # seconds


def _pages_in_catalogue(library: Path) -> int:
    if not (library / "catalog.sqlite3").exists():
        return 0
    try:
        return int(query(library, "SELECT count(*) FROM pages")[0][0])
    except sqlite3.Error:  # not created yet, or busy for a moment
        return 0


def _kill_part_way(library: Path, pdf: Path) -> int:
    """Start the import, SIGKILL it once KILL_AFTER pages are in; return the pages counted."""
    with subprocess.Popen(
        command(library, "import", pdf),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its children share its process group
    ) as process:
        deadline = time.monotonic() + POLL_DEADLINE
        counted = 0
        try:
            while counted < KILL_AFTER:
                if process.poll() is not None:
                    _, stderr = process.communicate()
                    pytest.fail(
                        f"the import ended (exit {process.returncode}) before it was killed "
                        f"with {counted} page(s) in:\n{stderr.decode(errors='replace')}"
                    )
                if time.monotonic() > deadline:
                    pytest.fail(f"only {counted} page(s) imported after {POLL_DEADLINE} s")
                time.sleep(0.005)
                counted = _pages_in_catalogue(library)
            os.kill(process.pid, signal.SIGKILL)
        finally:
            if process.returncode is None:  # killed (or failed) but not reaped: pid still ours
                # Its children (pdftoppm) die with it, as in a crash of the whole application.
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.communicate()
        assert process.returncode == -signal.SIGKILL
    return counted


@pytest.mark.slow
def test_import_killed_part_way_is_resumed_by_the_same_import(tmp_path: Path) -> None:
    pdf = pdf_of_pages(tmp_path / "So tay 200 trang.pdf", PAGES)
    library = tmp_path / "library"

    counted = _kill_part_way(library, pdf)
    assert KILL_AFTER <= counted < PAGES

    # The library is sound after the crash: nothing missing, altered or stray.
    check = run(library, "verify")
    assert check.returncode == 0, check.describe()
    for kind in ("MISSING", "ALTERED", "ORPHANED", "CATALOGUE"):
        assert kind not in check.stdout, check.describe()
    assert "all intact" in check.stdout
    report = run_json(library, "verify")
    assert report["problems"] == []
    assert report["in_flight"] == 0
    assert leftover_temporary_files(library) == []
    assert objects_on_disk(library) == catalogued_objects(library)

    listed = run_json(library, "list")
    assert len(listed) == 1
    document = listed[0]["document"]
    assert listed[0]["state"] == "importing"
    assert counted <= listed[0]["pages"] < PAGES
    assert report["interrupted_imports"] == [document]

    # The same import again finishes the same document.
    resumed = run(library, "import", pdf, "--json")
    assert resumed.returncode == 0, resumed.describe()
    outcome = resumed.json()
    assert outcome["failed"] == [] and outcome["duplicates"] == []
    assert len(outcome["imported"]) == 1
    item = outcome["imported"][0]
    assert item["document"] == document
    assert item["resumed"] is True
    assert item["pages"] == PAGES

    shown = run_json(library, "show", document)
    assert shown["state"] == "complete"
    assert shown["pages"] == PAGES
    pages = shown["page_list"]
    assert [page["number"] for page in pages] == list(range(1, PAGES + 1))
    assert [page["source_page"] for page in pages] == list(range(1, PAGES + 1))
    assert len({page["image_sha256"] for page in pages}) == PAGES, "some pages are duplicated"
    assert {page["source_sha256"] for page in pages} == {sha256_of(pdf)}
    assert [(s["name"], s["pages"]) for s in shown["sources"]] == [(pdf.name, PAGES)]

    listed = run_json(library, "list")
    assert [(doc["document"], doc["state"], doc["pages"]) for doc in listed] == [
        (document, "complete", PAGES)
    ]

    report = run_json(library, "verify")
    assert report["ok"] is True
    assert report["problems"] == []
    assert report["interrupted_imports"] == []
    assert report["checked"] == PAGES + 1  # every page and the original PDF
    assert objects_on_disk(library) == catalogued_objects(library)
    assert leftover_temporary_files(library) == []

    # A third time there is nothing left to do.
    again = run(library, "import", pdf, "--json")
    assert again.returncode == 0, again.describe()
    outcome = again.json()
    assert outcome["imported"] == [] and outcome["failed"] == []
    assert [(Path(d["source"]).name, d["document"]) for d in outcome["duplicates"]] == [
        (pdf.name, document)
    ]
    assert len(run_json(library, "list")) == 1
