"""A private folder in memory, for secret pages in flight.

Rendering, OCR and internal copies of a secret document need files for the tools they run
(poppler, Tesseract). Those files go to a folder on a RAM-backed file system (`/dev/shm`, or
the user's runtime folder), readable by this user only, removed when the work ends — so the
plaintext never reaches a persistent disk. Folders left by a process that died are removed when
the program next starts, and by the next one that makes a folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from digitizer.errors import NoPrivateMemory

RAM_FILE_SYSTEMS = frozenset({"tmpfs", "ramfs"})
_PREFIX = "digitizer-"


def _candidates() -> list[Path]:
    found = [Path("/dev/shm")]
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        found.append(Path(runtime))
    return found


def file_system_type(path: Path, mountinfo: Path = Path("/proc/self/mountinfo")) -> str:
    """The type of the file system `path` lies on ('' when it cannot be told)."""
    try:
        lines = mountinfo.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    target = str(path.resolve())
    best, kind = "", ""
    for line in lines:
        before, _, after = line.partition(" - ")
        fields = before.split()
        if len(fields) < 5 or not after:
            continue
        mount_point = fields[4].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, kind = mount_point, after.split()[0]
    return kind


def ram_root() -> Path:
    """A writable folder on a RAM-backed file system; NoPrivateMemory when there is none."""
    for candidate in _candidates():
        if (
            candidate.is_dir()
            and os.access(candidate, os.W_OK | os.X_OK)
            and file_system_type(candidate) in RAM_FILE_SYSTEMS
        ):
            return candidate
    raise NoPrivateMemory(
        "There is no RAM-backed folder (/dev/shm) to work on secret pages without writing them "
        "to disk; secret documents cannot be read or recognised on this machine."
    )


def make_private_folder() -> Path:
    """A new folder in memory, for this user only. The caller removes it (shutil.rmtree)."""
    root = ram_root()
    _remove_stale(root)
    return Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", dir=root))


@contextlib.contextmanager
def private_folder() -> Iterator[Path]:
    """`make_private_folder`, removed with everything in it when the block ends."""
    folder = make_private_folder()
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_stale_folders() -> None:
    """Remove the RAM folders of processes that died (at every start of the program, so a
    killed run's secret pages do not wait in memory for the next secret operation)."""
    for root in _candidates():
        if root.is_dir():
            _remove_stale(root)


def _remove_stale(root: Path) -> None:
    for entry in root.glob(f"{_PREFIX}*-*"):
        pid_text = entry.name[len(_PREFIX) :].split("-", 1)[0]
        if not pid_text.isdigit() or process_alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir() and entry.stat().st_uid == os.getuid():
                shutil.rmtree(entry, ignore_errors=True)


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
