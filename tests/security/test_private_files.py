"""A library, and everything in it, is private to its owner: folders 0700, files 0600 or less,
internal copies too, and an existing library with looser modes is tightened when opened. RAM
folders that a killed run left are removed at the next start of the program. Through the real
command line; when the tests run as root, another account really tries to read."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

from tests.e2e.support import run, run_json
from tests.e2e.test_secret_offline import secret_library
from tests.helpers.text_pages import text_page

NOBODY = 65534


def _open_to_others(root: Path) -> list[str]:
    paths = [root, *root.rglob("*")]
    return [
        f"{path}: {oct(stat.S_IMODE(path.lstat().st_mode))}"
        for path in paths
        if not path.is_symlink() and path.lstat().st_mode & (stat.S_IRWXG | stat.S_IRWXO)
    ]


def _another_account_reads(path: Path) -> bool:
    """Whether the account `nobody` can read `path` (only answerable when running as root)."""
    result = subprocess.run(
        ["cat", str(path)], user=NOBODY, group=NOBODY, capture_output=True, check=False
    )
    return result.returncode == 0


def test_a_new_library_and_everything_in_it_is_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    library, user = home / "library", tmp_path / "user"
    passphrase = secret_library(library, user)
    key = ("--passphrase-file", passphrase)
    public = text_page(0, 2, heading="Thông báo").save(user / "public.png")
    secret = text_page(3, 2, heading="Kế hoạch").save(user / "secret.png")
    document = run_json(library, "import", public)["imported"][0]["document"]
    assert run_json(library, "ocr", document)["done"] == 1
    assert run_json(library, "search", "Thông báo")["total"] >= 1  # the index is on disk
    hidden = run_json(library, "import", secret, "--classification", "SECRET", *key)
    hidden_id = hidden["imported"][0]["document"]
    assert run_json(library, "ocr", hidden_id, *key)["done"] == 1
    copies = run_json(
        library, "export", hidden_id, "--format", "internal-pdf",
        "--purpose", "Báo cáo", "--out", user / "ban-sao.pdf", *key,
    )  # fmt: skip

    assert (library / "index").is_dir() and any((library / "index").iterdir())
    assert (library / "vault" / "objects").is_dir()
    assert _open_to_others(library) == []
    for path in copies["paths"]:
        assert stat.S_IMODE(Path(path).stat().st_mode) == 0o600
    if os.getuid() == 0:
        # Even with the folder opened up, another account is kept out by the files' own modes.
        library.chmod(0o755)
        assert not _another_account_reads(library / "catalog.sqlite3")
        assert not _another_account_reads(Path(copies["paths"][0]))


def test_an_existing_library_is_tightened_when_opened(tmp_path: Path) -> None:
    library = tmp_path / "library"
    assert run(library, "init").returncode == 0
    page = text_page(0, 1).save(tmp_path / "page.png")
    assert run(library, "import", page).returncode == 0
    for path in [library, *library.rglob("*")]:  # as an older version left it
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert _open_to_others(library) != []
    assert run(library, "list").returncode == 0
    assert _open_to_others(library) == []
    assert run(library, "verify").returncode == 0


def test_ram_folders_of_dead_processes_are_removed_at_every_start(tmp_path: Path) -> None:
    shm = Path("/dev/shm")
    finished = subprocess.Popen(["true"])  # a process that has ended: its id is free
    finished.wait()
    stale = shm / f"digitizer-{finished.pid}-left"
    stale.mkdir(mode=0o700)
    (stale / "page-1.png").write_bytes(b"secret page in flight")
    alive = shm / f"digitizer-{os.getpid()}-mine"
    alive.mkdir(mode=0o700)
    try:
        library = tmp_path / "library"
        assert run(library, "init").returncode == 0  # no secret work at all
        assert not stale.exists()
        assert alive.exists()  # a living process's folder stays
    finally:
        for folder in (stale, alive):
            for child in folder.glob("*"):
                child.unlink()
            if folder.exists():
                folder.rmdir()
