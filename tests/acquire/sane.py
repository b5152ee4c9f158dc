"""A private SANE configuration holding only the `test` backend (sane-backends' virtual
scanner), so tests scan real pages through the real `scanimage` without touching the machine's
own scanner setup."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

requires_scanimage = pytest.mark.skipif(
    shutil.which("scanimage") is None, reason="scanimage (sane-utils) is not installed"
)


def sane_config(
    folder: Path, picture: str = "Grid", read_status: str = "Default", delay_us: int = 0
) -> Path:
    """A SANE_CONFIG_DIR whose only backend is `test`: two virtual devices whose feeder holds 10
    sheets, drawing `picture`, with `read_status` the status every page read returns and, with
    `delay_us`, a pause after each buffer (about 5 per page at 75 dpi) as a slow scanner has."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text("test\n")
    (folder / "test.conf").write_text(
        "number_of_devices 2\n"
        "mode Gray\n"
        "depth 8\n"
        "resolution 75\n"
        f'test-picture "{picture}"\n'
        f'read-status-code "{read_status}"\n'
        + (f"read-delay true\nread-delay-duration {delay_us}\n" if delay_us else "")
    )
    return folder


def use_sane_config(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    monkeypatch.setenv("SANE_CONFIG_DIR", str(folder))
    # The dll backend also reads dll.d/ from the system folder; nothing else must load.
    monkeypatch.delenv("SANE_DEFAULT_DEVICE", raising=False)
    return folder


def environment(folder: Path) -> dict[str, str]:
    """The environment for a `digitizer` subprocess that scans with `folder`'s configuration."""
    return {**os.environ, "SANE_CONFIG_DIR": str(folder)}
