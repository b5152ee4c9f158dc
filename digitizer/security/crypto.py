"""The vault's cryptography: a key from a passphrase, and sealing bytes with AES-256-GCM.

- The passphrase (NFC, UTF-8) gives a key-encryption key through scrypt (by default N = 2^17,
  r = 8, p = 1: about half a second and 128 MiB, so guessing is slow). That key unwraps the
  vault's data key, 256 random bits made once when the vault is created. A wrong passphrase
  fails the unwrap's authentication tag and is refused; nothing else is touched.
- Every sealed item gets a fresh random 96-bit nonce and is bound to its name (an object's
  keyed name, a record's document id) as associated data, so a sealed file put under another name
  fails to open instead of showing the wrong content, and a flipped byte anywhere fails the tag.
- Layout of a sealed item: `DGV1` | nonce (12 bytes) | ciphertext and 16-byte tag.

Keys live in memory only, never on disk; `DataKey.forget` drops them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from vietnamese.normalize import nfc

MAGIC = b"DGV1"
NONCE_BYTES = 12
KEY_BYTES = 32
DEFAULT_COST = 2**17
"""scrypt's N for new vaults."""
_WRAP_NAME = "vault data key"
_DERIVE = b"digitizer vault v1 derived key\x00"


class Unauthentic(Exception):
    """Sealed bytes that fail authentication: altered, truncated, or sealed under another key
    or name."""


@dataclass(frozen=True)
class KdfParameters:
    salt: bytes
    n: int = DEFAULT_COST
    r: int = 8
    p: int = 1

    @classmethod
    def fresh(cls, cost: int = DEFAULT_COST) -> KdfParameters:
        return cls(os.urandom(16), cost)

    def as_json(self) -> dict[str, Any]:
        return {
            "name": "scrypt",
            "salt": b64encode(self.salt),
            "n": self.n,
            "r": self.r,
            "p": self.p,
        }

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> KdfParameters:
        if value.get("name") != "scrypt":
            raise ValueError(f"unknown key derivation {value.get('name')!r}")
        return cls(b64decode(value["salt"]), int(value["n"]), int(value["r"]), int(value["p"]))

    def derive(self, passphrase: str) -> bytes:
        """The key-encryption key for `passphrase`."""
        kdf = Scrypt(salt=self.salt, length=KEY_BYTES, n=self.n, r=self.r, p=self.p)
        return kdf.derive(nfc(passphrase).encode("utf-8"))


class DataKey:
    """The vault's data key, in memory. Seals and opens items bound to their names."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("a data key is 256 bits")
        self._aead: AESGCM | None = AESGCM(key)
        self._secret: bytes | None = key

    def _cipher(self) -> AESGCM:
        if self._aead is None:
            raise RuntimeError("the key was forgotten")
        return self._aead

    def seal(self, data: bytes, name: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return MAGIC + nonce + self._cipher().encrypt(nonce, data, _associated(name))

    def open(self, sealed: bytes, name: str) -> bytes:
        """The plaintext; raises Unauthentic for anything but an intact item sealed under
        `name` with this key."""
        return open_sealed(self._cipher(), sealed, name)

    def derive(self, label: str) -> bytes:
        """A 256-bit key for one other use (`label`), so the data key itself serves only AES."""
        if self._secret is None:
            raise RuntimeError("the key was forgotten")
        return hmac.new(self._secret, _DERIVE + label.encode("utf-8"), hashlib.sha256).digest()

    def forget(self) -> None:
        self._aead = None
        self._secret = None

    @property
    def forgotten(self) -> bool:
        return self._aead is None


def wrap_key(key_encryption_key: bytes, data_key: bytes) -> bytes:
    return DataKey(key_encryption_key).seal(data_key, _WRAP_NAME)


def unwrap_key(key_encryption_key: bytes, wrapped: bytes) -> bytes:
    """The data key; raises Unauthentic when the key-encryption key is wrong."""
    return open_sealed(AESGCM(key_encryption_key), wrapped, _WRAP_NAME)


def open_sealed(cipher: AESGCM, sealed: bytes, name: str) -> bytes:
    head = len(MAGIC) + NONCE_BYTES
    if len(sealed) < head + 16 or not sealed.startswith(MAGIC):
        raise Unauthentic("not a sealed item")
    nonce = sealed[len(MAGIC) : head]
    try:
        return cipher.decrypt(nonce, sealed[head:], _associated(name))
    except InvalidTag as error:
        raise Unauthentic("authentication failed") from error


def _associated(name: str) -> bytes:
    return b"digitizer vault v1\x00" + name.encode("utf-8")


def b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64decode(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
