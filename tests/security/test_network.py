"""The network guard: secret documents refuse to open, scan or OCR while the routing table has
a route other than loopback (fabricated tables here), unless the library is declared an
isolated LAN; and nothing in the program (or in a test) may open a network connection."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from digitizer.acquire.importer import ImportOptions
from digitizer.cli import main
from digitizer.errors import NetworkConnected
from digitizer.model import Classification
from digitizer.security import network
from digitizer.security.network import parse_ipv4_routes, parse_ipv6_routes, require_offline
from digitizer.service import Workstation
from tests.helpers.pages import write_image
from tests.security import routes as tables
from tests.security.routes import RouteTables
from tests.security.support import catalogue_rows, import_page
from tests.security.vaults import PASSPHRASE

SECRET = Classification.SECRET
REPO = Path(__file__).resolve().parents[2]


def test_routing_tables_are_read_as_the_kernel_writes_them() -> None:
    assert parse_ipv4_routes(tables.IPV4_LOOPBACK)[0].interface == "lo"
    default = parse_ipv4_routes(tables.IPV4_DEFAULT_ROUTE)
    assert [r.describe() for r in default] == [
        "0.0.0.0/0 via 192.0.2.1 on eth0",
        "192.0.2.0/24 on eth0",
    ]
    v6 = parse_ipv6_routes(tables.IPV6_LINK_LOCAL)
    # The reject route (flags 0x200) on lo is left out; the rest are kept.
    assert [r.describe() for r in v6] == ["::1/128 on lo", "fe80::/64 on wlan0"]
    down = tables.IPV4_HEADER + "eth0\t00000000\t010200C0\t0002\t0\t0\t0\t00000000\t0\t0\t0\n"
    assert parse_ipv4_routes(down) == []


def test_loopback_only_passes_and_any_other_route_refuses(routes: RouteTables) -> None:
    require_offline(False, "open it")
    routes.connect()
    with pytest.raises(NetworkConnected, match=r"0\.0\.0\.0/0 via 192\.0\.2\.1 on eth0"):
        require_offline(False, "open it")
    routes.disconnect()
    routes.ipv6.write_text(tables.IPV6_LINK_LOCAL, encoding="ascii")
    with pytest.raises(NetworkConnected, match="wlan0"):
        require_offline(False, "open it")
    require_offline(True, "open it")  # a declared isolated LAN


def test_an_unreadable_table_counts_as_connected(
    routes: RouteTables, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(network, "ROUTE_TABLES", (tmp_path / "missing", routes.ipv6))
    with pytest.raises(NetworkConnected, match="cannot be read"):
        require_offline(False, "open it")


def test_a_secret_document_is_blocked_under_a_default_route(
    station: Workstation, routes: RouteTables, tmp_path: Path
) -> None:
    secret = import_page(station, tmp_path / "in", 1, SECRET)
    public = import_page(station, tmp_path / "in", 2)
    routes.connect()
    with pytest.raises(NetworkConnected, match="connected to a network"):
        station.document(secret)
    with pytest.raises(NetworkConnected):
        station.ocr([secret])
    with pytest.raises(NetworkConnected):
        station.internal_copy(secret, tmp_path / "copy.pdf", 1, "họp")
    with pytest.raises(NetworkConnected):
        station.classify(public, Classification.TOP_SECRET, "dấu TỐI MẬT")
    assert station.document(public)[0].classification is Classification.PUBLIC
    assert not (tmp_path / "copy.pdf").exists()

    routes.disconnect()  # loopback only
    assert station.document(secret)[0].metadata.title == "page-1"


def test_a_secret_import_is_refused_while_connected_and_stores_nothing(
    station: Workstation, routes: RouteTables, library_path: Path, tmp_path: Path
) -> None:
    routes.connect()
    page = write_image(tmp_path / "scan.png", 1)
    with pytest.raises(NetworkConnected):
        station.import_paths([page], ImportOptions(classification=SECRET))
    assert catalogue_rows(library_path, "SELECT count(*) FROM documents") == [(0,)]
    assert catalogue_rows(library_path, "SELECT count(*) FROM objects") == [(0,)]


def test_the_isolated_lan_declaration_allows_it_and_is_audited(
    station: Workstation, routes: RouteTables, library_path: Path, tmp_path: Path
) -> None:
    secret = import_page(station, tmp_path / "in", 1, SECRET)
    routes.connect()
    with pytest.raises(ValueError, match="reason"):
        station.set_isolated_lan(True, "  ")
    station.set_isolated_lan(True, "mạng nội bộ tầng 3, không nối Internet")
    assert station.document(secret)[0].classification is SECRET
    station.set_isolated_lan(False, "chuyển máy sang phòng khác")
    with pytest.raises(NetworkConnected):
        station.document(secret)
    rows = catalogue_rows(
        library_path, "SELECT details FROM audit_log WHERE event = 'isolated-lan' ORDER BY seq"
    )
    assert ['"on": true' in str(r[0]) and "tầng 3" in str(r[0]) for r in rows] == [True, False]


def test_the_command_line_says_why_and_exits_1(
    station: Workstation,
    routes: RouteTables,
    library_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    secret = import_page(station, tmp_path / "in", 1, SECRET)
    passphrase = tmp_path / "passphrase"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    routes.connect()
    argv = ["--library", str(library_path), "show", secret, "--passphrase-file", str(passphrase)]
    assert main(argv) == 1
    error = capsys.readouterr().err
    assert "connected to a network" in error and "[network-connected]" in error
    assert "isolated-lan on --reason" in error
    assert (
        main(["--library", str(library_path), "settings", "set", "security.isolated_lan", "on"])
        == 2
    )
    routes.disconnect()
    assert main(argv) == 0
    assert "Mật (SECRET)" in capsys.readouterr().out


def test_the_program_refuses_every_network_connection() -> None:
    """In a process of its own: the test suite's guard would catch the attempt first."""
    script = textwrap.dedent(
        """
        import socket
        from digitizer.errors import NetworkForbidden
        from digitizer.security.network import forbid_connections

        forbid_connections()
        server = socket.create_server(("127.0.0.1", 0))
        with socket.create_connection(server.getsockname(), timeout=5):
            pass  # loopback is allowed
        for family, address in ((socket.AF_INET, ("192.0.2.1", 9)),
                                (socket.AF_INET6, ("2001:db8::1", 9))):
            with socket.socket(family, socket.SOCK_STREAM) as sock:
                try:
                    sock.connect(address)
                except NetworkForbidden as refused:
                    print("refused", refused)
                else:
                    print("CONNECTED", address)
        try:
            socket.create_connection(("example.gov.vn", 80), timeout=1)
        except NetworkForbidden as refused:
            print("refused", refused)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            try:
                sock.sendto(b"x", ("192.0.2.1", 53))
            except NetworkForbidden:
                print("refused datagram")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 4 and all(line.startswith("refused") for line in lines), lines
    assert "Digitizer never opens one" in lines[0]
    assert "look up 'example.gov.vn'" in lines[2]  # before any DNS query


def test_the_suite_fails_a_test_that_tries_to_connect(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(
        "from tests.conftest import _no_network_connections  # noqa: F401\n", encoding="utf-8"
    )
    (tmp_path / "test_connects.py").write_text(
        textwrap.dedent(
            """
            import socket

            def test_swallows_the_refusal():
                try:
                    socket.create_connection(("192.0.2.1", 80), timeout=1)
                except OSError:
                    pass

            def test_local_sockets_are_fine():
                left, right = socket.socketpair()
                left.close(); right.close()
            """
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(tmp_path),
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    # The guard fails the test as it ends (an error of its teardown), whatever the test caught.
    assert result.returncode == 1, result.stdout + result.stderr
    assert "2 passed, 1 error" in result.stdout
    assert "ERROR test_connects.py::test_swallows_the_refusal" in result.stdout
    assert "tried to open a network connection" in result.stdout
    assert "192.0.2.1" in result.stdout
