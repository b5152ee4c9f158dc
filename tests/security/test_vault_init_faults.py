"""A `vault init` that fails part-way (the disk fills up while a key file is written, or the
catalogue cannot take the new key's note) leaves nothing behind: no key file, no copy, no
`vault.json.tmp`, no key check in the catalogue; a second try makes the vault."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from digitizer.security import audit
from digitizer.service import Workstation
from tests.security.support import catalogue_rows
from tests.security.vaults import PASSPHRASE, TEST_COST


def _fsync_failing_at(nth: int) -> tuple[Callable[[int], None], list[str]]:
    """`os.fsync`, except that the `nth` fsync of a `.tmp` file fails as on a full disk."""
    real = os.fsync
    seen: list[str] = []

    def fsync(fd: int) -> None:
        path = str(Path(f"/proc/self/fd/{fd}").readlink())
        if path.endswith(".tmp"):
            seen.append(path)
            if len(seen) == nth:
                raise OSError(errno.ENOSPC, "No space left on device", path)
        real(fd)

    return fsync, seen


def _nothing_left(library_path: Path) -> None:
    vault = library_path / "vault"
    assert not vault.exists() or sorted(p.name for p in vault.rglob("*")) == []
    assert catalogue_rows(library_path, "SELECT value FROM settings WHERE key LIKE 'vault.%'") == []
    events = catalogue_rows(library_path, "SELECT event FROM audit_log")
    assert ("vault-created",) not in events


@pytest.mark.parametrize("nth", [1, 2, 3])
def test_a_full_disk_while_a_key_file_is_written_leaves_no_vault(
    library_path: Path, monkeypatch: pytest.MonkeyPatch, nth: int
) -> None:
    """The 1st write is the key file's copy, the 2nd the key file, the 3rd the log's head."""
    station = Workstation(library_path)
    station.init()
    fsync, seen = _fsync_failing_at(nth)
    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError, match="No space left"):
        station.vault_init(PASSPHRASE, cost=TEST_COST)
    assert len(seen) == nth and Path(seen[-1]).name.startswith("vault.json")
    monkeypatch.undo()
    assert not station.vault_unlocked
    _nothing_left(library_path)

    station.vault_init(PASSPHRASE, cost=TEST_COST)
    assert station.vault_unlocked
    left = {p.name for p in (library_path / "vault").iterdir()}
    assert left - {"objects"} == {"vault.json", "vault.json.backup"}
    assert station.verify().ok and station.audit_verify().ok


def test_a_catalogue_that_refuses_the_key_note_leaves_no_vault(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    station = Workstation(library_path)
    station.init()
    real = audit.append

    def append(db: Any, event: str, **fields: Any) -> audit.AuditEntry:
        if event == audit.Event.VAULT_CREATED:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(db, event, **fields)

    monkeypatch.setattr(audit, "append", append)
    with pytest.raises(OSError, match="No space left"):
        station.vault_init(PASSPHRASE, cost=TEST_COST)
    monkeypatch.undo()
    _nothing_left(library_path)
    station.vault_init(PASSPHRASE, cost=TEST_COST)
    assert station.verify().ok and station.audit_verify().ok
