"""Running the real `digitizer` command line in a subprocess, and looking at what it left on disk.

Nothing here mocks the program: every call is `python -m digitizer …` with real files.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf

from digitizer import errors

# A command that hangs is a failure of its own; no single call should get near this.
CALL_TIMEOUT = 120


@dataclass(frozen=True)
class Result:
    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        try:
            return json.loads(self.stdout)
        except json.JSONDecodeError as error:
            raise AssertionError(
                f"`{' '.join(self.args)}` did not print JSON ({error}):\n"
                f"stdout: {self.stdout!r}\nstderr: {self.stderr!r}"
            ) from error

    def describe(self) -> str:
        return (
            f"`{' '.join(self.args)}` exited {self.returncode}\n"
            f"--- stdout ---\n{self.stdout}\n--- stderr ---\n{self.stderr}"
        )


def command(library: Path | None, *args: str | Path) -> list[str]:
    line = [sys.executable, "-m", "digitizer"]
    if library is not None:
        line += ["--library", str(library)]
    return line + [str(arg) for arg in args]


def run(
    library: Path | None,
    *args: str | Path,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> Result:
    """Run `digitizer [--library LIB] ARGS…` and return what it did.

    The command line promises a message and never a traceback, whatever goes wrong, so every
    call checks that here.
    """
    line = command(library, *args)
    completed = subprocess.run(
        line,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=CALL_TIMEOUT,
        check=False,
    )
    result = Result(tuple(line[2:]), completed.returncode, completed.stdout, completed.stderr)
    assert "Traceback (most recent call last)" not in result.stderr, result.describe()
    return result


def run_json(library: Path | None, *args: str | Path, expect: int = 0) -> Any:
    result = run(library, *args, "--json")
    assert result.returncode == expect, result.describe()
    return result.json()


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def object_path(library: Path, sha256: str) -> Path:
    return library / "objects" / sha256[:2] / sha256[2:]


def objects_on_disk(library: Path) -> set[str]:
    """The names of the files in the store's `objects/xx/` folders."""
    names: set[str] = set()
    for folder in (library / "objects").iterdir():
        if folder.is_dir() and len(folder.name) == 2:
            names.update(folder.name + entry.name for entry in folder.iterdir())
    return names


def leftover_temporary_files(library: Path) -> list[Path]:
    temp = library / "objects" / "tmp"
    return sorted(path for path in temp.rglob("*") if path.is_file()) if temp.is_dir() else []


def query(library: Path, sql: str) -> list[tuple[Any, ...]]:
    """Read the catalogue without writing to it (the program may be running)."""
    uri = f"file:{library / 'catalog.sqlite3'}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=10)) as connection:
        return [tuple(row) for row in connection.execute(sql).fetchall()]


def catalogued_objects(library: Path) -> set[str]:
    return {str(row[0]) for row in query(library, "SELECT sha256 FROM objects")}


def make_writable(path: Path) -> None:
    path.chmod(0o644)


def stable_error_codes() -> set[str]:
    """Every code a `DigitizerError` subclass declares in digitizer/errors.py."""
    codes: set[str] = set()
    pending: list[type[errors.DigitizerError]] = [errors.DigitizerError]
    while pending:
        cls = pending.pop()
        codes.add(cls.code)
        pending.extend(cls.__subclasses__())
    return codes


# --- input files the shared helpers do not make -------------------------------------------------


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_bomb(path: Path, width: int = 20_000, height: int = 20_000) -> Path:
    """A valid 1-bit all-white PNG of `width` × `height` pixels, a few dozen KB on disk.

    Written chunk by chunk so the test never holds the decoded image in memory.
    """
    assert width % 8 == 0
    row = b"\x00" + b"\xff" * (width // 8)  # filter type 0, then white pixels
    packer = zlib.compressobj(9)
    compressed = bytearray()
    rows_per_block = 1000
    for start in range(0, height, rows_per_block):
        compressed += packer.compress(row * min(rows_per_block, height - start))
    compressed += packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", bytes(compressed))
        + _png_chunk(b"IEND", b"")
    )
    return path


def _write_pdf(path: Path, objects: list[bytes]) -> Path:
    """A PDF of `objects` (numbered from 1; the first is the catalogue), with its xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode("ascii") + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode("ascii")
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode("ascii")
    path.write_bytes(bytes(out))
    return path


def _stream(dictionary: str, data: bytes) -> bytes:
    return (
        f"<< {dictionary} /Length {len(data)} >>\nstream\n".encode("ascii")
        + data
        + (b"\nendstream")
    )


def pdf_with_text(path: Path, text: str = "Nghi quyet", size: tuple[int, int] = (216, 288)) -> Path:
    """A born-digital one-page PDF: Helvetica text and no image, written by hand."""
    content = f"BT /F1 12 Tf 36 {size[1] - 72} Td ({text}) Tj ET".encode("ascii")
    return _write_pdf(
        path,
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            (
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size[0]} {size[1]}] "
                f"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            ).encode("ascii"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            _stream("", content),
        ],
    )


def pdf_with_huge_image(path: Path, side: int) -> Path:
    """A PDF bomb: a one-inch page covered by one white 1-bit image of `side` × `side` pixels,
    Flate-compressed to a few KB."""
    assert side % 8 == 0
    row = b"\xff" * (side // 8)
    packer = zlib.compressobj(9)
    data = bytearray()
    for start in range(0, side, 1000):
        data += packer.compress(row * min(1000, side - start))
    data += packer.flush()
    image = (
        f"/Type /XObject /Subtype /Image /Width {side} /Height {side} /ColorSpace /DeviceGray "
        "/BitsPerComponent 1 /Filter /FlateDecode"
    )
    return _write_pdf(
        path,
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] "
            b"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
            _stream(image, bytes(data)),
            _stream("", b"q 72 0 0 72 0 0 cm /Im0 Do Q"),
        ],
    )


def add_text_to_page(source: Path, target: Path, page_index: int, *, invisible: bool) -> Path:
    """Copy a PDF, drawing a line of Helvetica text over one page; `invisible` uses render
    mode 3, as OCR programs do for the text layer they lay over a scan."""
    with pikepdf.open(source) as pdf:
        page = pdf.pages[page_index]
        font = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Font,
                Subtype=pikepdf.Name.Type1,
                BaseFont=pikepdf.Name.Helvetica,
            )
        )
        page.obj.Resources.Font = pikepdf.Dictionary(F1=font)
        mode = b"3 Tr " if invisible else b""
        text = b"BT /F1 12 Tf " + mode + b"24 24 Td (Nghi quyet so 24) Tj ET"
        page.contents_add(pikepdf.Stream(pdf, text), prepend=False)
        pdf.save(target)
    return target


def kill_when(
    library: Path,
    args: tuple[str | Path, ...],
    ready: Callable[[], bool],
    *,
    delay: float = 0.0,
    deadline: float = 120.0,
) -> None:
    """Run `digitizer ARGS` and SIGKILL it (and its process group) once `ready()` holds and a
    further `delay` has passed: a crash at a chosen moment. Fails if it ends first."""
    with subprocess.Popen(
        command(library, *args),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its children share its process group
    ) as process:
        limit = time.monotonic() + deadline
        try:
            while not ready():
                if process.poll() is not None:
                    stderr = process.communicate()[1].decode(errors="replace")
                    raise AssertionError(f"it ended (exit {process.returncode}) first:\n{stderr}")
                if time.monotonic() > limit:
                    raise AssertionError(f"not ready after {deadline} s")
                time.sleep(0.01)
            time.sleep(delay)
            os.kill(process.pid, signal.SIGKILL)
        finally:
            if process.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.communicate()
