"""What the benchmarks (bench/import.py, bench/ocr.py) share besides their PDFs (bench/scans.py):
the commit they measure, and the working folder they run in.

Imported as `bench.common`: each script puts the repository root on sys.path when run as
`python bench/NAME.py`. Only the standard library here, so that importing it keeps the
benchmark's own process small.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def git_state() -> tuple[str, bool]:
    """The commit measured ("?" outside git) and whether tracked files have uncommitted changes
    (read-only)."""
    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    changed = subprocess.run(
        # Read-only: --no-optional-locks keeps status from refreshing git's index file.
        ["git", "--no-optional-locks", "-C", str(REPO), "status", "--porcelain", "-uno"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return commit or "?", bool(changed)


def add_workdir_argument(parser: argparse.ArgumentParser, holds: str) -> None:
    """`--workdir DIR`: where the run keeps `holds` (else in a temporary folder)."""
    parser.add_argument(
        "--workdir",
        type=Path,
        help=f"keep {holds} here (default: a temporary folder, removed afterwards)",
    )


def make_workdir(given: Path | None, prefix: str) -> Path:
    """The folder `--workdir` names, made if need be; else a new temporary folder named
    `prefix…`, which the caller removes unless told to keep it."""
    if given:
        folder = given.resolve()
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return Path(tempfile.mkdtemp(prefix=prefix))
