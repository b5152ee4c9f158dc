"""Typed failures a user can meet, each with a stable code and a plain message.

The command line prints `message` and exits non-zero; the window shows it in a dialog. Codes are
part of the interface (scripts match on them), so never rename one.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from digitizer.printable import printable


class DigitizerError(Exception):
    """A failure the user can act on. `code` is stable; `message` is for people."""

    code = "error"

    def __init__(self, message: str, *, source: Path | str | None = None) -> None:
        # Messages quote file names, which may hold bytes that are not UTF-8 or terminal
        # escapes: keep them visible and harmless wherever the message goes.
        message = printable(message, keep_lines=True)
        super().__init__(message)
        self.message = message
        self.source = printable(str(source)) if source is not None else None

    def __str__(self) -> str:
        return self.message


# --- input files -------------------------------------------------------------------------------


class InputError(DigitizerError):
    """A file offered for import cannot be taken. The batch goes on without it."""

    code = "bad-input"


class FileNotFound(InputError):
    code = "not-found"


class UnreadableFile(InputError):
    code = "unreadable-file"


class EmptyFile(InputError):
    code = "empty-file"


class UnsupportedFormat(InputError):
    code = "unsupported-format"


class FormatMismatch(InputError):
    code = "format-mismatch"


class TruncatedImage(InputError):
    code = "truncated-image"


class CorruptImage(InputError):
    code = "corrupt-image"


class ImageTooLarge(InputError):
    code = "image-too-large"


class CorruptPdf(InputError):
    code = "corrupt-pdf"


class EncryptedPdf(InputError):
    code = "encrypted-pdf"


class WrongPassword(InputError):
    code = "wrong-password"


class UnreadableContent(InputError):
    """A file whose contents break its reader in a way no other code names (a PDF page with a
    rotation that is not a number, a TIFF whose frames point outside the file). The file is
    refused; the batch goes on."""

    code = "unreadable-content"


class TooManyPages(InputError):
    """A file with more pages (frames) than the import allows."""

    code = "too-many-pages"


# --- the library -------------------------------------------------------------------------------


class LibraryError(DigitizerError):
    code = "library-error"


class LibraryNotFound(LibraryError):
    code = "library-not-found"


class LibraryNewerThanProgram(LibraryError):
    code = "library-too-new"


class DiskFull(LibraryError):
    """The disk (or the user's quota) is full. What was half-written is not kept."""

    code = "disk-full"


class FolderWatched(DigitizerError):
    """Another watcher already watches the hot folder."""

    code = "folder-watched"


class OperatingSystemRefused(DigitizerError):
    """The operating system refused an operation (permission denied on the library …)."""

    code = "os-error"


class LibraryBusy(LibraryError):
    code = "library-busy"


class DocumentNotFound(LibraryError):
    code = "document-not-found"


class AmbiguousDocument(LibraryError):
    code = "document-ambiguous"


class MissingTool(DigitizerError):
    """An external program (poppler, tesseract) or one of its data packages is not installed."""

    code = "missing-tool"


class Cancelled(DigitizerError):
    code = "cancelled"


# --- recognition and export --------------------------------------------------------------------


class MissingLanguage(MissingTool):
    """A Tesseract language pack (`vie`, say) is not installed; the message names the package."""

    code = "missing-language"


class RecognitionFailed(DigitizerError):
    """Tesseract could not read one page. The job goes on with the others."""

    code = "ocr-failed"


class NotRecognised(DigitizerError):
    """An export needs OCR text that a page does not have yet."""

    code = "no-ocr"


class UnknownFormat(DigitizerError):
    code = "unknown-format"


class ExportOrderInvalid(DigitizerError):
    """An export its format cannot take (how many documents, a missing purpose); `missing`
    names what was left out ('purpose'), for the caller to ask for it in its own words."""

    code = "bad-export-order"

    def __init__(self, message: str, *, missing: str = "") -> None:
        super().__init__(message)
        self.missing = missing


# --- publishing (EPUB, QR-labelled PDF, labels, packages) ---------------------------------------


class SecretExportRefused(DigitizerError):
    """A document classified Mật or above may not leave as a public artefact."""

    code = "secret-refused"


class ClusterUnreachable(DigitizerError):
    """The OCR farm's scheduler cannot be reached, or went away mid-run; pages not done stay
    pending for the next run."""

    code = "cluster-unreachable"


class FarmMismatch(DigitizerError):
    """A farm worker would read pages differently (another Tesseract, model or program version)."""

    code = "farm-mismatch"


class CollectionNotFound(LibraryError):
    code = "collection-not-found"


class InvalidUrlTemplate(DigitizerError):
    """The QR link template is not an http(s) address with one `{id}`."""

    code = "bad-url-template"


class InvalidOutline(DigitizerError):
    """A chapter outline file cannot be read or names pages the book does not have."""

    code = "bad-outline"


class LayoutImpossible(DigitizerError):
    """What was asked does not fit: a label grid too dense for a 2 cm QR code."""

    code = "does-not-fit"


# --- search ------------------------------------------------------------------------------------


class BadQuery(DigitizerError):
    """A search query that cannot be read; the message says where."""

    code = "bad-query"


# --- secret documents (vault, classification, network guard) ----------------------------------


class VaultError(DigitizerError):
    code = "vault-error"


class VaultMissing(VaultError):
    """The library has no vault yet; `digitizer vault init` creates it."""

    code = "vault-missing"


class VaultExists(VaultError):
    code = "vault-exists"


class VaultLocked(VaultError):
    """A secret document was touched without the passphrase."""

    code = "vault-locked"


class WrongPassphrase(VaultError):
    """The passphrase does not open the vault; nothing was changed."""

    code = "wrong-passphrase"


class SettingRefused(DigitizerError):
    """A protected setting changed the wrong way (without its reason, or one only the program
    writes)."""

    code = "setting-protected"


class VaultKeyMissing(VaultError):
    """The catalogue holds sealed data but the vault's key file is gone or is another vault's."""

    code = "vault-key-missing"


class WeakPassphrase(VaultError):
    """A new passphrase that is too easy to guess."""

    code = "weak-passphrase"


class VaultDamaged(VaultError):
    """A sealed object or record failed its authentication: it was altered, and is not read."""

    code = "vault-damaged"


class NetworkConnected(DigitizerError):
    """The machine has a network route other than loopback, so secret documents stay shut."""

    code = "network-connected"


class NetworkForbidden(DigitizerError):
    """Something in the program tried to open a network connection; it never may."""

    code = "network-forbidden"


class ClassificationRefused(DigitizerError):
    """A change of classification that is not allowed (lowering without a reason, say)."""

    code = "classification-refused"


class NoPrivateMemory(DigitizerError):
    """No RAM-backed folder (such as /dev/shm) to work on secret pages without touching disk."""

    code = "no-ram-folder"


# --- scanning, stacks and hot folders ----------------------------------------------------------


class ScannerError(DigitizerError):
    """The scanner failed in a way SANE does not name more closely."""

    code = "scanner-error"


class NoScanner(ScannerError):
    """No scanner is connected, or not the one asked for (`digitizer devices` lists them)."""

    code = "no-scanner"


class PaperJam(ScannerError):
    code = "paper-jam"


class FeederEmpty(ScannerError):
    code = "feeder-empty"


class CoverOpen(ScannerError):
    code = "cover-open"


class ScannerBusy(ScannerError):
    code = "scanner-busy"


class ScanOptionRefused(ScannerError):
    """The scanner does not offer what was asked (a source, a mode, a resolution)."""

    code = "scan-option"


class NotSetAside(LibraryError):
    """No such set-aside page, or none that can go back into a document."""

    code = "not-set-aside"


_DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}


def is_disk_full(error: OSError) -> bool:
    return error.errno in _DISK_FULL_ERRNOS


def system_failure(error: OSError | sqlite3.Error) -> DigitizerError:
    """What the operating system or SQLite refused, as a failure with a code: `disk-full` for a
    full disk or quota, `library-busy` for a catalogue another program holds, else `os-error`."""
    if isinstance(error, OSError):
        if is_disk_full(error):
            return DiskFull("The disk is full; nothing half-written was kept. Free some space.")
        where = f" ({error.filename})" if error.filename else ""
        return OperatingSystemRefused(f"{error.strerror or error}{where}")
    text = str(error).lower()
    if "full" in text:  # "database or disk is full"
        return DiskFull("The disk is full; nothing half-written was kept. Free some space.")
    if "locked" in text or "busy" in text:
        return LibraryBusy("Another program is changing the library; try again when it is done.")
    return LibraryError(f"The catalogue refused a change: {error}.")
