"""PDF files: inspect them (pages, encryption, native image resolution, text layer) and rasterise
pages to files with poppler, a few at a time, so a long PDF never sits in memory.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import tempfile
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import pdf2image
import pikepdf
from pdf2image import exceptions as pdf2image_errors
from PIL import Image

from digitizer.acquire.formats import FileFormat, IdentifiedFile
from digitizer.acquire.pdf_scans import extract_scan, page_scan
from digitizer.acquire.pdf_signatures import PdfSignature, read_signatures
from digitizer.errors import (
    CorruptPdf,
    EncryptedPdf,
    ImageTooLarge,
    MissingTool,
    NoPrivateMemory,
    WrongPassword,
)
from digitizer.security.ramdisk import make_private_folder
from ocr.metrics import syllable_share

DEFAULT_DPI = 300  # when a page has no scanned image to take the resolution from
MIN_DPI, MAX_DPI = 72, 1200
# Pages per pdftoppm run. One: a raw page comes back in memory (an A4 colour page at 300 dpi is
# 26 MB of it) and only its PNG is written, so a run's pages must fit in memory together.
CHUNK_PAGES = 1
_TEXT_MIN_CHARACTERS = 3


class RenderMode(Enum):
    COLOR = "color"
    GRAY = "gray"
    MONO = "mono"  # the page is a bilevel scan: keep it bilevel


@dataclass(frozen=True)
class PdfPage:
    number: int  # 1-based
    dpi: int
    mode: RenderMode
    width_points: float
    height_points: float
    has_text: bool
    text_layer: str = ""
    """'' none, 'text', 'stamp' (only an e-signature stamp's), 'garbled' (a bad OCR layer)."""

    def pixel_size(self) -> tuple[int, int]:
        return (
            round(self.width_points / 72 * self.dpi),
            round(self.height_points / 72 * self.dpi),
        )


@dataclass(frozen=True)
class ProbedPdf:
    file: IdentifiedFile
    pages: tuple[PdfPage, ...]
    signatures: tuple[PdfSignature, ...] = ()

    @property
    def has_text_layer(self) -> bool:
        return any(page.has_text for page in self.pages)


def _require(tool: str) -> None:
    if shutil.which(tool) is None:
        raise MissingTool(
            f"The program {tool} is not installed. Install poppler-utils "
            f"(sudo apt-get install poppler-utils) or run `make setup`."
        )


def probe_pdf(
    file: IdentifiedFile, password: str | None, max_pixels: int, *, secret: bool = False
) -> ProbedPdf:
    """Open a PDF and describe its pages; raise an `InputError` for damaged or locked files.
    `secret`: the file is going into the vault, so a decrypted copy may only be made in RAM."""
    path = file.path
    try:
        with pikepdf.open(path, password=password or "") as pdf:
            sizes = [_page_size(page) for page in pdf.pages]
    except pikepdf.PasswordError as error:
        if password:
            raise WrongPassword(
                f"{path.name}: the password given does not open this PDF.", source=path
            ) from error
        raise EncryptedPdf(
            f"{path.name}: the PDF is protected by a password; give it with --pdf-password-file.",
            source=path,
        ) from error
    except (pikepdf.PdfError, pikepdf.DataDecodingError, ValueError, KeyError) as error:
        raise CorruptPdf(
            f"{path.name}: the PDF is damaged and cannot be read ({error}).", source=path
        ) from error
    if not sizes:
        raise CorruptPdf(f"{path.name}: the PDF has no pages.", source=path)

    _require("pdfimages")
    with without_password(path, password, secret=secret) as readable:
        images = _images_per_page(readable)
        texts = _text_per_page(readable, len(sizes))
    pages = []
    for number, (width, height) in enumerate(sizes, start=1):
        for image in images.get(number, []):
            if image.width * image.height > max_pixels:
                raise ImageTooLarge(
                    f"{path.name} page {number}: an embedded image of {image.width} × "
                    f"{image.height} pixels is above the limit of {max_pixels:,} pixels; it may "
                    "be a decompression bomb. Raise the limit with --max-pixels if genuine.",
                    source=path,
                )
        dpi, mode = _native_resolution(images.get(number, []))
        # Over a scan, an e-signature stamp's text or a garbled OCR layer is not the page's
        # text: such a page counts as a scan. A page with no scan has only its text.
        scanned = any(i.area_points >= 0.5 * width * height for i in images.get(number, []))
        verdict = texts[number - 1]
        has_text = verdict == "text" or (bool(verdict) and not scanned)
        page = PdfPage(number, dpi, mode, width, height, has_text, verdict)
        columns, rows = page.pixel_size()
        if columns * rows > max_pixels:
            raise ImageTooLarge(
                f"{path.name} page {number}: {columns} × {rows} pixels at {dpi} dpi is above the "
                f"limit of {max_pixels:,} pixels; raise it with --max-pixels if genuine.",
                source=path,
            )
        pages.append(page)
    return ProbedPdf(file, tuple(pages), tuple(read_signatures(path, password)))


def _page_size(page: pikepdf.Page) -> tuple[float, float]:
    box = [float(value) for value in page.cropbox]
    width, height = abs(box[2] - box[0]), abs(box[3] - box[1])
    if int(page.obj.get("/Rotate", 0)) % 180 == 90:
        width, height = height, width
    if width <= 0 or height <= 0:
        raise ValueError("a page has an empty page box")
    return width, height


@dataclass(frozen=True)
class _ImageInfo:
    width: int
    height: int
    color: str
    bits: int
    x_ppi: int
    y_ppi: int = 0

    @property
    def area_points(self) -> float:
        """How much of the page the image covers, in square points (0 when unknown)."""
        if self.x_ppi <= 0 or self.y_ppi <= 0:
            return 0.0
        return (self.width * 72 / self.x_ppi) * (self.height * 72 / self.y_ppi)


@contextmanager
def without_password(
    path: Path, password: str | None, folder: Path | None = None, *, secret: bool = False
) -> Iterator[Path]:
    """`path`, or when it needs `password`, a copy decrypted here (pikepdf) for poppler's tools
    to read: given to them, the password would sit on their command lines, which every account
    on the machine sees (`ps`). The copy is private (0600) in `folder` (the import's own scratch
    folder) or else a RAM-backed one of its own, and is removed when done."""
    if not password:
        yield path
        return
    own = None if folder is not None else _scratch_folder(secret)
    fd, name = tempfile.mkstemp(dir=folder or own, prefix="decrypted-", suffix=".pdf")
    os.close(fd)
    copy = Path(name)
    try:
        with pikepdf.open(path, password=password) as pdf:
            pdf.save(copy)  # saved with no encryption
        yield copy
    finally:
        copy.unlink(missing_ok=True)
        if own is not None:
            shutil.rmtree(own, ignore_errors=True)


def _scratch_folder(secret: bool) -> Path:
    """A private folder in RAM; for a file that is not secret, a private one in the system's
    temporary folder when the machine has no RAM-backed one."""
    try:
        return make_private_folder()
    except NoPrivateMemory:
        if secret:
            raise
        return Path(tempfile.mkdtemp(prefix="digitizer-"))


def _images_per_page(path: Path) -> dict[int, list[_ImageInfo]]:
    """Every image drawn on each page, from `pdfimages -list` (one pass over the file)."""
    result = subprocess.run(
        ["pdfimages", "-list", str(path)],
        capture_output=True,
        text=True,
        errors="replace",
        check=False,
    )
    pages: dict[int, list[_ImageInfo]] = {}
    for line in result.stdout.splitlines()[2:]:
        fields = line.split()
        if len(fields) < 14 or fields[2] != "image":
            continue
        try:
            pages.setdefault(int(fields[0]), []).append(
                _ImageInfo(
                    width=int(fields[3]),
                    height=int(fields[4]),
                    color=fields[5],
                    bits=int(fields[7]),
                    x_ppi=int(fields[12]),
                    y_ppi=int(fields[13]),
                )
            )
        except ValueError:
            continue
    return pages


def _native_resolution(images: Sequence[_ImageInfo]) -> tuple[int, RenderMode]:
    """Render at the resolution of the image that covers most of the page (the scan), in the
    colour depth of the page's images.

    A signed scan carries its e-signature seal as a small image at thousands of ppi over the
    150 ppi scan: rendering at the seal's resolution would make a page tens of times the scan's
    pixels, and read no better.
    """
    if not images:
        return DEFAULT_DPI, RenderMode.COLOR
    dpi = max(images, key=lambda image: (image.area_points, image.x_ppi)).x_ppi
    dpi = min(max(dpi, MIN_DPI), MAX_DPI)
    if all(image.color == "gray" and image.bits == 1 for image in images):
        return dpi, RenderMode.MONO
    if all(image.color == "gray" for image in images):
        return dpi, RenderMode.GRAY
    return dpi, RenderMode.COLOR


def _text_per_page(path: Path, count: int) -> list[str]:
    """What text layer each page carries (a born-digital PDF, or one OCRed before); see
    `text_layer_verdict`."""
    _require("pdftotext")
    command = ["pdftotext", "-q", "-enc", "UTF-8", "-bbox", str(path), "-"]
    result = subprocess.run(command, capture_output=True, check=False)
    pages = _PAGE_TAG.split(result.stdout.decode("utf-8", errors="replace"))[1:]
    verdicts = [text_layer_verdict(page) for page in pages[:count]]
    return verdicts + [""] * (count - len(verdicts))


_PAGE_TAG = re.compile(r"<page\b")
_PAGE_SIZE = re.compile(r'width="([\d.]+)" height="([\d.]+)"')
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
_MIN_TEXT_COVER = 0.2
"""A text layer spread over less of the page is a stamp (an e-signature's), not the page."""
_MIN_TEXT_WORDS = 25
_MIN_TEXT_SYLLABLES = 0.5
"""An invisible OCR layer with fewer valid words than this share is garbled: read again."""


def text_layer_verdict(page: str) -> str:
    """'' no text; 'text' a text layer that is the page's; 'stamp' only a small block of text
    (an e-signature stamp); 'garbled' text that is not Vietnamese words (a bad OCR layer).

    `page` is one page of `pdftotext -bbox` output. A page that is not 'text' is read by OCR
    like a scan and not counted as having a text layer.
    """
    size = _PAGE_SIZE.search(page)
    words = [
        (float(a), float(b), float(c), float(d), html.unescape(t))
        for a, b, c, d, t in _WORD.findall(page)
    ]
    if len("".join(word[4] for word in words)) < _TEXT_MIN_CHARACTERS:
        return ""
    if size is None:
        return "text"
    area = float(size.group(1)) * float(size.group(2))
    x0, y0 = min(w[0] for w in words), min(w[1] for w in words)
    x1, y1 = max(w[2] for w in words), max(w[3] for w in words)
    if len(words) < _MIN_TEXT_WORDS or (x1 - x0) * (y1 - y0) < _MIN_TEXT_COVER * area:
        return "stamp"
    if syllable_share(" ".join(word[4] for word in words)) < _MIN_TEXT_SYLLABLES:
        return "garbled"
    return "text"


@dataclass(frozen=True)
class RenderedPage:
    number: int
    path: Path
    width: int
    height: int
    dpi: int
    media_type: str


def page_images(
    probed: ProbedPdf, pages: Sequence[PdfPage], folder: Path, password: str | None
) -> Iterator[RenderedPage]:
    """An image file for each of `pages`, in `folder`, one at a time.

    A page that is only a scan gives its embedded image as it is (see `pdf_scans`); the others
    are rasterised by poppler at their native resolution. Pages come in the order of `pages`
    whichever way each is made.
    """
    to_render = []
    with (
        without_password(probed.file.path, password, folder) as readable,
        pikepdf.open(readable) as pdf,
    ):
        for page in pages:
            scan = page_scan(pdf.pages[page.number - 1])
            extracted = None
            if scan is not None:
                # The scan covers the page exactly (page_scan checks), so this is its resolution.
                dpi = round(int(scan.get("/Width", 0)) * 72 / page.width_points)
                extracted = extract_scan(scan, folder / f"scan-{page.number}", dpi)
            if extracted is None:
                to_render.append(page)
                continue
            # The pages to render before this scan come first: a stack is split in page order.
            yield from render_pages(probed, to_render, folder, readable)
            to_render = []
            yield RenderedPage(
                page.number,
                extracted.path,
                extracted.width,
                extracted.height,
                dpi,
                extracted.media_type,
            )
        yield from render_pages(probed, to_render, folder, readable)


def _runs(pages: Sequence[PdfPage]) -> Iterator[list[PdfPage]]:
    """Consecutive pages that one pdftoppm call can render (same resolution and mode)."""
    run: list[PdfPage] = []
    for page in pages:
        if run and (
            page.number != run[-1].number + 1
            or (page.dpi, page.mode) != (run[-1].dpi, run[-1].mode)
            or len(run) >= CHUNK_PAGES
        ):
            yield run
            run = []
        run.append(page)
    if run:
        yield run


def render_pages(
    probed: ProbedPdf, pages: Sequence[PdfPage], folder: Path, readable: Path | None = None
) -> Iterator[RenderedPage]:
    """Rasterise `pages` into `folder`, yielding each page's PNG file in page order. `readable`
    is the file poppler reads: the PDF itself, or its copy without a password.

    Pages are rendered on every core at once, at most one page a core ahead of the caller, who
    stores and deletes each file before asking for the next. A raw page never reaches the disk
    (poppler hands it over in memory), so the folder holds only a handful of PNG pages at any
    moment, whatever the length of the PDF or the size of its pages.
    """
    workers = max(1, os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[list[RenderedPage]]] = deque()
        runs = iter(_runs(pages))
        try:
            while True:
                while len(pending) < workers + 1:
                    run = next(runs, None)
                    if run is None:
                        break
                    source = readable or probed.file.path
                    pending.append(pool.submit(_render_run, probed, run, folder, source))
                if not pending:
                    return
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def _render_run(
    probed: ProbedPdf, run: Sequence[PdfPage], folder: Path, readable: Path
) -> list[RenderedPage]:
    """Render consecutive pages of one resolution and mode with one pdftoppm process."""
    path = probed.file.path
    first, last = run[0], run[-1]
    try:
        # Raw PNM out of poppler, through a pipe, PNG encoded here: poppler's own PNG writer
        # takes ten times as long on a noisy grey scan as rendering it does.
        rendered = pdf2image.convert_from_path(
            readable,
            dpi=first.dpi,
            first_page=first.number,
            last_page=last.number,
            fmt="ppm",
            grayscale=first.mode is not RenderMode.COLOR,
            thread_count=1,
        )
    except pdf2image_errors.PDFInfoNotInstalledError as error:
        raise MissingTool(
            "poppler-utils is not installed (sudo apt-get install poppler-utils)."
        ) from error
    except (pdf2image_errors.PDFPageCountError, pdf2image_errors.PDFSyntaxError) as error:
        raise CorruptPdf(f"{path.name}: poppler cannot read it ({error}).", source=path) from error
    if len(rendered) != len(run):
        raise CorruptPdf(
            f"{path.name}: pages {first.number}–{last.number} cannot be rendered.", source=path
        )
    return [
        _encode_page(page, image, folder / f"page-{page.number}.png")
        for page, image in zip(run, rendered, strict=True)
    ]


# zlib level 3: on scans within a few percent of level 6's size at a third of its time.
_PNG_LEVEL = 3


def _encode_page(page: PdfPage, image: Image.Image, target: Path) -> RenderedPage:
    """Turn poppler's raw page into the stored PNG; a bilevel scan stays 1 bit per pixel."""
    try:
        image.load()  # read from memory: an error here is the page's, never the disk's
    except (OSError, SyntaxError) as error:  # poppler stopped part-way through the page
        image.close()
        raise CorruptPdf(f"page {page.number} cannot be rendered ({error}).") from error
    with image:
        out: Image.Image = image
        if page.mode is RenderMode.MONO:
            # Rendered at the scan's own resolution a bilevel page is already pure black and
            # white; storing it as 1 bit keeps it exact at an eighth of the size.
            out = image.convert("1", dither=Image.Dither.NONE)
        out.save(target, format="PNG", dpi=(page.dpi, page.dpi), compress_level=_PNG_LEVEL)
        width, height = out.size
    return RenderedPage(page.number, target, width, height, page.dpi, FileFormat.PNG.media_type)
