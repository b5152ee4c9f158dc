from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import pytest

from digitizer.library.objects import ObjectStore, is_sha256, sha256_of_file


@pytest.fixture
def store(tmp_path: Path) -> ObjectStore:
    objects = ObjectStore(tmp_path / "objects")
    objects.create()
    return objects


def test_a_file_is_stored_byte_exact_under_its_sha256(store: ObjectStore, tmp_path: Path) -> None:
    data = bytes(range(256)) * 5000  # larger than one copy chunk
    source = tmp_path / "scan.bin"
    source.write_bytes(data)

    stored = store.add_file(source)

    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    assert stored.size == len(data)
    path = store.path_of(stored.sha256)
    assert path == store.root / stored.sha256[:2] / stored.sha256[2:]
    assert path.read_bytes() == data
    assert not stat.S_IMODE(path.stat().st_mode) & 0o222, "objects are read-only"


def test_storing_the_same_bytes_twice_keeps_one_object(store: ObjectStore) -> None:
    first = store.add_bytes(b"one page")
    second = store.add_bytes(b"one page")
    assert first == second
    assert list(store.iter_names()) == [first.sha256]


def test_a_file_that_changed_after_hashing_is_not_stored(
    store: ObjectStore, tmp_path: Path
) -> None:
    source = tmp_path / "page.png"
    source.write_bytes(b"before")
    expected = sha256_of_file(source)
    source.write_bytes(b"after, longer")

    with pytest.raises(ValueError, match="changed"):
        store.add_file(source, expected_sha256=expected)

    assert list(store.iter_names()) == []
    assert list((store.root / "tmp").iterdir()) == [], "no temporary file is left behind"


def test_adopting_a_made_file_moves_it_in(store: ObjectStore) -> None:
    work = store.temp_folder()
    made = work / "page-1.png"
    made.write_bytes(b"rendered page")
    sha = hashlib.sha256(b"rendered page").hexdigest()

    stored = store.adopt_file(made, sha)

    assert not made.exists()
    assert store.path_of(stored.sha256).read_bytes() == b"rendered page"


def test_object_names_are_recognised() -> None:
    assert is_sha256(hashlib.sha256(b"x").hexdigest())
    assert not is_sha256("ab" * 31)
    assert not is_sha256("zz" * 32)
