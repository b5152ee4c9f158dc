"""Changing a document's classification.

A person sets any level, with a reason; lowering a level needs both. The stamp detector only
proposes, and a proposal only ever raises. Crossing into Mật or above moves the document's data
into the vault (or, with the vault locked, leaves it pending: guarded at once, sealed at the
next unlock); crossing back out moves it out again, which needs the vault. Every change is an
entry of the audit log, written in the transaction that makes the change.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from digitizer.errors import ClassificationRefused
from digitizer.library import Library
from digitizer.model import Classification
from digitizer.security import audit
from digitizer.security.records import is_sealed, private_text
from digitizer.security.sealing import seal_document, unseal_document
from digitizer.security.stamp import StampFinding

PERSON = "person"
STAMP = "stamp"


@dataclass(frozen=True)
class ClassificationChange:
    document_id: str
    before: Classification
    after: Classification
    by: str  # PERSON or STAMP
    reason: str
    sealed: bool  # the document's data is in the vault now
    pending: bool  # classified secret, sealed at the next unlock

    @property
    def changed(self) -> bool:
        return self.before is not self.after

    def as_json(self) -> dict[str, Any]:
        return {
            "document": self.document_id,
            "from": self.before.value,
            "to": self.after.value,
            "level": self.after.vietnamese_name,
            "by": self.by,
            "reason": self.reason,
            "sealed": self.sealed,
            "pending": self.pending,
        }


def classify(
    library: Library,
    document_id: str,
    level: Classification,
    *,
    reason: str,
    by: str = PERSON,
    evidence: dict[str, Any] | None = None,
) -> ClassificationChange:
    """Set the document's level; see the module's rules."""
    before = library.document(document_id).classification
    reason = reason.strip()
    if level is before:
        sealed = is_sealed(library, document_id)
        return ClassificationChange(
            document_id, before, level, by, reason, sealed, level.is_secret and not sealed
        )
    if level.rank < before.rank:
        if by != PERSON:
            raise ClassificationRefused(
                f"A stamp can only raise a document's level; {document_id} stays "
                f"{before.vietnamese_name}."
            )
        if not reason:
            raise ClassificationRefused(
                f"Lowering {document_id} from {before.vietnamese_name} to "
                f"{level.vietnamese_name} needs a reason (--reason)."
            )
    # Sealed whenever the key is at hand or would be asked for anyway (a person's change).
    secret = by == PERSON and (before.is_secret or level.is_secret) and library.sealer is not None
    # A person's reason may say what the document is about: sealed for a secret document.
    kept = private_text(library, secret, reason, audit.details_name(document_id))
    details = {"from": before.value, "to": level.value, "by": by, "reason": kept}
    details.update(evidence or {})

    def note(db: sqlite3.Connection) -> None:
        audit.append(db, audit.Event.CLASSIFIED, document_id=document_id, details=details)

    sealed = is_sealed(library, document_id)
    # A person's change asks for the passphrase if need be; a stamp found during OCR seals at
    # once only when the key is at hand, and otherwise leaves the document pending.
    can_seal = library.sealer is not None and (by == PERSON or library.sealer.unlocked)
    if level.is_secret and not sealed and can_seal:
        seal_document(library, document_id, level, within=note)
        sealed = True
    elif not level.is_secret and sealed:
        unseal_document(library, document_id, level, within=note)
        sealed = False
    else:
        # Between secret levels, below them, or into them with the vault locked (pending).
        with library.transaction() as db:
            db.execute(
                "UPDATE documents SET classification = ? WHERE id = ?", (level.value, document_id)
            )
            library.queue_for_index(document_id)
            if level.is_secret and not before.is_secret:
                library.queue_index_purge()
            note(db)
    return ClassificationChange(
        document_id, before, level, by, reason, sealed, level.is_secret and not sealed
    )


def propose(
    library: Library, document_id: str, finding: StampFinding
) -> ClassificationChange | None:
    """Apply the stamp detector's finding when it raises the document's level."""
    current = library.document(document_id).classification
    if finding.level.rank <= current.rank:
        return None
    return classify(
        library,
        document_id,
        finding.level,
        reason=f"stamp {finding.text!r} in the header of page 1",
        by=STAMP,
        evidence={"stamp": finding.as_json()},
    )
