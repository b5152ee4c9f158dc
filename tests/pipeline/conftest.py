"""Documents of real Vietnamese text pages in a library, ready for OCR."""

from __future__ import annotations

from pathlib import Path

import pytest

from digitizer.acquire.importer import ImportOptions, import_paths
from digitizer.library import Library
from tests.helpers.text_pages import text_page


def text_document(folder: Path, name: str, pages: int, first_line: int = 0) -> Path:
    """A multi-page 1-bit G4 TIFF of small text pages, each headed with its number."""
    frames = [
        text_page(first_line + n, line_count=3, mode="1", heading=f"Trang {n + 1}").image
        for n in range(pages)
    ]
    path = folder / f"{name}.tif"
    frames[0].save(
        path, save_all=True, append_images=frames[1:], compression="group4", dpi=(300, 300)
    )
    return path


@pytest.fixture
def two_page_document(library: Library, inputs: Path) -> str:
    report = import_paths(library, [text_document(inputs, "nghi-quyet", 2)], ImportOptions())
    assert not report.failed
    return report.imported[0].document_id
