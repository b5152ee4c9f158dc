"""Fixtures shared by the whole suite. Tests build their own input files; nothing here reads
`../shared`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from digitizer.library import Library
from tests.helpers import network_guard


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real per-user library."""
    monkeypatch.setenv("DIGITIZER_LIBRARY", str(tmp_path / "default-library"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("OMP_THREAD_LIMIT", "1")


@pytest.fixture(autouse=True)
def _no_network_connections() -> Iterator[None]:
    """The program never opens a network connection: a test whose code tries fails."""
    with network_guard.watching() as attempts:
        yield
    if attempts:
        pytest.fail("the test tried to open a network connection: " + "; ".join(attempts))


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    with Library.open(library_path, create=True) as opened:
        yield opened


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    return folder


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
