"""The pipeline after import: prepare and recognise pages, as persisted, resumable jobs."""

from __future__ import annotations

import os

SCHEDULER_SETTING = "ocr.scheduler"
"""Library setting: the scheduler `ocr` sends pages to when no --scheduler is given. Here, not
with the farm's code, so that reading it does not load Dask."""


def default_workers() -> int:
    """Pages recognised side by side unless told otherwise: one per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
