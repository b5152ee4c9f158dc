"""The policy on settings lives in the core: whoever calls the service (the command line, the
window, a script) cannot declare an isolated LAN without a reason and an audit entry, cannot
write the settings that only the program writes, and cannot store a bad QR link template."""

from __future__ import annotations

from pathlib import Path

import pytest

from digitizer.errors import InvalidUrlTemplate, SettingRefused
from digitizer.security.policy import PROTECTED_SETTINGS
from digitizer.service import Workstation
from tests.e2e.support import run


def test_a_second_caller_cannot_skip_the_policy(library_path: Path) -> None:
    station = Workstation(library_path)
    station.init()
    with pytest.raises(SettingRefused, match="reason"):
        station.set_setting("security.isolated_lan", "on")
    assert station.setting("security.isolated_lan") == ""
    for key in PROTECTED_SETTINGS:
        if key != "security.isolated_lan":
            with pytest.raises(SettingRefused):
                station.set_setting(key, "1:" + "0" * 64, "muốn sửa")
            assert station.setting(key) == ""
    with pytest.raises(InvalidUrlTemplate):
        station.set_setting("qr.url_template", "example.gov.vn/tai-lieu")

    assert station.set_setting("security.isolated_lan", "on", "phòng máy cách ly") == "on"
    (entry,) = [e for e in station.audit_log() if e.event == "isolated-lan"]
    assert entry.details == {"on": True, "reason": "phòng máy cách ly"}
    assert station.audit_verify().ok
    assert station.set_setting("qr.url_template", " https://lt.gov.vn/{id} ") == (
        "https://lt.gov.vn/{id}"
    )


def test_the_command_line_refuses_protected_settings(tmp_path: Path) -> None:
    library = tmp_path / "library"
    assert run(library, "init").returncode == 0
    for key in PROTECTED_SETTINGS:
        refused = run(library, "settings", "set", key, "on")
        assert refused.returncode == 2 and key in refused.stderr
    assert run(library, "audit", "verify").returncode == 0
