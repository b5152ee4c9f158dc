"""Collections group documents; the same bytes are stored once, whatever their name."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.e2e.support import objects_on_disk, run, run_json, sha256_of
from tests.helpers.pages import write_image

COLLECTION = "Hồ sơ số 12 – UBND xã"


def test_collection_option_groups_the_imported_documents(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    first = write_image(inputs / "to-1.png", 1)
    second = write_image(inputs / "to-2.png", 2)
    loose = write_image(tmp_path / "loose.png", 3)
    library = tmp_path / "library"

    grouped = run_json(library, "import", inputs, "--collection", COLLECTION)
    assert len(grouped["imported"]) == 2
    alone = run_json(library, "import", loose)
    assert len(alone["imported"]) == 1

    listed = run_json(library, "list")
    collections = {doc["title"]: doc["collection"] for doc in listed}
    assert collections == {first.stem: COLLECTION, second.stem: COLLECTION, loose.stem: None}
    in_collection = [doc["title"] for doc in listed if doc["collection"] == COLLECTION]
    assert in_collection == ["to-1", "to-2"]

    shown = run_json(library, "show", grouped["imported"][0]["document"])
    assert shown["collection"] == COLLECTION
    human = run(library, "show", grouped["imported"][0]["document"])
    assert f"collection      {COLLECTION}" in human.stdout


def test_same_bytes_under_another_name_are_a_duplicate(tmp_path: Path) -> None:
    original = write_image(tmp_path / "cong-van-15.png", 15)
    renamed = tmp_path / "copy of cong-van-15.png"
    shutil.copyfile(original, renamed)
    library = tmp_path / "library"

    first = run_json(library, "import", original, "--collection", "A")
    assert len(first["imported"]) == 1
    document = first["imported"][0]["document"]
    stored = objects_on_disk(library)
    assert stored == {sha256_of(original)}

    second = run(library, "import", renamed, "--collection", "B", "--json")
    assert second.returncode == 0, second.describe()
    report = second.json()
    assert report["imported"] == [] and report["failed"] == []
    assert report["duplicates"] == [{"source": str(renamed), "document": document}]
    human = run(library, "import", renamed)
    assert human.returncode == 0, human.describe()
    assert "Already in the library" in human.stdout and document in human.stdout

    listed = run_json(library, "list")
    assert [(doc["document"], doc["collection"]) for doc in listed] == [(document, "A")]
    assert objects_on_disk(library) == stored


def test_same_bytes_twice_in_one_batch_are_stored_once(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    original = write_image(inputs / "a.png", 1)
    shutil.copyfile(original, inputs / "b.png")
    other = write_image(inputs / "c.png", 2)
    library = tmp_path / "library"

    report = run_json(library, "import", inputs)
    assert [Path(item["source"]).name for item in report["imported"]] == ["a.png", "c.png"]
    document = report["imported"][0]["document"]
    assert report["duplicates"] == [{"source": str(inputs / "b.png"), "document": document}]
    assert len(run_json(library, "list")) == 2
    assert objects_on_disk(library) == {sha256_of(original), sha256_of(other)}

    # Made one document, the repeated page is not stored twice either.
    one = run_json(tmp_path / "library-2", "import", inputs, "--one-document")
    assert [item["pages"] for item in one["imported"]] == [2]
    assert [Path(d["source"]).name for d in one["duplicates"]] == ["b.png"]
