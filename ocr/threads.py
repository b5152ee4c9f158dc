"""The native libraries' own threads, off in a process that reads one page per core."""

from __future__ import annotations

import os

import cv2


def one_thread_per_page() -> None:
    """Switch off the threads Tesseract (OpenMP) and OpenCV start, one a core, by default.

    A worker is already one of a page per core: their threads would only take turns with the
    other workers' (OpenCV's two spent 10–15 % more CPU on a page's analysis and cleaning than
    one). Call before Tesseract loads: OpenMP reads its limit once.
    """
    os.environ["OMP_THREAD_LIMIT"] = "1"
    cv2.setNumThreads(1)
