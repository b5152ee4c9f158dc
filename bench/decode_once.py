"""Benchmark: what recognition saves by taking the pixels preparation already decoded.

On the 26 pages of `bench/ocr.py --one-document` (dev, real-tt23 and the held-out shapes), one
process, CPU time: preparation (`prepare_file`) then the recognition copy (`recognition_copy`),
(before) with the page decoded again from its file, as the worker did, and (after) from
`PreparedPage.decoded` where preparation kept the file's own pixels. The two ways alternate,
`--repeat` times each; the best total per way counts.

Usage (from the repository root): `nice -n 10 .venv/bin/python bench/decode_once.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    # As in bench/ocr.py: this folder must not hide the project's `ocr` package.
    _HERE = Path(__file__).resolve().parent
    sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _HERE]
    sys.path.append(str(_HERE.parent))

import argparse
import shutil
import tempfile
import time

from PIL import Image

from bench.ocr import one_document_pages
from ocr.clean import recognition_copy
from ocr.prepare import PrepareSettings, prepare_file


def one_page(image: Path, scratch: Path, reuse: bool) -> float:
    """CPU seconds of preparing `image` and making its recognition copy."""
    started = time.process_time()
    prepared = prepare_file(image, scratch, PrepareSettings(), 300)
    if reuse and prepared.decoded is not None:
        recognition_copy(prepared.decoded, 300)
    else:
        with Image.open(prepared.path or image) as opened:
            opened.load()
            recognition_copy(opened, 300)
    if prepared.path is not None:
        prepared.path.unlink()
    return time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench/decode_once.py", description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, metavar="N")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="digitizer-bench-decode-"))
    try:
        images = [page.image for page in one_document_pages(workdir)]
        totals: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(args.repeat):
            for reuse in (False, True):
                totals[reuse].append(sum(one_page(image, workdir, reuse) for image in images))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    before, after = min(totals[False]), min(totals[True])
    print(f"{len(images)} pages, preparation + recognition copy, CPU ms per page (best of runs)")
    print(f"  before (decoded again): {1000 * before / len(images):.0f}")
    print(f"  after  (decoded once):  {1000 * after / len(images):.0f}")
    print(f"  after ÷ before: {after / before:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
