"""Fabricated routing tables, in the kernel's `/proc/net/route` and `/proc/net/ipv6_route`
formats, for the network guard to read instead of the machine's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from digitizer.security import network

IPV4_HEADER = (
    "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
)
IPV4_LOOPBACK = IPV4_HEADER + "lo\t0000007F\t00000000\t0001\t0\t0\t0\t000000FF\t0\t0\t0\n"
IPV4_DEFAULT_ROUTE = (
    IPV4_HEADER
    + "eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n"
    + "eth0\t000200C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n"
)
IPV6_LOOPBACK = (
    "00000000000000000000000000000001 80 00000000000000000000000000000000 00 "
    "00000000000000000000000000000000 00000000 00000002 00000000 80200001       lo\n"
    "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
    "00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo\n"
)
IPV6_LINK_LOCAL = IPV6_LOOPBACK + (
    "fe800000000000000000000000000000 40 00000000000000000000000000000000 00 "
    "00000000000000000000000000000000 00000100 00000001 00000000 00000001   wlan0\n"
)


class RouteTables:
    """The tables the guard reads; `connect` and `disconnect` rewrite them."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.ipv4 = folder / "route"
        self.ipv6 = folder / "ipv6_route"
        self.disconnect()

    def disconnect(self) -> None:
        self.ipv4.write_text(IPV4_LOOPBACK, encoding="ascii")
        self.ipv6.write_text(IPV6_LOOPBACK, encoding="ascii")

    def connect(self) -> None:
        """A default route through a gateway on eth0, as on a networked machine."""
        self.ipv4.write_text(IPV4_DEFAULT_ROUTE, encoding="ascii")
        self.ipv6.write_text(IPV6_LOOPBACK, encoding="ascii")


def fabricated_routes(folder: Path, monkeypatch: pytest.MonkeyPatch) -> RouteTables:
    """Make the guard read fabricated tables, loopback only to start with."""
    tables = RouteTables(folder)
    monkeypatch.setattr(network, "ROUTE_TABLES", (tables.ipv4, tables.ipv6))
    return tables
