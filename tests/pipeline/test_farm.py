"""The OCR farm's pieces that need no cluster: the network guard's one exception, the worker's
command line, task names. (The farm itself runs in tests/e2e/test_farm.py.)"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import textwrap
from pathlib import Path

from digitizer.cli.farm import worker_command
from digitizer.pipeline.farm import task_key


def test_the_guard_lets_through_the_named_scheduler_only_and_only_while_connected() -> None:
    """In a process of its own (the test suite's guard would see the attempts first). The audit
    events are raised by hand: no packet leaves."""
    script = textwrap.dedent(
        """
        import socket, sys
        from digitizer.errors import NetworkForbidden
        from digitizer.security.network import allowed_connection, forbid_connections

        forbid_connections()
        sock = socket.socket()

        def attempt(host, port):
            try:
                sys.audit("socket.connect", sock, (host, port))
            except NetworkForbidden:
                return "refused"
            return "let through"

        print("before", attempt("192.0.2.7", 8786))
        with allowed_connection("192.0.2.7", 8786):
            print("during", attempt("192.0.2.7", 8786))
            print("other port", attempt("192.0.2.7", 22))
            print("other host", attempt("192.0.2.8", 8786))
        print("after", attempt("192.0.2.7", 8786))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "before refused",
        "during let through",
        "other port refused",
        "other host refused",
        "after refused",
    ]


def test_a_worker_is_one_single_threaded_process_per_core_recycled() -> None:
    args = argparse.Namespace(
        address="tls://10.0.0.5:8786",
        processes=4,
        lifetime="30m",
        name="may-3",
        worker_port="9000:9003",
        nanny_port=None,
        tls_ca_file="ca.pem",
        tls_cert="w.pem",
        tls_key="w.key",
    )

    line = worker_command(args)

    assert line[1:5] == ["-P", "-m", "distributed.cli.dask_worker", "tls://10.0.0.5:8786"]
    pairs = dict(itertools.pairwise(line))
    assert pairs["--nworkers"] == "4" and pairs["--nthreads"] == "1"
    assert pairs["--lifetime"] == "30m" and "--lifetime-restart" in line
    assert pairs["--tls-ca-file"] == "ca.pem" and pairs["--tls-key"] == "w.key"
    assert pairs["--worker-port"] == "9000:9003" and "--nanny-port" not in line


def test_a_page_task_is_named_by_its_image_and_settings() -> None:
    assert task_key("ab" * 32, "k1") == task_key("ab" * 32, "k1")
    assert task_key("ab" * 32, "k1") != task_key("ab" * 32, "k2")
    assert task_key("ab" * 32, "k1") != task_key("cd" * 32, "k1")


def test_ocr_without_a_farm_does_not_load_dask(tmp_path: Path) -> None:
    """Dask's client takes half a second of CPU to load: a run on this machine's own cores,
    with no scheduler named or set, goes without it."""
    script = textwrap.dedent(
        """
        import sys
        from digitizer.cli import main
        code = main(["--library", sys.argv[1], "ocr", "--all", "--json"])
        print(code, "distributed" in sys.modules)
        """
    )
    library = tmp_path / "library"
    init = [sys.executable, "-c", "from digitizer.cli import main; main()"]
    subprocess.run([*init, "--library", str(library), "init"], check=True, capture_output=True)
    result = subprocess.run(
        [sys.executable, "-c", script, str(library)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["0", "False"], result.stdout
