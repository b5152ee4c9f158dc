"""Two programs writing one library at once: each page is stored once, the second program
reports what the first took in as duplicates, and neither prints a traceback."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.e2e.support import command, query, run
from tests.helpers.pages import write_image

FILES = 12


def _at_once(*argument_lists: list[str]) -> list[subprocess.CompletedProcess[str]]:
    started = [
        subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for arguments in argument_lists
    ]
    finished = []
    for process in started:
        stdout, stderr = process.communicate(timeout=240)
        finished.append(
            subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
        )
    return finished


def test_two_imports_of_the_same_folder_at_once_store_each_file_once(
    library_path: Path, inputs: Path
) -> None:
    for number in range(1, FILES + 1):
        write_image(inputs / f"trang-{number}.png", number)
    # the library does not exist yet: both programs create it, and migrate it, at once
    line = command(library_path, "import", inputs, "--json")
    first, second = _at_once(line, line)

    reports = []
    for result in (first, second):
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode == 0, result.stderr
        reports.append(json.loads(result.stdout))
    imported = [Path(item["source"]).name for report in reports for item in report["imported"]]
    duplicates = [Path(item["source"]).name for report in reports for item in report["duplicates"]]
    assert sorted(imported) == sorted(f"trang-{n}.png" for n in range(1, FILES + 1))
    assert sorted(duplicates) == sorted(imported)
    assert query(library_path, "SELECT count(*) FROM documents") == [(FILES,)]
    assert query(library_path, "SELECT count(*) FROM pages") == [(FILES,)]
    assert run(library_path, "verify").returncode == 0
