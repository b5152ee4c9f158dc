"""What an OCR worker started by the installed `digitizer` program loads: Python starts a
worker by running the program's script again, and the commands are not the worker's business
(the command line's modules took 0.1 s of every worker's start)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.support import run_json
from tests.helpers.probe_engines import MODULES_NOTE
from tests.helpers.text_pages import text_page

REPOSITORY = str(Path(__file__).resolve().parents[2])
PROGRAM = Path(sys.executable).parent / "digitizer"


@pytest.mark.skipif(not PROGRAM.is_file(), reason="the package's script is not installed")
def test_a_worker_of_the_installed_program_loads_no_command(
    library_path: Path, inputs: Path, tmp_path: Path
) -> None:
    scan = text_page(line_count=3).save(inputs / "trang.png")
    run_json(library_path, "import", scan)
    note = tmp_path / "modules.txt"
    env = {
        **os.environ,
        "OMP_THREAD_LIMIT": "1",
        "DIGITIZER_OCR_ENGINE": "tests.helpers.probe_engines:noting_modules",
        "PYTHONPATH": REPOSITORY,
        MODULES_NOTE: str(note),
    }

    done = subprocess.run(
        [str(PROGRAM), "--library", str(library_path), "ocr", "--all", "--jobs", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert done.returncode == 0, done.stderr
    (loaded,) = note.read_text(encoding="utf-8").splitlines()
    modules = set(loaded.split())
    assert "digitizer.pipeline.page_work" in modules
    assert not any(name.startswith("digitizer.cli.") for name in modules), sorted(modules)
