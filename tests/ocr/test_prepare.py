"""Page preparation on pages drawn here: Vietnamese text in DejaVu Serif, turned and skewed by
known amounts."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr import prepare
from ocr.engine import EngineSettings, recognise
from ocr.geometry import Box, Preparation, apply
from ocr.prepare import PrepareSettings, analyse, prepare_file, render

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
SENTENCES = (
    "Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số trong giai đoạn mới.",
    "Đẩy mạnh ứng dụng công nghệ thông tin trong công tác tuyên giáo ở cơ sở.",
    "Nâng cao nhận thức của cán bộ, đảng viên và nhân dân về vai trò của dữ liệu số.",
    "Xây dựng chính quyền số, kinh tế số và xã hội số phục vụ người dân, doanh nghiệp.",
    "Tăng cường kiểm tra, giám sát việc thực hiện nghị quyết ở các cấp ủy, tổ chức đảng.",
    "Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội.",
)
TURN = {
    1: Image.Transpose.ROTATE_90,
    2: Image.Transpose.ROTATE_180,
    3: Image.Transpose.ROTATE_270,
}


@functools.cache
def _page(
    dpi: int = 150, inches: tuple[float, float] = (8.27, 11.69), lines: int = 99
) -> Image.Image:
    """An upright page of Vietnamese paragraphs, margins about 2 cm, mode L."""
    width, height = round(inches[0] * dpi), round(inches[1] * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, round(11 * dpi / 72))
    margin, step = round(0.8 * dpi), round(11 * dpi / 72 * 1.6)
    y = margin
    for number in range(lines):
        if y > height - margin - step:
            break
        draw.text((margin, y), SENTENCES[number % len(SENTENCES)], font=font, fill=0)
        y += step * (2 if number % 7 == 6 else 1)
    return image


def upright_page(
    dpi: int = 150, inches: tuple[float, float] = (8.27, 11.69), lines: int = 99
) -> Image.Image:
    """A fresh copy of the (cached) drawn page, free for the test to draw on."""
    return _page(dpi, inches, lines).copy()


def scanned(page: Image.Image, turns: int = 0, skew: float = 0.0) -> Image.Image:
    """The page as a scanner might deliver it: tilted so that levelling needs `skew` degrees
    counter-clockwise, then turned `turns` quarter turns counter-clockwise."""
    if skew:
        page = page.rotate(-skew, resample=Image.Resampling.BILINEAR, fillcolor=255)
    return page.transpose(TURN[turns]) if turns % 4 else page


def grey(image: Image.Image) -> npt.NDArray[np.uint8]:
    return np.asarray(image.convert("L"))


# --- settings ---------------------------------------------------------------------------------


def test_settings_key_is_stable_and_tells_settings_apart() -> None:
    assert PrepareSettings().key() == PrepareSettings().key()
    keys = {
        PrepareSettings().key(),
        PrepareSettings(orientation=False).key(),
        PrepareSettings(deskew=False).key(),
        PrepareSettings(remove_borders=True).key(),
        PrepareSettings(max_skew_degrees=5).key(),
    }
    assert len(keys) == 5
    assert PrepareSettings().key().startswith(f"prepare/v{prepare.ALGORITHM_VERSION};")


# --- deskew -----------------------------------------------------------------------------------


@pytest.mark.parametrize("skew", [-9.0, -4.3, -1.2, -0.45, 0.7, 2.5, 6.1, 9.0])
def test_skew_is_measured_within_a_fifth_of_a_degree(skew: float) -> None:
    preparation = analyse(grey(scanned(upright_page(), skew=skew)))
    assert preparation.quarter_turns == 0
    assert preparation.skew_degrees == pytest.approx(skew, abs=0.2)


def test_rendering_the_measured_skew_levels_the_page() -> None:
    """Checks the sign convention end to end: the rendered page has no skew left."""
    skewed = scanned(upright_page(), skew=3.5)
    preparation = analyse(grey(skewed))
    levelled = render(skewed, preparation)
    assert levelled.size == skewed.size
    again = analyse(grey(levelled))
    assert abs(again.skew_degrees) <= 0.15
    assert again.quarter_turns == 0


def test_skew_beyond_the_limit_is_not_chased() -> None:
    settings = PrepareSettings(orientation=False, max_skew_degrees=3)
    preparation = analyse(grey(scanned(upright_page(), skew=6.0)), settings)
    assert abs(preparation.skew_degrees) <= 3.0


# --- orientation ------------------------------------------------------------------------------


@pytest.mark.parametrize("turns", [0, 1, 2, 3])
@pytest.mark.parametrize("skew", [0.0, 2.0])
def test_every_orientation_is_turned_upright(turns: int, skew: float) -> None:
    preparation = analyse(grey(scanned(upright_page(), turns=turns, skew=skew)))
    assert (preparation.quarter_turns + turns) % 4 == 0
    assert preparation.skew_degrees == pytest.approx(skew, abs=0.2)
    # The heuristic is clear on a full page: Tesseract was not needed.
    assert not any(key.startswith("orientation_osd") for key in preparation.timings)


def test_ambiguous_pages_ask_tesseract_osd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prepare, "_ascender_ratio", lambda levelled: 0.5)
    preparation = analyse(grey(scanned(upright_page(), turns=1, skew=1.0)))
    assert "orientation_osd" in preparation.timings
    assert preparation.quarter_turns == 3
    assert preparation.skew_degrees == pytest.approx(1.0, abs=0.2)


@pytest.mark.parametrize("turns", [1, 3])
def test_osd_answers_in_counter_clockwise_quarter_turns(turns: int) -> None:
    sideways = scanned(upright_page(dpi=300, inches=(5.8, 2.6)), turns=turns)
    assert prepare._osd_turns(grey(sideways)) == (4 - turns) % 4


def test_osd_failure_falls_back_to_the_heuristic(monkeypatch: pytest.MonkeyPatch) -> None:
    def cannot_tell(image: Image.Image) -> None:  # as OSD answers a page of too few letters
        return None

    monkeypatch.setattr(prepare, "_ascender_ratio", lambda levelled: 0.45)
    monkeypatch.setattr(prepare, "osd_quarter_turns", cannot_tell)
    preparation = analyse(grey(scanned(upright_page(), turns=2)))
    assert "orientation_osd_failed" in preparation.timings
    assert preparation.quarter_turns == 2  # the weak lean towards upside down wins


def test_steps_turned_off_are_not_run() -> None:
    page = grey(scanned(upright_page(), turns=2, skew=3.0))
    nothing = analyse(page, PrepareSettings(orientation=False, deskew=False))
    assert nothing.is_identity
    only_skew = analyse(page, PrepareSettings(orientation=False))
    assert only_skew.quarter_turns == 0
    assert only_skew.skew_degrees == pytest.approx(3.0, abs=0.2)
    assert "orientation" not in only_skew.timings
    only_turn = analyse(page, PrepareSettings(deskew=False))
    assert (only_turn.quarter_turns, only_turn.skew_degrees) == (2, 0.0)


# --- identity ---------------------------------------------------------------------------------


def test_an_upright_clean_page_needs_nothing() -> None:
    preparation = analyse(grey(upright_page()))
    assert preparation.is_identity
    assert preparation.source_size == upright_page().size
    assert {"orientation", "deskew"} <= preparation.timings.keys()


@pytest.mark.parametrize("kind", ["white", "noise", "specks", "salt", "black"])
def test_blank_pages_are_left_alone(kind: str) -> None:
    rng = np.random.default_rng(7)
    pixels = np.full((1754, 1240), 255, dtype=np.uint8)
    if kind == "noise":
        pixels = np.clip(rng.normal(235, 4, pixels.shape), 0, 255).astype(np.uint8)
    elif kind == "specks":
        for x, y in rng.integers(100, 1100, size=(12, 2)):
            pixels[y : y + 3, x : x + 3] = 0
    elif kind == "salt":
        pixels[rng.random(pixels.shape) < 0.005] = 0
    elif kind == "black":
        pixels[:] = 10
    preparation = analyse(pixels, PrepareSettings(remove_borders=True))
    assert preparation.is_identity


def test_as_json_round_trips_with_the_timings() -> None:
    preparation = analyse(grey(scanned(upright_page(), turns=1, skew=-2.0)))
    data = preparation.as_json()
    assert Preparation.from_json(data) == preparation
    assert set(data["timings"]) >= {"binarise", "orientation", "deskew"}


# --- borders ----------------------------------------------------------------------------------


def framed(page: Image.Image, offset: tuple[int, int], canvas: tuple[int, int]) -> Image.Image:
    """`page` pasted on a dark scanner lid with some noise, like a small sheet on a big bed."""
    rng = np.random.default_rng(3)
    lid = np.clip(rng.normal(25, 6, (canvas[1], canvas[0])), 0, 255).astype(np.uint8)
    result = Image.fromarray(lid)
    result.paste(page, offset)
    return result


def test_dark_scanner_borders_are_cropped() -> None:
    page = upright_page(inches=(5.8, 8.3))  # A5 on an A4 bed
    image = framed(page, (140, 95), (1240, 1754))
    preparation = analyse(grey(image), PrepareSettings(remove_borders=True))
    assert preparation.crop is not None
    expected = Box(140, 95, 140 + page.width, 95 + page.height)
    for got, want in zip(preparation.crop.as_list(), expected.as_list(), strict=True):
        assert abs(got - want) <= 4
    assert preparation.skew_degrees == 0.0
    assert preparation.quarter_turns == 0
    assert "borders" in preparation.timings


def test_a_skewed_sheet_in_a_frame_is_levelled_then_cropped() -> None:
    page = upright_page(inches=(5.8, 8.3))
    # The whole sheet lies tilted on the lid, not just its print.
    image = framed(page, (140, 95), (1240, 1754)).rotate(
        -2.0, resample=Image.Resampling.BILINEAR, fillcolor=25
    )
    preparation = analyse(grey(image), PrepareSettings(remove_borders=True))
    assert preparation.skew_degrees == pytest.approx(2.0, abs=0.2)
    assert preparation.crop is not None
    # The sheet's centre stays in the middle of the crop, and the crop is about sheet size.
    cx, cy = apply(preparation.matrix(), 140 + page.width / 2, 95 + page.height / 2)
    out_w, out_h = preparation.output_size
    assert abs(cx - out_w / 2) < 20 and abs(cy - out_h / 2) < 20
    assert 0.85 * page.width < out_w <= page.width + 4
    assert 0.85 * page.height < out_h <= page.height + 4


def test_dark_print_near_the_margins_is_not_a_border() -> None:
    page = upright_page()
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 30)
    draw.rectangle((60, 4, page.width - 60, 70), fill=20)  # a dark header band near the top
    draw.rectangle((page.width - 30, 300, page.width - 2, 900), fill=0)  # a thick side rule
    draw.text((1, page.height - 36), "Trang 12 — lưu hành nội bộ", font=font, fill=0)
    draw.text((page.width - 250, page.height - 40), "Mẫu số 07", font=font, fill=0)
    draw.text((1, 500), "Ghi chú:", font=font, fill=0)
    preparation = analyse(grey(page), PrepareSettings(remove_borders=True))
    assert preparation.crop is None


# --- rendering --------------------------------------------------------------------------------


@pytest.mark.parametrize("turns", [0, 1, 2, 3])
@pytest.mark.parametrize("skew", [0.0, 7.5, -3.0])
@pytest.mark.parametrize("cropped", [False, True])
def test_render_agrees_with_the_matrix(turns: int, skew: float, cropped: bool) -> None:
    source = Image.new("L", (300, 200), 255)
    x, y = 180, 60
    ImageDraw.Draw(source).rectangle((x - 1, y - 1, x + 1, y + 1), fill=0)
    width, height = Preparation((300, 200), turns).turned_size
    crop = Box(12, 15, width - 20, height - 8) if cropped else None
    preparation = Preparation((300, 200), turns, skew, crop)
    rendered = render(source, preparation)
    assert rendered.size == preparation.output_size
    ys, xs = np.nonzero(np.asarray(rendered) < 128)
    assert len(xs) > 0
    # Pixel centres are at index + 0.5 in Preparation's coordinates.
    want_x, want_y = apply(preparation.matrix(), x + 0.5, y + 0.5)
    assert xs.mean() + 0.5 == pytest.approx(want_x, abs=1.0)
    assert ys.mean() + 0.5 == pytest.approx(want_y, abs=1.0)


def test_bilevel_stays_bilevel() -> None:
    source = scanned(upright_page(), skew=-2.0).convert("1")
    rendered = render(source, Preparation(source.size, 1, 2.0))
    assert rendered.mode == "1"
    assert rendered.size == (source.height, source.width)
    assert set(np.unique(np.asarray(rendered.convert("L")))) <= {0, 255}
    # White fill where the turned page has no pixels: the corners stay paper.
    assert rendered.getpixel((0, 0)) == 255


def test_colour_pages_stay_colour_with_white_corners() -> None:
    source = scanned(upright_page(), skew=4.0).convert("RGB")
    rendered = render(source, Preparation(source.size, 0, 4.0))
    assert rendered.mode == "RGB"
    assert rendered.getpixel((0, 0)) == (255, 255, 255)


def test_render_refuses_an_image_of_another_size() -> None:
    with pytest.raises(ValueError, match="preparation was made for"):
        render(Image.new("L", (10, 20)), Preparation((20, 10), 1))


# --- files ------------------------------------------------------------------------------------


def test_an_upright_page_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "page.png"
    upright_page().save(source, dpi=(150, 150))
    out = tmp_path / "out"
    result = prepare_file(source, out, PrepareSettings())
    assert result.path is None
    assert result.preparation.is_identity
    assert not out.exists() or not any(out.iterdir())


def test_a_skewed_jpeg_is_written_as_jpeg_with_its_dpi(tmp_path: Path) -> None:
    source = tmp_path / "page.jpg"
    scanned(upright_page(), skew=2.5).convert("RGB").save(source, quality=85, dpi=(150, 150))
    result = prepare_file(source, tmp_path / "out", PrepareSettings())
    assert result.path is not None
    assert result.path.parent == tmp_path / "out"
    assert result.preparation.skew_degrees == pytest.approx(2.5, abs=0.2)
    with Image.open(result.path) as written:
        assert written.format == "JPEG"
        assert written.mode == "RGB"
        assert written.info["dpi"] == pytest.approx((150, 150))
        assert written.size == result.preparation.output_size


def test_an_upside_down_bilevel_tiff_is_written_as_g4_with_the_given_dpi(tmp_path: Path) -> None:
    source = tmp_path / "page.tif"
    bilevel = upright_page().convert("1")
    scanned(bilevel, turns=2).save(source, compression="group4", dpi=(150, 150))
    first = prepare_file(source, tmp_path, PrepareSettings(), dpi=300)
    second = prepare_file(source, tmp_path, PrepareSettings(), dpi=300)
    assert first.path is not None and second.path is not None
    assert first.path != second.path  # unique names, nothing overwritten
    assert first.preparation.quarter_turns == 2
    with Image.open(first.path) as written:
        assert written.mode == "1"
        assert written.info["compression"] == "group4"
        assert written.info["dpi"] == pytest.approx((300, 300))
        assert np.array_equal(np.asarray(written), np.asarray(bilevel))  # turned losslessly


def test_a_turned_palette_png_keeps_its_own_dpi_swapped(tmp_path: Path) -> None:
    source = tmp_path / "page.png"
    scanned(upright_page(), turns=1).convert("P").save(source, dpi=(150, 200))
    result = prepare_file(source, tmp_path / "out")
    assert result.path is not None and result.path.suffix == ".png"
    with Image.open(result.path) as written:
        assert written.mode == "L"  # a grey palette becomes grey
        # PNG stores whole pixels per metre, so 150 dpi reads back as 150.01.
        assert written.info["dpi"] == pytest.approx((200, 150), abs=0.05)
        assert written.size == (1240, 1754)


def test_a_sixteen_bit_scan_is_written_as_eight_bit_grey(tmp_path: Path) -> None:
    source = tmp_path / "page16.png"
    pixels = np.asarray(scanned(upright_page(), turns=3), dtype=np.uint16) * 257
    Image.fromarray(pixels).save(source)
    with Image.open(source) as check:
        assert check.mode == "I;16"
    result = prepare_file(source, tmp_path / "out")
    assert result.preparation.quarter_turns == 1
    assert result.path is not None
    with Image.open(result.path) as written:
        assert written.mode == "L"
        assert "dpi" not in written.info  # neither given nor in the source
        assert np.array_equal(np.asarray(written), np.asarray(upright_page()))


def test_analyse_wants_eight_bit_grey() -> None:
    with pytest.raises(ValueError, match="8-bit greyscale"):
        analyse(np.zeros((20, 30, 3), dtype=np.uint8))
    with pytest.raises(ValueError, match="8-bit greyscale"):
        analyse(np.zeros((20, 30), dtype=np.uint16))


def test_tesseract_reads_a_prepared_upside_down_page(tmp_path: Path) -> None:
    source = tmp_path / "small.png"
    scanned(upright_page(dpi=300, inches=(5.8, 2.6)), turns=2, skew=1.5).save(
        source, dpi=(300, 300)
    )
    result = prepare_file(source, tmp_path / "out")
    assert result.path is not None
    assert result.preparation.quarter_turns == 2
    text = recognise(result.path, 300, EngineSettings(page_segmentation=6)).text
    for word in ("Nghị", "quyết", "chuyển", "đổi", "số"):
        assert word in text
