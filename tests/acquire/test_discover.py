from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from digitizer.acquire.discover import files_in, natural_key, plan_import


def test_natural_order_puts_page_2_before_page_10() -> None:
    names = ["page-10.png", "page-2.png", "Page-1.png", "page-1a.png", "page-01b.png"]
    ordered = sorted(names, key=lambda name: natural_key(Path(name)))
    assert ordered == ["Page-1.png", "page-1a.png", "page-01b.png", "page-2.png", "page-10.png"]


@given(st.lists(st.integers(min_value=0, max_value=10**6), unique=True))
def test_numbered_names_sort_by_number(numbers: list[int]) -> None:
    names = [Path(f"scan-{n}.tif") for n in numbers]
    ordered = sorted(names, key=natural_key)
    assert [int(path.stem.split("-")[1]) for path in ordered] == sorted(numbers)


def test_folders_are_walked_recursively_skipping_hidden_files(inputs: Path) -> None:
    for name in [
        "b/page-10.png",
        "b/page-9.png",
        "a/page-1.png",
        ".hidden/x.png",
        "Thumbs.db",
        "a/.DS_Store",
        "c-1.png",
    ]:
        path = inputs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    found = [path.relative_to(inputs).as_posix() for path in files_in(inputs)]
    assert found == ["a/page-1.png", "b/page-9.png", "b/page-10.png", "c-1.png"]


def test_one_document_joins_each_folder(inputs: Path, tmp_path: Path) -> None:
    for name in ["hs-01/p2.png", "hs-01/p1.png", "hs-02/p1.png"]:
        (inputs / name).parent.mkdir(parents=True, exist_ok=True)
        (inputs / name).write_bytes(b"x")
    loose = tmp_path / "cover.png"
    loose.write_bytes(b"x")

    separate = plan_import([inputs, loose], one_document=False)
    assert [unit.title for unit in separate.units] == ["p1", "p2", "p1", "cover"]

    joined = plan_import(
        [inputs / "hs-01", inputs / "hs-02", loose, tmp_path / "nope"], one_document=True
    )
    assert [(unit.title, [f.name for f in unit.files]) for unit in joined.units] == [
        ("hs-01", ["p1.png", "p2.png"]),
        ("hs-02", ["p1.png"]),
        ("cover", ["cover.png"]),
    ]
    assert [error.code for error in joined.missing] == ["not-found"]


def test_titles_from_decomposed_file_names_are_composed(inputs: Path) -> None:
    import unicodedata

    path = inputs / (unicodedata.normalize("NFD", "Nghị quyết số 12") + ".png")
    path.write_bytes(b"x")
    (unit,) = plan_import([path], one_document=False).units
    assert unit.title == "Nghị quyết số 12"
    assert unicodedata.is_normalized("NFC", unit.title)
