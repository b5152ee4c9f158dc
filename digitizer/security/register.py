"""The copy register (sổ quản lý sao, chụp tài liệu mật): one row for every internal copy made
of a document — which document, at what level, how many copies, why, by whom, when and where
they were written."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digitizer.library import Library
from digitizer.library.library import utc_now
from digitizer.model import Classification
from digitizer.security.audit import operator_name
from digitizer.security.records import SEALED_TEXT, private_text, readable_text


@dataclass(frozen=True)
class RegisterEntry:
    id: int
    document_id: str
    classification: Classification
    copies: int
    purpose: str
    operator: str
    destination: str
    created_at: str

    def as_json(self) -> dict[str, Any]:
        return {
            "entry": self.id,
            "document": self.document_id,
            "classification": self.classification.value,
            "level": self.classification.vietnamese_name,
            "copies": self.copies,
            "purpose": self.purpose,
            "operator": self.operator,
            "destination": self.destination,
            "at": self.created_at,
        }


def register_name(document_id: str) -> str:
    """What a secret document's register entries are sealed under."""
    return f"register:{document_id}"


def add_copies(
    library: Library,
    db: sqlite3.Connection,
    document_id: str,
    classification: Classification,
    copies: int,
    purpose: str,
    destination: Path,
) -> RegisterEntry:
    """Write the copies in the register, inside the caller's transaction; a secret document's
    purpose and destination are kept sealed."""
    at, operator = utc_now(), operator_name()
    secret, name = classification.is_secret, register_name(document_id)
    cursor = db.execute(
        "INSERT INTO copy_register (document_id, classification, copies, purpose, operator, "
        "destination, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            document_id,
            classification.value,
            copies,
            private_text(library, secret, purpose, name),
            operator,
            private_text(library, secret, str(destination), name),
            at,
        ),
    )
    return RegisterEntry(
        int(cursor.lastrowid or 0),
        document_id,
        classification,
        copies,
        purpose,
        operator,
        str(destination),
        at,
    )


def register_entries(library: Library, document_id: str | None = None) -> list[RegisterEntry]:
    """The register, oldest first; only one document's copies when `document_id` is given."""
    where, parameters = ("WHERE document_id = ?", (document_id,)) if document_id else ("", ())
    rows = library.rows(f"SELECT * FROM copy_register {where} ORDER BY id", parameters)
    return [
        RegisterEntry(
            int(row["id"]),
            row["document_id"],
            Classification(row["classification"]),
            int(row["copies"]),
            readable_text(library, row["purpose"], register_name(row["document_id"])),
            row["operator"],
            readable_text(library, row["destination"], register_name(row["document_id"])),
            row["created_at"],
        )
        for row in rows
    ]


def seal_entries(library: Library, db: sqlite3.Connection, document_id: str) -> None:
    """Seal the purposes and destinations of a document that became secret (inside the
    transaction that seals it)."""
    name = register_name(document_id)
    rows = db.execute(
        "SELECT id, purpose, destination FROM copy_register WHERE document_id = ?", (document_id,)
    ).fetchall()
    for row in rows:
        db.execute(
            "UPDATE copy_register SET purpose = ?, destination = ? WHERE id = ?",
            (
                _sealed_once(library, row["purpose"], name),
                _sealed_once(library, row["destination"], name),
                row["id"],
            ),
        )


def _sealed_once(library: Library, text: str, name: str) -> str:
    return text if text.startswith(SEALED_TEXT) else private_text(library, True, text, name)
