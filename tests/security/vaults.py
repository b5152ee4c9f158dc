"""A workstation whose library has a vault, for the tests of secret documents (core and window)."""

from __future__ import annotations

from pathlib import Path

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
