"""No file and no catalogue entry of the library names a secret page, original or word model by
its plaintext's SHA-256: someone holding a candidate file and the library, without the
passphrase, cannot confirm that the file is in it. Vaults from before keyed names are renamed
at the next unlock, and a kill at any instant of the renaming leaves every object findable.
Through the real command line; the test works out the plaintexts' hashes with the key."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from digitizer.errors import LibraryError
from digitizer.library import Library
from digitizer.library.library import IN_SECRET, OBJECTS_OF_DOCUMENTS
from digitizer.model import Classification
from digitizer.security.object_names import rename_references
from digitizer.security.records import SealedRecord, read_record, write_record
from digitizer.security.vault import Vault, VaultKey
from digitizer.service import Workstation
from tests.e2e.support import command, run, run_json
from tests.e2e.test_secret_offline import PASSPHRASE, secret_library
from tests.helpers.pages import pdf_of_pages
from tests.helpers.text_pages import text_page
from tests.security.support import catalogue_rows, files_under, import_page
from tests.security.vaults import PASSPHRASE as STATION_PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def _key(library: Path) -> VaultKey:
    return Vault(library).unlock(PASSPHRASE)


def _plaintext_hashes(library: Path, key: VaultKey) -> dict[str, str]:
    """Every sealed object's catalogue name → the SHA-256 of its plaintext."""
    hashes = {}
    for (name,) in catalogue_rows(library, "SELECT sha256 FROM vault_objects"):
        sealed = (library / "vault" / "objects" / str(name)[:2] / str(name)[2:]).read_bytes()
        hashes[str(name)] = hashlib.sha256(key.open(sealed, str(name))).hexdigest()
    return hashes


def _catalogue_dump(library: Path) -> str:
    uri = f"file:{library / 'catalog.sqlite3'}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        return "\n".join(connection.iterdump())


def _places_holding(library: Path, hashes: set[str]) -> list[str]:
    """Where any of `hashes` shows: a path under the library, a file's bytes (as text or as the
    raw digest), or the catalogue's dump."""
    found = []
    files = files_under(library)
    dump = _catalogue_dump(library)
    for sha256 in hashes:
        spellings = (sha256.encode(), sha256.upper().encode(), bytes.fromhex(sha256))
        found += [f"name {p}" for p in files if sha256[2:] in str(p.relative_to(library))]
        found += [f"bytes {p}" for p in files if any(s in p.read_bytes() for s in spellings)]
        found += ["catalogue"] if sha256 in dump.lower() else []
    return found


def test_a_secret_import_leaves_no_plaintext_hash_in_the_library(tmp_path: Path) -> None:
    library, user = tmp_path / "library", tmp_path / "user"
    passphrase = secret_library(library, user)
    key_args = ("--passphrase-file", passphrase)
    scan = text_page(0, 2, heading="Kế hoạch").save(user / "scan.png")
    pdf = pdf_of_pages(user / "two-pages.pdf", 2)
    imported = run_json(library, "import", scan, pdf, "--one-document", "--classification",
                        "SECRET", *key_args)  # fmt: skip
    document = imported["imported"][0]["document"]
    assert run_json(library, "ocr", document, *key_args)["done"] == 3

    key = _key(library)
    hashes = _plaintext_hashes(library, key)
    # Originals (2), page images (the scan is its own page, plus 2 from the PDF), word models (3)
    assert len(set(hashes.values())) >= 7
    plain = set(hashes.values()) | {hashlib.sha256(p.read_bytes()).hexdigest() for p in (scan, pdf)}
    assert _places_holding(library, plain) == []
    assert all(name == key.name_of(sha256) for name, sha256 in hashes.items())
    assert run(library, "verify").returncode == 0
    shown = run_json(library, "show", document, "--unlock", *key_args)
    assert "scan.png" in str(shown)  # the original's name comes back from the sealed record


def test_classifying_renames_and_declassifying_brings_back(tmp_path: Path) -> None:
    library, user = tmp_path / "library", tmp_path / "user"
    passphrase = secret_library(library, user)
    key_args = ("--passphrase-file", passphrase)
    scan = text_page(0, 3, heading="Tờ trình").save(user / "to-trinh.png")
    other = text_page(1, 3, heading="Thông báo").save(user / "thong-bao.png")
    document = run_json(library, "import", scan)["imported"][0]["document"]
    public = run_json(library, "import", other)["imported"][0]["document"]
    assert run_json(library, "ocr", document)["done"] == 1
    plain = {str(row[0]) for row in catalogue_rows(library, "SELECT sha256 FROM objects")}
    public_objects = {
        str(row[0])
        for row in catalogue_rows(
            library,
            OBJECTS_OF_DOCUMENTS.format(where="d.id = ?1").replace("?1", f"'{public}'"),
        )
    }

    raised = run(library, "classify", document, "SECRET", "--reason", "dấu MẬT", *key_args)
    assert raised.returncode == 0, raised.describe()
    assert _places_holding(library, plain - public_objects) == []
    assert run(library, "verify").returncode == 0

    lowered = run(library, "classify", document, "PUBLIC", "--reason", "giải mật", *key_args)
    assert lowered.returncode == 0, lowered.describe()
    back = {str(row[0]) for row in catalogue_rows(library, "SELECT sha256 FROM objects")}
    assert back == plain  # the same objects under their SHA-256 again, nothing left over
    assert catalogue_rows(library, "SELECT count(*) FROM vault_objects") == [(0,)]
    assert run(library, "verify").returncode == 0
    assert "to-trinh.png" in str(run_json(library, "show", document))


# --- vaults from before keyed names --------------------------------------------------------------


def _name_the_old_way(library_path: Path, key: VaultKey) -> int:
    """Turn a library's vault back into the way it was before keyed names: every sealed object
    named and bound by its plaintext's SHA-256 (also in the catalogue), every sealed record
    naming sources by their SHA-256. Returns how many objects."""
    with Library.open(library_path, writable=True) as library:
        library.sealer = key
        levels = f"SELECT id FROM documents WHERE classification IN {IN_SECRET}"
        secret = [str(row[0]) for row in library.rows(levels)]
        hashes = _plaintext_hashes(library_path, key)
        records = {d: read_record(library, d) for d in secret}
        with library.transaction() as db:
            for name, sha256 in hashes.items():
                data = library.open_sealed(name)
                sealed = key.seal(data, sha256)
                target = library.sealed.path_of(sha256)
                target.parent.mkdir(exist_ok=True)
                target.write_bytes(sealed)
                db.execute(
                    "INSERT INTO objects (sha256, size, media_type, created_at, plain) "
                    "SELECT ?, size, media_type, created_at, 0 FROM objects WHERE sha256 = ?",
                    (sha256, name),
                )
                db.execute(
                    "INSERT INTO vault_objects (sha256, sealed_sha256, sealed_size, created_at, "
                    "named_by_key) VALUES (?, ?, ?, '2025-01-01T00:00:00Z', 0)",
                    (sha256, hashlib.sha256(sealed).hexdigest(), len(sealed)),
                )
                rename_references(db, name, sha256, secret)
                db.execute("DELETE FROM vault_objects WHERE sha256 = ?", (name,))
                db.execute("DELETE FROM objects WHERE sha256 = ?", (name,))
            for document_id, record in records.items():
                assert record is not None
                names = {hashes.get(k, k): v for k, v in record.source_names.items()}
                write_record(library, db, document_id, SealedRecord(record.metadata, names))
        for name in hashes:
            library.sealed.path_of(name).unlink()
        library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return len(hashes)


def _old_style_library(tmp_path: Path) -> tuple[Path, Path, str, set[str]]:
    library, user = tmp_path / "library", tmp_path / "user"
    passphrase = secret_library(library, user)
    key_args = ("--passphrase-file", passphrase)
    scan = text_page(0, 2, heading="Công văn").save(user / "cong-van.png")
    imported = run_json(library, "import", scan, "--classification", "SECRET", *key_args)
    document = imported["imported"][0]["document"]
    assert run_json(library, "ocr", document, *key_args)["done"] == 1
    key = _key(library)
    plain = set(_plaintext_hashes(library, key).values())
    assert _name_the_old_way(library, key) == len(plain) >= 2
    return library, passphrase, document, plain


def test_an_old_vault_is_renamed_at_the_next_unlock(tmp_path: Path) -> None:
    library, passphrase, document, plain = _old_style_library(tmp_path)
    assert all((library / "vault" / "objects" / s[:2] / s[2:]).is_file() for s in plain)
    assert _places_holding(library, plain)  # the old names give every object away
    before = run(library, "verify")
    assert before.returncode == 1 and "plaintext's SHA-256" in before.stdout, before.describe()

    listed = run(library, "list", "--unlock", "--passphrase-file", passphrase)
    assert listed.returncode == 0 and "cong-van" in listed.stdout, listed.describe()

    assert _places_holding(library, plain) == []
    assert run(library, "verify").returncode == 0
    shown = run_json(library, "show", document, "--unlock", "--passphrase-file", passphrase)
    assert "cong-van.png" in str(shown)  # the old record's names still match their sources
    assert run(library, "verify", "--unlock", "--passphrase-file", passphrase).returncode == 0


def _run_killed(library: Path, passphrase: Path, kill_at: int, count: Path) -> int:
    env = {**os.environ, "KILL_AT_STEP": str(kill_at), "KILL_STEP_COUNT": str(count)}
    line = command(library, "list", "--unlock", "--passphrase-file", passphrase)
    line = [sys.executable, "-m", "tests.security.kill_steps", *line[3:]]
    return subprocess.run(line, env=env, cwd=ROOT, capture_output=True, check=False).returncode


def _every_object_findable(library_path: Path, key: VaultKey, plain: set[str]) -> None:
    with Library.open(library_path, writable=True) as library:  # recovery runs as it opens
        library.sealer = key
        used = library.rows(OBJECTS_OF_DOCUMENTS.format(where=f"d.classification IN {IN_SECRET}"))
        opened = {hashlib.sha256(library.read_object(str(row[0]))).hexdigest() for row in used}
    assert opened == plain


def test_a_kill_at_any_step_of_the_renaming_leaves_every_object_findable(tmp_path: Path) -> None:
    old, passphrase, _, plain = _old_style_library(tmp_path / "old")
    key = _key(old)
    count = tmp_path / "steps"
    library = tmp_path / "library"
    shutil.copytree(old, library)
    assert _run_killed(library, passphrase, 0, count) == 0
    steps = int(count.read_text())
    assert steps >= 3 * len(plain)  # a new file, a transaction, a removal for each object

    for kill_at in range(1, steps + 1):
        shutil.rmtree(library)
        shutil.copytree(old, library)
        assert _run_killed(library, passphrase, kill_at, count) == -9, kill_at
        _every_object_findable(library, key, plain)
        assert _run_killed(library, passphrase, 0, count) == 0, kill_at
        _every_object_findable(library, key, plain)
        assert _places_holding(library, plain) == [], kill_at
        assert run(library, "verify").returncode == 0, kill_at


def test_a_file_imported_public_and_secret_cannot_be_merged_under_one_name(
    station: Workstation, library_path: Path, tmp_path: Path
) -> None:
    """Imported secret, then (the vault locked, so unseen) imported again as public: raising
    the public copy would give two documents one original. Refused, and nothing changes."""
    secret = import_page(station, tmp_path / "in", 1, Classification.SECRET)
    station.lock()
    station.passphrase_source = None
    public = import_page(station, tmp_path / "in", 1)
    assert public != secret
    station.passphrase_source = lambda: STATION_PASSPHRASE
    before = _catalogue_dump(library_path)
    with pytest.raises(LibraryError, match="one document only"):
        station.classify(public, Classification.SECRET, "dấu MẬT")
    assert station.document(public)[0].classification is Classification.PUBLIC
    assert station.verify().ok
    assert _catalogue_dump(library_path).count('INSERT INTO "sources"') == before.count(
        'INSERT INTO "sources"'
    )
