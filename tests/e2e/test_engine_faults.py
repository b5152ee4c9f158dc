"""OCR engines that crash, hang, run out of memory, and two OCR runs at once, each met by real
worker processes started by the real command line (the engine named through
DIGITIZER_OCR_ENGINE, see tests/helpers/fault_engines.py)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.e2e.support import command, query, run, run_json
from tests.helpers import fault_engines
from tests.helpers.text_pages import text_page

pytestmark = pytest.mark.slow
ENGINES = "tests.helpers.fault_engines"
# The fault engines live in tests/, which the installed package does not cover: the workers
# find them through the path.
REPOSITORY = str(Path(__file__).resolve().parents[2])


def _document(library_path: Path, inputs: Path, pages: int) -> None:
    scans = [
        text_page(first_line=n, line_count=3).save(inputs / f"trang-{n}.png")
        for n in range(1, pages + 1)
    ]
    run_json(library_path, "import", *scans, "--one-document")


def _engine_env(tmp_path: Path, engine: str, **more: str) -> dict[str, str]:
    return {
        **os.environ,
        "OMP_THREAD_LIMIT": "1",
        "DIGITIZER_OCR_ENGINE": f"{ENGINES}:{engine}",
        "PYTHONPATH": REPOSITORY,
        fault_engines.FAULT_FLAG: str(tmp_path / "fault-taken"),
        **more,
    }


def _texts(library_path: Path) -> set[int]:
    rows = query(library_path, "SELECT p.number FROM pages p JOIN page_texts t ON t.page_id = p.id")
    return {row[0] for row in rows}


def _processes_with(variable: str, value: str) -> list[int]:
    """Processes still running whose environment holds `variable=value` (the test's own)."""
    needle = f"{variable}={value}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environment = (entry / "environ").read_bytes()
        except OSError:
            continue
        if needle in environment.split(b"\0"):
            found.append(int(entry.name))
    return found


def test_a_crashing_engine_fails_its_pages_as_worker_died_and_a_rerun_finishes(
    library_path: Path, inputs: Path, tmp_path: Path
) -> None:
    _document(library_path, inputs, 4)
    env = _engine_env(tmp_path, "crashing")
    result = run(library_path, "ocr", "--all", "--jobs", "2", "--json", env=env)

    assert result.returncode == 1, result.describe()
    report = result.json()
    died = {failure["page"] for failure in report["failed"] if failure["code"] == "worker-died"}
    assert died and report["done"] + len(report["failed"]) == 4, report
    assert died.isdisjoint(_texts(library_path)), "a page whose worker died is marked done"
    rerun = run_json(library_path, "ocr", "--all")
    assert rerun["done"] == len(report["failed"]) and rerun["failed"] == []
    assert _texts(library_path) == {1, 2, 3, 4}


def test_a_hanging_engine_is_stopped_at_the_time_limit_and_leaves_no_process(
    library_path: Path, inputs: Path, tmp_path: Path
) -> None:
    _document(library_path, inputs, 3)
    env = _engine_env(tmp_path, "hanging")
    result = run(
        library_path, "ocr", "--all", "--jobs", "2", "--time-limit", "20", "--json", env=env
    )

    assert result.returncode == 1, result.describe()
    report = result.json()
    assert [failure["code"] for failure in report["failed"]] == ["ocr-failed"], report
    assert "its worker was stopped" in report["failed"][0]["message"]
    hung = report["failed"][0]["page"]
    # The page the other worker held when the pool was stopped went back and was read.
    assert report["done"] == 2 and _texts(library_path) == {1, 2, 3} - {hung}
    assert _processes_with(fault_engines.FAULT_FLAG, env[fault_engines.FAULT_FLAG]) == []
    assert query(library_path, "SELECT count(*) FROM page_claims") == [(0,)]


def test_an_engine_out_of_memory_fails_its_page_with_a_message_and_the_rest_go_on(
    library_path: Path, inputs: Path, tmp_path: Path
) -> None:
    _document(library_path, inputs, 3)
    env = _engine_env(tmp_path, "out_of_memory")
    result = run(library_path, "ocr", "--all", "--jobs", "2", "--json", env=env)

    assert result.returncode == 1, result.describe()
    report = result.json()
    assert len(report["failed"]) == 1, report
    failure = report["failed"][0]
    assert failure["code"] == "ocr-failed" and "out of memory" in failure["message"]
    assert report["done"] == 2 and failure["page"] not in _texts(library_path)


def test_an_unknown_engine_fails_each_page_with_a_message(
    library_path: Path, inputs: Path, tmp_path: Path
) -> None:
    _document(library_path, inputs, 1)
    env = {**os.environ, "DIGITIZER_OCR_ENGINE": f"{ENGINES}:no_such_engine"}
    result = run(library_path, "ocr", "--all", "--json", env=env)

    assert result.returncode == 1, result.describe()
    assert "no OCR engine" in result.json()["failed"][0]["message"]


def test_two_ocr_runs_at_once_divide_the_pages_and_read_each_once(
    library_path: Path, inputs: Path, tmp_path: Path
) -> None:
    pages = 6
    _document(library_path, inputs, pages)
    log = tmp_path / "engine.log"
    env = _engine_env(
        tmp_path, "slow", **{fault_engines.ENGINE_LOG: str(log), fault_engines.SLOW_SECONDS: "2"}
    )
    del env[fault_engines.FAULT_FLAG]
    line = command(library_path, "ocr", "--all", "--jobs", "2", "--json")
    started = [
        subprocess.Popen(line, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for _ in range(2)
    ]
    reports = []
    for process in started:
        stdout, stderr = process.communicate(timeout=240)
        assert "Traceback" not in stderr, stderr
        assert process.returncode == 0, stderr
        reports.append(json.loads(stdout))

    reads = log.read_text(encoding="utf-8").split()
    assert len(reads) == pages and len(set(reads)) == pages, "a page was read twice"
    assert sum(report["done"] for report in reports) == pages, reports
    assert _texts(library_path) == set(range(1, pages + 1))
    assert query(library_path, "SELECT count(*) FROM page_claims") == [(0,)]
