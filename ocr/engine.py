"""Tesseract, run once per page on an image file, returning hOCR.

The caller runs many pages side by side (one process each); Tesseract's own threading is
switched off with OMP_THREAD_LIMIT=1, which on a small machine is several times faster.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytesseract

from ocr.hocr import parse_hocr
from ocr.words import PageText

DEFAULT_LANGUAGES = "vie"
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
    for name, value in (variables or {}).items():
        config += f" -c {name}={value}"
    try:
        hocr = pytesseract.image_to_pdf_or_hocr(
            str(image), lang=settings.languages, config=config, extension="hocr"
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
    return parse_hocr(hocr.decode("utf-8"), dpi=dpi)
