"""A worker reads one page at a time on its own core: the libraries it calls start no threads
of their own to compete with the other workers'."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

import cv2
import pytest

from digitizer.pipeline.page_work import start_worker


def _threads() -> tuple[int, str | None]:
    return cv2.getNumThreads(), os.environ.get("OMP_THREAD_LIMIT")


def test_a_worker_runs_opencv_and_tesseract_on_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    # Left alone, OpenMP would take a thread a core, and OpenCV does (one at least).
    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=spawn, initializer=start_worker) as pool:
        assert pool.submit(_threads).result(timeout=60) == (1, "1")
