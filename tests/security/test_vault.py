"""The vault: AES-256-GCM under a key from the passphrase. A wrong passphrase is refused and
changes nothing; a flipped byte anywhere in a sealed object or record is reported, never
decrypted into garbage."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from digitizer.errors import (
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WrongPassphrase,
)
from digitizer.library import Library
from digitizer.library.verify import ProblemKind
from digitizer.model import Classification
from digitizer.security.crypto import DataKey, KdfParameters, Unauthentic, unwrap_key, wrap_key
from digitizer.security.vault import Vault
from digitizer.service import Workstation
from tests.security.support import catalogue_rows, import_page, snapshot
from tests.security.vaults import PASSPHRASE, TEST_COST

SECRET = Classification.SECRET
CONTENT_TABLES = (
    "documents",
    "sources",
    "pages",
    "page_texts",
    "objects",
    "vault_objects",
    "sealed_records",
    "copy_register",
    "settings WHERE key != 'audit.head'",  # the audit log's head moves with the log
)


def test_sealed_bytes_open_only_intact_under_their_own_name() -> None:
    key = DataKey(bytes(range(32)))
    sealed = key.seal(b"Nghi quyet mat", "object-a")
    assert b"Nghi quyet mat" not in sealed
    assert key.open(sealed, "object-a") == b"Nghi quyet mat"
    assert key.seal(b"Nghi quyet mat", "object-a") != sealed  # a fresh nonce every time
    with pytest.raises(Unauthentic):
        key.open(sealed, "object-b")
    for position in (0, 5, 20, len(sealed) - 1):
        flipped = bytearray(sealed)
        flipped[position] ^= 0x01
        with pytest.raises(Unauthentic):
            key.open(bytes(flipped), "object-a")
    with pytest.raises(Unauthentic):
        key.open(sealed[:-1], "object-a")
    with pytest.raises(Unauthentic):
        DataKey(bytes(32)).open(sealed, "object-a")


def test_the_data_key_unwraps_only_with_the_passphrase_key() -> None:
    kdf = KdfParameters.fresh(TEST_COST)
    wrapped = wrap_key(kdf.derive(PASSPHRASE), bytes(range(32)))
    assert unwrap_key(kdf.derive(PASSPHRASE), wrapped) == bytes(range(32))
    with pytest.raises(Unauthentic):
        unwrap_key(kdf.derive(PASSPHRASE + " "), wrapped)


def test_a_passphrase_typed_in_nfd_opens_a_vault_made_in_nfc(tmp_path: Path) -> None:
    import unicodedata

    Vault(tmp_path).create(PASSPHRASE, cost=TEST_COST)
    Vault(tmp_path).unlock(unicodedata.normalize("NFD", PASSPHRASE))


def test_creating_and_unlocking_refuse_what_they_must(tmp_path: Path) -> None:
    vault = Vault(tmp_path)
    with pytest.raises(VaultMissing):
        vault.unlock(PASSPHRASE)
    with pytest.raises(VaultError, match="at least 12"):
        vault.create("ngắn quá", cost=TEST_COST)
    assert not vault.exists()
    vault.create(PASSPHRASE, cost=TEST_COST)
    with pytest.raises(VaultExists):
        vault.create(PASSPHRASE, cost=TEST_COST)
    assert PASSPHRASE.encode() not in vault.key_file.read_bytes()


def _contents(library: Path) -> dict[str, list[tuple[object, ...]]]:
    return {
        table: sorted(catalogue_rows(library, f"SELECT * FROM {table}"), key=repr)
        for table in CONTENT_TABLES
    }


def test_a_wrong_passphrase_is_refused_and_changes_nothing(
    station: Workstation, library_path: Path, tmp_path: Path
) -> None:
    document_id = import_page(station, tmp_path / "in", 1, SECRET)
    before_files = snapshot(library_path / "vault") | snapshot(library_path / "objects")
    before_rows = _contents(library_path)
    before_audit = catalogue_rows(library_path, "SELECT count(*) FROM audit_log")[0][0]

    stranger = Workstation(library_path)
    stranger.passphrase_source = lambda: "không phải mật khẩu này"
    with pytest.raises(WrongPassphrase):
        stranger.document(document_id)
    with pytest.raises(WrongPassphrase):
        stranger.unlock("cũng không phải mật khẩu")

    assert not stranger.vault_unlocked
    assert snapshot(library_path / "vault") | snapshot(library_path / "objects") == before_files
    assert _contents(library_path) == before_rows
    # The only trace: the failed attempts, in the audit log.
    events = catalogue_rows(
        library_path, f"SELECT event FROM audit_log WHERE seq > {before_audit} ORDER BY seq"
    )
    assert events == [("passphrase-refused",), ("passphrase-refused",)]
    stranger.passphrase_source = lambda: PASSPHRASE
    assert stranger.document(document_id)[0].metadata.title == "page-1"


def _sealed_file(library_path: Path, sha256: str) -> Path:
    return library_path / "vault" / "objects" / sha256[:2] / sha256[2:]


def test_a_flipped_byte_in_a_sealed_object_is_reported_not_decrypted(
    station: Workstation, library_path: Path, tmp_path: Path
) -> None:
    document_id = import_page(station, tmp_path / "in", 1, SECRET)
    _, pages, _ = station.document(document_id)
    sha256 = pages[0].image_sha256
    sealed = _sealed_file(library_path, sha256)
    sealed.chmod(0o644)
    data = bytearray(sealed.read_bytes())
    data[len(data) // 2] ^= 0x40
    sealed.write_bytes(bytes(data))

    report = station.verify()
    assert [(p.kind, p.object) for p in report.problems] == [(ProblemKind.ALTERED, sha256)]
    assert "sealed" in report.problems[0].detail
    assert any(document_id in user for user in report.problems[0].used_by)

    with Library.open(library_path) as library:
        library.sealer = Vault(library_path).unlock(PASSPHRASE)
        with pytest.raises(VaultDamaged, match=sha256):
            library.read_object(sha256)
    with pytest.raises(VaultDamaged):
        station.internal_copy(document_id, tmp_path / "copy.pdf", 1, "kiểm tra")
    assert not (tmp_path / "copy.pdf").exists()


def test_a_sealed_file_put_under_another_name_does_not_open(
    station: Workstation, library_path: Path, tmp_path: Path
) -> None:
    first = import_page(station, tmp_path / "in", 1, SECRET)
    second = import_page(station, tmp_path / "in", 2, SECRET)
    a = station.document(first)[1][0].image_sha256
    b = station.document(second)[1][0].image_sha256
    target = _sealed_file(library_path, a)
    target.chmod(0o644)
    target.write_bytes(_sealed_file(library_path, b).read_bytes())
    with Library.open(library_path) as library:
        library.sealer = Vault(library_path).unlock(PASSPHRASE)
        with pytest.raises(VaultDamaged):
            library.read_object(a)
        assert library.read_object(b)  # the other one still opens


def test_a_flipped_byte_in_a_sealed_record_is_reported(
    station: Workstation, library_path: Path, tmp_path: Path
) -> None:
    document_id = import_page(station, tmp_path / "in", 1, SECRET)
    with closing(sqlite3.connect(library_path / "catalog.sqlite3")) as db:
        (sealed,) = db.execute(
            "SELECT sealed FROM sealed_records WHERE document_id = ?", (document_id,)
        ).fetchone()
        flipped = bytearray(sealed)
        flipped[-3] ^= 0x01
        db.execute("UPDATE sealed_records SET sealed = ?", (bytes(flipped),))
        db.commit()
    with pytest.raises(VaultDamaged, match=f"record:{document_id}"):
        station.document(document_id)


def test_locking_forgets_the_key_even_for_work_already_under_way(
    station: Workstation, library_path: Path, tmp_path: Path
) -> None:
    document_id = import_page(station, tmp_path / "in", 1, SECRET)
    key = Vault(library_path).unlock(PASSPHRASE)
    sha256 = station.document(document_id)[1][0].image_sha256
    with Library.open(library_path) as library:
        library.sealer = key
        assert library.read_object(sha256)
        key.forget()
        with pytest.raises(VaultLocked, match="locked"):
            library.read_object(sha256)
    station.lock()
    assert not station.vault_unlocked
    station.vault_idle_seconds = 0.0
    station.unlock(PASSPHRASE)
    assert station.lock_if_idle() and not station.vault_unlocked
