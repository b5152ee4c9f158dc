"""The audit log is append-only and hash-chained: `audit verify` passes on an untouched log and
names the entry that was edited, removed or reordered."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from itertools import pairwise
from typing import Any

import pytest

from digitizer.cli import main
from digitizer.library import Library
from digitizer.security import audit

EVENTS: list[tuple[str, str, dict[str, Any]]] = [
    (audit.Event.VAULT_CREATED, "", {}),
    (audit.Event.VAULT_UNLOCKED, "", {}),
    (audit.Event.CLASSIFIED, "abcd123456", {"from": "PUBLIC", "to": "SECRET", "reason": "dấu MẬT"}),
    (audit.Event.OPENED, "abcd123456", {"for": "show"}),
    (audit.Event.COPIED, "abcd123456", {"copies": 2, "purpose": "họp"}),
    (audit.Event.PASSPHRASE_REFUSED, "", {}),
]


@pytest.fixture
def logged(library: Library) -> Iterator[Library]:
    for event, document_id, details in EVENTS:
        audit.record(library, event, document_id=document_id, details=details)
    yield library


def tamper(library: Library, *statements: str) -> None:
    """Change the log behind the program's back (as someone with the file could)."""
    with closing(sqlite3.connect(library.root / "catalog.sqlite3")) as db:
        db.execute("DROP TRIGGER audit_log_append_only_update")
        db.execute("DROP TRIGGER audit_log_append_only_delete")
        for statement in statements:
            db.execute(statement)
        db.commit()


def test_an_untouched_log_verifies(logged: Library) -> None:
    report = audit.verify_log(logged)
    assert report.ok and report.entries == len(EVENTS)
    entries = audit.entries(logged)
    assert [e.event for e in entries] == [event for event, _, _ in EVENTS]
    assert entries[0].previous == audit.GENESIS
    assert all(b.previous == a.hash for a, b in pairwise(entries))
    assert entries[2].details["reason"] == "dấu MẬT"


def test_the_catalogue_refuses_to_edit_or_delete_entries(logged: Library) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        logged.db.execute("UPDATE audit_log SET operator = 'someone' WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        logged.db.execute("DELETE FROM audit_log WHERE seq = 2")


def test_an_edited_entry_is_named(logged: Library) -> None:
    tamper(logged, 'UPDATE audit_log SET details = \'{"for": "nothing"}\' WHERE seq = 4')
    report = audit.verify_log(logged)
    assert [p.seq for p in report.problems] == [4]
    assert "entry 4" in report.problems[0].message and "edited" in report.problems[0].message


def test_an_entry_edited_with_its_hash_recomputed_breaks_the_next_link(logged: Library) -> None:
    entry = audit.entries(logged)[2]
    details = '{"from": "PUBLIC", "reason": "", "to": "INTERNAL"}'
    forged = audit.entry_hash(
        entry.previous, 3, entry.at, entry.event, entry.operator, entry.document_id, details
    )
    tamper(logged, f"UPDATE audit_log SET details = '{details}', hash = '{forged}' WHERE seq = 3")
    report = audit.verify_log(logged)
    assert [p.seq for p in report.problems] == [4]
    assert "does not follow entry 3" in report.problems[0].message


def test_a_removed_entry_is_named(logged: Library) -> None:
    tamper(logged, "DELETE FROM audit_log WHERE seq = 3")
    report = audit.verify_log(logged)
    assert [p.seq for p in report.problems] == [3]
    assert "entry 3 was removed" in report.problems[0].message


def test_removed_last_entries_are_found(logged: Library) -> None:
    tamper(logged, "DELETE FROM audit_log WHERE seq >= 5")
    report = audit.verify_log(logged)
    assert [p.seq for p in report.problems] == [5]
    assert "last entries were removed" in report.problems[0].message


def test_reordered_entries_are_named(logged: Library) -> None:
    tamper(
        logged,
        "UPDATE audit_log SET seq = 100 WHERE seq = 2",
        "UPDATE audit_log SET seq = 2 WHERE seq = 3",
        "UPDATE audit_log SET seq = 3 WHERE seq = 100",
    )
    report = audit.verify_log(logged)
    # Both moved entries fail their hashes, and the next one no longer follows its neighbour.
    assert [p.seq for p in report.problems] == [2, 3, 4]
    assert all("moved" in p.message for p in report.problems[:2])
    assert "does not follow entry 3" in report.problems[2].message


def test_audit_verify_on_the_command_line(
    logged: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(logged.root)
    assert main(["--library", root, "audit", "verify"]) == 0
    assert "intact: 6 entries" in capsys.readouterr().out
    tamper(logged, "UPDATE audit_log SET operator = 'ai đó' WHERE seq = 5")
    assert main(["--library", root, "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "BROKEN at entry 5" in out and "edited" in out
    assert main(["--library", root, "audit", "verify", "--json"]) == 1
    assert '"entry": 5' in capsys.readouterr().out
