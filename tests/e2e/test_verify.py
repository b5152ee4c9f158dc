"""`verify` re-hashes the store and names every altered, missing and stray object."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.support import (
    catalogued_objects,
    make_writable,
    object_path,
    objects_on_disk,
    run,
    run_json,
    sha256_of,
)
from tests.helpers.pages import pdf_of_pages, write_image


@pytest.fixture
def filled_library(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A library with two page images and a two-page PDF; returns it and {file name: sha256}."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    files = [
        write_image(inputs / "scan-1.png", 1),
        write_image(inputs / "scan-2.png", 2),
        pdf_of_pages(inputs / "book.pdf", 2),
    ]
    library = tmp_path / "library"
    report = run_json(library, "import", inputs)
    assert len(report["imported"]) == 3
    return library, {file.name: sha256_of(file) for file in files}


def _problems(library: Path) -> list[dict[str, Any]]:
    report = run_json(library, "verify", expect=1)
    assert report["ok"] is False
    problems: list[dict[str, Any]] = report["problems"]
    return problems


def test_clean_library_verifies(filled_library: tuple[Path, dict[str, str]]) -> None:
    library, _ = filled_library
    result = run(library, "verify")
    assert result.returncode == 0, result.describe()
    assert "all intact" in result.stdout
    report = run_json(library, "verify")
    assert report["ok"] is True
    assert report["problems"] == []
    assert report["interrupted_imports"] == []
    # 2 images (page = original) + the PDF + its 2 rendered pages
    assert report["checked"] == 5 == len(catalogued_objects(library))
    assert objects_on_disk(library) == catalogued_objects(library)


def test_one_flipped_byte_is_reported_as_altered(
    filled_library: tuple[Path, dict[str, str]],
) -> None:
    library, hashes = filled_library
    sha = hashes["scan-2.png"]
    stored = object_path(library, sha)
    assert stored.stat().st_mode & 0o222 == 0, "stored objects should be read-only"
    make_writable(stored)
    data = bytearray(stored.read_bytes())
    data[len(data) // 2] ^= 0x01
    stored.write_bytes(bytes(data))

    result = run(library, "verify")
    assert result.returncode == 1, result.describe()
    assert sha in result.stdout
    assert "ALTERED" in result.stdout

    problems = _problems(library)
    assert [(p["kind"], p["object"]) for p in problems] == [("altered", sha)]
    used_by = problems[0]["used_by"]
    assert any("scan-2.png" in user for user in used_by)


def test_deleted_object_is_reported_as_missing(
    filled_library: tuple[Path, dict[str, str]],
) -> None:
    library, hashes = filled_library
    sha = hashes["book.pdf"]
    object_path(library, sha).unlink()

    result = run(library, "verify")
    assert result.returncode == 1, result.describe()
    assert sha in result.stdout
    assert [(p["kind"], p["object"]) for p in _problems(library)] == [("missing", sha)]


def test_stray_files_in_the_store_are_reported_as_orphaned(
    filled_library: tuple[Path, dict[str, str]],
) -> None:
    library, _ = filled_library
    folder = library / "objects" / "ab"
    folder.mkdir(exist_ok=True)
    hex_name = "cd" * 31  # looks like an object name, but no catalogue entry uses it
    (folder / hex_name).write_bytes(b"not in the catalogue")
    (folder / "notes.txt").write_text("left here by another program\n", encoding="utf-8")

    result = run(library, "verify")
    assert result.returncode == 1, result.describe()
    assert "ab" + hex_name in result.stdout
    problems = _problems(library)
    assert sorted((p["kind"], p["object"]) for p in problems) == [
        ("orphaned", "ab" + hex_name),
        ("orphaned", "abnotes.txt"),
    ]
