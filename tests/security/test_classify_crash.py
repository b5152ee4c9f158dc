"""`classify DOCUMENT SECRET` killed at every step (SIGKILL, through the real command line): the
next search without the passphrase finds none of the document's words, the on-disk index holds
none of them from then on, and the same command run again finishes the job."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.support import run, run_json
from tests.e2e.test_secret_offline import secret_library
from tests.helpers.text_pages import text_page
from tests.security.support import catalogue_rows, files_under, pages_indexed_with, where_found

WORD = "Zorbaxquil"  # a code name no dictionary has, in the title and on the page


@pytest.fixture(scope="module")
def recognised(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """A library with one public document whose title and recognised text hold WORD, in the
    index; returns the library, the passphrase file and the document."""
    root = tmp_path_factory.mktemp("classify-crash")
    library, user = root / "library", root / "user"
    passphrase = secret_library(library, user)
    page = text_page(0, 2, heading=f"Kế hoạch {WORD} năm nay").save(user / "page.png")
    document = run_json(library, "import", page)["imported"][0]["document"]
    assert run(library, "describe", document, "--title", f"Hồ sơ {WORD}").returncode == 0
    assert run_json(library, "ocr", document)["done"] == 1
    assert run_json(library, "search", WORD)["total"] == 1
    assert pages_indexed_with(WORD, library) == 1, "nothing to leak: bad fixture"
    return library, passphrase, document


def _classify(library: Path, passphrase: Path, document: str, kill_at: int, count: Path) -> int:
    env = {**os.environ, "KILL_AT_STEP": str(kill_at), "KILL_STEP_COUNT": str(count)}
    args = ["--library", str(library), "classify", document, "SECRET", "--reason", "Mật"]
    result = subprocess.run(
        [sys.executable, "-m", "tests.security.kill_steps", *args, "--passphrase-file", passphrase],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result.returncode


def test_classify_killed_at_every_step_leaves_no_secret_word_searchable(
    recognised: tuple[Path, Path, str], tmp_path: Path
) -> None:
    template, passphrase, document = recognised
    count = tmp_path / "steps"
    whole = tmp_path / "whole"
    shutil.copytree(template, whole)
    assert _classify(whole, passphrase, document, 0, count) == 0
    steps = int(count.read_text())
    assert steps >= 8  # seal, transactions, removals, audit, the index rebuild …
    assert where_found(WORD, files_under(whole, skip=[whole / "vault"])) == []
    assert pages_indexed_with(WORD, whole) == 0

    cut_after_commit = 0
    for kill_at in range(1, steps + 1):
        library = tmp_path / f"killed-{kill_at}"
        shutil.copytree(template, library)
        assert _classify(library, passphrase, document, kill_at, count) == -9, kill_at
        (level,) = catalogue_rows(library, "SELECT classification FROM documents")[0]
        if level == "SECRET":
            # Classified before the kill: the next search, without the passphrase, finds
            # nothing, and the index keeps nothing of it from then on.
            cut_after_commit += 1
            assert run_json(library, "search", WORD)["total"] == 0, kill_at
            assert pages_indexed_with(WORD, library) == 0, kill_at
        # The same command finishes what was cut off; the library is sound.
        rerun = run(library, "classify", document, "SECRET", "--reason", "Mật",
                    "--passphrase-file", passphrase)  # fmt: skip
        assert rerun.returncode == 0, rerun.describe()
        assert run(library, "verify").returncode == 0, kill_at
        assert run_json(library, "search", WORD)["total"] == 0
        assert where_found(WORD, files_under(library, skip=[library / "vault"])) == [], kill_at
        assert pages_indexed_with(WORD, library) == 0, kill_at
        shutil.rmtree(library)
    assert cut_after_commit >= 3  # the window between the commit and the index rebuild is hit
