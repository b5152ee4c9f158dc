"""Tesseract, in this process through its C++ API (the `tesserocr` binding), returning the word
model.

A model is loaded once per thread and kept (`vie` takes about 0.1 s to load, a tenth of a
small page's reading), a page's pixels are handed over decoded, and its words are read from
Tesseract's results (`ocr.results`): no image file, no hOCR and no Tesseract process per page,
so nothing of a secret page is written anywhere. The caller
runs many pages side by side (one worker process each); Tesseract's own threading is switched
off with OMP_THREAD_LIMIT=1, which on a small machine is several times faster.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import numpy.typing as npt
from PIL import Image

from ocr.results import page_text
from ocr.stages import stage
from ocr.words import PageText

DEFAULT_LANGUAGES = "vie"
DEFAULT_ENGINE = "tesseract"
ENGINE_VARIABLE = "DIGITIZER_OCR_ENGINE"
"""Names the engine the workers read pages with (`module:function`); unset: Tesseract. A seam
for fault injection: a test names an engine that crashes, hangs or runs out of memory, and real
worker processes resolve it by name."""
DEFAULT_PAGE_SEGMENTATION = 3  # fully automatic layout analysis, without orientation detection
INSTALL_TESSERACT = "sudo apt-get install tesseract-ocr " + "tesseract-ocr-vie"

GreyPixels = npt.NDArray[np.uint8]
PageImage = Path | Image.Image | GreyPixels
"""A page to read: an image file (its first frame is read), its decoded image, or its pixels
in 8-bit grey (rows by columns)."""


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


def _tesserocr() -> ModuleType:
    """The binding, loaded on first use: commands that read no page never load Tesseract."""
    # OpenMP reads its limit once, when libtesseract loads it.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        import tesserocr
    except ImportError as error:
        raise TesseractMissing(
            f"Tesseract is not installed ({error}). Install it with: {INSTALL_TESSERACT}"
        ) from error
    binding: ModuleType = tesserocr
    return binding


def tesseract_version() -> str:
    """'5.3.0', say; part of every OCR settings key."""
    match = re.search(r"tesseract\s+v?(\S+)", str(_tesserocr().tesseract_version()))
    return match.group(1) if match else "unknown"


def _tessdata_folder() -> Path:
    """Where the models are: TESSDATA_PREFIX when it is set (read at each call), else
    Tesseract's own default."""
    prefix = os.environ.get("TESSDATA_PREFIX", "").strip()
    if prefix:
        return Path(prefix)
    return _default_tessdata_folder()


@cache
def _default_tessdata_folder() -> Path:
    # Asking costs a few milliseconds (the binding starts an API to ask), once a page.
    folder, _ = _tesserocr().get_languages()
    return Path(str(folder))


def installed_languages() -> list[str]:
    folder = _tessdata_folder()
    _, languages = _tesserocr().get_languages(f"{folder}/")
    return sorted(str(language) for language in languages)


def _check_languages(settings: EngineSettings) -> None:
    available = installed_languages()
    for language in settings.language_list:
        if language not in available:
            raise LanguagePackMissing(language)


def model_fingerprint(settings: EngineSettings) -> str:
    """Tesseract's version and a hash of each model file: a new model means new results.

    Raises LanguagePackMissing for a language Tesseract does not have.
    """
    _check_languages(settings)
    folder = _tessdata_folder()
    digests = [_model_digest(folder, language) for language in settings.language_list]
    return f"tesseract {tesseract_version()} " + " ".join(digests)


@cache
def _model_digest(folder: Path, language: str) -> str:
    if not (folder / f"{language}.traineddata").is_file():
        return f"{language}:?"
    digest = hashlib.sha256((folder / f"{language}.traineddata").read_bytes()).hexdigest()
    return f"{language}:{digest[:16]}"


# --- loaded models -------------------------------------------------------------------------

_KEPT_MODELS = 4
"""Loaded models a thread keeps at once: the page's languages, orientation detection, and a
re-reading's variants. The least recently used one beyond that is unloaded."""
_OSD_LANGUAGE = "osd"
_OSD_ONLY = 0  # page segmentation: orientation and script detection only

_threads = threading.local()


def _loaded(languages: str, variables: Mapping[str, str]) -> Any:
    """Tesseract's API with the models of `languages` loaded and `variables` set: loaded on
    first use in this thread, then kept (an API serves one thread at a time)."""
    folder = _tessdata_folder()
    key = (str(folder), languages, tuple(sorted(variables.items())))
    kept: OrderedDict[tuple[str, str, tuple[tuple[str, str], ...]], Any] | None
    kept = getattr(_threads, "kept", None)
    if kept is None:
        kept = _threads.kept = OrderedDict()
    api = kept.get(key)
    if api is not None:
        kept.move_to_end(key)
        return api
    _check_languages(EngineSettings(languages))
    try:
        api = _tesserocr().PyTessBaseAPI(
            path=f"{folder}/",
            lang=languages,
            init=True,
            # Tesseract's notes ("Estimating resolution as …") would land on the command's
            # own output.
            variables={"debug_file": os.devnull, **variables},
        )
    except RuntimeError as error:
        raise OcrError(f"Tesseract could not load its '{languages}' model: {error}") from error
    kept[key] = api
    while len(kept) > _KEPT_MODELS:
        _, unloaded = kept.popitem(last=False)
        unloaded.End()
    return api


@contextmanager
def _page_set(api: Any, grey: GreyPixels, dpi: int, segmentation: int) -> Iterator[None]:
    """`grey` handed to `api` for the block; its results and its copy of the pixels are let go
    after it, so a kept model holds no page between pages."""
    height, width = grey.shape
    api.SetPageSegMode(segmentation)
    api.SetImageBytes(np.ascontiguousarray(grey).tobytes(), width, height, 1, width)
    if dpi > 0:
        api.SetSourceResolution(int(dpi))
    try:
        yield
    finally:
        api.Clear()


def grey_pixels(image: PageImage) -> GreyPixels:
    """The page as 8-bit grey pixels. A file gives its first frame only: a TIFF whose frames
    point back to each other would otherwise read as millions of pages."""
    if isinstance(image, np.ndarray):
        if image.ndim != 2 or image.dtype != np.uint8:
            raise ValueError(f"Tesseract reads 8-bit grey pixels, not {image.dtype} {image.shape}")
        return image
    if isinstance(image, Path):
        with Image.open(image) as opened:
            opened.seek(0)
            opened.load()
            return np.asarray(opened if opened.mode == "L" else opened.convert("L"))
    return np.asarray(image if image.mode == "L" else image.convert("L"))


# --- reading -------------------------------------------------------------------------------


def recognise(
    image: PageImage,
    dpi: int,
    settings: EngineSettings,
    *,
    variables: Mapping[str, str] | None = None,
) -> PageText:
    """Read one page at a resolution of `dpi` (whatever a file says); `variables` sets
    Tesseract parameters for this reading. Word boxes are in the page's pixels."""
    what = image.name if isinstance(image, Path) else "the page"
    grey = grey_pixels(image)
    height, width = grey.shape
    limit = time_limit(grey.size)
    api = _loaded(settings.languages, variables or {})
    with _page_set(api, grey, dpi, settings.page_segmentation):
        del grey  # Tesseract holds its own copy
        with stage("tesseract"):
            started = time.monotonic()
            if not api.Recognize(timeout=int(limit * 1000)):
                if time.monotonic() - started >= limit:
                    raise OcrError(
                        f"Tesseract could not read {what}: it took too long "
                        f"(more than {limit:.0f} s)."
                    )
                raise OcrError(f"Tesseract could not read {what}.")
        with stage("words read"):
            return page_text(api, width, height, dpi)


def osd_quarter_turns(image: PageImage) -> int | None:
    """Counter-clockwise quarter turns Tesseract's orientation detection would add to make
    `image` upright, or None when it cannot tell (too little text, say)."""
    api = _loaded(_OSD_LANGUAGE, {})
    with stage("tesseract osd"), _page_set(api, grey_pixels(image), 0, _OSD_ONLY):
        found: dict[str, Any] | None = api.DetectOrientationScript()
    if not found:
        return None
    # `orient_deg`: how far clockwise the text is turned, what as many counter-clockwise
    # quarter turns undo.
    return (int(found["orient_deg"]) // 90) % 4


Recogniser = Callable[[PageImage, int, EngineSettings], PageText]
"""Reads one page at a resolution: what `recognise` does with Tesseract."""


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
# far longer is stuck and must not hold a worker for ever.
_SECONDS_FLOOR = 30.0
_SECONDS_PER_MEGAPIXEL = 12.0


def time_limit(pixels: int) -> float:
    """How long Tesseract may take over a page of `pixels` before it is stopped."""
    return _SECONDS_FLOOR + _SECONDS_PER_MEGAPIXEL * pixels / 1e6
