from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from digitizer.acquire.formats import identify
from digitizer.acquire.images import extract_frame, probe_image, read_dpi
from digitizer.errors import ImageTooLarge, TruncatedImage
from tests.helpers.pages import write_image, write_multipage_tiff


def test_size_and_resolution_are_read(inputs: Path) -> None:
    path = write_image(inputs / "p.png", 1, dpi=300)
    probed = probe_image(identify(path))
    assert len(probed.frames) == 1
    frame = probed.frames[0]
    assert (frame.width, frame.height) == (400, 560)
    assert frame.dpi == 300.0  # PNG's pixels-per-metre rounded back to whole dpi


def test_an_image_without_a_resolution_records_none(inputs: Path) -> None:
    path = inputs / "p.png"
    Image.new("L", (50, 60), 255).save(path)  # no pHYs chunk
    assert probe_image(identify(path)).frames[0].dpi is None


@pytest.mark.parametrize(("name", "fmt"), [("cut.jpg", "JPEG"), ("cut.png", "PNG")])
def test_a_truncated_image_is_refused(inputs: Path, name: str, fmt: str) -> None:
    whole = write_image(inputs / f"whole-{name}", 2, fmt)
    data = whole.read_bytes()
    cut = inputs / name
    cut.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(TruncatedImage, match="cut short"):
        probe_image(identify(cut))


def test_an_image_above_the_pixel_limit_is_refused_before_decoding(inputs: Path) -> None:
    path = inputs / "bomb.png"
    Image.new("1", (12000, 12000), 1).save(path)  # 144 Mpx, a few kB on disk
    assert path.stat().st_size < 100_000
    with pytest.raises(ImageTooLarge, match="decompression bomb"):
        probe_image(identify(path))
    probe_image(identify(path), max_pixels=200_000_000)  # a raised limit lets it in


def test_every_frame_of_a_multipage_tiff_is_a_page(inputs: Path, tmp_path: Path) -> None:
    path = write_multipage_tiff(inputs / "book.tif", 4, dpi=400)
    probed = probe_image(identify(path))
    assert [frame.dpi for frame in probed.frames] == [400.0] * 4
    assert {frame.mode for frame in probed.frames} == {"1"}

    out, media_type = extract_frame(path, 2, tmp_path / "frame-3")
    assert media_type == "image/tiff"
    with Image.open(out) as frame, Image.open(path) as original:
        original.seek(2)
        assert frame.info["compression"] == "group4"
        assert frame.tobytes() == original.tobytes(), "the frame is extracted losslessly"
        assert read_dpi(frame.info) == 400.0


def test_read_dpi_ignores_meaningless_values() -> None:
    assert read_dpi({"dpi": (299.9994, 299.9994)}) == 300.0
    assert read_dpi({"dpi": (1, 1)}) is None
    assert read_dpi({}) is None
    assert read_dpi({"dpi": (72.5, 72.5)}) == 72.5
