"""Scanners, through SANE's own command-line front end, `scanimage` (Debian's sane-utils).

`scanimage` in batch mode writes each page to its own file and, with `--batch-print`, names the
file on its output the moment the page is complete, so pages are handed on one at a time while
the feeder is still running. Stopping is SANE's own cancel (SIGINT to `scanimage`, which calls
`sane_cancel` and ends the batch cleanly); the pages finished before it are kept.

SANE's failures come back as typed errors: no scanner, a paper jam, an empty feeder, an open
cover, a busy device, an option the device does not offer. A failure part-way through a batch
is raised only after the pages scanned before it have been handed on.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import shutil
import signal
import struct
import subprocess
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from digitizer.errors import (
    CoverOpen,
    FeederEmpty,
    MissingTool,
    NoScanner,
    PaperJam,
    ScannerBusy,
    ScannerError,
    ScanOptionRefused,
)
from digitizer.progress import CancelEvent

SCANIMAGE = "scanimage"
DEFAULT_RESOLUTION = 300
LIST_TIMEOUT = 60.0  # seconds; probing network scanners can be slow
CANCEL_GRACE = 20.0  # seconds scanimage has to finish its cancel before it is stopped hard
OUTPUT_GRACE = 1.0  # seconds its last lines have to arrive once scanimage has exited
ERROR_GRACE = 5.0  # seconds scanimage has to exit once it has reported a failure
_FAILURE = "scanimage: sane_"  # how scanimage starts the line that reports a SANE failure


class ScanSource(Enum):
    FLATBED = "flatbed"
    ADF = "adf"
    DUPLEX = "duplex"


class ColourMode(Enum):
    COLOR = "color"
    GRAY = "gray"
    LINEART = "lineart"


PAGE_SIZES_MM = {
    "a3": (297.0, 420.0),
    "a4": (210.0, 297.0),
    "a5": (148.0, 210.0),
    "letter": (215.9, 279.4),
    "legal": (215.9, 355.6),
}


@dataclass(frozen=True)
class ScannerDevice:
    name: str  # what `--device` takes, e.g. `genesys:libusb:001:004`
    vendor: str
    model: str
    kind: str  # "flatbed scanner", "sheetfed scanner", …


@dataclass(frozen=True)
class ScanSettings:
    device: str | None = None  # None: SANE's first device
    source: ScanSource | None = None  # None: the device's own default
    resolution: int = DEFAULT_RESOLUTION
    mode: ColourMode = ColourMode.GRAY
    page_size: str | None = None  # a key of PAGE_SIZES_MM; None: the device's whole area


def _require_scanimage() -> str:
    found = shutil.which(SCANIMAGE)
    if found is None:
        raise MissingTool(
            "scanimage (SANE) is not installed; install the Debian package sane-utils "
            "(`make setup`)."
        )
    return found


def list_devices() -> list[ScannerDevice]:
    """The scanners SANE can see now (none is an empty list, not an error)."""
    program = _require_scanimage()
    try:
        listed = subprocess.run(
            [program, "--formatted-device-list=%d\t%v\t%m\t%t%n"],
            capture_output=True,
            text=True,
            timeout=LIST_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise ScannerError("Looking for scanners took too long; try again.") from error
    devices = []
    for line in listed.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and parts[0]:
            devices.append(ScannerDevice(*parts))
    return devices


# --- what a device offers ------------------------------------------------------------------------

_OPTION = re.compile(r"^\s+(--?[\w-]+) (.+?)(?: \[(.*)\])?$")


@dataclass(frozen=True)
class DeviceOptions:
    accepts: dict[str, str]
    """What each option takes, as `scanimage --all-options` says it:
    `{"--source": "Flatbed|ADF", "--resolution": "75..600dpi", …}`."""
    current: dict[str, str]
    """The value each option has now (the device's default): `{"--source": "Flatbed"}`."""


def device_options(device: str | None) -> DeviceOptions:
    """The options the device offers, and their current values."""
    program = _require_scanimage()
    line = [program, "--all-options"] + ([f"--device-name={device}"] if device else [])
    try:
        shown = subprocess.run(
            line, capture_output=True, text=True, timeout=LIST_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise ScannerError("The scanner did not answer; is it switched on?") from error
    if shown.returncode != 0:
        raise _error_from(shown.stderr, shown.returncode, device, pages=0)
    options = DeviceOptions({}, {})
    for text in shown.stdout.splitlines():
        match = _OPTION.match(text)
        if match:
            options.accepts[match.group(1)] = match.group(2)
            if match.group(3) is not None:
                options.current[match.group(1)] = match.group(3)
    return options


_SOURCE_WORDS = {
    ScanSource.DUPLEX: ("duplex",),
    ScanSource.ADF: ("adf", "feeder", "document"),
    ScanSource.FLATBED: ("flatbed", "normal", "platen"),
}
_MODE_WORDS = {
    ColourMode.COLOR: ("color", "colour", "24bit color"),
    ColourMode.GRAY: ("gray", "grey", "grayscale", "8bit gray"),
    ColourMode.LINEART: ("lineart", "binary", "black & white", "halftone"),
}


def _choices(spec: str) -> list[str]:
    return [value.strip() for value in spec.split("|")] if "|" in spec else [spec.strip()]


def _pick_source(options: dict[str, str], source: ScanSource) -> str | None:
    spec = options.get("--source")
    if spec is None:
        if source is ScanSource.FLATBED:
            return None  # a flatbed-only scanner has no source to choose
        raise ScanOptionRefused(f"This scanner has no document feeder ({source.value}).")
    values = _choices(spec)
    for value in values:
        lowered = value.lower()
        if not any(word in lowered for word in _SOURCE_WORDS[source]):
            continue
        if source is ScanSource.ADF and "duplex" in lowered:
            continue
        return value
    raise ScanOptionRefused(
        f"This scanner offers no {source.value} source; it offers: {', '.join(values)}."
    )


def _mode_arguments(options: dict[str, str], mode: ColourMode) -> list[str]:
    values = _choices(options.get("--mode", ""))
    for value in values:
        if value.lower() in _MODE_WORDS[mode]:
            return [f"--mode={value}"]
    if mode is ColourMode.LINEART and "1" in _choices(options.get("--depth", "").rstrip("bit")):
        # Scanners without a line-art mode give bilevel pages as 1-bit grey.
        gray = _mode_arguments(options, ColourMode.GRAY)
        return [*gray, "--depth=1"]
    raise ScanOptionRefused(
        f"This scanner offers no {mode.value} mode; it offers: {', '.join(values) or 'none'}."
    )


def _check_resolution(options: dict[str, str], resolution: int) -> None:
    spec = options.get("--resolution")
    if spec is None:
        return
    numbers = spec.split("(")[0].replace("dpi", "").strip()
    if ".." in numbers:
        low, high = (float(part) for part in numbers.split("..")[:2])
        if low <= resolution <= high:
            return
    elif str(resolution) in _choices(numbers):
        return
    raise ScanOptionRefused(f"This scanner cannot scan at {resolution} dpi; it offers {spec}.")


def _size_arguments(options: dict[str, str], page_size: str) -> list[str]:
    width, height = PAGE_SIZES_MM[page_size]
    arguments = []
    for flag, wanted in (("-x", width), ("-y", height)):
        spec = options.get(flag)
        if spec is None:
            continue
        top = spec.split("(")[0].replace("mm", "").split("..")[-1]
        try:
            if wanted > float(top) + 0.5:
                raise ScanOptionRefused(
                    f"This scanner takes pages up to {float(top):g} mm on that side; "
                    f"{page_size.upper()} needs {wanted:g} mm."
                )
        except ValueError:
            pass
        arguments += [flag, f"{wanted:g}"]
    return arguments


def scan_arguments(settings: ScanSettings, options: dict[str, str]) -> list[str]:
    """The `scanimage` options for `settings` on a device offering `options`."""
    arguments = [f"--device-name={settings.device}"] if settings.device else []
    if settings.source is not None:
        value = _pick_source(options, settings.source)
        if value is not None:
            arguments.append(f"--source={value}")
    arguments += _mode_arguments(options, settings.mode)
    _check_resolution(options, settings.resolution)
    arguments.append(f"--resolution={settings.resolution}")
    if settings.page_size:
        arguments += _size_arguments(options, settings.page_size)
    return arguments


# --- scanning ------------------------------------------------------------------------------------


def scan_pages(
    settings: ScanSettings,
    folder: Path,
    *,
    batch: str,
    cancel: CancelEvent | None = None,
) -> Iterator[Path]:
    """Scan into `folder`, yielding each page's PNG file as soon as it is complete.

    From a feeder the whole batch is scanned, until the feeder is empty; from a flatbed, one
    page. Each file carries a note of where it came from (device, batch, page), so two scans of
    the same sheet are two captures. Setting `cancel` stops the scanner after the page in
    progress. A failure (jam, cover open …) is raised after the pages before it are yielded.
    """
    cancel = cancel or CancelEvent()
    device_offers = device_options(settings.device)
    options = device_offers.accepts
    arguments = scan_arguments(settings, options)
    if settings.source is None:
        source = device_offers.current.get("--source", "").lower()
        words = _SOURCE_WORDS[ScanSource.ADF] + _SOURCE_WORDS[ScanSource.DUPLEX]
        flatbed = not any(word in source for word in words)
    else:
        flatbed = settings.source is ScanSource.FLATBED
    line = [
        _require_scanimage(),
        *arguments,
        "--format=png",
        f"--batch={folder / (batch + '-%04d.png')}",
        "--batch-print",
        *(["--batch-count=1"] if flatbed else []),
    ]
    device = settings.device or "the default scanner"
    pages = 0
    with subprocess.Popen(
        line,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # Ctrl+C reaches us, and we tell scanimage to cancel
    ) as process:
        stderr: list[str] = []
        reader = threading.Thread(target=lambda: stderr.extend(process.stderr or []), daemon=True)
        reader.start()
        stopper = threading.Thread(target=_cancel_when_asked, args=(process, cancel), daemon=True)
        stopper.start()
        try:
            assert process.stdout is not None
            for printed in _printed_lines(process, stderr):
                path = Path(printed.strip())
                if not path.is_file():
                    continue
                pages += 1
                note_provenance(path, f"device={device}; batch={batch}; page={pages}")
                yield path
                if cancel.is_set() and process.poll() is None:
                    process.send_signal(signal.SIGINT)  # at once, not at the next poll
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=CANCEL_GRACE)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            # A backend may leave a reading process of its own behind: end the whole group.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
            reader.join(timeout=5)
    if cancel.is_set():
        return
    if process.returncode != 0 or pages == 0:
        raise _error_from("".join(stderr), process.returncode, settings.device, pages)


def _printed_lines(process: subprocess.Popen[str], stderr: list[str]) -> Iterator[str]:
    """The lines scanimage prints, until it has exited and said all it had to say.

    Not simply until the end of its output: a backend's own reading process can inherit that
    pipe and keep it open after scanimage is gone. And once scanimage has reported a failure
    (`stderr`, filled as it comes), it gets ERROR_GRACE to exit: a backend can hang in its
    cancel after a jam (SANE's `test` backend does, now and then), and the scan would never end.
    """
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    exited_at: float | None = None
    failed_at: float | None = None
    while True:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            if process.poll() is None:
                if failed_at is None and any(_FAILURE in said for said in stderr):
                    failed_at = time.monotonic()
                if failed_at is not None and time.monotonic() - failed_at > ERROR_GRACE:
                    with contextlib.suppress(ProcessLookupError, PermissionError):
                        os.killpg(process.pid, signal.SIGKILL)
                continue
            exited_at = exited_at or time.monotonic()
            if time.monotonic() - exited_at > OUTPUT_GRACE:
                return
            continue
        if line is None:
            return
        yield line


def _cancel_when_asked(process: subprocess.Popen[str], cancel: CancelEvent) -> None:
    while process.poll() is None:
        if cancel.wait(0.2):
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGINT)
            return


# SANE status codes, which scanimage also exits with.
_STATUS_ERRORS: dict[int, tuple[type[ScannerError], str]] = {
    3: (ScannerBusy, "The scanner is busy (another program is using it?)."),
    6: (PaperJam, "Paper jam in the document feeder: clear it and scan the rest again."),
    7: (FeederEmpty, "The document feeder is empty: put the pages in and scan again."),
    8: (CoverOpen, "The scanner's cover is open: close it and scan again."),
}
_TEXT_ERRORS: tuple[tuple[str, type[ScannerError], str], ...] = (
    ("jammed", PaperJam, _STATUS_ERRORS[6][1]),
    ("out of documents", FeederEmpty, _STATUS_ERRORS[7][1]),
    ("cover is open", CoverOpen, _STATUS_ERRORS[8][1]),
    ("device busy", ScannerBusy, _STATUS_ERRORS[3][1]),
)


def _error_from(stderr: str, returncode: int, device: str | None, pages: int) -> ScannerError:
    """The typed error a failed `scanimage` run stands for."""
    text = stderr.lower()
    kept = f" The {pages} page(s) scanned before it are kept." if pages else ""
    if "no sane devices found" in text or "open of device" in text:
        named = f"No scanner {device!r} is connected" if device else "No scanner is connected"
        return NoScanner(f"{named}; `digitizer devices` lists the scanners SANE can see.")
    if "access to resource has been denied" in text:
        return NoScanner(
            "The scanner refused access: the user may need to be in the `scanner` group."
        )
    if "setting of option" in text or "invalid argument" in text:
        return ScanOptionRefused(f"The scanner refused a setting: {_last_line(stderr)}")
    for words, kind, message in _TEXT_ERRORS:
        if words in text:
            return kind(message + kept)
    if returncode in _STATUS_ERRORS:
        kind, message = _STATUS_ERRORS[returncode]
        return kind(message + kept)
    if pages == 0 and returncode == 0:
        return FeederEmpty("The scanner gave no page: is the paper in?")
    return ScannerError(f"The scanner failed: {_last_line(stderr) or 'no reason given'}.{kept}")


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    meaningful = [line for line in lines if line.startswith("scanimage:")]
    chosen = (meaningful or lines or [""])[-1]
    return chosen.removeprefix("scanimage:").strip()


def note_provenance(path: Path, text: str) -> None:
    """Add a `tEXt` chunk saying where the page came from to a PNG file, before its end."""
    data = path.read_bytes()
    end = data.rfind(b"IEND")
    if not data.startswith(b"\x89PNG") or end < 4:
        return
    body = b"Digitizer-Scan\x00" + text.encode("latin-1", "replace")
    chunk = (
        struct.pack(">I", len(body))
        + b"tEXt"
        + body
        + struct.pack(">I", zlib.crc32(b"tEXt" + body) & 0xFFFFFFFF)
    )
    start = end - 4  # the IEND chunk's length field
    path.write_bytes(data[:start] + chunk + data[start:])
