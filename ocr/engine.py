"""Tesseract, run once per page on an image file, returning hOCR.

The caller runs many pages side by side (one process each); Tesseract's own threading is
switched off with OMP_THREAD_LIMIT=1, which on a small machine is several times faster.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytesseract
from PIL import Image

from ocr.hocr import parse_hocr
from ocr.stages import stage
from ocr.words import PageText

DEFAULT_LANGUAGES = "vie"
DEFAULT_ENGINE = "tesseract"
ENGINE_VARIABLE = "DIGITIZER_OCR_ENGINE"
"""Names the engine the workers read pages with (`module:function`); unset: Tesseract. A seam
for fault injection: a test names an engine that crashes, hangs or runs out of memory, and real
worker processes resolve it by name."""
DEFAULT_PAGE_SEGMENTATION = 3  # fully automatic layout analysis, without orientation detection


class OcrError(Exception):
    """Recognition could not run. `code` is stable; `message` says what to do."""

    code = "ocr-failed"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TesseractMissing(OcrError):
    code = "missing-tool"


class LanguagePackMissing(OcrError):
    code = "missing-language"

    def __init__(self, language: str) -> None:
        self.language = language
        self.package = debian_package(language)
        super().__init__(
            f"Tesseract has no '{language}' language pack. Install it with: "
            f"sudo apt-get install {self.package}"
        )


def debian_package(language: str) -> str:
    """The Debian/Ubuntu package that carries a Tesseract language (chi_sim → …-chi-sim)."""
    return "tesseract-ocr-" + language.lower().replace("_", "-")


@dataclass(frozen=True)
class EngineSettings:
    languages: str = DEFAULT_LANGUAGES
    page_segmentation: int = DEFAULT_PAGE_SEGMENTATION

    @property
    def language_list(self) -> list[str]:
        return [part for part in self.languages.split("+") if part]


def tesseract_executable() -> str:
    path = shutil.which(str(pytesseract.pytesseract.tesseract_cmd))
    if path is None:
        raise TesseractMissing(
            "Tesseract is not installed. Install it with: sudo apt-get install tesseract-ocr "
            + debian_package(DEFAULT_LANGUAGES)
        )
    return path


def tesseract_version() -> str:
    """'5.3.0', say; part of every OCR settings key."""
    output = subprocess.run(
        [tesseract_executable(), "--version"], capture_output=True, text=True, check=False
    ).stdout
    match = re.search(r"tesseract\s+v?(\S+)", output)
    return match.group(1) if match else "unknown"


def installed_languages() -> list[str]:
    result = subprocess.run(
        [tesseract_executable(), "--list-langs"], capture_output=True, text=True, check=False
    )
    return [line.strip() for line in result.stdout.splitlines()[1:] if line.strip()]


def model_fingerprint(settings: EngineSettings) -> str:
    """Tesseract's version and a hash of each model file: a new model means new results.

    Raises LanguagePackMissing for a language Tesseract does not have.
    """
    available = installed_languages()
    for language in settings.language_list:
        if language not in available:
            raise LanguagePackMissing(language)
    digests = [_model_digest(_tessdata_folder(), language) for language in settings.language_list]
    return f"tesseract {tesseract_version()} " + " ".join(digests)


def _tessdata_folder() -> Path | None:
    result = subprocess.run(
        [tesseract_executable(), "--list-langs"], capture_output=True, text=True, check=False
    )
    match = re.search(r'"(.+?)"', result.stdout)
    return Path(match.group(1)) if match else None


@cache
def _model_digest(folder: Path | None, language: str) -> str:
    if folder is None or not (folder / f"{language}.traineddata").is_file():
        return f"{language}:?"
    digest = hashlib.sha256((folder / f"{language}.traineddata").read_bytes()).hexdigest()
    return f"{language}:{digest[:16]}"


def recognise(
    image: Path, dpi: int, settings: EngineSettings, *, variables: dict[str, str] | None = None
) -> PageText:
    """Read one page image file. The image's own dpi metadata is overridden by `dpi`;
    `variables` sets Tesseract parameters for this run (`-c name=value`)."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    config = f"--dpi {int(dpi)} --psm {settings.page_segmentation}"
    source, pixels = _single_page(image)
    for name, value in (variables or {}).items():
        config += f" -c {name}={value}"
    try:
        with stage("tesseract"):
            hocr = pytesseract.image_to_pdf_or_hocr(
                source,
                lang=settings.languages,
                config=config,
                extension="hocr",
                timeout=time_limit(pixels),
            )
    except pytesseract.TesseractNotFoundError as error:
        raise TesseractMissing(str(error)) from error
    except pytesseract.TesseractError as error:
        message = str(error.message).strip() or f"exit status {error.status}"
        if "Failed loading language" in message:
            language = re.search(r"Failed loading language '([^']+)'", message)
            raise LanguagePackMissing(
                language.group(1) if language else settings.languages
            ) from error
        raise OcrError(f"Tesseract could not read {image.name}: {message}") from error
    except RuntimeError as error:  # after TesseractError, its subclass: the time limit passed
        if "timeout" not in str(error).lower():
            raise
        raise OcrError(
            f"Tesseract could not read {image.name}: it took too long "
            f"(more than {time_limit(pixels):.0f} s for {pixels / 1e6:.1f} megapixels)."
        ) from error
    with stage("hocr parsing"):
        return parse_hocr(hocr.decode("utf-8"), dpi=dpi)


Recogniser = Callable[[Path, int, EngineSettings], PageText]
"""Reads one page image file at a resolution: what `recognise` does with Tesseract."""


def engine_name() -> str:
    """The engine this process's OCR is told to use (DIGITIZER_OCR_ENGINE), else Tesseract."""
    return os.environ.get(ENGINE_VARIABLE, "").strip() or DEFAULT_ENGINE


def resolve_engine(name: str) -> Recogniser:
    """The recogniser called `name`: Tesseract, or a `module:function` importable here."""
    if name == DEFAULT_ENGINE:
        return recognise
    module, _, attribute = name.partition(":")
    try:
        found = getattr(importlib.import_module(module), attribute)
    except (ImportError, AttributeError, ValueError) as error:
        raise OcrError(f"There is no OCR engine {name!r} ({error}).") from error
    if not callable(found):
        raise OcrError(f"The OCR engine {name!r} cannot be called.")
    engine: Recogniser = found
    return engine


# Tesseract reads an A4 page at 300 dpi (8.7 megapixels) in a few seconds; a page that takes
# far longer is stuck (a file Tesseract reads as millions of pages, say) and must not hold a
# worker for ever.
_SECONDS_FLOOR = 30.0
_SECONDS_PER_MEGAPIXEL = 12.0


def time_limit(pixels: int) -> float:
    """How long Tesseract may take over a page of `pixels` before it is stopped."""
    return _SECONDS_FLOOR + _SECONDS_PER_MEGAPIXEL * pixels / 1e6


def _single_page(image: Path) -> tuple[str | Image.Image, int]:
    """What to hand Tesseract for the page in `image`, and its pixel count. A TIFF goes as its
    first frame, decoded: given the file, Tesseract reads every frame it can find, and a TIFF
    whose frames point back to each other reads as millions of pages."""
    with Image.open(image) as opened:
        pixels = opened.width * opened.height
        if opened.format != "TIFF":
            return str(image), pixels
        opened.seek(0)
        opened.load()
        return opened.copy(), pixels
