"""Separator sheets: what their QR code says, and finding one on a page image.

A separator sheet ends the document before it and starts a new one; the sheet itself is not a
page of either. Its QR code carries a marker line and, optionally, the collection and the
classification of the documents it starts:

    DIGITIZER-SEPARATOR v1
    collection=Hồ sơ 12
    classification=SECRET

Only a code that is exactly that (the marker, then known keys with valid values) counts. Any
other code on a page (a document's own QR label, a link, a damaged or newer sheet) is reported
and never splits anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from pyzbar import pyzbar

from digitizer.model import Classification
from vietnamese.normalize import nfc

MARKER = "DIGITIZER-SEPARATOR"
VERSION = "v1"


@dataclass(frozen=True)
class SeparatorSheet:
    """What a separator sheet says about the documents it starts."""

    collection: str | None = None
    classification: Classification | None = None

    def payload(self) -> str:
        """The text its QR code carries."""
        lines = [f"{MARKER} {VERSION}"]
        if self.collection:
            lines.append(f"collection={_one_line(self.collection)}")
        if self.classification is not None:
            lines.append(f"classification={self.classification.value}")
        return "\n".join(lines)


@dataclass(frozen=True)
class QrFindings:
    """The QR codes on one page: the separator sheet it is, if any, and the codes ignored."""

    separator: SeparatorSheet | None = None
    ignored: tuple[str, ...] = field(default_factory=tuple)
    """Why each other code found was not taken as a separator, for the report."""


class NotASeparator(ValueError):
    """A QR payload that is not a valid separator sheet; the message says why."""


def parse_payload(payload: str) -> SeparatorSheet:
    """The separator sheet a QR payload describes; `NotASeparator` when it is none."""
    lines = [line.strip() for line in payload.replace("\r\n", "\n").split("\n")]
    head = lines[0] if lines else ""
    if not head.startswith(MARKER):
        raise NotASeparator(f"a QR code that is not a separator sheet ({_excerpt(payload)})")
    if head != f"{MARKER} {VERSION}":
        raise NotASeparator(f"a separator sheet of an unknown kind ({_excerpt(head)})")
    collection: str | None = None
    classification: Classification | None = None
    for line in lines[1:]:
        if not line:
            continue
        key, equals, value = line.partition("=")
        if not equals:
            raise NotASeparator(f"a separator sheet with an unreadable line ({_excerpt(line)})")
        key, value = key.strip(), nfc(value.strip())
        if key == "collection":
            collection = value or None
        elif key == "classification":
            try:
                classification = Classification.parse(value)
            except ValueError as error:
                raise NotASeparator(
                    f"a separator sheet with an unknown classification ({_excerpt(value)})"
                ) from error
        # Other keys are left to later versions of the sheet: a v1 reader ignores them.
    return SeparatorSheet(collection, classification)


def find_separator(grey: NDArray[np.uint8]) -> QrFindings:
    """Look for a separator sheet's QR code on a (downscaled) grey page image.

    The sheet's code is large (about 12 cm), so a page of 75–100 dpi is plenty and decoding
    stays fast; small codes (a 2 cm document label) are usually not even seen at that size,
    which is as well, since they are never separators.
    """
    separator: SeparatorSheet | None = None
    ignored: list[str] = []
    for symbol in pyzbar.decode(grey, symbols=[pyzbar.ZBarSymbol.QRCODE]):
        payload = _text(symbol.data)
        try:
            sheet = parse_payload(payload)
        except NotASeparator as error:
            ignored.append(str(error))
            continue
        if separator is not None and sheet != separator:
            # Two sheets that disagree: trust neither rather than guess a classification.
            return QrFindings(None, (*ignored, "two separator codes that disagree"))
        separator = sheet
    return QrFindings(separator, tuple(ignored))


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _one_line(text: str) -> str:
    return " ".join(nfc(text).split())


def _excerpt(text: str, length: int = 40) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= length else text[: length - 1] + "…")
