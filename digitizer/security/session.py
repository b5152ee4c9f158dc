"""The vault as one opened library sees it: a `Sealer` that is checked and unlocked on first use.

Every library the service opens gets one. The first time anything seals or opens a secret
object or record through it, it refuses unless the machine has no network route (or the library
is a declared isolated LAN), then takes the key the workstation already holds or asks for the
passphrase. Nothing secret is read on a networked machine, and nothing asks for a passphrase
unless a secret document is really touched. Kept light: loading it costs a command nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from digitizer.library import Library
from digitizer.library.sealed import Sealer
from digitizer.security.network import ISOLATED_LAN_SETTING, require_offline

ACTION = "work on secret documents"


class VaultSession:
    """A lazily opened vault for `library`; implements `Sealer`."""

    def __init__(
        self, library: Library, key: Sealer | None, unlock: Callable[[Library], Sealer]
    ) -> None:
        self._library = library
        self._key = key
        self._unlock = unlock
        self._checked = False

    @property
    def unlocked(self) -> bool:
        """Whether a key is at hand (no passphrase would be asked for)."""
        return self._key is not None and self._key.unlocked

    def ready(self, action: str = ACTION) -> Sealer:
        """The key, after the network check; asks for the passphrase when there is none."""
        if not self._checked:
            isolated = self._library.get_setting(ISOLATED_LAN_SETTING) == "on"
            require_offline(isolated, action)
            self._checked = True
        if self._key is None or not self._key.unlocked:  # never given, or locked since
            self._key = self._unlock(self._library)
        return self._key

    def seal(self, data: bytes, name: str) -> bytes:
        return self.ready().seal(data, name)

    def open(self, sealed: bytes, name: str) -> bytes:
        return self.ready().open(sealed, name)

    def name_of(self, sha256: str) -> str:
        return self.ready().name_of(sha256)
