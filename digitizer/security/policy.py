"""The rules on settings that guard secret documents, in the core, so that every caller — the
command line, the window, a script using the service — meets the same ones: a protected setting
is changed only through its own path, with a reason and an audit entry, or not at all; a QR link
template must be an http(s) address with one `{id}`.
"""

from __future__ import annotations

from digitizer.errors import SettingRefused
from digitizer.export.names import URL_TEMPLATE_SETTING
from digitizer.export.qr import check_url_template
from digitizer.library import Library
from digitizer.library.library import INDEX_PURGE_SETTING
from digitizer.security.access import declare_isolated_lan
from digitizer.security.audit import HEAD_SETTING
from digitizer.security.network import ISOLATED_LAN_SETTING
from digitizer.security.vault import KEY_CHECK_SETTING

PROTECTED_SETTINGS = {
    ISOLATED_LAN_SETTING: "is changed with `settings isolated-lan on|off --reason TEXT`",
    HEAD_SETTING: "is written by the audit log only",
    KEY_CHECK_SETTING: "is written by the vault only",
    INDEX_PURGE_SETTING: "is written by the search index only",
}
"""Settings that a plain `set` may not touch, and what to do instead."""


def change_setting(library: Library, key: str, value: str, reason: str = "") -> str:
    """Set a library setting by the rules above; returns the value kept."""
    value, reason = value.strip(), reason.strip()
    if key == ISOLATED_LAN_SETTING:
        if value not in ("on", "off", ""):
            raise SettingRefused(f"{key} is 'on' or 'off'.")
        if not reason:
            raise SettingRefused(f"{key} needs a reason (it goes into the audit log).")
        return "on" if declare_isolated_lan(library, value == "on", reason).on else ""
    if key in PROTECTED_SETTINGS:
        raise SettingRefused(f"{key} {PROTECTED_SETTINGS[key]}.")
    if key == URL_TEMPLATE_SETTING and value:
        value = check_url_template(value)
    library.set_setting(key, value)
    return value
