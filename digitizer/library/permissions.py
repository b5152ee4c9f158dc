"""A library is private to the person who owns it: its folders 0700, its files 0600 (stored
objects 0400), so no other account on the machine reads the catalogue, the pages or the index.

New files get it from the program's umask (`PRIVATE_UMASK`, set when the program starts); an
existing library made before, or copied in with looser modes, is tightened when it is opened:
a library whose root folder is private has been tightened already, so the walk happens once.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE_UMASK = 0o077
"""No permission for group or others on anything the program creates."""
_OPEN_TO_OTHERS = stat.S_IRWXG | stat.S_IRWXO


def keep_private() -> None:
    """Make every file and folder this process creates private to its owner."""
    os.umask(PRIVATE_UMASK)


def is_private(path: Path) -> bool:
    return not path.stat().st_mode & _OPEN_TO_OTHERS


def tighten(root: Path) -> int:
    """Take group's and others' permissions off `root` and everything in it (owned by this
    user; others' files are left as they are). Returns how many modes changed."""
    changed = 0
    if is_private(root) or root.stat().st_uid != os.getuid():
        return changed
    for folder, folders, files in os.walk(root):
        for name in [*folders, *files]:
            changed += _private(Path(folder) / name)
    return changed + _private(root)  # the root last: a cut-off walk is taken up again


def _private(path: Path) -> int:
    with contextlib.suppress(OSError):
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
            return 0
        if info.st_mode & _OPEN_TO_OTHERS:
            path.chmod(stat.S_IMODE(info.st_mode) & ~_OPEN_TO_OTHERS)
            return 1
    return 0
