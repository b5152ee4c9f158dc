"""The record read through real OCR from 44 first pages drawn in the tests — Party and State,
every type name, four fonts, clean and degraded, numbers printed and left blank — as `show
--json` reports it: at least 95 % of the fields right. And a person's value survives a rerun of
`ocr` and of `describe --propose`."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from digitizer.records.scoring import score
from tests.e2e.support import command, run, run_json
from tests.records.drawing import PARTY_TYPES, STATE_TYPES, DrawnPage, save, suite

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]


@pytest.fixture(scope="module")
def recognised(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[Any]]]:
    library = tmp_path_factory.mktemp("drawn") / "library"
    folder = tmp_path_factory.mktemp("pages")
    pages = suite()
    for page in pages:
        save(page, folder)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "DIGITIZER_LIBRARY": str(library)}
    assert run(library, "init", env=env).returncode == 0
    assert run(library, "import", folder, env=env).returncode == 0
    # One OCR run for the whole suite, two pages at a time.
    completed = subprocess.run(
        command(library, "ocr", "--all", "--jobs", "2"),
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    yield library, pages


def _shown(library: Path, document: str) -> dict[str, Any]:
    value: dict[str, Any] = run_json(library, "show", document)
    return value


def test_the_suite_covers_what_archivists_meet() -> None:
    pages = suite()
    assert len(pages) >= 40
    names = {page.record["document_type"] for page in pages}
    wanted = {name.capitalize() for name, _ in PARTY_TYPES + STATE_TYPES if name} | {"Công văn"}
    assert {n.casefold() for n in wanted} <= {n.casefold() for n in names}
    assert {page.record["kind"] for page in pages} == {"party", "state"}
    assert any("symbol" in page.record for page in pages)  # numbers left blank
    assert any("issued_year" in page.record for page in pages)  # days left blank
    assert any(page.record.get("urgency") for page in pages)


def test_at_least_95_percent_of_the_fields_are_read_right(
    recognised: tuple[Path, list[DrawnPage]],
) -> None:
    library, pages = recognised
    documents = {entry["sources"][0]["name"]: entry for entry in _all_shown(library)}
    right = total = 0
    wrong: list[str] = []
    for page in pages:
        shown = documents[f"{page.name}.png"]
        results = score(page.record, shown)
        right += sum(results.values())
        total += len(results)
        wrong += [
            f"{page.name}.{name}: {shown.get(name)!r}" for name, ok in results.items() if not ok
        ]
        assert shown["proposed"], page.name  # unconfirmed until a person confirms
    assert total >= 40 * 10
    assert right / total >= 0.95, f"{right}/{total} right; wrong: {wrong}"


def _all_shown(library: Path) -> list[dict[str, Any]]:
    return [_shown(library, entry["document"]) for entry in run_json(library, "list")]


def test_a_persons_value_survives_a_rerun_of_ocr_and_of_describe_propose(
    recognised: tuple[Path, list[DrawnPage]],
) -> None:
    library, _ = recognised
    document = run_json(library, "list")[0]["document"]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    typed = run(
        library, "describe", document, "--type", "Tờ trình", "--signer", "Đặng Thị Mai", env=env
    )
    assert typed.returncode == 0, typed.describe()
    assert run(library, "ocr", "--all", "--jobs", "2", env=env).returncode == 0
    assert run(library, "describe", document, "--propose", env=env).returncode == 0
    shown = _shown(library, document)
    assert shown["document_type"] == "Tờ trình"
    assert shown["signer_name"] == "Đặng Thị Mai"
    assert "document_type" not in shown["proposed"]
    assert "signer_name" not in shown["proposed"]
    confirmed = run_json(library, "describe", document, "--confirm")
    assert confirmed["proposed"] == {}
