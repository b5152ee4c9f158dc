from __future__ import annotations

import multiprocessing
import sqlite3
import time
from pathlib import Path

import pytest

from digitizer.errors import LibraryNewerThanProgram, LibraryNotFound
from digitizer.library import Library
from digitizer.library.catalog import SCHEMA_VERSION, connect, migrate, schema_version


def test_a_new_library_has_the_current_schema_in_wal_mode(library_path: Path) -> None:
    with Library.open(library_path, create=True) as library:
        assert schema_version(library.db) == SCHEMA_VERSION
        assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert library.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert (library_path / "catalog.sqlite3").is_file()
    assert (library_path / "objects").is_dir()
    assert (library_path / "index").is_dir()


def test_opening_a_missing_library_says_how_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(LibraryNotFound, match=r"digitizer --library .* init"):
        Library.open(tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()


def test_a_library_from_a_newer_program_is_refused(library_path: Path) -> None:
    Library.open(library_path, create=True).close()
    connection = connect(library_path / "catalog.sqlite3")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()

    with pytest.raises(LibraryNewerThanProgram, match="newer Digitizer"):
        Library.open(library_path)


def test_a_catalogue_row_cannot_point_at_an_unknown_object(library: Library) -> None:
    with pytest.raises(sqlite3.IntegrityError), library.transaction() as db:
        db.execute(
            "INSERT INTO documents (id, import_state, import_key, created_at) "
            "VALUES ('doc1', 'importing', 'k', 'now')"
        )
        db.execute(
            "INSERT INTO sources (sha256, document_id, position, name, media_type, size, "
            "page_count, first_page) VALUES (?, 'doc1', 1, 'a.png', 'image/png', 1, 1, 1)",
            ("0" * 64,),
        )
    assert library.documents() == [], "the failed transaction left nothing behind"


def test_documents_are_found_by_a_unique_prefix_of_their_id(library: Library) -> None:
    with library.transaction() as db:
        for document_id in ("abcd111111", "abcd222222"):
            db.execute(
                "INSERT INTO documents (id, import_state, import_key, created_at) "
                "VALUES (?, 'complete', ?, 'now')",
                (document_id, document_id),
            )
    assert library.document("abcd1").id == "abcd111111"
    assert library.document("ABCD222222").id == "abcd222222"
    with pytest.raises(Exception, match="More than one"):
        library.document("abcd")
    with pytest.raises(Exception, match="No document"):
        library.document("zzzz")


def test_settings_are_kept_across_openings(library_path: Path) -> None:
    with Library.open(library_path, create=True) as library:
        assert library.get_setting("qr.url_template", "none") == "none"
        library.set_setting("qr.url_template", "https://example.gov.vn/tai-lieu/{id}")
        library.set_setting("qr.url_template", "https://example.gov.vn/tl/{id}")
    with Library.open(library_path) as library:
        assert library.get_setting("qr.url_template") == "https://example.gov.vn/tl/{id}"


def _open_at(path: Path, moment: float) -> str:
    """Create or open the catalogue at `path` at the wall-clock `moment`: '' or the error."""
    while time.time() < moment:
        pass
    try:
        connection = connect(path)
        migrate(connection)
        connection.close()
    except sqlite3.Error as error:
        return str(error)
    return ""


def test_two_programs_creating_one_catalogue_at_the_same_instant_both_open_it(
    tmp_path: Path,
) -> None:
    """Switching a new catalogue to WAL while another program does the same is answered
    "database is locked" at once, without SQLite's usual wait (in more than half the tries)."""
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        for attempt in range(12):
            path = tmp_path / f"catalogue-{attempt}.sqlite3"
            moment = time.time() + 0.2
            errors = pool.starmap(_open_at, [(path, moment), (path, moment)])
            assert errors == ["", ""], f"try {attempt}: {errors}"
            with connect(path) as connection:
                assert schema_version(connection) == SCHEMA_VERSION
