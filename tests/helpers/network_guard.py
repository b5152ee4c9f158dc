"""The test suite's network guard: a test whose code tries to open a network connection (to
anything but loopback or a unix socket) has the attempt refused, and fails.

It is a Python audit hook, installed once per process, so it sees every socket connect and
datagram whatever library makes it; pytest-xdist's pipes and the spawned pools' unix sockets
pass untouched.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from digitizer.security.network import connection_attempt

_attempts: list[str] = []
_installed = False


def _hook(event: str, args: tuple[Any, ...]) -> None:
    address = connection_attempt(event, args)
    if address is not None:
        _attempts.append(f"{event} to {address}")
        raise ConnectionRefusedError(f"the test suite forbids network connections ({address})")


def install() -> None:
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True


@contextmanager
def watching() -> Iterator[list[str]]:
    """Yield a list that, when the block ends, holds the connection attempts made in it."""
    install()
    start = len(_attempts)
    found: list[str] = []
    try:
        yield found
    finally:
        found.extend(_attempts[start:])
