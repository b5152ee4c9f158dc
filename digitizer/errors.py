"""Typed failures a user can meet, each with a stable code and a plain message.

The command line prints `message` and exits non-zero; the window shows it in a dialog. Codes are
part of the interface (scripts match on them), so never rename one.
"""

from __future__ import annotations

from pathlib import Path


class DigitizerError(Exception):
    """A failure the user can act on. `code` is stable; `message` is for people."""

    code = "error"

    def __init__(self, message: str, *, source: Path | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = str(source) if source is not None else None

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


# --- the library -------------------------------------------------------------------------------


class LibraryError(DigitizerError):
    code = "library-error"


class LibraryNotFound(LibraryError):
    code = "library-not-found"


class LibraryNewerThanProgram(LibraryError):
    code = "library-too-new"


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


# --- publishing (EPUB, QR-labelled PDF, labels, packages) ---------------------------------------


class SecretExportRefused(DigitizerError):
    """A document classified Mật or above may not leave as a public artefact."""

    code = "secret-refused"


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
