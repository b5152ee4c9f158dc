"""A library with a vault on a machine that the network guard sees as offline (fabricated
routing tables), and a workstation that knows the passphrase."""

from __future__ import annotations

from pathlib import Path

import pytest

from digitizer.service import Workstation
from tests.security.routes import RouteTables, fabricated_routes
from tests.security.vaults import PASSPHRASE, vault_station


@pytest.fixture
def routes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RouteTables:
    return fabricated_routes(tmp_path / "proc-net", monkeypatch)


@pytest.fixture
def station(library_path: Path, routes: RouteTables) -> Workstation:
    """A library with a vault, locked, and the passphrase at hand when asked for."""
    station = vault_station(library_path)
    station.passphrase_source = lambda: PASSPHRASE
    return station
