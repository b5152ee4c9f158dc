"""How the window tells of failures: the core's typed errors as plain dialogs; anything
unexpected as a crash dialog, with the details written to a log file in the library's folder."""

from __future__ import annotations

import logging
import re
import sys
import threading
import traceback
from collections.abc import Callable
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


def window_message(code: str) -> str:
    """The window's own words for a failure's code, in its language: plain, and never about
    the command line (the window offers the way out itself); '' for an unknown code."""
    words = {
        "not-found": QCoreApplication.translate(
            "Errors",
            "The file or folder is not there any more: it was moved, renamed or deleted.",
        ),
        "unreadable-file": QCoreApplication.translate(
            "Errors",
            "The file cannot be read: you have no permission to open it, or it points to nothing.",
        ),
        "empty-file": QCoreApplication.translate(
            "Errors",
            "The file is empty (0 bytes): nothing to import.",
        ),
        "unsupported-format": QCoreApplication.translate(
            "Errors",
            "This kind of file cannot be imported: only scans (PNG, JPEG, TIFF, BMP, WebP) and "
            "PDF files.",
        ),
        "format-mismatch": QCoreApplication.translate(
            "Errors",
            "The file's contents do not match its name's ending: it may be damaged or misnamed.",
        ),
        "truncated-image": QCoreApplication.translate(
            "Errors",
            "The image file is cut short: scan or copy it again.",
        ),
        "corrupt-image": QCoreApplication.translate(
            "Errors",
            "The image is damaged and cannot be read: scan or copy it again.",
        ),
        "image-too-large": QCoreApplication.translate(
            "Errors",
            "The image is too large to open safely. Scan it at a lower resolution.",
        ),
        "corrupt-pdf": QCoreApplication.translate(
            "Errors",
            "The PDF file is damaged and cannot be read.",
        ),
        "encrypted-pdf": QCoreApplication.translate(
            "Errors",
            "The PDF file is protected by a password: type the password to open it.",
        ),
        "wrong-password": QCoreApplication.translate(
            "Errors",
            "The password does not open the PDF file: type it again.",
        ),
        "library-not-found": QCoreApplication.translate(
            "Errors",
            "The library is not where it was expected: check the folder.",
        ),
        "library-too-new": QCoreApplication.translate(
            "Errors",
            "The library was made by a newer version of Digitizer: update the program.",
        ),
        "library-error": QCoreApplication.translate(
            "Errors",
            "The library cannot be used now: another program may be holding it, or the "
            "disk is full.",
        ),
        "document-not-found": QCoreApplication.translate(
            "Errors",
            "The document is no longer in the library.",
        ),
        "document-ambiguous": QCoreApplication.translate(
            "Errors",
            "Several documents match: choose one in the library.",
        ),
        "missing-tool": QCoreApplication.translate(
            "Errors",
            "A program Digitizer needs is not installed on this machine. Ask whoever looks "
            "after the machine to install it.",
        ),
        "missing-language": QCoreApplication.translate(
            "Errors",
            "The text recognition of a language is not installed on this machine. Ask whoever "
            "looks after the machine to install it.",
        ),
        "ocr-failed": QCoreApplication.translate(
            "Errors",
            "The text of a page could not be read; the other pages went on.",
        ),
        "bad-input": QCoreApplication.translate(
            "Errors",
            "This input cannot be used: check that it is the file or folder you meant.",
        ),
        "unreadable-content": QCoreApplication.translate(
            "Errors",
            "The file's contents cannot be read: it may be damaged or made by an unusual "
            "program. The other files went on.",
        ),
        "too-many-pages": QCoreApplication.translate(
            "Errors",
            "The file has more pages than one import takes: split it into smaller files.",
        ),
        "disk-full": QCoreApplication.translate(
            "Errors",
            "The disk is full: nothing half-written was kept. Free some space, then try again.",
        ),
        "os-error": QCoreApplication.translate(
            "Errors",
            "The computer refused the operation (no permission, say). The details say what.",
        ),
        "library-busy": QCoreApplication.translate(
            "Errors",
            "Another program is changing the library: try again when it is done.",
        ),
        "name-taken": QCoreApplication.translate(
            "Errors",
            "A collection by that name already exists: choose another name.",
        ),
        "index-damaged": QCoreApplication.translate(
            "Errors",
            "The search index could not be read: it is being rebuilt from the library.",
        ),
        "unknown-format": QCoreApplication.translate(
            "Errors",
            "This export format is not known.",
        ),
        "bad-export-order": QCoreApplication.translate(
            "Errors",
            "This export format cannot take what was chosen: one document, or a purpose for "
            "internal copies.",
        ),
        "folder-watched": QCoreApplication.translate(
            "Errors",
            "That folder is already watched by another program.",
        ),
        "worker-died": QCoreApplication.translate(
            "Errors",
            "The process reading a page stopped (the computer ran short of memory, say). "
            "Recognise the document again to finish it.",
        ),
        "cluster-unreachable": QCoreApplication.translate(
            "Errors",
            "The recognition farm cannot be reached: the pages not done wait for the next run.",
        ),
        "farm-mismatch": QCoreApplication.translate(
            "Errors",
            "A computer of the recognition farm reads with other settings or language data than "
            "this one: no page was sent. Bring its installation in line first.",
        ),
        "vault-key-missing": QCoreApplication.translate(
            "Errors",
            "The vault's key file is missing or belongs to another vault, so the secret documents "
            "cannot be opened. Put back the key file from its copy; do not create a new vault.",
        ),
        "setting-protected": QCoreApplication.translate(
            "Errors",
            "This setting guards the secret documents: it is changed only where the window offers "
            "it, with a reason.",
        ),
        "weak-passphrase": QCoreApplication.translate(
            "Errors",
            "This passphrase is too easy to guess: use a few unrelated words.",
        ),
        "no-ocr": QCoreApplication.translate(
            "Errors",
            "Some pages have no recognised text yet: recognise the document first.",
        ),
        "bad-query": QCoreApplication.translate(
            "Errors",
            "The search cannot be read: check the quotation marks and brackets.",
        ),
        "cancelled": QCoreApplication.translate(
            "Errors",
            "The work was stopped; start it again to finish what is left.",
        ),
        "secret-refused": QCoreApplication.translate(
            "Errors",
            "The document is secret (Mật, Tối mật or Tuyệt mật) and may not leave as a public "
            "file.",
        ),
        "collection-not-found": QCoreApplication.translate(
            "Errors",
            "There is no collection by that name.",
        ),
        "bad-url-template": QCoreApplication.translate(
            "Errors",
            "The link for the QR codes must be a web address (http or https) with one {id} in it.",
        ),
        "bad-outline": QCoreApplication.translate(
            "Errors",
            "The table of contents cannot be read, or names pages the book does not have.",
        ),
        "does-not-fit": QCoreApplication.translate(
            "Errors",
            "The labels are too many for one sheet with QR codes of 2 cm: choose fewer per sheet.",
        ),
        "no-scanner": QCoreApplication.translate(
            "Errors",
            "No scanner was found: check that it is switched on and connected.",
        ),
        "paper-jam": QCoreApplication.translate(
            "Errors",
            "The paper is jammed in the scanner: clear it, then scan the rest.",
        ),
        "feeder-empty": QCoreApplication.translate(
            "Errors",
            "The scanner's feeder is empty: put the pages in and scan again.",
        ),
        "cover-open": QCoreApplication.translate(
            "Errors",
            "The scanner's cover is open: close it, then scan the rest.",
        ),
        "scanner-busy": QCoreApplication.translate(
            "Errors",
            "The scanner is busy with other work: wait, then scan again.",
        ),
        "scan-option": QCoreApplication.translate(
            "Errors",
            "The scanner does not offer that source, colour mode, resolution or page size.",
        ),
        "scanner-error": QCoreApplication.translate(
            "Errors",
            "The scanner stopped with an error: check it and scan again.",
        ),
        "not-set-aside": QCoreApplication.translate(
            "Errors",
            "That page is no longer set aside, or cannot go back.",
        ),
        "vault-missing": QCoreApplication.translate(
            "Errors",
            "This library has no vault yet: create it in the Vault menu.",
        ),
        "vault-exists": QCoreApplication.translate(
            "Errors",
            "This library already has a vault.",
        ),
        "vault-locked": QCoreApplication.translate(
            "Errors",
            "This is a secret document: unlock the vault first.",
        ),
        "wrong-passphrase": QCoreApplication.translate(
            "Errors",
            "Wrong passphrase: the vault stays locked and nothing was changed. The "
            "attempt is written in the audit log.",
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
            "This machine is connected to a network, so secret documents stay shut. Unplug the "
            "network cable or switch the network off.",
        ),
        "network-forbidden": QCoreApplication.translate(
            "Errors",
            "Something tried to connect to a network; Digitizer never does, so it was stopped.",
        ),
        "classification-refused": QCoreApplication.translate(
            "Errors",
            "A level can be lowered only with a reason, and never by a stamp found on the page.",
        ),
        "no-ram-folder": QCoreApplication.translate(
            "Errors",
            "There is no memory-backed folder (/dev/shm) to work on secret pages without "
            "writing them to disk.",
        ),
    }
    return words.get(code, "")


def own_words(error: BaseException) -> str:
    """The window's words for an error of the core; '' for other failures."""
    if not isinstance(error, DigitizerError):
        return ""
    return window_message(error.code)


def without_command_line(message: str) -> str:
    """The core's message without its advice for the command line (flags, commands): the
    window offers the way out itself."""
    sentences = re.split(r"(?<=[.;:])\s+", message)
    kept = [s for s in sentences if "--" not in s and "`" not in s and "digitizer " not in s]
    return " ".join(kept).rstrip(" ;:,")


Offer = tuple[str, Callable[[], object]]
"""A way out a dialog offers: the button's words and what it does."""


def show_error(
    parent: QWidget | None,
    title: str,
    error: BaseException,
    offer: Offer | None = None,
) -> QMessageBox:
    """A clear, non-blocking dialog for an expected failure, in the window's words; `offer`
    adds a button that does what the failure asks for (recognise first, type a password…)."""
    _log.info("%s: %s", title, plain_message(error))
    box = QMessageBox(parent)
    box.setObjectName("error-dialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    words = own_words(error)
    if words and isinstance(error, DigitizerError):
        box.setText(f"{words} [{error.code}]")
        details = without_command_line(error.message)
        if details:
            box.setDetailedText(details)
    else:
        box.setText(plain_message(error))
    if offer is not None:
        label, action = offer
        button = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
        button.setObjectName("error-offer")
        box.addButton(
            QCoreApplication.translate("Errors", "Close"), QMessageBox.ButtonRole.RejectRole
        )
        box.finished.connect(lambda _r: box.clickedButton() is button and action())
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


def show_failures(
    parent: QWidget | None, title: str, failures: list[tuple[str, str, str]]
) -> QMessageBox:
    """What failed in a batch, one line each: where, in the window's words, and the code."""
    lines = []
    for where, code, message in failures:
        words = window_message(code) or message
        lines.append(f"{where}: {words} [{code}]")
    box = QMessageBox(QMessageBox.Icon.Warning, title, "\n".join(lines), parent=parent)
    box.setObjectName("error-dialog")
    box.open()
    return box
