"""The way in to secret documents: unlocking the vault (each attempt in the audit log), and
opening it for work on a library — only on a machine with no network route, or on a declared
isolated LAN — which also seals the documents that were classified while it was locked."""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from digitizer.errors import VaultError, VaultExists, VaultKeyMissing, WrongPassphrase
from digitizer.library import Library
from digitizer.model import Classification
from digitizer.security import audit
from digitizer.security.crypto import DEFAULT_COST
from digitizer.security.network import ISOLATED_LAN_SETTING, network_routes
from digitizer.security.object_names import rename_plain_names
from digitizer.security.records import pending_documents
from digitizer.security.sealing import seal_document
from digitizer.security.session import VaultSession
from digitizer.security.vault import KEY_CHECK_SETTING, Vault, VaultKey


def isolated_lan(library: Library) -> bool:
    return library.get_setting(ISOLATED_LAN_SETTING) == "on"


def holds_sealed_data(library: Library) -> bool:
    """Whether the catalogue has anything that only the vault's key opens (or had a key)."""
    rows = library.rows(
        "SELECT EXISTS (SELECT 1 FROM vault_objects) OR EXISTS (SELECT 1 FROM sealed_records)"
    )
    return bool(rows[0][0]) or bool(library.get_setting(KEY_CHECK_SETTING))


def _key_missing(vault: Vault) -> VaultKeyMissing:
    backup = (
        f" Its copy is at {vault.backup_file}: copy it back to {vault.key_file}."
        if vault.backup_file.is_file()
        else f" Put your copy of the key file back at {vault.key_file}."
    )
    return VaultKeyMissing(
        f"The library holds sealed documents but the vault's key file {vault.key_file} is "
        f"missing: without it they cannot be opened, and a new vault would lose them.{backup}"
    )


def create_vault(library: Library, passphrase: str, *, cost: int = DEFAULT_COST) -> VaultKey:
    """A new vault; refused while sealed data of an earlier one is still in the catalogue."""
    vault = Vault(library.root)
    if vault.exists():
        raise VaultExists(f"The library already has a vault ({vault.folder}).")
    if holds_sealed_data(library):
        raise _key_missing(vault)
    made_folder = not vault.folder.exists()
    key = vault.create(passphrase, cost=cost)
    try:
        # The catalogue's note of the key, the log's entry and its head in the key file stand
        # or fall together: a vault init that fails (a full disk) leaves no vault behind.
        with library.transaction() as db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (KEY_CHECK_SETTING, key.key_check),
            )
            audit.append(db, audit.Event.VAULT_CREATED, details={"kdf": "scrypt", "n": cost})
            _anchor_audit_log(library, vault, key)
    except BaseException:
        key.forget()
        vault.discard(made_folder)
        raise
    return key


FIRST_DELAY = 1.0
LONGEST_DELAY = 60.0
"""Seconds waited before trying a passphrase after wrong ones: doubling from the first to the
longest, so guessing at the prompt (or from a script) slows to a crawl."""


def refusals_since_unlock(library: Library) -> int:
    """Wrong passphrases given since the vault was last opened (or made)."""
    rows = library.rows(
        "SELECT count(*) FROM audit_log WHERE event = ? AND seq > coalesce((SELECT max(seq) "
        "FROM audit_log WHERE event IN (?, ?)), 0)",
        (audit.Event.PASSPHRASE_REFUSED, audit.Event.VAULT_UNLOCKED, audit.Event.VAULT_CREATED),
    )
    return int(rows[0][0])


def delay_after(refusals: int) -> float:
    if refusals <= 0:
        return 0.0
    return min(FIRST_DELAY * float(2 ** min(refusals - 1, 16)), LONGEST_DELAY)


def unlock(
    library: Library, passphrase: str, *, sleep: Callable[[float], None] = time.sleep
) -> VaultKey:
    """The vault's key; a wrong passphrase is refused, logged, and changes nothing else. After
    wrong ones, every try waits first (`delay_after`), the wait noted in the log."""
    vault = Vault(library.root)
    if not vault.exists() and holds_sealed_data(library):
        raise _key_missing(vault)
    refusals = refusals_since_unlock(library)
    delay = delay_after(refusals)
    if delay:
        sleep(delay)
    try:
        key = vault.unlock(passphrase)
    except WrongPassphrase:
        audit.record(
            library,
            audit.Event.PASSPHRASE_REFUSED,
            details={"attempt": refusals + 1, "waited_seconds": delay},
        )
        raise
    noted = library.get_setting(KEY_CHECK_SETTING)
    if noted and noted != key.key_check:
        key.forget()
        raise VaultKeyMissing(
            f"The vault's key file {vault.key_file} belongs to another vault: it does not open "
            "this library's sealed documents. Put back the key file made with them."
        )
    if library.writable:
        # A vault made before key checks existed gets them now, and its copy.
        if not noted:
            library.set_setting(KEY_CHECK_SETTING, key.key_check)
        vault.update(key_check=key.key_check)
        if not vault.backup_file.exists():
            shutil.copy2(vault.key_file, vault.backup_file)
        rename_plain_names(library, key)  # a vault made before keyed names
    audit.record(library, audit.Event.VAULT_UNLOCKED)
    _anchor_audit_log(library, vault, key)
    return key


AUDIT_HEAD_FIELD = "audit_head"


def _anchor_audit_log(library: Library, vault: Vault, key: VaultKey) -> None:
    """Keep the log's newest entry in the key file, authenticated, so entries written since the
    last unlock are covered now. An earlier anchor that the log no longer holds (or that was
    forged) stays, so `audit verify` goes on reporting the break."""
    last = audit.newest(library)
    if last is None:
        return
    mac_key = key.derive(audit.ANCHOR_KEY)
    try:
        earlier = audit.Anchor.from_json(vault.field(AUDIT_HEAD_FIELD))
    except ValueError:
        earlier = None
    if earlier is not None and not (earlier.authentic(mac_key) and audit.holds(library, earlier)):
        return
    vault.update(**{AUDIT_HEAD_FIELD: audit.Anchor.make(*last, mac_key).as_json()})
    shutil.copy2(vault.key_file, vault.backup_file)  # a restored copy brings the head back too


def verify_audit(library: Library, key: VaultKey | None) -> audit.AuditReport:
    """`audit.verify_log` with the head kept in the vault's key file (authenticated when the
    vault is unlocked)."""
    vault = Vault(library.root)
    # A library whose catalogue knows a key keeps a head in the key file: a key file removed
    # with its head is a break too.
    anchor, expected, error = None, bool(library.get_setting(KEY_CHECK_SETTING)), ""
    if vault.exists():
        try:
            expected = expected or bool(vault.key_check())  # a vault that keeps the head
            raw = vault.field(AUDIT_HEAD_FIELD)
            anchor = audit.Anchor.from_json(raw) if raw is not None else None
        except (VaultError, ValueError) as failure:
            error = str(failure)
    unlocked = key is not None and key.unlocked
    mac_key = key.derive(audit.ANCHOR_KEY) if key is not None and unlocked else None
    return audit.verify_log(
        library, anchor, anchor_expected=expected, anchor_key=mac_key, anchor_error=error
    )


def open_vault(library: Library, action: str) -> list[str]:
    """Make sure `library` may work on secret documents for `action` (said in a refusal): the
    network check, then the key (asked for when there is none). In a library opened for
    writing, documents classified while the vault was locked are sealed now; returns them."""
    sealer = library.require_sealer()
    if isinstance(sealer, VaultSession):
        sealer.ready(action)
    sealed: list[str] = []
    if not library.writable:
        return sealed
    rename_plain_names(library, sealer)  # a key the workstation held before this library opened
    for document_id in pending_documents(library):
        level = library.document(document_id).classification

        def note(
            db: sqlite3.Connection, document_id: str = document_id, level: Classification = level
        ) -> None:
            audit.append(
                db,
                audit.Event.SEALED,
                document_id=document_id,
                details={"level": level.value, "why": "classified while the vault was locked"},
            )

        seal_document(library, document_id, level, within=note)
        sealed.append(document_id)
    return sealed


def note_opened(library: Library, document_id: str, action: str) -> None:
    audit.record(library, audit.Event.OPENED, document_id=document_id, details={"for": action})


@dataclass(frozen=True)
class IsolatedLan:
    on: bool
    reason: str


def declare_isolated_lan(library: Library, on: bool, reason: str) -> IsolatedLan:
    """Declare (or withdraw) that this machine's network is an isolated in-building LAN."""
    reason = reason.strip()
    if not reason:
        raise ValueError("declaring an isolated LAN needs a reason")
    with library.transaction() as db:
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (ISOLATED_LAN_SETTING, "on" if on else ""),
        )
        audit.append(db, audit.Event.ISOLATED_LAN, details={"on": on, "reason": reason})
    return IsolatedLan(on, reason)


@dataclass(frozen=True)
class VaultStatus:
    exists: bool
    created_at: str
    cost: int  # scrypt's N
    unlocked: bool
    documents: dict[str, int]  # sealed documents by level
    pending: tuple[str, ...]  # classified secret, waiting to be sealed
    objects: int
    sealed_bytes: int
    isolated_lan: bool
    routes: tuple[str, ...]  # network routes other than loopback
    route_error: str  # why the routing table could not be read ('' when it could)

    def as_json(self) -> dict[str, Any]:
        return {
            "exists": self.exists,
            "created_at": self.created_at or None,
            "scrypt_n": self.cost or None,
            "unlocked": self.unlocked,
            "documents": self.documents,
            "pending": list(self.pending),
            "objects": self.objects,
            "sealed_bytes": self.sealed_bytes,
            "isolated_lan": self.isolated_lan,
            "network_routes": list(self.routes),
            "route_error": self.route_error or None,
        }


def vault_status(library: Library, unlocked: bool) -> VaultStatus:
    vault = Vault(library.root)
    created, cost = "", 0
    if vault.exists():
        info = vault.info()
        created, cost = info.created_at, info.kdf.n
    documents = {
        str(row[0]): int(row[1])
        for row in library.rows(
            "SELECT d.classification, count(*) FROM documents d JOIN sealed_records r "
            "ON r.document_id = d.id GROUP BY d.classification ORDER BY d.classification"
        )
    }
    count, size = library.rows("SELECT count(*), coalesce(sum(sealed_size), 0) FROM vault_objects")[
        0
    ]
    routes: tuple[str, ...] = ()
    error = ""
    try:
        routes = tuple(route.describe() for route in network_routes())
    except (OSError, ValueError) as failure:
        error = str(failure)
    return VaultStatus(
        exists=vault.exists(),
        created_at=created,
        cost=cost,
        unlocked=unlocked,
        documents=documents,
        pending=tuple(pending_documents(library)),
        objects=int(count),
        sealed_bytes=int(size),
        isolated_lan=isolated_lan(library),
        routes=routes,
        route_error=error,
    )
