"""Reading a record from a page's words: the rules, on word models laid out without OCR."""

from __future__ import annotations

from datetime import date

from digitizer.records.reading import read_record
from digitizer.records.text import clean_code, digits, ordinary_case, read_date
from tests.helpers.page_texts import layout
from tests.records.columns import columns

STATE_PAGE = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG NGÃI | Độc lập - Tự do - Hạnh phúc
Só: 15/QD-UBND | Quảng Ngãi, ngày 05 tháng 3 năm 2020
>QUYẾT ĐỊNH
>Về việc công bố danh mục thủ tục hành chính
Căn cứ Luật Tổ chức chính quyền địa phương;
Nơi nhận: | TM. ỦY BAN NHÂN DÂN
- Như Điều 3; | CHỦ TỊCH
- Văn phòng Chính phủ;
- Lưu: VT.
 | Trần Văn Bình
"""

PARTY_PAGE = """ĐẢNG BỘ TỈNH BẮC KẠN | ĐẢNG CỘNG SẢN VIỆT NAM
TỈNH ỦY
*
Số 24-NQ/TU | Bắc Kạn, ngày 18 tháng 5 năm 2021
>NGHỊ QUYẾT
>về chuyển đổi số trong công tác lưu trữ
Ban Thường vụ Tỉnh ủy quyết nghị như sau:
"""

HANDWRITTEN = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG NGÃI | Độc lập - Tự do - Hạnh phúc
Số: Ø #ˆ /CT-UBND. | Quảng Ngãi, ngày & tháng 4 năm 2020
>CHỈ THỊ
>Về việc triển khai nộp thuế điện tử
"""


def test_a_state_header_read_as_one_merged_line_per_row_is_split_by_word_boxes() -> None:
    proposal = read_record([(1, columns(STATE_PAGE))])
    value = proposal.value
    assert value("kind") == "state"
    assert value("issuing_body") == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert value("number_symbol") == "15/QĐ-UBND"  # "Só" read as Số, "QD" as QĐ
    assert value("issued_on") == "2020-03-05"
    assert value("place") == "Quảng Ngãi"
    assert value("document_type") == "Quyết định"
    assert value("abstract") == "công bố danh mục thủ tục hành chính"
    assert value("signing_authority") == "TM. Ủy ban nhân dân"
    assert value("signer_title") == "Chủ tịch"
    assert value("signer_name") == "Trần Văn Bình"
    assert value("recipients") == "Như Điều 3; Văn phòng Chính phủ"


def test_a_party_header_gives_the_full_name_of_the_committee_and_its_number() -> None:
    proposal = read_record([(1, columns(PARTY_PAGE))])
    assert proposal.value("kind") == "party"
    assert proposal.value("parent_body") == "Đảng bộ tỉnh Bắc Kạn"
    assert proposal.value("issuing_body") == "Tỉnh ủy Bắc Kạn"
    assert proposal.value("number_symbol") == "24-NQ/TU"
    assert proposal.value("issued_on") == "2021-05-18"
    assert proposal.value("document_type") == "Nghị quyết"
    assert proposal.value("abstract") == "về chuyển đổi số trong công tác lưu trữ"


def test_a_handwritten_number_and_day_leave_the_symbol_and_the_year_and_say_what_is_missing() -> (
    None
):
    proposal = read_record([(1, columns(HANDWRITTEN))])
    assert "number_symbol" not in proposal.fields
    assert proposal.value("symbol") == "CT-UBND"
    assert "issued_on" not in proposal.fields
    assert proposal.value("issued_year") == "2020"
    assert set(proposal.missing) == {"number_symbol", "issued_on"}


def test_every_field_carries_its_confidence_and_the_boxes_it_was_read_from() -> None:
    proposal = read_record([(1, columns(STATE_PAGE))])
    number = proposal.fields["number_symbol"]
    assert 0 < number.confidence <= 1
    (source,) = number.sources
    assert source.page == 1
    # The number's words only, not the date beside it in the same OCR line.
    assert source.box.x1 < proposal.fields["place"].sources[0].box.x0


def test_ocr_slips_are_normalised() -> None:
    assert read_date("05", "3", "2020") == (date(2020, 3, 5), 2020)
    assert read_date("26", "Ï I", "2024") == (date(2024, 11, 26), 2024)
    assert read_date("&", "4", "2020") == (None, 2020)
    assert digits("2O2l") == "2021"
    assert clean_code("QD") == "QĐ" and clean_code("ttr") == "TTr" and clean_code("UB0") == "UBO"
    assert ordinary_case("TỈNH ỦY BẮC KẠN") == "Tỉnh ủy Bắc Kạn"
    assert ordinary_case("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG") == "Bộ Tài nguyên và Môi trường"
    assert ordinary_case("UBND THÀNH PHỐ HÀ NỘI") == "Ủy ban nhân dân thành phố Hà Nội"
    assert ordinary_case("ĐẢNG BỘ HUYỆN CHỢMỚI") == "Đảng bộ huyện Chợ Mới"


def test_a_page_without_a_header_proposes_nothing_but_its_kind() -> None:
    proposal = read_record([(1, layout("Một trang sách không có tiêu đề văn bản."))])
    assert proposal.value("kind") == "other"
    assert set(proposal.fields) == {"kind"}


OLD_STYLE = """SỞ Y TẾ BẮC NINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
BỆNH VIỆN ĐA KHOA TĨNH | Độc lập - Tự do - Hạnh phúc
Số: I57/QĐÐ-BV | Bắc Ninh, ngày 22 tháng 02 năm 1999
>QUYẾT ĐỊNH CỦA GIÁM ĐỐC BỆNH VIỆN
>Về việc giao nhiệm vụ
Nơi nhận: | GIÁM ĐỐC
- Lưu: VT.
 | Äguyến Quốc Việt
"""


def test_slips_of_old_and_poor_scans_are_put_right() -> None:
    proposal = read_record([(1, columns(OLD_STYLE))])
    value = proposal.value
    # "TỈNH" read as TĨNH with its place on the parent's line.
    assert value("issuing_body") == "Bệnh viện Đa khoa tỉnh Bắc Ninh"
    assert value("number_symbol") == "157/QĐ-BV"  # I for 1, a doubled Đ
    assert value("document_type") == "Quyết định"  # "QUYẾT ĐỊNH CỦA …"
    assert value("signer_title") == "Giám đốc"
    assert value("signer_name") == "Nguyễn Quốc Việt"  # a family name one slip away


def test_a_place_name_in_the_abstract_is_spelt_as_the_header_spells_it() -> None:
    page = HANDWRITTEN.replace(
        ">Về việc triển khai nộp thuế điện tử",
        ">Về việc triển khai nộp thuế điện tử tại tỉnh Quãng Ngãi",
    )
    proposal = read_record([(1, columns(page))])
    assert proposal.value("abstract") == "triển khai nộp thuế điện tử tại tỉnh Quảng Ngãi"


def test_a_signer_title_missing_a_tone_mark_is_written_as_the_title_is_spelt() -> None:
    page = STATE_PAGE.replace(" | CHỦ TỊCH", " | CHU TỊCH")
    assert read_record([(1, columns(page))]).value("signer_title") == "Chủ tịch"
    page = STATE_PAGE.replace(" | CHỦ TỊCH", " | PHÓ CHU TICH")
    assert read_record([(1, columns(page))]).value("signer_title") == "Phó Chủ tịch"


DECISION_WITH_A_SLIP = """HỘI NÔNG DÂN TỈNH ĐỒNG NAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
BCH. HỘI NÔNG DÂN XÃ AN BÌNH | Độc lập - Tự do - Hạnh phúc
Số: 06-QĐ/HNDX | An Bình, ngày 07 tháng 11 năm 2025
>QU ĐỊNH
>Về việc công nhận kết quả thi đua năm 2025
- Căn cứ Điều lệ Hội Nông dân Việt Nam;
>BAN THƯỜNG VỤ HỘI NÔNG DÂN XÃ AN BÌNH
>QUYẾT ĐỊNH:
Điều 1. Công nhận kết quả thi đua.
"""


def test_a_title_read_with_a_slip_is_named_by_the_enacting_words_above_the_articles() -> None:
    proposal = read_record([(1, columns(DECISION_WITH_A_SLIP))])
    assert proposal.value("document_type") == "Quyết định"
    # A regulation has no enacting words: its title, read right, stays what it says.
    regulation = DECISION_WITH_A_SLIP.replace(">QU ĐỊNH", ">QUY ĐỊNH").replace(">QUYẾT ĐỊNH:", "")
    assert read_record([(1, columns(regulation))]).value("document_type") == "Quy định"
    # Read with a slip and no enacting words: the nearest type name, less sure.
    slipped = DECISION_WITH_A_SLIP.replace(">QUYẾT ĐỊNH:", "")
    proposal = read_record([(1, columns(slipped))])
    assert proposal.value("document_type") == "Quy định"
    assert proposal.fields["document_type"].confidence < 0.8


def test_a_spoilt_date_line_under_the_motto_still_gives_the_year() -> None:
    page = HANDWRITTEN.replace(
        "Quảng Ngãi, ngày & tháng 4 năm 2020", "Hình (là, nhà /{( thâm 4 tim 2020"
    )
    proposal = read_record([(1, columns(page))])
    assert proposal.value("issued_year") == "2020"
    assert "issued_on" not in proposal.fields and "issued_on" in proposal.missing
    # A year elsewhere on the page is not taken for the document's.
    page = HANDWRITTEN.replace("Quảng Ngãi, ngày & tháng 4 năm 2020", "Hình (là, nhà /{( thâm")
    page += "Căn cứ Luật năm 2015 sửa đổi 2019\n"
    assert "issued_year" not in read_record([(1, columns(page))]).fields


def test_an_issuing_body_wrapped_over_two_lines_under_its_parent_is_one_name() -> None:
    page = """SỞ NỘI VỤ TỈNH HOÀI SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TRUNG TÂM LƯU TRỮ | Độc lập - Tự do - Hạnh phúc
LỊCH SỬ
Số: 45/TTLT-SH | Hoài Sơn, ngày 20 tháng 3 năm 2026
V/v chuẩn bị tài liệu
"""
    proposal = read_record([(1, columns(page))])
    assert proposal.value("parent_body") == "Sở Nội vụ tỉnh Hoài Sơn"
    assert proposal.value("issuing_body") == "Trung tâm Lưu trữ lịch sử"
    # Two lines stay a parent and its body.
    assert read_record([(1, columns(PARTY_PAGE))]).value("issuing_body") == "Tỉnh ủy Bắc Kạn"
