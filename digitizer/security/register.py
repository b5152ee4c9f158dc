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


def add_copies(
    db: sqlite3.Connection,
    document_id: str,
    classification: Classification,
    copies: int,
    purpose: str,
    destination: Path,
) -> RegisterEntry:
    """Write the copies in the register, inside the caller's transaction."""
    at, operator = utc_now(), operator_name()
    cursor = db.execute(
        "INSERT INTO copy_register (document_id, classification, copies, purpose, operator, "
        "destination, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (document_id, classification.value, copies, purpose, operator, str(destination), at),
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
            row["purpose"],
            row["operator"],
            row["destination"],
            row["created_at"],
        )
        for row in rows
    ]
