"""Command-line pieces of the OCR farm: `ocr --scheduler` and `digitizer worker`."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from digitizer.cli.support import Commands, add_command, add_cores_option, usage_error
from digitizer.pipeline import SCHEDULER_SETTING

if TYPE_CHECKING:
    from digitizer.pipeline.farm import FarmSettings
    from digitizer.service import Workstation

LOCAL = "local"
"""`--scheduler local`: this machine's cores, whatever the library's `ocr.scheduler` says."""


def add_farm_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="send the pages to the OCR farm whose Dask scheduler listens at tcp://HOST:PORT "
        "(or tls://HOST:PORT); 'local' reads them here (default: the library's ocr.scheduler, "
        "else local)",
    )
    _add_tls_options(parser)


def _add_tls_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tls-ca-file", type=Path, metavar="PEM", help="tls://: the farm's CA")
    parser.add_argument("--tls-cert", type=Path, metavar="PEM", help="tls://: this certificate")
    parser.add_argument("--tls-key", type=Path, metavar="PEM", help="tls://: its private key")


def farm_settings(station: Workstation, args: argparse.Namespace) -> FarmSettings | None:
    """The farm `ocr` should use: --scheduler, else the library's `ocr.scheduler`, else none."""
    address = args.scheduler if args.scheduler is not None else station.setting(SCHEDULER_SETTING)
    address = address.strip()
    if not address or address == LOCAL:
        return None
    from digitizer.pipeline.farm import FarmSettings  # Dask loads only for a farm

    return FarmSettings(address, args.tls_ca_file, args.tls_cert, args.tls_key)


def add_parsers(commands: Commands) -> None:
    worker = add_command(
        commands,
        "worker",
        "lend this machine's cores to an OCR farm",
        "Run a Dask worker for the OCR farm whose scheduler listens at ADDRESS: one process per "
        "core, one Tesseract thread each, each process replaced after --lifetime so that memory "
        "does not creep. Stop it with Ctrl+C; its pages go to the other workers.",
        library=False,
    )
    worker.add_argument("address", metavar="ADDRESS", help="tcp://HOST:PORT or tls://HOST:PORT")
    add_cores_option(worker, "--processes", "worker processes")
    worker.add_argument(
        "--lifetime",
        default="1h",
        metavar="TIME",
        help="replace each process after this long, between pages (default: 1h)",
    )
    worker.add_argument("--name", metavar="NAME", help="this machine's name on the farm")
    worker.add_argument(
        "--worker-port", metavar="RANGE", help="ports the processes listen on, e.g. 9000:9031"
    )
    worker.add_argument(
        "--nanny-port", metavar="RANGE", help="ports their nannies listen on, e.g. 9100:9131"
    )
    _add_tls_options(worker)


def worker_command(args: argparse.Namespace) -> list[str]:
    """The `dask worker` command line that `digitizer worker ARGS` runs."""
    line = [
        sys.executable,
        "-P",  # not the current folder first on the path: a checkout there must not shadow us
        "-m",
        "distributed.cli.dask_worker",
        args.address,
        "--nworkers",
        str(args.processes),
        "--nthreads",
        "1",
        "--lifetime",
        args.lifetime,
        "--lifetime-stagger",
        "5m",
        "--lifetime-restart",
        "--no-dashboard",
    ]
    if args.name:
        line += ["--name", args.name]
    for option, value in (
        ("--worker-port", args.worker_port),
        ("--nanny-port", args.nanny_port),
        ("--tls-ca-file", args.tls_ca_file),
        ("--tls-cert", args.tls_cert),
        ("--tls-key", args.tls_key),
    ):
        if value is not None:
            line += [option, str(value)]
    return line


def cmd_worker(station: Workstation, args: argparse.Namespace) -> int:
    if not args.address.startswith(("tcp://", "tls://")):
        return usage_error("worker", "give the scheduler as tcp://HOST:PORT")
    # One single-threaded Tesseract per process: the processes are the parallelism.
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with subprocess.Popen(worker_command(args), env=environment) as process:
        try:
            return process.wait()
        except KeyboardInterrupt:
            # The worker got Ctrl+C too and hands its pages back to the scheduler; wait for it.
            return process.wait()


COMMANDS = {"worker": cmd_worker}
