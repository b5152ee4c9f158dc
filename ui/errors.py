"""How the window tells of failures: the core's typed errors as plain dialogs; anything
unexpected as a crash dialog, with the details written to a log file in the library's folder."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from digitizer.errors import DigitizerError
from ui.qt import QCoreApplication, QMessageBox, QWidget

LOG_NAME = "digitizer-window.log"
_log = logging.getLogger("digitizer.window")


def log_path(library: Path) -> Path:
    return library / LOG_NAME


def start_log(library: Path) -> Path:
    """Send the window's log to a file in the library's folder (made if need be)."""
    path = log_path(library)
    path.parent.mkdir(parents=True, exist_ok=True)
    for handler in list(_log.handlers):
        _log.removeHandler(handler)
        handler.close()
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    _log.addHandler(handler)
    _log.setLevel(logging.INFO)
    _log.propagate = False
    return path


def stop_log() -> None:
    for handler in list(_log.handlers):
        _log.removeHandler(handler)
        handler.close()


def is_expected(error: BaseException) -> bool:
    """A failure the user can act on (a typed error, or the operating system saying no)."""
    return isinstance(error, DigitizerError | OSError)


def plain_message(error: BaseException) -> str:
    if isinstance(error, DigitizerError):
        return f"{error.message} [{error.code}]"
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return f"{error.strerror or error}{where}"
    return str(error) or type(error).__name__


def own_words(error: BaseException) -> str:
    """The window's own words, in its language, for the failures of the vault and the network
    guard (the core's message goes in the dialog's details); '' for other failures."""
    if not isinstance(error, DigitizerError):
        return ""
    words = {
        "wrong-passphrase": QCoreApplication.translate(
            "Errors",
            "Wrong passphrase: the vault stays locked and nothing was changed. The attempt is "
            "written in the audit log.",
        ),
        "vault-locked": QCoreApplication.translate(
            "Errors",
            "This is a secret document: unlock the vault first (Vault → Unlock the vault…).",
        ),
        "vault-missing": QCoreApplication.translate(
            "Errors",
            "This library has no vault yet. Create one on the command line: digitizer vault init.",
        ),
        "vault-damaged": QCoreApplication.translate(
            "Errors",
            "A sealed part of this document was altered or damaged, so it is not read. Restore "
            "the library from a backup.",
        ),
        "vault-error": QCoreApplication.translate(
            "Errors",
            "The vault cannot be used: its key file is damaged, or the passphrase is too short.",
        ),
        "network-connected": QCoreApplication.translate(
            "Errors",
            "This machine is connected to a network, so secret documents stay shut. Unplug it "
            "or switch the network off; an isolated in-building LAN is declared on the command "
            "line: digitizer settings isolated-lan on --reason TEXT.",
        ),
        "no-ram-folder": QCoreApplication.translate(
            "Errors",
            "There is no RAM-backed folder (/dev/shm) to work on secret pages without writing "
            "them to disk.",
        ),
    }
    return words.get(error.code, "")


def show_error(parent: QWidget | None, title: str, error: BaseException) -> QMessageBox:
    """A clear, non-blocking dialog for an expected failure."""
    _log.info("%s: %s", title, plain_message(error))
    box = QMessageBox(parent)
    box.setObjectName("error-dialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    words = own_words(error)
    if words and isinstance(error, DigitizerError):
        box.setText(f"{words} [{error.code}]")
        box.setDetailedText(error.message)
    else:
        box.setText(plain_message(error))
    box.open()
    return box


def show_crash(
    parent: QWidget | None, error: BaseException, trace: str, log_file: Path | None
) -> QMessageBox:
    """The crash dialog: something went wrong that the program did not expect."""
    _log.error("unexpected error: %s\n%s", error, trace)
    box = QMessageBox(parent)
    box.setObjectName("crash-dialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Unexpected error"))
    text = QCoreApplication.translate(
        "Errors",
        "Something went wrong that the program did not expect. Your library is safe: "
        "nothing already saved is lost.",
    )
    if log_file is not None:
        text += "\n\n" + QCoreApplication.translate(
            "Errors", "The details were written to %1."
        ).replace("%1", str(log_file))
    box.setText(text)
    box.setDetailedText(trace or plain_message(error))
    box.open()
    return box


class CrashHandler:
    """Catches exceptions nobody caught, on the GUI thread and on workers, and shows them."""

    def __init__(self, parent: QWidget | None, log_file: Path | None) -> None:
        self.parent = parent
        self.log_file = log_file
        self.dialogs: list[QMessageBox] = []
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def install(self) -> None:
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def report(self, error: BaseException, trace: str = "") -> QMessageBox:
        trace = trace or "".join(traceback.format_exception(error))
        box = show_crash(self.parent, error, trace, self.log_file)
        self.dialogs.append(box)
        return box

    def _hook(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, error, trace)
            return
        self.report(error, "".join(traceback.format_exception(kind, error, trace)))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        trace = "".join(
            traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
        )
        _log.error("unexpected error on a worker thread: %s\n%s", args.exc_value, trace)
