"""The store of sealed (encrypted) objects: `vault/objects/ab/cdef…`.

A sealed file holds one object's bytes encrypted by the vault; it is named by the vault's keyed
hash of the plaintext's SHA-256 (`Sealer.name_of`), the name every catalogue row of a secret
document uses too, so neither a file name nor the catalogue confirms, without the key, that a
candidate file is in the vault. Files are written the way the object store writes its own
(temporary file, fsync, rename, folder fsync) and are read-only once in place. The store knows
nothing of keys: the `Sealer` that seals and opens the bytes comes from the unlocked vault.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Protocol

from digitizer.library.objects import ObjectStore, StoredObject


class Sealer(Protocol):
    """What an unlocked vault does for the library: seal bytes under a name, and open them."""

    def seal(self, data: bytes, name: str) -> bytes:
        """`data` encrypted and authenticated, bound to `name`."""
        ...

    def open(self, sealed: bytes, name: str) -> bytes:
        """The plaintext of `sealed`; raises VaultDamaged when it fails authentication."""
        ...

    def name_of(self, sha256: str) -> str:
        """The keyed name of the object whose plaintext has this SHA-256."""
        ...

    @property
    def unlocked(self) -> bool:
        """Whether the key is at hand, so sealing asks no one for a passphrase."""
        ...


@dataclass(frozen=True)
class SealedObject(StoredObject):
    """An object stored sealed: `sha256` is its keyed name, `size` the plaintext's."""

    sealed_sha256: str
    sealed_size: int


class SealedStore(ObjectStore):
    """Sealed files named by their keyed names. `rehash` gives the sealed file's hash."""

    def store(self, name: str, sealed: bytes) -> tuple[str, int]:
        """Write `sealed` under `name` (replacing nothing that is there); return its own hash
        and size."""
        if self.contains(name):
            return self.rehash(name), self.path_of(name).stat().st_size
        self._write(name, sealed)
        return hashlib.sha256(sealed).hexdigest(), len(sealed)

    def clear_temp_if_used(self) -> None:
        """`clear_temp`, without making the folder of a library that has no vault."""
        if self.root.is_dir():
            self.clear_temp()
