"""The library's settings, changed only as the security policy allows."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from digitizer.security.access import IsolatedLan
    from digitizer.workstation.opening import OpenLibrary


class SettingsPolicy:
    def __init__(self, open_library: OpenLibrary) -> None:
        self._open = open_library

    def get(self, key: str) -> str:
        """A library setting ('' when unset)."""
        with self._open() as library:
            return library.get_setting(key)

    def all(self) -> dict[str, str]:
        """Every library setting."""
        from digitizer.library.queries import settings

        with self._open() as library:
            return settings(library)

    def set(self, key: str, value: str, reason: str = "") -> str:
        """Set a library setting by the security policy (protected ones need their reason and
        are audited, or are refused); returns the value kept."""
        from digitizer.security.policy import change_setting

        with self._open(writable=True) as library:
            return change_setting(library, key, value, reason)

    def set_isolated_lan(self, on: bool, reason: str) -> IsolatedLan:
        """Declare (or withdraw) the machine's network as an isolated in-building LAN."""
        from digitizer.security.access import declare_isolated_lan

        with self._open(writable=True) as library:
            return declare_isolated_lan(library, on, reason)
