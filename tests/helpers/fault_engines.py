"""OCR engines that fail the ways a real one can, named through the engine seam
(`DIGITIZER_OCR_ENGINE=tests.helpers.fault_engines:crashing`) so that real worker processes,
started by the real command line, meet them.

Only the first page any worker of the test reads faults: the first to create the file named by
`FAULT_FLAG` takes the fault, every other page is read by Tesseract. Every page read is
noted in `ENGINE_LOG` (one line: the digest of the image or pixels it was given), when that is set.
"""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import time
from pathlib import Path

from ocr.engine import EngineSettings, PageImage, recognise
from ocr.words import PageText

FAULT_FLAG = "DIGITIZER_TEST_FAULT_FLAG"
ENGINE_LOG = "DIGITIZER_TEST_ENGINE_LOG"
SLOW_SECONDS = "DIGITIZER_TEST_SLOW_SECONDS"


def _takes_the_fault() -> bool:
    flag = os.environ.get(FAULT_FLAG)
    if not flag:
        return False
    try:
        os.close(os.open(flag, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    return True


def _read(image: PageImage, dpi: int, settings: EngineSettings) -> PageText:
    log = os.environ.get(ENGINE_LOG)
    if log:
        pixels = image.read_bytes() if isinstance(image, Path) else image.tobytes()
        digest = hashlib.sha256(pixels).hexdigest()
        with Path(log).open("a", encoding="utf-8") as out:  # one short write: lines never mix
            out.write(digest + "\n")
    return recognise(image, dpi, settings)


def crashing(image: PageImage, dpi: int, settings: EngineSettings) -> PageText:
    """The worker dies as the kernel's out-of-memory killer or a segfault leaves it."""
    if _takes_the_fault():
        os.kill(os.getpid(), signal.SIGKILL)
    return _read(image, dpi, settings)


def hanging(image: PageImage, dpi: int, settings: EngineSettings) -> PageText:
    """Never returns, and ignores the signals a polite stop would send."""
    if _takes_the_fault():
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        while True:
            time.sleep(60)
    return _read(image, dpi, settings)


def out_of_memory(image: PageImage, dpi: int, settings: EngineSettings) -> PageText:
    """Asks for more memory than the process may have (its address space capped a little
    above what it uses, so the machine itself is never short)."""
    if _takes_the_fault():
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        used = _address_space()
        resource.setrlimit(resource.RLIMIT_AS, (used + 256 * 1024 * 1024, hard))
        try:
            hoard = bytearray(16 * 1024**3)
            del hoard
        finally:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    return _read(image, dpi, settings)


def slow(image: PageImage, dpi: int, settings: EngineSettings) -> PageText:
    """Tesseract, after a pause: long enough for two runs to overlap."""
    time.sleep(float(os.environ.get(SLOW_SECONDS, "1")))
    return _read(image, dpi, settings)


def _address_space() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    raise OSError("no VmSize in /proc/self/status")
