"""The audit log: who unlocked the vault, changed a classification, opened or copied a secret
document, gave a wrong passphrase, declared the isolated LAN — append-only and hash-chained.

Each entry's hash is the SHA-256 of its own fields and the previous entry's hash, so editing,
removing or reordering any entry breaks the chain at that entry, which `verify_log` names.
Triggers in the catalogue refuse UPDATE and DELETE on the table, and the newest entry's number
and hash are kept beside it (`audit.head`), so cutting entries off the end shows too. The log
holds ids, levels and reasons, never a secret document's content.
"""

from __future__ import annotations

import dataclasses
import getpass
import hashlib
import hmac
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from digitizer.library import Library
from digitizer.library.library import utc_now

GENESIS = "0" * 64
"""The `previous` of the first entry."""
HEAD_SETTING = "audit.head"


class Event:
    """The kinds of entries."""

    VAULT_CREATED = "vault-created"
    VAULT_UNLOCKED = "vault-unlocked"
    PASSPHRASE_REFUSED = "passphrase-refused"
    CLASSIFIED = "classified"
    SEALED = "sealed"
    UNSEALED = "unsealed"
    IMPORTED = "imported"
    OPENED = "opened"
    SEARCHED = "searched"
    COPIED = "copied"
    ISOLATED_LAN = "isolated-lan"


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    event: str
    operator: str
    document_id: str
    details: dict[str, Any]
    previous: str
    hash: str

    def as_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at,
            "event": self.event,
            "operator": self.operator,
            "document": self.document_id or None,
            "details": self.details,
            "hash": self.hash,
        }


@dataclass(frozen=True)
class AuditProblem:
    seq: int
    message: str


@dataclass
class AuditReport:
    entries: int = 0
    problems: list[AuditProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "problems": [{"entry": p.seq, "message": p.message} for p in self.problems],
        }


def operator_name() -> str:
    """The person at the workstation, as the operating system knows them."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def entry_hash(
    previous: str, seq: int, at: str, event: str, operator: str, document_id: str, details: str
) -> str:
    payload = json.dumps(
        [previous, seq, at, event, operator, document_id, details],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    db: sqlite3.Connection,
    event: str,
    *,
    document_id: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add an entry inside the caller's open transaction (so it stands or falls with the change
    it records)."""
    row = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, previous = (int(row[0]) + 1, str(row[1])) if row else (1, GENESIS)
    at, operator = utc_now(), operator_name()
    text = json.dumps(details or {}, ensure_ascii=False, sort_keys=True)
    digest = entry_hash(previous, seq, at, event, operator, document_id, text)
    db.execute(
        "INSERT INTO audit_log (seq, at, event, operator, document_id, details, previous, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, event, operator, document_id, text, previous, digest),
    )
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (HEAD_SETTING, f"{seq}:{digest}"),
    )
    return AuditEntry(seq, at, event, operator, document_id, details or {}, previous, digest)


def record(
    library: Library,
    event: str,
    *,
    document_id: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add an entry in a transaction of its own."""
    with library.transaction() as db:
        return append(db, event, document_id=document_id, details=details)


def details_name(document_id: str) -> str:
    """What the free text of a secret document's entries (reasons, purposes, paths) is sealed
    under (see `records.private_text`)."""
    return f"audit:{document_id}"


def entries(library: Library, *, limit: int | None = None) -> list[AuditEntry]:
    """The log, oldest first (the newest `limit` entries when given); sealed details opened
    when the vault is unlocked, else shown as sealed."""
    from digitizer.security.records import readable_text

    rows = library.rows(
        "SELECT * FROM (SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?) ORDER BY seq",
        (-1 if limit is None else limit,),
    )
    found = []
    for row in rows:
        entry = _entry(row)
        name = details_name(entry.document_id)
        details = {
            key: readable_text(library, value, name) if isinstance(value, str) else value
            for key, value in entry.details.items()
        }
        found.append(dataclasses.replace(entry, details=details))
    return found


@dataclass(frozen=True)
class Anchor:
    """The log's newest entry as it stood at an unlock, kept in the vault's key file and
    authenticated under a key from the vault's data key: cutting entries off the end and
    removing the catalogue's head no longer hides, and forging it needs the key."""

    seq: int
    hash: str
    mac: str

    @classmethod
    def make(cls, seq: int, digest: str, key: bytes) -> Anchor:
        return cls(seq, digest, _anchor_mac(seq, digest, key))

    def authentic(self, key: bytes) -> bool:
        return hmac.compare_digest(self.mac, _anchor_mac(self.seq, self.hash, key))

    def as_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash, "mac": self.mac}

    @classmethod
    def from_json(cls, value: object) -> Anchor:
        """The anchor; ValueError when it is not one."""
        if not isinstance(value, dict):
            raise ValueError("not an object")
        seq, digest, mac = value.get("seq"), value.get("hash"), value.get("mac")
        if not isinstance(seq, int) or not isinstance(digest, str) or not isinstance(mac, str):
            raise ValueError("a field is missing or of the wrong type")
        return cls(seq, digest, mac)


ANCHOR_KEY = "audit head"
"""The label of the key (derived from the vault's data key) that authenticates anchors."""


def _anchor_mac(seq: int, digest: str, key: bytes) -> str:
    return hmac.new(key, f"{seq}:{digest}".encode(), hashlib.sha256).hexdigest()


def newest(library: Library) -> tuple[int, str] | None:
    """The newest entry's number and hash (None for an empty log)."""
    rows = library.rows("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
    return (int(rows[0][0]), str(rows[0][1])) if rows else None


def holds(library: Library, anchor: Anchor) -> bool:
    rows = library.rows("SELECT hash FROM audit_log WHERE seq = ?", (anchor.seq,))
    return bool(rows) and str(rows[0][0]) == anchor.hash


def verify_log(
    library: Library,
    anchor: Anchor | None = None,
    *,
    anchor_expected: bool = False,
    anchor_key: bytes | None = None,
    anchor_error: str = "",
) -> AuditReport:
    """Walk the chain; report each entry that was edited, removed or put out of order, a
    missing or malformed head, and an end that falls short of the vault's `anchor` (checked
    against `anchor_key` when the vault is unlocked; `anchor_expected`: the vault keeps one)."""
    report = AuditReport()
    expected_seq, expected_previous = 1, GENESIS
    last_hash = GENESIS
    for row in library.rows("SELECT * FROM audit_log ORDER BY seq"):
        seq = int(row["seq"])
        report.entries += 1
        if seq > expected_seq:
            missing = f"{expected_seq}" if seq == expected_seq + 1 else f"{expected_seq}–{seq - 1}"
            report.problems.append(
                AuditProblem(expected_seq, f"entry {missing} was removed (the log jumps to {seq})")
            )
        computed = entry_hash(
            row["previous"],
            seq,
            row["at"],
            row["event"],
            row["operator"],
            row["document_id"],
            row["details"],
        )
        if computed != row["hash"]:
            report.problems.append(
                AuditProblem(
                    seq,
                    f"entry {seq} ({row['event']}, {row['at']}) was edited or moved: it no "
                    "longer matches its hash",
                )
            )
        elif row["previous"] != expected_previous and seq == expected_seq:
            report.problems.append(
                AuditProblem(
                    seq,
                    f"entry {seq} ({row['event']}, {row['at']}) does not follow entry {seq - 1}: "
                    "entries were removed or reordered",
                )
            )
        expected_seq, expected_previous = seq + 1, str(row["hash"])
        last_hash = str(row["hash"])
    _check_head(library, report, expected_seq - 1, last_hash)
    _check_anchor(library, report, anchor, anchor_expected, anchor_key, anchor_error)
    return report


def _check_head(library: Library, report: AuditReport, last_seq: int, last_hash: str) -> None:
    """The catalogue's note of the newest entry, against the log's end."""
    head = library.get_setting(HEAD_SETTING)
    if not head:
        if report.entries:
            report.problems.append(
                AuditProblem(
                    last_seq,
                    f"the log's head ({HEAD_SETTING}) is missing: entries after {last_seq} may "
                    "have been cut off the end",
                )
            )
        return
    head_seq_text, _, head_hash = head.partition(":")
    try:
        head_seq = int(head_seq_text)
    except ValueError:
        report.problems.append(
            AuditProblem(last_seq, f"the log's head ({HEAD_SETTING}) is malformed: {head[:80]!r}")
        )
        return
    if head_seq > last_seq:
        report.problems.append(
            AuditProblem(
                last_seq + 1,
                f"the log ends at entry {last_seq} but reached entry {head_seq}: "
                "its last entries were removed",
            )
        )
    elif head_seq == last_seq and head_hash != last_hash:
        report.problems.append(
            AuditProblem(head_seq, f"entry {head_seq} is not the one last written")
        )
    elif head_seq < last_seq:
        report.problems.append(
            AuditProblem(head_seq, f"the log's head names entry {head_seq}, not its last one")
        )


def _check_anchor(
    library: Library,
    report: AuditReport,
    anchor: Anchor | None,
    expected: bool,
    key: bytes | None,
    error: str,
) -> None:
    """The head kept in the vault's key file at the last unlock, against the log."""
    if error:
        report.problems.append(
            AuditProblem(0, f"the log's head in the vault's key file is malformed: {error}")
        )
        return
    if anchor is None:
        if expected:
            report.problems.append(
                AuditProblem(
                    0, "the log's head in the vault's key file is missing (or the key file is)"
                )
            )
        return
    if key is not None and not anchor.authentic(key):
        report.problems.append(
            AuditProblem(anchor.seq, "the log's head in the vault's key file was forged")
        )
    last = newest(library)
    if last is None or last[0] < anchor.seq:
        report.problems.append(
            AuditProblem(
                anchor.seq,
                f"the log ends at entry {last[0] if last else 0} but held entry {anchor.seq} at "
                "the last unlock of the vault: its last entries were removed",
            )
        )
    elif not holds(library, anchor):
        report.problems.append(
            AuditProblem(
                anchor.seq,
                f"entry {anchor.seq} is not the one the vault recorded at its last unlock",
            )
        )


def _entry(row: sqlite3.Row) -> AuditEntry:
    return AuditEntry(
        seq=int(row["seq"]),
        at=row["at"],
        event=row["event"],
        operator=row["operator"],
        document_id=row["document_id"],
        details=json.loads(row["details"]),
        previous=row["previous"],
        hash=row["hash"],
    )
