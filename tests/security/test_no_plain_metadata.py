"""What the library keeps about a secret document in plain text is ids, levels and counts: the
hot folder's record of its file forgets the file's name, the reason given for classifying it
and the purpose and destination of its internal copies are sealed in the audit log and the copy
register, and are shown again only with the vault unlocked. Through the real command line."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.support import run, run_json
from tests.e2e.test_secret_offline import secret_library
from tests.helpers.text_pages import text_page
from tests.security.support import catalogue_rows, files_under, where_found

FILE_WORD = "Zorbaxquil"  # in the scan's file name
REASON_WORD = "Quyxotlan"  # in the reason for classifying it
PURPOSE_WORD = "Vebrunoth"  # in the internal copies' purpose and file name


def test_a_secret_document_leaves_no_name_reason_or_purpose_in_plain_text(tmp_path: Path) -> None:
    library, user = tmp_path / "library", tmp_path / "user"
    passphrase = secret_library(library, user)
    key = ("--passphrase-file", passphrase)
    inbox = user / "inbox"
    inbox.mkdir()
    text_page(0, 2, heading="Báo cáo").save(inbox / f"ke-hoach-{FILE_WORD}.png")
    taken = run(library, "watch", inbox, "--once", "--settle", "0", "--json")
    assert taken.returncode == 0 and FILE_WORD in taken.stdout, taken.describe()
    rows = catalogue_rows(library, "SELECT documents FROM hot_folder_files")
    document = str(rows[0][0]).strip('[]"')
    assert run_json(library, "ocr", document)["done"] == 1

    classified = run(library, "classify", document, "SECRET", "--reason",
                     f"theo chỉ đạo về {REASON_WORD}", *key)  # fmt: skip
    assert classified.returncode == 0, classified.describe()
    outbox = user / "outbox"
    outbox.mkdir()
    copies = run_json(
        library, "export", document, "--format", "internal-pdf", "--purpose",
        f"Gửi đoàn {PURPOSE_WORD}", "--out", outbox / f"{PURPOSE_WORD}.pdf", *key,
    )  # fmt: skip
    assert len(copies["paths"]) == 1

    outside_vault = files_under(library, skip=[library / "vault"])
    for word in (FILE_WORD, REASON_WORD, PURPOSE_WORD):
        assert where_found(word, outside_vault) == [], word
    (record,) = catalogue_rows(library, "SELECT name, moved_to, sha256 FROM hot_folder_files")
    assert tuple(record) == ("", "", "")  # the file hash too: it would confirm a candidate file

    # Locked, the register and the log say that there is something sealed, and no more.
    (entry,) = run_json(library, "register")
    assert entry["purpose"] == "(sealed in the vault)" and entry["document"] == document
    assert run_json(library, "audit", "verify")["ok"]
    # Unlocked, they read as written.
    (entry,) = run_json(library, "register", "--unlock", *key)
    assert entry["purpose"] == f"Gửi đoàn {PURPOSE_WORD}"
    assert entry["destination"].endswith(f"{PURPOSE_WORD}.pdf")
    log = run_json(library, "audit", "list", "--unlock", *key)
    reasons = [e["details"].get("reason") for e in log if e["event"] == "classified"]
    assert reasons == [f"theo chỉ đạo về {REASON_WORD}"]
    copied = [e["details"] for e in log if e["event"] == "copied"]
    assert copied[0]["purpose"] == f"Gửi đoàn {PURPOSE_WORD}"
