"""Label sheets: every code on a sheet of 24 decodes at 150 dpi; titles are real text."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image

from digitizer.errors import LayoutImpossible
from digitizer.export.labels import A4, Label, LabelPlace, write_labels
from tests.export.checks import decode_qr, rasterise

TITLES = (
    "Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số trong công tác tuyên truyền",
    "Báo cáo tổng kết công tác xây dựng Đảng năm 2024",
    "Chỉ thị về tăng cường lãnh đạo công tác lưu trữ",
)


def _labels(count: int) -> list[Label]:
    labels = []
    for n in range(count):
        document = f"{n:02d}abcdefgh"[:10]
        payload = f"https://example.gov.vn/tai-lieu/{document}" if n % 2 else document
        labels.append(Label(payload, f"{n + 1}-NQ/TU", TITLES[n % 3], document))
    return labels


def test_a_sheet_of_24_labels_decodes_to_24_distinct_codes(tmp_path: Path) -> None:
    labels = _labels(24)
    out = tmp_path / "labels.pdf"

    places = write_labels(labels, out)

    assert {p.sheet for p in places} == {1} and min(p.side_mm for p in places) >= 20
    assert [(p.row, p.column) for p in places[:4]] == [(0, 0), (0, 1), (0, 2), (1, 0)]
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    (image,) = rasterise(out, tmp_path)
    decoded = [decode_qr(cell) for cell in label_cells(image, places, tmp_path)]
    assert decoded == [[label.payload] for label in labels]
    assert len({payload for (payload,) in decoded}) == 24
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Báo cáo tổng kết công tác" in text and "lãnh đạo công tác lưu trữ" in text
    assert "24-NQ/TU" in text


def label_cells(image: Path, places: list[LabelPlace], folder: Path) -> list[Path]:
    """Each label of a rendered sheet as its own image, as a phone held over one label sees
    it (zbar, given the whole sheet, sometimes groups finder patterns of two aligned codes)."""
    cells = []
    with Image.open(image) as sheet:
        scale = sheet.width / A4[0]
        for index, place in enumerate(places):
            x0, y0, x1, y1 = place.code_box
            margin = (x1 - x0) * 0.4
            box = (
                round((x0 - margin) * scale),
                round((A4[1] - y1 - margin) * scale),
                round((x1 + margin) * scale),
                round((A4[1] - y0 + margin) * scale),
            )
            path = folder / f"cell-{index}.png"
            sheet.crop(box).save(path)
            cells.append(path)
    return cells


def test_more_labels_than_a_sheet_take_more_sheets(tmp_path: Path) -> None:
    places = write_labels(_labels(7), tmp_path / "two.pdf", grid=(2, 3))

    assert [p.sheet for p in places] == [1] * 6 + [2]
    assert len(rasterise(tmp_path / "two.pdf", tmp_path, 30)) == 2


def test_a_grid_too_dense_for_a_2_cm_code_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LayoutImpossible, match="at least 20 mm"):
        write_labels(_labels(3), tmp_path / "dense.pdf", grid=(4, 12))
    assert not (tmp_path / "dense.pdf").exists()
