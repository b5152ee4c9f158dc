"""Passphrases: a guessable new one is refused, wrong ones make every next try wait longer (the
wait in the audit log), a PDF's password never stands on the command line, and a damaged sealed
record shows as damaged in `list` while the other documents are listed."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from digitizer.errors import WeakPassphrase, WrongPassphrase
from digitizer.library import Library
from digitizer.security import access
from digitizer.security.vault import check_passphrase
from tests.e2e.support import run, run_json
from tests.e2e.test_secret_offline import secret_library
from tests.helpers.text_pages import text_page
from tests.security.vaults import PASSPHRASE, TEST_COST


@pytest.mark.parametrize(
    "weak", ["aaaaaaaaaaaa", "123456789012", "qwertyuiopas", "matkhau12345", "passwordpassword"]
)
def test_a_guessable_passphrase_is_refused(weak: str) -> None:
    with pytest.raises(WeakPassphrase):
        check_passphrase(weak)


def test_a_weak_passphrase_is_refused_by_vault_init(tmp_path: Path) -> None:
    library = tmp_path / "library"
    assert run(library, "init").returncode == 0
    weak = tmp_path / "weak.txt"
    weak.write_text("aaaaaaaaaaaa\n", encoding="utf-8")
    refused = run(library, "vault", "init", "--passphrase-file", weak)
    assert refused.returncode == 1 and "[weak-passphrase]" in refused.stderr
    assert not (library / "vault" / "vault.json").exists()
    strong = tmp_path / "strong.txt"
    strong.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert run(library, "vault", "init", "--passphrase-file", strong).returncode == 0


def test_wrong_passphrases_make_each_next_try_wait_longer(library: Library) -> None:
    access.create_vault(library, PASSPHRASE, cost=TEST_COST)
    waited: list[float] = []
    for _ in range(4):
        with pytest.raises(WrongPassphrase):
            access.unlock(library, "không phải mật khẩu này", sleep=waited.append)
    assert waited == [1.0, 2.0, 4.0]  # the first try of all did not wait
    access.unlock(library, PASSPHRASE, sleep=waited.append)
    assert waited[-1] == 8.0  # the right passphrase waits too: a guesser cannot tell first
    with pytest.raises(WrongPassphrase):
        access.unlock(library, "sai lần nữa", sleep=waited.append)
    assert waited[-1] == 8.0  # after an unlock the count starts again (no new wait)
    refused = library.rows(
        "SELECT details FROM audit_log WHERE event = 'passphrase-refused' ORDER BY seq"
    )
    assert [row[0] for row in refused][:2] == [
        '{"attempt": 1, "waited_seconds": 0.0}',
        '{"attempt": 2, "waited_seconds": 1.0}',
    ]
    assert access.delay_after(40) == access.LONGEST_DELAY


def test_a_pdf_password_comes_from_a_file_or_the_environment(tmp_path: Path) -> None:
    import pikepdf

    locked = tmp_path / "locked.pdf"
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(locked, encryption=pikepdf.Encryption(user="mật-khẩu-pdf", owner="chủ"))
    library = tmp_path / "library"
    old_option = run(library, "import", locked, "--password", "mật-khẩu-pdf")
    assert old_option.returncode == 2  # no such option: it would show in the process list
    password = tmp_path / "pdf-password.txt"
    password.write_text("mật-khẩu-pdf\n", encoding="utf-8")
    imported = run_json(library, "import", locked, "--pdf-password-file", password)
    assert [item["pages"] for item in imported["imported"]] == [1]
    other = tmp_path / "other"
    env_run = run(other, "import", locked, "--json", env={"DIGITIZER_PDF_PASSWORD": "mật-khẩu-pdf"})
    assert env_run.returncode == 0, env_run.describe()


def test_a_damaged_record_shows_as_damaged_and_the_rest_are_listed(tmp_path: Path) -> None:
    library, user = tmp_path / "library", tmp_path / "user"
    passphrase = secret_library(library, user)
    key = ("--passphrase-file", passphrase)
    documents = []
    for number, title in enumerate(("Kế hoạch một", "Kế hoạch hai")):
        page = text_page(number, 1).save(user / f"p{number}.png")
        imported = run_json(library, "import", page, "--classification", "SECRET", *key)
        document = imported["imported"][0]["document"]
        assert run(library, "describe", document, "--title", title, *key).returncode == 0
        documents.append(document)
    with closing(sqlite3.connect(library / "catalog.sqlite3")) as db, db:
        (sealed,) = db.execute(
            "SELECT sealed FROM sealed_records WHERE document_id = ?", (documents[0],)
        ).fetchone()
        damaged = bytearray(sealed)
        damaged[-3] ^= 0x40
        db.execute(
            "UPDATE sealed_records SET sealed = ? WHERE document_id = ?",
            (bytes(damaged), documents[0]),
        )
    listed = run_json(library, "list", "--unlock", *key)
    titles = {item["document"]: item["title"] for item in listed}
    assert titles[documents[1]] == "Kế hoạch hai"
    assert titles[documents[0]].startswith("(damaged")
