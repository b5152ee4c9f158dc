"""Blank pages: the empty backs of duplex scans, told from pages with a few words on them.

A page is blank when the share of its area covered by ink stays under a threshold. Ink is what
is clearly darker than the paper, after a light binarisation relative to the paper's own shade
(so grey recycled paper is not ink, and faint show-through from the other side is not either),
on the page averaged down to about 100 dpi, which melts specks of dust into the paper; and a
margin along every edge is left out, where scanners leave shadows, punch holes and the feeder's
dark border.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

DEFAULT_THRESHOLD = 0.0005
"""Ink fraction under which a page counts as blank: 0.05 % of the page. A single short line of
12 pt text covers about 0.1 %, a page number alone under 0.005 %, scattered dust less."""
MARGIN = 0.04
"""Share of the width and height left out along each edge."""
INK_LEVEL = 0.6
"""A pixel is ink when darker than this share of the paper's brightness."""


def ink_fraction(grey: NDArray[np.uint8]) -> float:
    """The share (0…1) of the page inside its margins covered by ink. `grey` is the page in
    8-bit grey at about 100 dpi (`classify.working_image`)."""
    height, width = grey.shape
    dy, dx = round(height * MARGIN), round(width * MARGIN)
    inner = grey[dy : height - dy, dx : width - dx]
    if inner.size == 0:
        return 0.0
    paper = float(np.percentile(inner, 90))
    if paper < 64:  # a dark page (a black test sheet, a photograph): all of it is "ink"
        return 1.0
    return float((inner < paper * INK_LEVEL).mean())
