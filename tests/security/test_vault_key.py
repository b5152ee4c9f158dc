"""The vault's key file is watched: a removed key file makes `verify` fail and `vault init`
refuse (a new key would lose every sealed document), the copy made beside it brings the vault
back, a key file of another vault is named as such, and records swapped between documents are
found when the vault is unlocked. All through the real command line."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from tests.e2e.support import run, run_json
from tests.e2e.test_secret_offline import secret_library
from tests.helpers.text_pages import text_page


def _secret_import(library: Path, user: Path, passphrase: Path, heading: str) -> str:
    page = text_page(0, 2, heading=heading).save(user / f"{len(heading)}-{heading[:4]}.png")
    key = ("--passphrase-file", passphrase)
    imported = run_json(library, "import", page, "--classification", "SECRET", *key)
    return str(imported["imported"][0]["document"])


def test_a_removed_key_file_fails_verify_and_vault_init_refuses(tmp_path: Path) -> None:
    library, user = tmp_path / "library", tmp_path / "user"
    passphrase = secret_library(library, user)
    document = _secret_import(library, user, passphrase, "Kế hoạch phòng thủ")
    key_file = library / "vault" / "vault.json"
    backup = library / "vault" / "vault.json.backup"
    kept, copy = (json.loads(path.read_text(encoding="utf-8")) for path in (key_file, backup))
    assert (copy["wrapped_key"], copy["key_check"]) == (kept["wrapped_key"], kept["key_check"])
    assert run(library, "verify").returncode == 0

    key_file.unlink()
    verified = run(library, "verify", "--json")
    assert verified.returncode == 1, verified.describe()
    kinds = [problem["kind"] for problem in verified.json()["problems"]]
    assert kinds == ["vault-key-missing"]
    assert "vault.json.backup" in verified.json()["problems"][0]["detail"]

    refused = run(library, "vault", "init", "--passphrase-file", passphrase)
    assert refused.returncode != 0
    assert "vault-key-missing" in refused.stderr and "Traceback" not in refused.stderr
    assert not key_file.exists()  # no new key was made over the sealed data
    locked = run(library, "show", document, "--passphrase-file", passphrase)
    assert locked.returncode != 0 and "vault-key-missing" in locked.stderr

    audit = run(library, "audit", "verify")
    assert audit.returncode == 1 and "key file is missing" in audit.stdout, audit.describe()

    shutil.copy(backup, key_file)  # what the message says to do
    assert run(library, "verify").returncode == 0
    assert run(library, "audit", "verify").returncode == 0  # the copy holds the head too
    shown = run(library, "show", document, "--passphrase-file", passphrase)
    assert shown.returncode == 0, shown.describe()


def test_a_key_file_of_another_vault_is_refused(tmp_path: Path) -> None:
    library, other, user = tmp_path / "library", tmp_path / "other", tmp_path / "user"
    passphrase = secret_library(library, user)
    secret_library(other, user)
    _secret_import(library, user, passphrase, "Kế hoạch phòng thủ")
    shutil.copy(other / "vault" / "vault.json", library / "vault" / "vault.json")

    verified = run(library, "verify", "--json")
    assert verified.returncode == 1
    assert [p["kind"] for p in verified.json()["problems"]] == ["vault-key-missing"]
    unlocked = run(library, "list", "--unlock", "--passphrase-file", passphrase)
    assert unlocked.returncode != 0 and "vault-key-missing" in unlocked.stderr


def test_a_damaged_key_file_is_reported_not_a_traceback(tmp_path: Path) -> None:
    library, user = tmp_path / "library", tmp_path / "user"
    passphrase = secret_library(library, user)
    _secret_import(library, user, passphrase, "Kế hoạch phòng thủ")
    (library / "vault" / "vault.json").write_text("{not json", encoding="utf-8")
    verified = run(library, "verify", "--json")
    assert verified.returncode == 1 and "Traceback" not in verified.stderr
    assert [p["kind"] for p in verified.json()["problems"]] == ["vault-key-damaged"]


def test_an_older_vault_gets_its_key_check_at_the_next_unlock(tmp_path: Path) -> None:
    library, user = tmp_path / "library", tmp_path / "user"
    passphrase = secret_library(library, user)
    _secret_import(library, user, passphrase, "Kế hoạch phòng thủ")
    key_file = library / "vault" / "vault.json"
    record = json.loads(key_file.read_text(encoding="utf-8"))
    del record["key_check"]
    key_file.write_text(json.dumps(record), encoding="utf-8")
    (library / "vault" / "vault.json.backup").unlink()
    with closing(sqlite3.connect(library / "catalog.sqlite3")) as db, db:
        db.execute("DELETE FROM settings WHERE key = 'vault.key_check'")

    assert run(library, "list", "--unlock", "--passphrase-file", passphrase).returncode == 0
    assert "key_check" in json.loads(key_file.read_text(encoding="utf-8"))
    assert (library / "vault" / "vault.json.backup").is_file()
    key_file.unlink()
    assert run(library, "verify").returncode == 1


def test_sealed_records_swapped_between_documents_are_found_when_unlocked(tmp_path: Path) -> None:
    library, user = tmp_path / "library", tmp_path / "user"
    passphrase = secret_library(library, user)
    first = _secret_import(library, user, passphrase, "Kế hoạch phòng thủ")
    second = _secret_import(library, user, passphrase, "Báo cáo quân số")
    with closing(sqlite3.connect(library / "catalog.sqlite3")) as db, db:
        rows = dict(db.execute("SELECT document_id, sealed FROM sealed_records").fetchall())
        for document, other in ((first, second), (second, first)):
            db.execute(
                "UPDATE sealed_records SET sealed = ? WHERE document_id = ?",
                (rows[other], document),
            )
    assert run(library, "verify").returncode == 0  # without the key the swap cannot be seen
    verified = run(library, "verify", "--json", "--unlock", "--passphrase-file", passphrase)
    assert verified.returncode == 1, verified.describe()
    altered = {p["object"] for p in verified.json()["problems"] if p["kind"] == "altered"}
    assert altered == {first, second}
