"""A library with a vault on a machine that the network guard sees as offline (fabricated
routing tables), and a workstation that knows the passphrase."""

from __future__ import annotations

from pathlib import Path

import pytest

from digitizer.service import Workstation
from tests.security.routes import RouteTables, fabricated_routes

PASSPHRASE = "mật khẩu của kho lưu trữ"
TEST_COST = 2**14
"""scrypt's N for test vaults: fast; the real default is 2^17."""


@pytest.fixture
def routes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RouteTables:
    return fabricated_routes(tmp_path / "proc-net", monkeypatch)


@pytest.fixture
def station(library_path: Path, routes: RouteTables) -> Workstation:
    """A library with a vault, locked, and the passphrase at hand when asked for."""
    station = Workstation(library_path)
    station.init()
    station.vault_init(PASSPHRASE, cost=TEST_COST)
    station.lock()
    station.passphrase_source = lambda: PASSPHRASE
    return station
