"""Files built to break a reader: each is refused with a code (or taken whole), the good files of
the same batch go in, names are shown safely, and every page that went in exports."""

from __future__ import annotations

import struct
import subprocess
import time
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from tests.e2e.support import query, run, run_json
from tests.helpers.pages import page_image, write_image

NOT_UTF8 = b"ho-so-\xff\xfe".decode("utf-8", "surrogateescape")
ESCAPES = "to-trinh-\x1b[2J\u202etxt.exe"


def _pdf(path: Path, rotate: object) -> Path:
    page_image(1).save(path, format="PDF", resolution=100)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages[0].obj["/Rotate"] = rotate
        pdf.save(path)
    return path


def _tiff_with_next_frame_past_the_end(path: Path) -> Path:
    frames = [page_image(n, mode="1") for n in (1, 2)]
    frames[0].save(path, format="TIFF", save_all=True, append_images=frames[1:])
    data = bytearray(path.read_bytes())
    first = struct.unpack_from("<I", data, 4)[0]
    entries = struct.unpack_from("<H", data, first)[0]
    struct.pack_into("<I", data, first + 2 + 12 * entries, len(data) + 5000)
    path.write_bytes(bytes(data))
    return path


def test_poison_files_are_refused_and_the_good_ones_go_in(library_path: Path, inputs: Path) -> None:
    _pdf(inputs / "rotate-name.pdf", pikepdf.Name("/Ninety"))
    _tiff_with_next_frame_past_the_end(inputs / "frames-past-end.tif")
    write_image(inputs / "good-1.png", 1)
    write_image(inputs / "good-2.png", 2)

    report = run_json(library_path, "import", inputs, expect=1)

    failed = {Path(item["source"]).name: item["code"] for item in report["failed"]}
    assert failed == {
        "rotate-name.pdf": "unreadable-content",
        "frames-past-end.tif": "unreadable-content",
    }
    imported = sorted(Path(item["source"]).name for item in report["imported"])
    assert imported == ["good-1.png", "good-2.png"]
    assert run(library_path, "verify").returncode == 0


def test_a_fractional_rotation_is_read_as_the_quarter_turn_below(
    library_path: Path, inputs: Path
) -> None:
    report = run_json(library_path, "import", _pdf(inputs / "rotate-float.pdf", 90.5))
    assert len(report["imported"]) == 1


def test_names_that_are_not_utf8_or_carry_escapes_are_stored_and_shown_escaped(
    library_path: Path, inputs: Path
) -> None:
    write_image(inputs / f"{NOT_UTF8}.png", 1)
    write_image(inputs / f"{ESCAPES}.png", 2)

    result = run(library_path, "import", inputs)
    assert result.returncode == 0, result.describe()
    listing = run(library_path, "list")
    assert "\x1b" not in listing.stdout + result.stdout
    assert "\u202e" not in listing.stdout + result.stdout
    assert "ho-so-\\xff\\xfe" in listing.stdout
    assert "to-trinh-\\x1b[2J\\u202etxt.exe" in listing.stdout
    names = {row[0] for row in query(library_path, "SELECT name FROM sources")}
    assert names == {"ho-so-\\xff\\xfe.png", "to-trinh-\\x1b[2J\\u202etxt.exe.png"}


def test_a_file_of_more_pages_than_allowed_is_refused_before_it_is_decoded(
    library_path: Path, inputs: Path
) -> None:
    frames = [page_image(n, size=(40, 40), mode="1") for n in range(1, 31)]
    frames[0].save(inputs / "many.tif", format="TIFF", save_all=True, append_images=frames[1:])
    write_image(inputs / "good.png", 1)

    report = run_json(library_path, "import", inputs, "--max-pages", "20", expect=1)

    assert [item["code"] for item in report["failed"]] == ["too-many-pages"]
    assert len(report["imported"]) == 1


def test_the_pixel_limit_counts_the_bytes_of_a_deep_image(library_path: Path, inputs: Path) -> None:
    # 1,000 × 1,000 pixels pass a limit of 1,200,000 as grey, not as 16-bit grey with alpha
    Image.new("L", (1000, 1000), 255).save(inputs / "grey.png")
    Image.new("RGBA", (1000, 1000), (255, 255, 255, 255)).save(inputs / "colour-alpha.png")

    report = run_json(library_path, "import", inputs, "--max-pixels", "1200000", expect=1)

    assert {Path(item["source"]).name: item["code"] for item in report["failed"]} == {
        "colour-alpha.png": "image-too-large"
    }
    assert [Path(item["source"]).name for item in report["imported"]] == ["grey.png"]


@pytest.mark.parametrize(
    ("size", "dpi"),
    [((1, 1), 300), ((65000, 10), 300), ((400, 560), 0), ((400, 560), 1e8), ((400, 560), 65535)],
)
def test_extreme_pages_export_as_pdf(
    library_path: Path, inputs: Path, tmp_path: Path, size: tuple[int, int], dpi: float
) -> None:
    image = Image.new("L", size, 255)
    path = inputs / "page.png"
    image.save(path, dpi=(dpi, dpi)) if dpi else image.save(path)
    document = run_json(library_path, "import", path)["imported"][0]["document"]

    out = tmp_path / "out.pdf"
    result = run(
        library_path, "export", document, "--format", "pdf", "--out", out, "--allow-unrecognised"
    )

    assert result.returncode == 0, result.describe()
    checked = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, check=False)
    assert checked.returncode == 0, checked.stdout
    with pikepdf.open(out) as pdf:
        box = [float(value) for value in pdf.pages[0].mediabox]
    assert all(3 <= side <= 14400 for side in (box[2] - box[0], box[3] - box[1]))


def _tiff_whose_next_frame_is_itself(path: Path) -> Path:
    """A small page whose frame list loops: Tesseract, given the file, reads it for ever."""
    page_image(1, mode="1").save(path, format="TIFF", compression="group4")
    data = bytearray(path.read_bytes())
    first = struct.unpack_from("<I", data, 4)[0]
    entries = struct.unpack_from("<H", data, first)[0]
    struct.pack_into("<I", data, first + 2 + 12 * entries, first)
    path.write_bytes(bytes(data))
    return path


@pytest.mark.slow
def test_ocr_of_a_tiff_whose_frames_loop_ends_and_leaves_no_process(
    library_path: Path, inputs: Path
) -> None:
    looping = _tiff_whose_next_frame_is_itself(inputs / "vong-lap.tif")
    run_json(library_path, "import", looping)

    started = time.monotonic()
    result = run(library_path, "ocr", "--all", "--json")

    assert time.monotonic() - started < 60, "OCR of one small page must end within a minute"
    assert result.returncode in (0, 1), result.describe()
    report = result.json()
    assert report["done"] + len(report["failed"]) == 1
    leftovers = subprocess.run(
        ["pgrep", "-f", str(library_path)], capture_output=True, text=True, check=False
    )
    assert leftovers.stdout == "", f"processes left running: {leftovers.stdout}"


def test_a_hot_folder_sets_poison_files_aside_and_takes_the_good_ones(
    library_path: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _pdf(inbox / "a-rotate-name.pdf", pikepdf.Name("/Ninety"))
    _tiff_with_next_frame_past_the_end(inbox / "b-frames-past-end.tif")
    write_image(inbox / "c-good.png", 1)
    write_image(inbox / f"d-{NOT_UTF8}.png", 2)

    for _ in range(2):  # a restart takes nothing twice and is not stuck on the poison
        result = run(library_path, "watch", inbox, "--once", "--settle", "0")
        assert result.returncode in (0, 1), result.describe()

    assert sorted(path.name for path in (inbox / "processed").iterdir()) == sorted(
        ["c-good.png", f"d-{NOT_UTF8}.png"]
    )
    failed = sorted(path.name for path in (inbox / "failed").iterdir())
    assert failed == [
        "a-rotate-name.pdf",
        "a-rotate-name.pdf.reason.txt",
        "b-frames-past-end.tif",
        "b-frames-past-end.tif.reason.txt",
    ]
    reason = (inbox / "failed" / "a-rotate-name.pdf.reason.txt").read_text(encoding="utf-8")
    assert reason.startswith("unreadable-content:")
    assert query(library_path, "SELECT count(*) FROM documents") == [(2,)]
