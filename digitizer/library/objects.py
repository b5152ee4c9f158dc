"""Content-addressed object store: every blob lives at `objects/ab/cdef…` named by its SHA-256.

Writes go to a temporary file in `objects/tmp/`, are fsynced, renamed into place and the folder
fsynced, so a crash leaves either the whole object or nothing under its name. Objects are never
rewritten: storing bytes that are already there is a no-op.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1 << 20
_HEX = frozenset("0123456789abcdef")


def sha256_of_file(path: Path) -> str:
    """Hash a file by streaming it, without holding it in memory."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def is_sha256(name: str) -> bool:
    return len(name) == 64 and set(name) <= _HEX


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class StoredObject:
    sha256: str
    size: int


class ObjectStore:
    """The blobs of one library. Knows nothing of the catalogue."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._tmp = root / "tmp"

    def create(self) -> None:
        self._tmp.mkdir(parents=True, exist_ok=True)

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:]

    def contains(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def add_file(self, source: Path, expected_sha256: str | None = None) -> StoredObject:
        """Copy a file into the store, hashing it on the way; return its name and size.

        When `expected_sha256` is given and the copied bytes differ (the file changed since it was
        hashed), nothing is stored and `ValueError` is raised.
        """
        with source.open("rb") as stream:
            return self._add_stream(stream, expected_sha256)

    def adopt_file(self, temp: Path, sha256: str) -> StoredObject:
        """Move a file the program made itself (in `temp_folder()`) into the store, by rename.

        The caller has hashed it and nothing else writes to it, so it is not copied again.
        """
        size = temp.stat().st_size
        if self.contains(sha256):
            temp.unlink()
            return StoredObject(sha256, size)
        with temp.open("rb+") as stream:
            os.fsync(stream.fileno())
        self._publish(temp, sha256)
        return StoredObject(sha256, size)

    def temp_folder(self) -> Path:
        """A private scratch folder on the store's file system, removed by recovery if left."""
        self._tmp.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(dir=self._tmp, prefix="work-"))

    def add_bytes(self, data: bytes) -> StoredObject:
        sha256 = hashlib.sha256(data).hexdigest()
        if not self.contains(sha256):
            self._write(sha256, data)
        return StoredObject(sha256, len(data))

    def _write(self, name: str, data: bytes) -> None:
        """Put `data` in place under `name`: temporary file, fsync, rename, folder fsync."""
        temp = self._temp_file()
        try:
            with temp.open("wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            self._publish(temp, name)
        finally:
            temp.unlink(missing_ok=True)

    def _add_stream(self, stream: BinaryIO, expected_sha256: str | None) -> StoredObject:
        if expected_sha256 is not None and self.contains(expected_sha256):
            return StoredObject(expected_sha256, self.path_of(expected_sha256).stat().st_size)
        digest = hashlib.sha256()
        size = 0
        temp = self._temp_file()
        try:
            with temp.open("wb") as out:
                for chunk in iter(lambda: stream.read(CHUNK), b""):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha256 = digest.hexdigest()
            if expected_sha256 is not None and sha256 != expected_sha256:
                raise ValueError("the file changed while it was being imported")
            if not self.contains(sha256):
                self._publish(temp, sha256)
        finally:
            temp.unlink(missing_ok=True)
        return StoredObject(sha256, size)

    def _temp_file(self) -> Path:
        self._tmp.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=self._tmp, prefix="incoming-")
        os.close(fd)
        return Path(name)

    def _publish(self, temp: Path, sha256: str) -> None:
        target = self.path_of(sha256)
        folder = target.parent
        new_folder = not folder.exists()
        folder.mkdir(exist_ok=True)
        if new_folder:
            _fsync_dir(self.root)
        # Objects are read-only: a stray write by another program shows up in `verify`. And
        # private: no other account reads a page.
        temp.chmod(0o400)
        temp.replace(target)
        _fsync_dir(folder)

    def remove(self, sha256: str) -> None:
        """Delete an object; used only to undo an object whose catalogue row never committed."""
        path = self.path_of(sha256)
        if path.exists():
            path.unlink()
            _fsync_dir(path.parent)

    def rehash(self, sha256: str) -> str:
        return sha256_of_file(self.path_of(sha256))

    def iter_names(self) -> Iterator[str]:
        """Every object name on disk, in a stable order."""
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.iterdir()):
            if len(folder.name) != 2 or not folder.is_dir():
                continue
            for entry in sorted(folder.iterdir()):
                yield folder.name + entry.name

    def clear_temp(self) -> None:
        """Drop temporary files left by a writer that died; called only while holding the lock."""
        if self._tmp.is_dir():
            shutil.rmtree(self._tmp)
        self._tmp.mkdir(parents=True, exist_ok=True)
