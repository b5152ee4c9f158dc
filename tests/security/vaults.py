"""A workstation whose library has a vault, for the tests of secret documents (core and window)."""

from __future__ import annotations

from pathlib import Path

from digitizer.security.vault import Vault
from digitizer.service import Workstation

PASSPHRASE = "mật khẩu của kho lưu trữ"
TEST_COST = 2**14
"""scrypt's N for test vaults: fast; the real default is 2^17."""


def vault_station(library_path: Path, *, locked: bool = True) -> Workstation:
    """A new library at `library_path` with a vault, locked unless told otherwise."""
    station = Workstation(library_path)
    station.init()
    station.vault_init(PASSPHRASE, cost=TEST_COST)
    if locked:
        station.lock()
    return station


def vault_file(library_path: Path, sha256: str) -> Path:
    """Where the vault keeps the object whose plaintext has this SHA-256: under its keyed name
    (worked out here with the passphrase)."""
    name = Vault(library_path).unlock(PASSPHRASE).name_of(sha256)
    return library_path / "vault" / "objects" / name[:2] / name[2:]


def plain_vault_file(library_path: Path, name: str) -> Path:
    """Where the vault would keep an object under `name` as it is (the way before keyed names)."""
    return library_path / "vault" / "objects" / name[:2] / name[2:]
