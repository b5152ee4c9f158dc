"""Tone-mark restoration with the shipped syllable model: words in context, restored or left
alone on purpose, and what a restored page keeps."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from digitizer.locations import language_model_path
from ocr.restore import RESTORATION_VERSION, Restorer, restoration_key, restorer_for
from ocr.words import PageText
from tests.helpers.page_texts import layout
from tests.vietnamese.strategies import vietnamese_text
from vietnamese.folding import fold
from vietnamese.language_model import SyllableModel
from vietnamese.normalize import nfc


@pytest.fixture(scope="module")
def restorer() -> Restorer:
    return Restorer(SyllableModel.load(language_model_path()))


# (as recognition read it, as restoration should leave it); words read with confidence 90.
RESTORED = [
    # a tone lost over a circumflex or breve vowel: the commonest slip
    ("bảo vệ nguôn nước", "bảo vệ nguồn nước"),
    ("Lập hô sơ trình phê duyệt", "Lập hồ sơ trình phê duyệt"),
    ("nâng cao chât lượng công tác", "nâng cao chất lượng công tác"),
    ("kêt quả điều tra", "kết quả điều tra"),
    ("cung câp nước sạch", "cung cấp nước sạch"),
    ("sản xuât nông nghiệp", "sản xuất nông nghiệp"),
    ("tô chức thực hiện nghị quyết", "tổ chức thực hiện nghị quyết"),
    ("theo yêu câu bảo vệ", "theo yêu cầu bảo vệ"),
    ("Trường hợp đôi với khu vực", "Trường hợp đối với khu vực"),
    ("phát triên kinh tế xã hội", "phát triển kinh tế xã hội"),
    ("phục vụ thâm định", "phục vụ thẩm định"),
    ("phương án căm mốc giới", "phương án cắm mốc giới"),
    ("bảng thông kê tổng hợp", "bảng thống kê tổng hợp"),
    ("hiện trạng sử dụng đât", "hiện trạng sử dụng đất"),
    ("sô liệu", "số liệu"),
    # one tone read as another
    ("ghi chép vảo sổ nhật ký", "ghi chép vào sổ nhật ký"),
    ("chuyên đổi số", "chuyển đổi số"),
    ("cần bồ sung các thông tin", "cần bổ sung các thông tin"),
    ("mùa của các loải động vật", "mùa của các loài động vật"),
    ("quy định chỉ tiết thi hành", "quy định chi tiết thi hành"),
    ("nghiên cưu khoa học", "nghiên cứu khoa học"),
    # a vowel's horn or circumflex, and d read as đ
    ("những ngưòi dân", "những người dân"),
    ("kết quả đươc công bố", "kết quả được công bố"),
    ("các đữ liệu thông tin", "các dữ liệu thông tin"),
    # capitals: the start of a sentence, a numbered reference, a heading, a word no name has
    ("Đôi với sông", "Đối với sông"),
    ("quy định tại Điêu 5", "quy định tại Điều 5"),
    ("BẢO VỆ NGUÒN NƯỚC", "BẢO VỆ NGUỒN NƯỚC"),
    ("CĂM MÔC GIỚI HÀNH LANG", "CẮM MỐC GIỚI HÀNH LANG"),
    ("Ban Châp hành Đảng bộ tỉnh", "Ban Chấp hành Đảng bộ tỉnh"),
    # punctuation around a word stays where it was
    ("các (hô chứa), ao", "các (hồ chứa), ao"),
]

LEFT_ALONE = [
    # codes, numbers and dates
    "Nghị quyết số 24-NQ/TU ngày 12 tháng 10 năm 2024",
    "Thông tư số 23/2024/TT-BTNMT",
    "UBND tỉnh Hòa Bình",
    # names inside a sentence, abbreviations in capitals
    "đồng chí Nguyên Văn Linh",
    "ông Lê Văn Tiên",
    "Ban Chấp hành TƯ Đảng",
    # foreign words and the words beside them
    "qua mạng internet và cloud computing",
    "The report is due tomorrow",
    # list markers, and mixed case that is no spelling to trust
    "a) Các đập; b) hồ chứa; đ) Xây dựng",
    "bảo vỆ nguồn nước",
    # words already right, among them some a careless model would "correct"
    "Các cấp ủy cần quán triệt đầy đủ nội dung",
    "thủ đô Hà Nội",
    "hệ thống thông tin",
    "người dân ở nông thôn",
    "số liệu",
    "tiêu chí chọn lựa",
    "lưu trữ hồ sơ tài liệu",
    "Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số",
    "và những bức ảnh quý về phong trào thi đua yêu nước.",
]


@pytest.mark.parametrize(("read", "restored"), RESTORED)
def test_a_word_read_without_its_marks_gets_them_back(
    restorer: Restorer, read: str, restored: str
) -> None:
    assert restorer.restore_text(read) == restored


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_what_must_not_change_is_left_as_read(restorer: Restorer, text: str) -> None:
    assert restorer.restore_text(text) == text


def test_there_are_enough_cases() -> None:
    assert len(RESTORED) + len(LEFT_ALONE) >= 40


def test_a_doubtful_word_changes_sooner_than_a_confident_one(restorer: Restorer) -> None:
    # Two slips side by side leave less context: only a doubtful reading gives way.
    text = "Trên nên bản đô hiện trạng"
    assert restorer.restore_text(text, confidence=96) == text
    assert restorer.restore_text(text, confidence=70) == "Trên nên bản đồ hiện trạng"


def test_a_word_alone_changes_only_when_it_is_no_word(restorer: Restorer) -> None:
    # Without neighbours only frequency would speak: the stamp MẬT is not the commoner MẤT.
    assert restorer.restore_text("MẬT", confidence=60) == "MẬT"
    assert restorer.restore_text("(mặt)", confidence=60) == "(mặt)"
    assert restorer.restore_text("kêt", confidence=60) == "kết"


def test_the_tone_goes_where_the_page_puts_tones(restorer: Restorer) -> None:
    assert restorer.restore_text("hoa bình", old_style=True) == "hòa bình"
    assert restorer.restore_text("hoa bình", old_style=False) == "hoà bình"
    new_style = layout("Thuỷ lợi và hoà giải\nxây dựng hoa bình")
    old_style = layout("Thủy lợi và hòa giải\nxây dựng hoa bình")
    assert restorer.restore_page(new_style).text.endswith("hoà bình")
    assert restorer.restore_page(old_style).text.endswith("hòa bình")


def test_a_restored_page_keeps_the_words_as_read_and_everything_else(restorer: Restorer) -> None:
    page = layout("Lập hô sơ bảo vệ nguôn nước.\nBáo cáo kêt quả điều tra.")
    restored = restorer.restore_page(page)

    assert restored.text == "Lập hồ sơ bảo vệ nguồn nước.\nBáo cáo kết quả điều tra."
    assert restored.recognised_text == page.text
    changed = list(restored.restored_words())
    assert [(w.raw, w.text) for w in changed] == [
        ("hô", "hồ"),
        ("nguôn", "nguồn"),
        ("kêt", "kết"),
    ]
    before = list(page.words())
    after = list(restored.words())
    assert [(w.box, w.confidence) for w in after] == [(w.box, w.confidence) for w in before]
    assert [w.restored for w in after].count(True) == 3
    assert PageText.from_bytes(restored.to_bytes()) == restored
    # Restoring again changes nothing and keeps what recognition read.
    assert restorer.restore_page(restored) == restored


def test_a_page_that_needs_nothing_comes_back_equal(restorer: Restorer) -> None:
    page = layout("Các cấp ủy cần quán triệt đầy đủ nội dung,\ntổ chức thực hiện nghiêm túc.")
    assert restorer.restore_page(page) == page
    empty = PageText(100, 100, 300)
    assert restorer.restore_page(empty) == empty


def test_restoration_is_keyed_by_its_version_and_the_model_file(tmp_path: Path) -> None:
    shipped = language_model_path()
    key = restoration_key(shipped)
    assert key.startswith(f"{RESTORATION_VERSION}:") and len(key.split(":")[1]) == 16
    other = tmp_path / "other.npz"
    other.write_bytes(shipped.read_bytes() + b"\0")
    assert restoration_key(other) != key
    with pytest.raises(OSError):
        restoration_key(tmp_path / "missing.npz")
    assert restorer_for(shipped) is restorer_for(shipped)


@settings(max_examples=150, deadline=None)
@given(vietnamese_text())
def test_restoration_changes_marks_only(text: str) -> None:
    restored = restorer_for(language_model_path()).restore_text(text)
    before, after = nfc(text).split(), restored.split()
    assert len(after) == len(before)
    for old, new in zip(before, after, strict=True):
        # Letters, case, digits and punctuation stay; only tone and vowel marks (and d/đ) move.
        assert fold(new) == fold(old)
        assert [c.isupper() for c in new] == [c.isupper() for c in old]
