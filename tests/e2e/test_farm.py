"""The OCR farm on the real command line: a real `dask scheduler` and real `dask worker`
processes on 127.0.0.1 (free ports picked at random), the coordinator a `digitizer ocr
--scheduler` in its own process. Every process started here is killed when its test ends,
however it ends.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image

from tests.e2e.support import command, kill_when, query, run, run_json
from tests.e2e.test_secret_offline import secret_library
from tests.helpers.text_pages import text_page

pytestmark = pytest.mark.slow

START_DEADLINE = 60.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    """A scheduler and its workers, each in a process group of its own."""

    folder: Path
    port: int = field(default_factory=_free_port)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def address(self) -> str:
        return f"{self.protocol}://127.0.0.1:{self.port}"

    def _start(
        self, name: str, line: list[str], ready: str, env: dict[str, str] | None = None
    ) -> None:
        log = self.folder / f"{name}.log"
        with log.open("wb") as out:
            self.processes[name] = subprocess.Popen(
                line,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                env={**os.environ, "OMP_THREAD_LIMIT": "1", **(env or {})},
            )
        limit = time.monotonic() + START_DEADLINE
        while ready not in log.read_text(errors="replace"):
            if self.processes[name].poll() is not None or time.monotonic() > limit:
                raise AssertionError(f"{name} did not start:\n{log.read_text(errors='replace')}")
            time.sleep(0.1)

    tls: tuple[str, ...] = ()
    """--tls-ca-file CA --tls-cert CERT --tls-key KEY, for a farm that speaks TLS."""

    @property
    def protocol(self) -> str:
        return "tls" if self.tls else "tcp"

    def start_scheduler(self) -> None:
        self._start(
            "scheduler",
            [
                sys.executable,
                "-m",
                "distributed.cli.dask_scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--no-dashboard",
                *(("--protocol", "tls", *self.tls) if self.tls else ()),
            ],
            "Scheduler at:",
        )

    def start_worker(self, name: str, env: dict[str, str] | None = None) -> None:
        """A `dask worker` without a nanny: SIGKILL ends it for good."""
        self._start(
            name,
            [
                sys.executable,
                "-m",
                "distributed.cli.dask_worker",
                self.address,
                "--host",
                "127.0.0.1",
                "--nthreads",
                "1",
                "--no-nanny",
                "--no-dashboard",
                "--name",
                name,
                *self.tls,
            ],
            "Registered to:",
            env,
        )

    def start_digitizer_worker(self, name: str) -> None:
        """`digitizer worker`: the wrapper users run, one process, recycled after an hour."""
        self._start(
            name,
            command(None, "worker", self.address, "--processes", "1", "--name", name, *self.tls),
            "Registered to:",
        )

    def kill(self, name: str) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.processes[name].pid, signal.SIGKILL)
        self.processes[name].wait(timeout=30)

    def stop(self) -> None:
        for name in list(self.processes):
            self.kill(name)


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    """A scheduler with two single-threaded workers: one plain `dask worker`, one started the
    way users start theirs."""
    started = Cluster(tmp_path)
    try:
        started.start_scheduler()
        started.start_worker("worker-a")
        started.start_digitizer_worker("worker-b")
        yield started
    finally:
        started.stop()


def _document(folder: Path, pages: int) -> Path:
    """A multi-page scan of small text pages; page 2 is scanned askew, so that its prepared
    (straightened) image travels back from the farm too."""
    frames = []
    for n in range(pages):
        image = text_page(n, line_count=3, heading=f"Trang {n + 1}").image
        if n == 1:
            image = image.rotate(3, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
        frames.append(image)
    path = folder / "van-kien.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(300, 300))
    return path


def _import(library: Path, path: Path) -> str:
    return str(run_json(library, "import", path)["imported"][0]["document"])


def _results(library: Path) -> list[tuple[int, str, str, str]]:
    """Each page's number, text, word-model hash and prepared-image hash."""
    return [
        (int(row[0]), str(row[1]), str(row[2]), str(row[3]))
        for row in query(
            library,
            "SELECT p.number, t.text, t.words_sha256, t.prepared_sha256 FROM page_texts t "
            "JOIN pages p ON p.id = t.page_id ORDER BY p.number",
        )
    ]


def _object(library: Path, sha256: str) -> bytes:
    return (library / "objects" / sha256[:2] / sha256[2:]).read_bytes()


def _pages_done(library: Path) -> int:
    if not (library / "catalog.sqlite3").exists():
        return 0
    return int(query(library, "SELECT count(*) FROM page_texts")[0][0])


def _when_pages_done(library: Path, count: int, then: object) -> threading.Thread:
    """Call `then()` in a thread once `count` pages of the library have their text."""

    def watch() -> None:
        limit = time.monotonic() + 120
        while _pages_done(library) < count and time.monotonic() < limit:
            time.sleep(0.05)
        then()  # type: ignore[operator]

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def test_the_farm_reads_pages_byte_for_byte_as_local_ocr(
    tmp_path: Path, inputs: Path, cluster: Cluster
) -> None:
    scan = _document(inputs, 4)
    local, farmed = tmp_path / "local", tmp_path / "farmed"
    _import(local, scan)
    _import(farmed, scan)

    here = run_json(local, "ocr", "--all", "--jobs", "2")
    there = run_json(farmed, "ocr", "--all", "--scheduler", cluster.address)

    assert (here["done"], here["failed"]) == (4, [])
    assert (there["done"], there["failed"]) == (4, [])
    assert _results(farmed) == _results(local)
    assert any(prepared != "None" for *_, prepared in _results(farmed))
    for _, _, words, prepared in _results(farmed):
        assert _object(farmed, words) == _object(local, words)
        if prepared != "None":
            assert _object(farmed, prepared) == _object(local, prepared)
    assert run(farmed, "verify").returncode == 0
    audit = query(farmed, "SELECT details FROM audit_log WHERE event = 'ocr-farm'")
    assert len(audit) == 1 and cluster.address in str(audit[0][0])
    assert '"pages": 4' in str(audit[0][0])
    # The library's setting names the farm too; a second run finds every page done.
    assert run(farmed, "settings", "set", "ocr.scheduler", cluster.address).returncode == 0
    again = run_json(farmed, "ocr", "--all")
    assert (again["done"], again["skipped"]) == (0, 4)


def test_a_worker_killed_mid_run_loses_no_page(
    tmp_path: Path, inputs: Path, cluster: Cluster
) -> None:
    library = tmp_path / "library"
    # Enough pages that worker-a still holds some once the observer has connected: small
    # pages read in a fraction of a second each.
    pages = 16
    _import(library, _document(inputs, pages))
    held: list[str] = []

    def kill_while_reading() -> None:
        """SIGKILL worker-a while the scheduler lists a page on it (asked as a Dask client)."""
        from distributed import Client

        with Client(cluster.address, timeout=30, set_as_default=False) as observer:  # type: ignore[no-untyped-call]
            limit = time.monotonic() + 60
            while not held and time.monotonic() < limit:
                for worker, keys in observer.processing().items():
                    if keys and observer.scheduler_info()["workers"][worker]["name"] == "worker-a":
                        held.extend(str(key) for key in keys)
                time.sleep(0.02)
            cluster.kill("worker-a")

    killer = _when_pages_done(library, 1, kill_while_reading)

    result = run_json(library, "ocr", "--all", "--scheduler", cluster.address)
    killer.join()

    assert cluster.processes["worker-a"].returncode == -signal.SIGKILL
    assert held and all(key.startswith("digitizer-ocr-") for key in held)
    assert (result["done"], result["failed"]) == (pages, [])
    done = query(library, "SELECT page_id, count(*) FROM page_texts GROUP BY page_id")
    assert len(done) == pages and all(count == 1 for _, count in done)
    states = query(library, "SELECT state, count(*) FROM job_pages GROUP BY state")
    assert states == [("done", pages)]
    assert run(library, "verify").returncode == 0


def test_a_scheduler_stopped_mid_run_is_a_clear_error_and_a_rerun_finishes(
    tmp_path: Path, inputs: Path, cluster: Cluster
) -> None:
    library = tmp_path / "library"
    _import(library, _document(inputs, 6))
    stopper = _when_pages_done(library, 1, lambda: cluster.kill("scheduler"))

    cut = run(library, "ocr", "--all", "--scheduler", cluster.address)
    stopper.join()

    assert cut.returncode == 1, cut.describe()
    assert "[cluster-unreachable]" in cut.stderr
    assert "run the same command again" in cut.stderr
    filed = _pages_done(library)
    assert 1 <= filed < 6
    assert query(library, "SELECT state FROM jobs") == [("interrupted",)]
    # The farm is gone for good: this machine takes up the rest.
    rest = run_json(library, "ocr", "--all", "--jobs", "2")
    assert (rest["done"], rest["failed"], rest["resumed_jobs"]) == (6 - filed, [], [1])
    done = query(library, "SELECT page_id, count(*) FROM page_texts GROUP BY page_id")
    assert len(done) == 6 and all(count == 1 for _, count in done)
    assert run(library, "verify").returncode == 0


def test_an_unreachable_scheduler_leaves_every_page_pending(tmp_path: Path, inputs: Path) -> None:
    library = tmp_path / "library"
    _import(library, _document(inputs, 1))

    result = run(library, "ocr", "--all", "--scheduler", f"tcp://127.0.0.1:{_free_port()}")

    assert result.returncode == 1, result.describe()
    assert "[cluster-unreachable]" in result.stderr
    assert _pages_done(library) == 0
    assert query(library, "SELECT state FROM job_pages") == [("pending",)]


def test_a_secret_document_never_leaves_for_the_farm(tmp_path: Path, inputs: Path) -> None:
    """Every page refused, and the scheduler's port never even sees a connection."""
    library = tmp_path / "library"
    passphrase = secret_library(library, tmp_path / "user")
    secret = run_json(
        library,
        "import",
        _document(inputs, 2),
        "--classification",
        "SECRET",
        "--passphrase-file",
        passphrase,
    )["imported"][0]["document"]
    connections: list[object] = []
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.2)
        port = listener.getsockname()[1]

        result = run(library, "ocr", secret, "--scheduler", f"tcp://127.0.0.1:{port}", "--json")

        with contextlib.suppress(TimeoutError):
            connections.append(listener.accept())
    for accepted in connections:
        accepted[0].close()  # type: ignore[index]

    assert result.returncode == 1, result.describe()
    failed = result.json()["failed"]
    assert [(f["page"], f["code"]) for f in failed] == [
        (1, "secret-refused"),
        (2, "secret-refused"),
    ]
    assert "never leave" in failed[0]["message"]
    assert connections == []
    assert _pages_done(library) == 0


def test_ctrl_c_stops_between_pages_and_the_same_command_finishes(
    tmp_path: Path, inputs: Path, cluster: Cluster
) -> None:
    library = tmp_path / "library"
    _import(library, _document(inputs, 6))
    assert run(library, "settings", "set", "ocr.scheduler", cluster.address).returncode == 0
    with subprocess.Popen(
        command(library, "ocr", "--all", "--json"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    ) as process:
        try:
            interrupter = _when_pages_done(library, 1, lambda: process.send_signal(signal.SIGINT))
            out, err = process.communicate(timeout=120)
            interrupter.join()
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)

    assert process.returncode == 1, err.decode()
    report = json.loads(out)
    assert report["cancelled"] is True and 1 <= report["done"] < 6
    rest = run_json(library, "ocr", "--all")
    assert rest["done"] + report["done"] == 6 and rest["failed"] == []
    assert run(library, "verify").returncode == 0


def test_a_worker_with_another_language_model_is_refused_before_any_page_goes(
    tmp_path: Path, inputs: Path
) -> None:
    """Its Tesseract reads `vie` from a model file that differs by one byte."""
    installed = Path(
        subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, check=True
        ).stdout.split('"')[1]
    )
    other = tmp_path / "tessdata"
    other.mkdir()
    for model in installed.glob("*.traineddata"):
        (other / model.name).symlink_to(model)
    (other / "vie.traineddata").unlink()
    (other / "vie.traineddata").write_bytes((installed / "vie.traineddata").read_bytes() + b"\0")
    library = tmp_path / "library"
    _import(library, _document(inputs, 2))
    cluster = Cluster(tmp_path)
    try:
        cluster.start_scheduler()
        cluster.start_worker("other-model", env={"TESSDATA_PREFIX": str(other)})

        result = run(library, "ocr", "--all", "--scheduler", cluster.address)
    finally:
        cluster.stop()

    assert result.returncode == 1, result.describe()
    assert "[farm-mismatch]" in result.stderr and "no page was sent" in result.stderr
    assert _pages_done(library) == 0
    assert query(library, "SELECT state, count(*) FROM job_pages GROUP BY state") == [
        ("pending", 2)
    ]


def _certificates(folder: Path) -> tuple[str, ...]:
    """A CA and one certificate it signed (for every end: Dask checks the CA, not host names)."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    def name(text: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])

    now = datetime.datetime.now(datetime.UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(name("Văn phòng lưu trữ CA"))
        .issuer_name(name("Văn phòng lưu trữ CA"))
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    leaf = (
        x509.CertificateBuilder()
        .subject_name(name("127.0.0.1"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(2)
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    (folder / "ca.pem").write_bytes(ca.public_bytes(pem))
    (folder / "farm.pem").write_bytes(leaf.public_bytes(pem))
    (folder / "farm.key").write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return (
        *("--tls-ca-file", str(folder / "ca.pem")),
        *("--tls-cert", str(folder / "farm.pem")),
        *("--tls-key", str(folder / "farm.key")),
    )


def test_a_farm_over_tls_needs_the_certificates(tmp_path: Path, inputs: Path) -> None:
    certificates = tmp_path / "certificates"
    certificates.mkdir()
    cluster = Cluster(tmp_path, tls=_certificates(certificates))
    library = tmp_path / "library"
    _import(library, _document(inputs, 2))
    try:
        cluster.start_scheduler()
        cluster.start_worker("worker-tls")

        bare = run(library, "ocr", "--all", "--scheduler", cluster.address)
        plain = run(library, "ocr", "--all", "--scheduler", cluster.address.replace("tls", "tcp"))
        secured = run_json(library, "ocr", "--all", "--scheduler", cluster.address, *cluster.tls)
    finally:
        cluster.stop()

    assert bare.returncode == 1 and "give --tls-ca-file, --tls-cert and --tls-key" in bare.stderr
    assert plain.returncode == 1 and "[cluster-unreachable]" in plain.stderr
    assert (secured["done"], secured["failed"], secured["resumed_jobs"]) == (2, [], [1, 2])


def test_a_coordinator_killed_mid_run_resumes_where_it_stopped(
    tmp_path: Path, inputs: Path, cluster: Cluster
) -> None:
    library = tmp_path / "library"
    _import(library, _document(inputs, 6))

    kill_when(
        library,
        ("ocr", "--all", "--scheduler", cluster.address),
        lambda: _pages_done(library) >= 1,
    )
    filed = _pages_done(library)
    rest = run_json(library, "ocr", "--scheduler", cluster.address)

    assert 1 <= filed < 6
    assert (rest["done"], rest["failed"], rest["resumed_jobs"]) == (6 - filed, [], [1])
    done = query(library, "SELECT page_id, count(*) FROM page_texts GROUP BY page_id")
    assert len(done) == 6 and all(count == 1 for _, count in done)
    assert run(library, "verify").returncode == 0
