"""Exit codes, messages and where the library is taken from."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.support import run, run_json
from tests.helpers.pages import write_image


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("import",), id="import-without-a-path"),
        pytest.param(("import", "scan.png", "--no-such-option"), id="unknown-option"),
        pytest.param(("list", "--bogus"), id="unknown-option-of-list"),
        pytest.param(("frobnicate",), id="unknown-command"),
        pytest.param((), id="no-command"),
        pytest.param(("show",), id="show-without-a-document"),
        pytest.param(("import", "scan.png", "--max-pixels", "0"), id="max-pixels-zero"),
        pytest.param(("import", "scan.png", "--max-pixels", "many"), id="max-pixels-not-a-number"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    library = tmp_path / "library"
    result = run(library, *args, cwd=tmp_path)
    assert result.returncode == 2, result.describe()
    assert "usage:" in result.stderr
    assert result.stdout == ""
    assert not library.exists(), "a usage error must not create the library"


def test_show_of_an_unknown_document_fails_with_a_message(tmp_path: Path) -> None:
    library = tmp_path / "library"
    assert run(library, "init").returncode == 0
    result = run(library, "show", "zzzz9999")
    assert result.returncode == 1, result.describe()
    assert "zzzz9999" in result.stderr
    assert "[document-not-found]" in result.stderr
    assert result.stdout == ""


def test_list_of_a_library_that_does_not_exist_fails_clearly(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "library"
    result = run(missing, "list")
    assert result.returncode == 1, result.describe()
    assert f"No library at {missing}" in result.stderr
    assert "[library-not-found]" in result.stderr
    assert not missing.exists() and not missing.parent.exists(), "list must not create it"


def test_import_of_a_path_that_does_not_exist_fails_with_not_found(tmp_path: Path) -> None:
    result = run(tmp_path / "library", "import", tmp_path / "absent.png", "--json")
    assert result.returncode == 1, result.describe()
    report = result.json()
    assert report["imported"] == []
    assert [(f["code"], f["source"]) for f in report["failed"]] == [
        ("not-found", str(tmp_path / "absent.png"))
    ]


def test_library_variable_is_used_when_no_option_is_given(tmp_path: Path) -> None:
    scan = write_image(tmp_path / "scan.png", 1)
    from_variable = tmp_path / "from-variable"
    env = {**os.environ, "DIGITIZER_LIBRARY": str(from_variable)}

    imported = run(None, "import", scan, "--json", env=env, cwd=tmp_path)
    assert imported.returncode == 0, imported.describe()
    document = imported.json()["imported"][0]["document"]
    assert (from_variable / "catalog.sqlite3").is_file()

    listed = run(None, "list", "--json", env=env, cwd=tmp_path)
    assert listed.returncode == 0, listed.describe()
    assert [doc["document"] for doc in listed.json()] == [document]
    # The option wins over the variable.
    other = tmp_path / "other"
    assert run(other, "init", env=env).returncode == 0
    assert run_json(other, "list") == []


def test_library_option_works_before_and_after_the_command(tmp_path: Path) -> None:
    scan = write_image(tmp_path / "scan.png", 1)
    library = tmp_path / "library"

    before = run(None, "--library", library, "import", scan, "--json")
    assert before.returncode == 0, before.describe()
    document = before.json()["imported"][0]["document"]

    after = run(None, "list", "--json", "--library", library)
    assert after.returncode == 0, after.describe()
    assert [doc["document"] for doc in after.json()] == [document]

    shown = run(None, "show", document, "--library", library, "--json")
    assert shown.returncode == 0, shown.describe()
    assert shown.json()["document"] == document

    # Neither form fell back on the default library of the environment.
    assert not Path(os.environ["DIGITIZER_LIBRARY"]).exists()


def test_a_library_folder_that_cannot_be_written_is_a_message_not_a_traceback(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    scan = write_image(tmp_path / "scan.png", 1)
    result = run(blocker / "library", "import", scan)  # run() fails on any traceback
    assert result.returncode == 1, result.describe()
    assert "a-file" in result.stderr, result.describe()
    assert not (blocker / "library").exists()
