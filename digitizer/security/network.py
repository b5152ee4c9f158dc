"""The network guard.

Two halves:
- The program never opens a network connection. `forbid_connections` installs a Python audit
  hook that refuses any socket connection (or datagram) to an address other than loopback or a
  local (unix) socket, whatever library tries it.
- Secret documents stay shut while the machine is on a network: `require_offline` reads the
  operating system's routing tables (`/proc/net/route`, `/proc/net/ipv6_route`) and refuses
  while any route other than loopback exists — unless the library is declared an isolated LAN
  (the 2025 law allows an isolated in-building network), a declaration the audit log records.
  A table that cannot be read counts as connected: the guard fails closed.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digitizer.errors import NetworkConnected, NetworkForbidden

ROUTE_TABLES: tuple[Path, Path] = (Path("/proc/net/route"), Path("/proc/net/ipv6_route"))
"""Where the routing tables are read (IPv4, IPv6). Tests point this at fabricated tables."""
ISOLATED_LAN_SETTING = "security.isolated_lan"
"""Library setting: 'on' when the operator has declared the machine's network an isolated LAN."""

_RTF_UP = 0x0001
_RTF_REJECT = 0x0200
_LOOPBACK_INTERFACES = frozenset({"lo"})


@dataclass(frozen=True)
class Route:
    interface: str
    destination: str  # e.g. 0.0.0.0/0, fe80::/64
    gateway: str = ""

    def describe(self) -> str:
        via = f" via {self.gateway}" if self.gateway else ""
        return f"{self.destination}{via} on {self.interface}"


# --- the routing table -------------------------------------------------------------------------


def parse_ipv4_routes(text: str) -> list[Route]:
    """The live routes of a `/proc/net/route` table (hex, little-endian addresses)."""
    routes = []
    for line in text.splitlines()[1:]:
        fields = line.split()
        if len(fields) < 8:
            continue
        interface, destination, gateway, flags, mask = (
            fields[0],
            fields[1],
            fields[2],
            fields[3],
            fields[7],
        )
        if not int(flags, 16) & _RTF_UP:
            continue
        address = _ipv4(destination)
        prefix = bin(int(mask, 16)).count("1")
        hop = _ipv4(gateway)
        routes.append(Route(interface, f"{address}/{prefix}", "" if int(hop) == 0 else str(hop)))
    return routes


def parse_ipv6_routes(text: str) -> list[Route]:
    """The live routes of a `/proc/net/ipv6_route` table, reject routes left out."""
    routes = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 10:
            continue
        flags = int(fields[8], 16)
        if not flags & _RTF_UP or flags & _RTF_REJECT:
            continue
        destination = ipaddress.IPv6Address(bytes.fromhex(fields[0]))
        hop = ipaddress.IPv6Address(bytes.fromhex(fields[4]))
        routes.append(
            Route(
                fields[9],
                f"{destination}/{int(fields[1], 16)}",
                "" if hop == ipaddress.IPv6Address(0) else str(hop),
            )
        )
    return routes


def _ipv4(hex_little_endian: str) -> ipaddress.IPv4Address:
    return ipaddress.IPv4Address(bytes.fromhex(hex_little_endian)[::-1])


def network_routes(tables: Sequence[Path] | None = None) -> list[Route]:
    """Every route other than loopback. Raises OSError or ValueError when a table cannot be
    read."""
    ipv4, ipv6 = tables or ROUTE_TABLES
    routes = parse_ipv4_routes(ipv4.read_text(encoding="ascii"))
    if ipv6.exists():  # IPv6 may be switched off in the kernel; then there are no v6 routes
        routes += parse_ipv6_routes(ipv6.read_text(encoding="ascii"))
    return [route for route in routes if route.interface not in _LOOPBACK_INTERFACES]


def require_offline(isolated_lan: bool, action: str) -> None:
    """Refuse `action` on a secret document while the machine has a network route, unless the
    library is declared an isolated LAN."""
    if isolated_lan:
        return
    try:
        routes = network_routes()
    except (OSError, ValueError) as error:
        raise NetworkConnected(
            f"Refused to {action}: the routing table cannot be read ({error}), so this machine "
            "may be on a network. Secret documents open only on a machine without one."
        ) from error
    if routes:
        listed = "; ".join(route.describe() for route in routes[:3])
        more = f" and {len(routes) - 3} more" if len(routes) > 3 else ""
        raise NetworkConnected(
            f"Refused to {action}: this machine is connected to a network ({listed}{more}). "
            "The law forbids working on secret documents on a networked machine: unplug it "
            "(or switch the network off), or, for an isolated in-building LAN, declare it with "
            "`digitizer settings isolated-lan on --reason TEXT`. / Máy đang nối mạng: không mở "
            "tài liệu mật."
        )


# --- no connections at all ---------------------------------------------------------------------

_CONNECT_EVENTS = frozenset({"socket.connect", "socket.sendto", "socket.sendmsg"})
# A name looked up by the resolver is a DNS query. (A host *name* given straight to
# `socket.connect` is resolved in C before any hook sees it; the connection is still refused.)
_LOOKUP_EVENTS = frozenset(
    {
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyname_ex",
        "socket.gethostbyaddr",
    }
)
_installed = False
_allowed: set[tuple[str, int]] = set()
"""(host, port) pairs the user named for a command (an OCR farm's scheduler) and their
addresses: let through while that command talks to them."""


@contextmanager
def allowed_connection(host: str, port: int) -> Iterator[None]:
    """Let this process reach `host:port` (and nothing else new) until the block ends."""
    added = {(host, port)}
    _allowed.add((host, port))  # the name's own lookup must pass to find its addresses
    # An unknown name: the connection then fails on its own, with its own message.
    with suppress(OSError):
        added |= {(str(info[4][0]), port) for info in socket.getaddrinfo(host, port)}
    _allowed.update(added)
    try:
        yield
    finally:
        _allowed.difference_update(added)


def _is_allowed(event: str, args: tuple[Any, ...]) -> bool:
    if event in _LOOKUP_EVENTS and args:
        host = args[0].decode() if isinstance(args[0], bytes) else str(args[0])
        return any(host == allowed for allowed, _ in _allowed)
    address = args[1] if len(args) > 1 else None
    return (
        isinstance(address, tuple)
        and len(address) >= 2
        and ((str(address[0]), address[1]) in _allowed)
    )


def is_local_address(family: int, address: Any) -> bool:
    """Whether a socket address is a unix socket, or loopback (by number or as `localhost`)."""
    if family not in (socket.AF_INET, socket.AF_INET6):
        return True
    if not isinstance(address, tuple) or not address:
        return False
    host = str(address[0])
    if host == "localhost":
        return True
    try:
        parsed = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False  # a name that would need a lookup
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        return parsed.ipv4_mapped.is_loopback
    return parsed.is_loopback


def connection_attempt(event: str, args: tuple[Any, ...]) -> str | None:
    """For an audit event, the address of a network connection it would open (None: not one,
    or a local one)."""
    if event not in _CONNECT_EVENTS or len(args) < 2:
        return None
    sock, address = args[0], args[1]
    family = getattr(sock, "family", socket.AF_INET)
    if address is None or is_local_address(family, address):
        return None
    return repr(address)


def lookup_attempt(event: str, args: tuple[Any, ...]) -> str | None:
    """For an audit event, the host name a resolver call would look up on the network (None:
    not a lookup, or a local one)."""
    if event not in _LOOKUP_EVENTS or not args:
        return None
    host = args[0]
    if host is None or (isinstance(host, str | bytes) and not host):
        return None
    text = host.decode() if isinstance(host, bytes) else str(host)
    if is_local_address(socket.AF_INET, (text, 0)):
        return None
    return repr(text)


def _refuse(event: str, args: tuple[Any, ...]) -> None:
    if _allowed and _is_allowed(event, args):
        return
    address = connection_attempt(event, args)
    if address is not None:
        raise NetworkForbidden(
            f"Refused a network connection to {address}: Digitizer never opens one."
        )
    host = lookup_attempt(event, args)
    if host is not None:
        raise NetworkForbidden(f"Refused to look up {host}: Digitizer never uses the network.")


def forbid_connections() -> None:
    """From now on, this process refuses every network connection (once installed, for good)."""
    global _installed
    if not _installed:
        sys.addaudithook(_refuse)
        _installed = True
