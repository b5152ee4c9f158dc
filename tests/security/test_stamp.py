"""The stamp detector reads a first page's header zone for MẬT / TỐI MẬT / TUYỆT MẬT: tolerant
of OCR slips, not fooled by the word "mật" in running text or in other capitalised words."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from digitizer.model import Classification
from digitizer.security.stamp import detect_stamp, stamp_level
from tests.security.headers import HEADING, LEFT, NUMBER, RIGHT, Segment, official_page

SECRET, TOP, ULTRA = Classification.SECRET, Classification.TOP_SECRET, Classification.ULTRA_SECRET


def header(*stamp: Segment, number: str = "Số 24-NQ/TU") -> list[list[Segment]]:
    """The usual header; the stamp, when given, on its own line under the number."""
    lines: list[list[Segment]] = [*HEADING, NUMBER, [(LEFT, number)]]
    if stamp:
        lines.append(list(stamp))
    lines.append([(900, "NGHỊ QUYẾT")])
    return lines


# (name, header lines, running text, expected level)
FIXTURES: list[tuple[str, Sequence[Sequence[Segment]], Sequence[str], Classification | None]] = [
    ("no stamp", header(), (), None),
    ("MẬT", header((LEFT + 60, "MẬT")), (), SECRET),
    ("TỐI MẬT", header((LEFT + 40, "TỐI MẬT")), (), TOP),
    ("TUYỆT MẬT", header((LEFT + 20, "TUYỆT MẬT")), (), ULTRA),
    ("marks lost: MAT", header((LEFT + 60, "MAT")), (), SECRET),
    ("wrong mark: TÔI MẬT", header((LEFT + 40, "TÔI MẬT")), (), TOP),
    ("marks wrong: TUYÊT MÂT", header((LEFT + 20, "TUYÊT MÂT")), (), ULTRA),
    ("frame read as strokes: |MẬT|", header((LEFT + 60, "|MẬT|")), (), SECRET),
    ("frame read as brackets: [ TỐI MẬT ]", header((LEFT + 20, "[ TỐI MẬT ]")), (), TOP),
    ("space lost: TỐIMẬT", header((LEFT + 40, "TỐIMẬT")), (), TOP),
    ("zero for O, l for I: T0l MẬT", header((LEFT + 40, "T0l MẬT")), (), TOP),
    ("one letter wrong: TUYFT MẬT", header((LEFT + 20, "TUYFT MẬT")), (), ULTRA),
    ("letters spaced: M Ậ T", header((LEFT + 60, "M Ậ T")), (), SECRET),
    ("label before the level: ĐỘ MẬT: TỐI MẬT", header((LEFT, "ĐỘ MẬT: TỐI MẬT")), (), TOP),
    (
        "stamp beside the number, on the same OCR line",
        [*HEADING, NUMBER, [(LEFT, "Số 24-NQ/TU"), (LEFT + 700, "MẬT")]],
        (),
        SECRET,
    ),
    (
        "mật in running text",
        header(),
        ("Tài liệu này có nội dung mật, không được phổ biến ra ngoài.",),
        None,
    ),
    (
        "mật in a sentence of the header zone",
        [*HEADING, NUMBER, [(LEFT, "Hồ sơ mật của tỉnh ủy")]],
        (),
        None,
    ),
    (
        "capitalised title with BÍ MẬT",
        [*HEADING, NUMBER, [(LEFT, "BẢO VỆ BÍ MẬT NHÀ NƯỚC")]],
        (),
        None,
    ),
    ("MẶT TRẬN in the issuing body", [[(LEFT, "ỦY BAN MẶT TRẬN TỔ QUỐC")], NUMBER], (), None),
    ("urgency stamp KHẨN", header((LEFT + 60, "KHẨN")), (), None),
    ("lower-case mật alone", header((LEFT + 60, "mật")), (), None),
    ("MẬT far down in the body", header(), ("", "", "", "", "", "", "MẬT"), None),
]


@pytest.mark.parametrize(
    ("lines", "body", "expected"),
    [pytest.param(lines, body, expected, id=name) for name, lines, body, expected in FIXTURES],
)
def test_headers_classified_as_expected(
    lines: Sequence[Sequence[Segment]], body: Sequence[str], expected: Classification | None
) -> None:
    finding = detect_stamp(official_page(lines, body))
    assert (finding.level if finding else None) is expected


def test_the_finding_says_what_was_read_and_where() -> None:
    finding = detect_stamp(official_page(header((LEFT + 40, "TÔI MẬT"))))
    assert finding is not None
    assert finding.text == "TÔI MẬT"
    assert finding.box.x0 == LEFT + 40
    assert finding.box.y1 < 0.35 * 3508


def test_the_highest_of_two_stamps_wins() -> None:
    lines = [*HEADING, [(LEFT, "MẬT"), (RIGHT, "TUYỆT MẬT")]]
    finding = detect_stamp(official_page(lines))
    assert finding is not None and finding.level is ULTRA


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["MẬT"], SECRET),
        (["Mật"], None),  # a capitalised word, not a stamp in capitals
        (["MÂT"], SECRET),
        (["MẬ", "T"], SECRET),
        (["MAY"], None),  # one letter off is too much for a three-letter word
        (["TỐI", "MẬT", "NHẤT"], None),
        (["|"], None),
        ([], None),
    ],
)
def test_token_groups(tokens: list[str], expected: Classification | None) -> None:
    assert stamp_level(tokens) is expected
