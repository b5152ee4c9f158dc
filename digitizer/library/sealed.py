"""The store of sealed (encrypted) objects: `vault/objects/ab/cdef…`.

A sealed file holds one object's bytes encrypted by the vault; it is named like the plaintext
object (its SHA-256), so the catalogue's references stay the same whether a document lives in
the vault or not. Files are written the way the object store writes its own (temporary file,
fsync, rename, folder fsync) and are read-only once in place. The store knows nothing of keys:
the `Sealer` that seals and opens the bytes comes from the unlocked vault.
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

    @property
    def unlocked(self) -> bool:
        """Whether the key is at hand, so sealing asks no one for a passphrase."""
        ...


@dataclass(frozen=True)
class SealedObject(StoredObject):
    """An object stored sealed: `sha256` and `size` are the plaintext's, as for any object."""

    sealed_sha256: str
    sealed_size: int


class SealedStore(ObjectStore):
    """Sealed files named by their plaintext's SHA-256. `rehash` gives the sealed file's hash."""

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
