"""The SQLite catalogue: connection settings and schema migrations.

The catalogue is the source of truth of a library. It runs in WAL mode with foreign keys on, and
`PRAGMA user_version` holds the schema version; each migration in `migrations/NNNN_*.sql` moves it
up by one, inside a transaction.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from digitizer.errors import LibraryNewerThanProgram


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("digitizer.library") / "migrations"
    scripts = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            scripts.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    scripts.sort()
    if [number for number, _ in scripts] != list(range(1, len(scripts) + 1)):
        raise RuntimeError("catalogue migrations must be numbered 0001, 0002, … without gaps")
    return scripts


MIGRATIONS = _migrations()
SCHEMA_VERSION = len(MIGRATIONS)


_BUSY_SECONDS = 30.0
"""How long a connection waits for another program's lock before it gives up."""


def connect(path: Path) -> sqlite3.Connection:
    """Open the catalogue with the settings every connection must have."""
    connection = sqlite3.connect(path, timeout=_BUSY_SECONDS, isolation_level=None)
    connection.row_factory = sqlite3.Row
    _use_wal(connection)
    connection.execute("PRAGMA foreign_keys = ON")
    # What a secret document's move into the vault blanks is overwritten, not left in free pages.
    connection.execute("PRAGMA secure_delete = ON")
    # FULL: a committed row survives a power cut, so it never points at a lost object.
    connection.execute("PRAGMA synchronous = FULL")
    return connection


def _use_wal(connection: sqlite3.Connection) -> None:
    """Switch the catalogue to write-ahead logging. When two programs create the same catalogue
    at once, SQLite answers the switch "locked" at once instead of waiting as it does for other
    statements: wait a little and try again, as long as any lock is waited for."""
    deadline = time.monotonic() + _BUSY_SECONDS
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def schema_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the schema up to this program's version; return the version found before.

    Each migration runs in a write transaction that first reads the version again, so two
    programs opening a new or old library at once apply each migration once."""
    found = schema_version(connection)
    _refuse_newer(found)
    for number, script in MIGRATIONS[found:]:
        connection.execute("BEGIN IMMEDIATE")
        try:
            current = schema_version(connection)
            _refuse_newer(current)
            if current < number:
                for statement in _statements(script):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {number}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    return found


def _refuse_newer(found: int) -> None:
    if found > SCHEMA_VERSION:
        raise LibraryNewerThanProgram(
            f"This library was written by a newer Digitizer (schema {found}; this program knows "
            f"up to {SCHEMA_VERSION}). Update the program to open it."
        )


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration script one by one (a trigger's body whole), without the
    comments and blank lines between them."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer
            buffer = ""
    if buffer.strip():
        raise RuntimeError(f"a migration ends in an unfinished statement: {buffer[:60]!r}")
