"""The SQLite catalogue: connection settings and schema migrations.

The catalogue is the source of truth of a library. It runs in WAL mode with foreign keys on, and
`PRAGMA user_version` holds the schema version; each migration in `migrations/NNNN_*.sql` moves it
up by one, inside a transaction.
"""

from __future__ import annotations

import sqlite3
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


def connect(path: Path) -> sqlite3.Connection:
    """Open the catalogue with the settings every connection must have."""
    connection = sqlite3.connect(path, timeout=30.0, isolation_level=None)
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA foreign_keys = ON")
    # What a secret document's move into the vault blanks is overwritten, not left in free pages.
    connection.execute("PRAGMA secure_delete = ON")
    # FULL: a committed row survives a power cut, so it never points at a lost object.
    connection.execute("PRAGMA synchronous = FULL")
    return connection


def schema_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the schema up to this program's version; return the version found before."""
    found = schema_version(connection)
    if found > SCHEMA_VERSION:
        raise LibraryNewerThanProgram(
            f"This library was written by a newer Digitizer (schema {found}; this program knows "
            f"up to {SCHEMA_VERSION}). Update the program to open it."
        )
    for number, script in MIGRATIONS[found:]:
        # executescript commits first, so the transaction is opened inside the script itself.
        try:
            connection.executescript(
                f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;"
            )
        except sqlite3.Error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    return found
