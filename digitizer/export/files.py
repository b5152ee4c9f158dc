"""Writing export files so that a crash or a full disk never leaves half a file under the name."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def replacing(out: Path) -> Iterator[Path]:
    """A temporary path next to `out`; renamed onto `out` when the block ends without error."""
    temp = out.with_name(f".{out.name}.{os.getpid()}.part")
    try:
        yield temp
        with temp.open("rb+") as stream:
            os.fsync(stream.fileno())
        temp.replace(out)
    finally:
        temp.unlink(missing_ok=True)


def write_atomically(out: Path, data: bytes) -> None:
    with replacing(out) as temp:
        temp.write_bytes(data)
