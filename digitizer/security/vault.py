"""The vault of a library: `<library>/vault/`, where secret documents live only encrypted.

`vault/vault.json` holds what opening the vault needs and nothing that opens it alone: the
scrypt parameters and the data key wrapped by the passphrase's key. Sealed objects go in
`vault/objects/` (see `digitizer.library.sealed`); sealed records in the catalogue. Unlocking
gives a `VaultKey`, which lives in memory until it is forgotten.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digitizer.errors import (
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WeakPassphrase,
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
BACKUP_FILE = "vault.json.backup"
"""A copy of the key file made beside it when the vault is created: useless without the
passphrase, and the only way back to the secret documents if the key file is lost."""
KEY_CHECK_SETTING = "vault.key_check"
"""The catalogue's note of which key seals its secret data (see `VaultKey.key_check`)."""
OBJECT_NAMES = "object names"
"""The label of the key that names secret objects (`VaultKey.name_of`)."""
MIN_PASSPHRASE = 12
"""Characters; a passphrase guards state secrets, so short ones are refused."""


class VaultKey:
    """An unlocked vault: seals and opens the library's secret objects and records."""

    def __init__(self, key: DataKey) -> None:
        self._key = key
        self._names: bytes | None = None

    def seal(self, data: bytes, name: str) -> bytes:
        self._check()
        return self._key.seal(data, name)

    def derive(self, label: str) -> bytes:
        """A key for another use than sealing (object names, the audit head), from the data key."""
        self._check()
        return self._key.derive(label)

    def name_of(self, sha256: str) -> str:
        """The name a secret object goes by in the vault and the catalogue: a keyed hash of its
        plaintext's SHA-256, so that holding a candidate file does not tell whether it is in
        the vault."""
        self._check()
        if self._names is None:
            self._names = self._key.derive(OBJECT_NAMES)
        return hmac.new(self._names, bytes.fromhex(sha256), hashlib.sha256).hexdigest()

    @property
    def key_check(self) -> str:
        """A value that names this data key without revealing it: kept in the key file and in
        the catalogue, so a key file that does not belong to the sealed data shows."""
        return self.derive("key check").hex()

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
        self._names = None

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
        key = VaultKey(DataKey(raw))
        del raw
        record["key_check"] = key.key_check
        made_folder = not self.folder.exists()
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            self._write(self.backup_file, record)
            self._write(self.key_file, record)
        except BaseException:
            self.discard(made_folder)
            raise
        return key

    def discard(self, folder: bool) -> None:
        """Undo a `create` that did not finish: its key file and copy go (nothing was sealed
        with the key yet), and the vault's folder too when `folder` (it was made for it)."""
        for path in (self.key_file, self.backup_file):
            path.unlink(missing_ok=True)
        if folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def backup_file(self) -> Path:
        return self.folder / BACKUP_FILE

    def _write(self, path: Path, record: dict[str, Any]) -> None:
        """Replace `path` whole with `record`, private to the owner, never half-written."""
        temp = path.with_name(path.name + ".tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(record, out, indent=2)
                out.flush()
                os.fsync(out.fileno())
            temp.replace(path)
        finally:
            temp.unlink(missing_ok=True)  # a disk that filled up leaves no half-written copy

    def update(self, **fields: Any) -> None:
        """Set fields of the key file (the key check of an older vault, the audit head)."""
        record = self._record()
        if all(record.get(name) == value for name, value in fields.items()):
            return
        record.update(fields)
        self._write(self.key_file, record)

    def key_check(self) -> str:
        """The key file's note of its data key ('' for a vault made before there was one)."""
        return str(self._record().get("key_check", ""))

    def field(self, name: str) -> Any:
        return self._record().get(name)

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
        key = VaultKey(DataKey(raw))
        noted = record.get("key_check")
        if noted and noted != key.key_check:
            raise VaultDamaged(
                f"The vault's key file {self.key_file} was altered: its key check does not match "
                "its key. Restore it from its copy."
            )
        return key

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


MIN_GUESSES_LOG10 = 10
"""A new passphrase must take zxcvbn's estimate of at least 10^10 guesses (its top score):
scrypt makes each guess cost about half a second, so that is centuries of one machine."""
_OBVIOUS = ["digitizer", "matkhau", "vault"]


def check_passphrase(passphrase: str) -> None:
    """Refuse a new passphrase that is short or easy to guess (repeats, sequences, common words
    and names, dates, keyboard runs — zxcvbn's estimate)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise VaultError(
            f"A vault passphrase needs at least {MIN_PASSPHRASE} characters "
            "(a few words make a good one)."
        )
    from zxcvbn import zxcvbn  # only when a passphrase is made: it loads its dictionaries

    estimate = zxcvbn(passphrase[:100], user_inputs=_OBVIOUS)
    if float(estimate["guesses_log10"]) < MIN_GUESSES_LOG10:
        warning = str(estimate["feedback"].get("warning") or "")
        raise WeakPassphrase(
            "This passphrase is too easy to guess"
            + (f" ({warning.rstrip('.')})" if warning else "")
            + ": use four or more words that do not belong together."
        )
