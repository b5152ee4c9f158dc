"""Tone-mark restoration through the real command line: `ocr --no-restore`, and `eval`
reporting the error rates with and without restoration in the same run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.support import run, run_json
from tests.helpers.text_pages import lines_page

PRINTED = ("Lập hô sơ bảo vệ nguôn nước của tỉnh.", "Báo cáo kêt quả và cung câp nước sạch.")
MEANT = ("Lập hồ sơ bảo vệ nguồn nước của tỉnh.", "Báo cáo kết quả và cung cấp nước sạch.")


@pytest.mark.slow
def test_ocr_restores_unless_told_not_to(tmp_path: Path, inputs: Path) -> None:
    library = tmp_path / "library"
    page = lines_page(PRINTED).save(inputs / "bao-cao.png")
    document = run_json(library, "import", page)["imported"][0]["document"]

    plain = run_json(library, "ocr", document, "--no-restore")
    run(library, "export", document, "--format", "txt", "--out", tmp_path / "as-read.txt")
    restored = run_json(library, "ocr", document)
    run(library, "export", document, "--format", "txt", "--out", tmp_path / "restored.txt")

    assert (plain["done"], restored["done"]) == (1, 1)
    assert (tmp_path / "as-read.txt").read_text(encoding="utf-8").strip() == "\n".join(PRINTED)
    assert (tmp_path / "restored.txt").read_text(encoding="utf-8").strip() == "\n".join(MEANT)
    help_text = run(None, "ocr", "--help").stdout
    assert "--no-restore" in help_text


def test_eval_prints_the_error_rate_with_and_without_restoration(tmp_path: Path) -> None:
    folder = tmp_path / "eval"
    folder.mkdir()
    lines_page(PRINTED).save(folder / "page-1.png")
    (folder / "page-1.gt.txt").write_text("\n".join(MEANT), encoding="utf-8")

    report = run_json(None, "eval", folder)
    printed = run(None, "eval", folder)
    unrestored = run_json(None, "eval", folder, "--no-restore")

    (page,) = report["pages"]
    assert page["char_errors"] == 0 and page["char_errors_unrestored"] == 4
    assert page["restored_words"] == 4
    assert report["overall"]["mean_cer_unrestored"] > report["overall"]["mean_cer"] == 0
    assert printed.returncode == 0, printed.describe()
    assert (
        "as read by Tesseract" in printed.stdout and "after tone-mark restoration" in printed.stdout
    )
    (as_read,) = unrestored["pages"]
    assert as_read["char_errors"] == as_read["char_errors_unrestored"] == 4
