"""The vault of a library: `<library>/vault/`, where secret documents live only encrypted.

`vault/vault.json` holds what opening the vault needs and nothing that opens it alone: the
scrypt parameters and the data key wrapped by the passphrase's key. Sealed objects go in
`vault/objects/` (see `digitizer.library.sealed`); sealed records in the catalogue. Unlocking
gives a `VaultKey`, which lives in memory until it is forgotten.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digitizer.errors import (
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WrongPassphrase,
)
from digitizer.library.library import utc_now
from digitizer.security.crypto import (
    DEFAULT_COST,
    KEY_BYTES,
    DataKey,
    KdfParameters,
    Unauthentic,
    b64decode,
    b64encode,
    unwrap_key,
    wrap_key,
)

VAULT_FOLDER = "vault"
KEY_FILE = "vault.json"
MIN_PASSPHRASE = 12
"""Characters; a passphrase guards state secrets, so short ones are refused."""


class VaultKey:
    """An unlocked vault: seals and opens the library's secret objects and records."""

    def __init__(self, key: DataKey) -> None:
        self._key = key

    def seal(self, data: bytes, name: str) -> bytes:
        self._check()
        return self._key.seal(data, name)

    def open(self, sealed: bytes, name: str) -> bytes:
        self._check()
        try:
            return self._key.open(sealed, name)
        except Unauthentic as error:
            raise VaultDamaged(
                f"The vault's copy of {name} was altered or damaged ({error}); it is not read. "
                "Restore the library from a backup."
            ) from error

    @property
    def unlocked(self) -> bool:
        return not self._key.forgotten

    def forget(self) -> None:
        self._key.forget()

    def _check(self) -> None:
        if self._key.forgotten:
            raise VaultLocked("The vault was locked meanwhile: unlock it again.")


@dataclass(frozen=True)
class VaultInfo:
    created_at: str
    kdf: KdfParameters


class Vault:
    """The vault folder of the library at `library_root`."""

    def __init__(self, library_root: Path) -> None:
        self.folder = library_root / VAULT_FOLDER

    @property
    def key_file(self) -> Path:
        return self.folder / KEY_FILE

    def exists(self) -> bool:
        return self.key_file.is_file()

    def create(self, passphrase: str, *, cost: int = DEFAULT_COST) -> VaultKey:
        """Make the vault with a fresh data key wrapped by `passphrase`; return it unlocked."""
        if self.exists():
            raise VaultExists(f"The library already has a vault ({self.folder}).")
        check_passphrase(passphrase)
        kdf = KdfParameters.fresh(cost)
        raw = os.urandom(KEY_BYTES)
        record = {
            "format": 1,
            "created_at": utc_now(),
            "kdf": kdf.as_json(),
            "wrapped_key": b64encode(wrap_key(kdf.derive(passphrase), raw)),
        }
        data_key = DataKey(raw)
        del raw
        self.folder.mkdir(parents=True, exist_ok=True)
        temp = self.folder / (KEY_FILE + ".tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(record, out, indent=2)
            out.flush()
            os.fsync(out.fileno())
        temp.replace(self.key_file)
        return VaultKey(data_key)

    def info(self) -> VaultInfo:
        record = self._record()
        return VaultInfo(str(record.get("created_at", "")), KdfParameters.from_json(record["kdf"]))

    def unlock(self, passphrase: str) -> VaultKey:
        """The unlocked vault; WrongPassphrase (and nothing changed) when it does not open."""
        record = self._record()
        kdf = KdfParameters.from_json(record["kdf"])
        try:
            raw = unwrap_key(kdf.derive(passphrase), b64decode(record["wrapped_key"]))
        except Unauthentic:
            raise WrongPassphrase("Wrong passphrase: the vault stays locked.") from None
        return VaultKey(DataKey(raw))

    def _record(self) -> dict[str, Any]:
        if not self.exists():
            raise VaultMissing(
                "This library has no vault yet. Create one with `digitizer vault init`."
            )
        try:
            record = json.loads(self.key_file.read_text(encoding="utf-8"))
            if not isinstance(record, dict) or record.get("format") != 1:
                raise ValueError("unknown format")
            KdfParameters.from_json(record["kdf"])
            b64decode(record["wrapped_key"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise VaultError(f"The vault's key file {self.key_file} is damaged: {error}.") from None
        return record


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise VaultError(
            f"A vault passphrase needs at least {MIN_PASSPHRASE} characters "
            "(a few words make a good one)."
        )
