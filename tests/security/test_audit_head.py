"""The audit log's head is kept where removing it shows: in the catalogue, and in the vault's key
file, authenticated under a key from the vault's data key at every unlock. Cutting entries off
the end — with the delete trigger dropped and the catalogue's head removed — makes `audit
verify` fail; so does a missing, malformed or forged head. Through the real command line."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.support import Result, run, run_json
from tests.e2e.test_secret_offline import secret_library
from tests.helpers.text_pages import text_page


@pytest.fixture
def used_library(tmp_path: Path) -> tuple[Path, Path]:
    """A library with a vault, a secret import (an unlock) and public work after it."""
    library, user = tmp_path / "library", tmp_path / "user"
    passphrase = secret_library(library, user)
    page = text_page(0, 2, heading="Kế hoạch").save(user / "page.png")
    key = ("--passphrase-file", passphrase)
    run_json(library, "import", page, "--classification", "SECRET", *key)
    run_json(library, "list", "--unlock", *key)
    return library, passphrase


def _sql(library: Path, *statements: str) -> None:
    with closing(sqlite3.connect(library / "catalog.sqlite3")) as db, db:
        for statement in statements:
            db.execute(statement)


def _key_file(library: Path) -> dict[str, object]:
    return dict(json.loads((library / "vault" / "vault.json").read_text(encoding="utf-8")))


def _write_key_file(library: Path, record: dict[str, object]) -> None:
    (library / "vault" / "vault.json").write_text(json.dumps(record), encoding="utf-8")


def _broken(result: Result) -> list[str]:
    assert result.returncode == 1, result.describe()
    assert "Traceback" not in result.stderr
    return [problem["message"] for problem in result.json()["problems"]]


def test_an_intact_log_verifies_with_and_without_the_key(used_library: tuple[Path, Path]) -> None:
    library, passphrase = used_library
    assert run_json(library, "audit", "verify")["ok"]
    assert run_json(library, "audit", "verify", "--unlock", "--passphrase-file", passphrase)["ok"]
    anchor = _key_file(library)["audit_head"]
    entries = run_json(library, "audit", "list")
    assert isinstance(anchor, dict)
    unlocks = [e["seq"] for e in entries if e["event"] == "vault-unlocked"]
    assert anchor["seq"] >= unlocks[-2]  # moved forward at an unlock after the first


def test_entries_cut_off_the_end_with_the_head_removed_are_found(
    used_library: tuple[Path, Path],
) -> None:
    library, _ = used_library
    last = run_json(library, "audit", "list")[-1]["seq"]
    _sql(
        library,
        "DROP TRIGGER audit_log_append_only_delete",
        f"DELETE FROM audit_log WHERE seq >= {last - 2}",
        "DELETE FROM settings WHERE key = 'audit.head'",
    )
    messages = _broken(run(library, "audit", "verify", "--json"))
    assert any("head (audit.head) is missing" in message for message in messages)
    assert any("last unlock of the vault" in message for message in messages)


def test_a_malformed_head_is_reported_not_a_traceback(used_library: tuple[Path, Path]) -> None:
    library, _ = used_library
    _sql(library, "UPDATE settings SET value = 'not-a-head' WHERE key = 'audit.head'")
    assert any("malformed" in m for m in _broken(run(library, "audit", "verify", "--json")))
    text = run(library, "audit", "verify")
    assert text.returncode == 1 and "Traceback" not in text.stderr


def test_a_removed_or_malformed_head_in_the_key_file_is_reported(
    used_library: tuple[Path, Path],
) -> None:
    library, _ = used_library
    record = _key_file(library)
    _write_key_file(library, {k: v for k, v in record.items() if k != "audit_head"})
    assert any("missing" in m for m in _broken(run(library, "audit", "verify", "--json")))
    _write_key_file(library, {**record, "audit_head": {"seq": "x"}})
    assert any("malformed" in m for m in _broken(run(library, "audit", "verify", "--json")))


def test_a_forged_head_in_the_key_file_is_found_with_the_key(
    used_library: tuple[Path, Path],
) -> None:
    """Cut the end off, and point both heads at the entry that is now last: without the key
    nothing shows; with it the key file's head fails its authentication."""
    library, passphrase = used_library
    entries = run_json(library, "audit", "list")
    keep = entries[-4]
    _sql(
        library,
        "DROP TRIGGER audit_log_append_only_delete",
        f"DELETE FROM audit_log WHERE seq > {keep['seq']}",
        f"UPDATE settings SET value = '{keep['seq']}:{keep['hash']}' WHERE key = 'audit.head'",
    )
    record = _key_file(library)
    anchor = record["audit_head"]
    assert isinstance(anchor, dict)
    forged = {**anchor, "seq": keep["seq"], "hash": keep["hash"]}
    _write_key_file(library, {**record, "audit_head": forged})
    assert run_json(library, "audit", "verify")["ok"]  # what the key alone can tell
    unlocked = ("--json", "--unlock", "--passphrase-file", passphrase)
    assert any("forged" in m for m in _broken(run(library, "audit", "verify", *unlocked)))
    # The unlock did not move the forged head forward over the break.
    assert any("forged" in m for m in _broken(run(library, "audit", "verify", *unlocked)))
