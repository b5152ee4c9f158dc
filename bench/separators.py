"""Benchmark: telling separator sheets and blank pages in a stack, ours against zbar alone.

A stack of A4 pages at 300 dpi in grey is made once: pages of Vietnamese text (the test suite's
page generator), a separator sheet (printed with `digitizer.acquire.sheets` and rasterised by
poppler) every `--every` pages, and a blank back with dust every `--every` pages. For every page:

* **ours**: `look_at_page` — decode, downscale to about 100 dpi, zbar on the small image (QR
  codes only), and the ink measure for blank pages;
* **zbarimg**: the zbar command-line tool on the same file, QR codes only (the usual way to look
  for a barcode on a scan: full resolution, one process per page);
* **pyzbar full**: the same zbar library in process, on the full-resolution grey page (what we
  would do without the downscale).

Each is run over the whole stack, one after another, and the mean milliseconds per page and the
ratios to ours are printed, with the count of sheets each found (all must find all of them).

    .venv/bin/python bench/separators.py                # 40 pages
    .venv/bin/python bench/separators.py --pages 100 --every 10
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    # Run as `python bench/separators.py`: the repository root replaces this folder on
    # sys.path, where bench/ocr.py would hide the `ocr` package.
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.common import add_workdir_argument, git_state, make_workdir


def build_stack(folder: Path, pages: int, every: int) -> list[Path]:
    from PIL import Image

    from digitizer.acquire.separators import SeparatorSheet
    from tests.acquire.stacks import blank_image, separator_image
    from tests.helpers.text_pages import text_page

    dpi = 300
    sheet = separator_image(folder, SeparatorSheet("Hồ sơ 1"), "sheet", dpi=dpi)
    blank = blank_image(folder / "blank.png", dpi=dpi)
    made = []
    for number in range(1, pages + 1):
        path = folder / f"page-{number:04d}.png"
        if number % every == 0:
            shutil.copy(sheet, path)
        elif number % every == every // 2:
            shutil.copy(blank, path)
        else:
            text = text_page(number % 8, line_count=8, dpi=dpi).image
            page = Image.new("L", (2480, 3508), 255)
            page.paste(text, (0, 300))
            page.save(path, dpi=(dpi, dpi))
        made.append(path)
    return made


def ours(path: Path) -> bool:
    from digitizer.acquire.classify import PageKind, look_at_page

    return look_at_page(path).kind is PageKind.SEPARATOR


def zbarimg(path: Path) -> bool:
    found = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.startswith("DIGITIZER-SEPARATOR")


def pyzbar_full(path: Path) -> bool:
    import numpy as np
    from PIL import Image
    from pyzbar import pyzbar

    with Image.open(path) as image:
        grey = np.asarray(image.convert("L"))
    codes = pyzbar.decode(grey, symbols=[pyzbar.ZBarSymbol.QRCODE])
    return any(code.data.startswith(b"DIGITIZER-SEPARATOR") for code in codes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--every", type=int, default=10, help="a sheet (and a blank) every N")
    add_workdir_argument(parser, "the page images")
    args = parser.parse_args()
    folder = make_workdir(args.workdir, "bench-separators-")
    try:
        commit, dirty = git_state()
        stack = build_stack(folder, args.pages, args.every)
        sheets = sum(1 for n in range(1, args.pages + 1) if n % args.every == 0)
        print(f"commit {commit}{' (with uncommitted changes)' if dirty else ''}")
        print(f"{len(stack)} pages of A4 at 300 dpi grey, {sheets} separator sheets")
        results = {}
        for name, look in (("ours", ours), ("zbarimg", zbarimg), ("pyzbar full", pyzbar_full)):
            look(stack[0])  # warm-up: imports, caches
            start = time.perf_counter()
            found = sum(look(path) for path in stack)
            results[name] = (time.perf_counter() - start) / len(stack) * 1000, found
        base = results["ours"][0]
        for name, (ms, found) in results.items():
            print(f"  {name:<12} {ms:7.1f} ms/page  ×{ms / base:5.2f}  sheets found {found}")
    finally:
        if not args.workdir:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
