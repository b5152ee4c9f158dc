"""How a manager opens the workstation's library: as the facade does, vault attached."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from digitizer.library import Library


class OpenLibrary(Protocol):
    def __call__(self, *, create: bool = False, writable: bool = False) -> Library: ...
