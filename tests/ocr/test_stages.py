"""Stage timings: one line per stage when DIGITIZER_STAGE_TIMES names a folder, nothing when it
does not (the variable is read when the process starts, so each case is its own process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ocr.stages import ENVIRONMENT_VARIABLE

PROGRAM = """
import time
from ocr.stages import note_start, stage
note_start("start")
with stage("outer"):
    with stage("inner"):
        sum(range(200_000))
"""


def _run(env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-c", PROGRAM], env=env, check=True, timeout=60)


def test_each_stage_is_written_with_its_wall_and_cpu_time(tmp_path: Path) -> None:
    _run({**os.environ, ENVIRONMENT_VARIABLE: str(tmp_path)})

    (written,) = tmp_path.glob("stages-*.jsonl")
    lines = [json.loads(line) for line in written.read_text().splitlines()]
    assert [line["stage"] for line in lines] == ["start", "inner", "outer"]
    inner, outer = lines[1], lines[2]
    assert 0 < inner["wall"] <= outer["wall"]
    assert inner["cpu"] >= 0 and outer["cpu"] >= inner["cpu"]
    assert lines[0]["wall"] > 0  # the time since the process started


def test_off_a_stage_is_one_shared_do_nothing_context(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != ENVIRONMENT_VARIABLE}
    done = subprocess.run(
        [sys.executable, "-c", "from ocr.stages import stage; print(stage('a') is stage('b'))"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    _run({**env, "TMPDIR": str(tmp_path)})

    assert done.stdout.strip() == "True"
    assert list(tmp_path.iterdir()) == []
