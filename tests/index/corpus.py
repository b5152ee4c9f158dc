"""A small archive written for the relevance suite: resolutions, directives, letters, reports and
local Party history, with the spellings real pages mix (old and new tone placement, an OCR error,
a look-alike Ð, codes and dates). All sentences are original."""

from __future__ import annotations

from dataclasses import dataclass

from index import PageEntry


@dataclass(frozen=True)
class Document:
    document_id: str
    title: str
    document_type: str
    number_symbol: str
    issuing_body: str
    year: int | None
    collection: str
    pages: tuple[str, ...]


TINH_UY = "Văn kiện Tỉnh ủy Hà Nam"
HUYEN_UY = "Văn kiện Huyện ủy Kim Bảng"
LICH_SU = "Lịch sử Đảng bộ địa phương"

DOCUMENTS: tuple[Document, ...] = (
    Document(
        "nq24",
        "Nghị quyết về đẩy mạnh chuyển đổi số",
        "Nghị quyết",
        "24-NQ/TU",
        "Ban Thường vụ Tỉnh ủy",
        2021,
        TINH_UY,
        (
            "NGHỊ QUYẾT số 24-NQ/TU ngày 18/5/2021 của Ban Thường vụ Tỉnh ủy về đẩy mạnh "
            "chuyển đổi số trong các cơ quan Đảng, chính quyền và đoàn thể giai đoạn 2021 - 2025.\n"
            "Sau ba năm thực hiện, việc ứng dụng công nghệ thông tin đã có bước tiến rõ rệt, "
            "song vẫn còn chậm so với yêu cầu.",
            "I. MỤC TIÊU\nĐến năm 2025, trên 90% hồ sơ công việc tại cấp tỉnh được xử lý trên "
            "môi trường mạng; hoàn thành số hóa kho lưu trữ của Tỉnh ủy. Nghị quyết xác định hạ "
            "tầng số là nền tảng, nhân lực là then chốt. Kết hợp chuyển đổi số với hiện đại hóa "
            "hệ thống thủy lợi và quản lý tài nguyên nước.",
            "II. TỔ CHỨC THỰC HIỆN\nBan Thường vụ Tỉnh ủy quyết nghị giao Ban Tuyên giáo chủ trì "
            "quán triệt; các huyện ủy, thành ủy xây dựng kế hoạch, báo cáo kết quả trước ngày "
            "30/11 hằng năm.",
        ),
    ),
    Document(
        "ct05",
        "Chỉ thị về bảo vệ môi trường",
        "Chỉ thị",
        "05-CT/TU",
        "Tỉnh ủy Hà Nam",
        2019,
        TINH_UY,
        (
            "CHỈ THỊ số 05-CT/TU về tăng cường sự lãnh đạo của Đảng đối với công tác bảo vệ môi "
            "trường. Các cấp ủy đảng phải quán triệt nghị quyết của Trung ương, coi bảo vệ môi "
            "trường là nhiệm vụ thường xuyên của cả hệ thống chính trị.",
            # An OCR error: "chuyến" for "chuyển".
            "Đẩy mạnh công tác chuyến đổi số trong quản lý đất đai, kiểm tra việc xả thải của "
            "các cơ sở sản xuất. Người đứng đầu cấp ủy chịu trách nhiệm nếu để xảy ra ô nhiễm "
            "kéo dài.",
        ),
    ),
    Document(
        "cv112",
        "Công văn về lớp bồi dưỡng nghiệp vụ lưu trữ",
        "Công văn",
        "112-CV/VPTU",
        "Văn phòng Tỉnh ủy",
        2020,
        TINH_UY,
        (
            "Văn phòng Tỉnh ủy đề nghị các đơn vị đăng ký danh sách cán bộ tham gia lớp bồi "
            "dưỡng nghiệp vụ lưu trữ. Hồ sơ đăng ký gửi về trước ngày 15/6/2020. Đơn vị nào đang "
            "gặp khó khăn về nhân sự thì báo cáo để được hướng dẫn.",
        ),
    ),
    Document(
        "bc87",
        "Báo cáo tình hình kinh tế - xã hội năm 2022",
        "Báo cáo",
        "87-BC/UBND",
        "Ủy ban nhân dân tỉnh",
        2022,
        "Báo cáo kinh tế - xã hội",
        (
            "Một số công trình thủy lợi còn dang dở do thiếu vốn; tiến độ giải ngân đang chậm. "
            "Tỉnh đang rà soát để điều chuyển vốn cho các dự án cấp bách.",
            "Năm 2022, giá trị sản xuất nông nghiệp tăng 3,5%; riêng quý IV tăng mạnh. Nhiều hợp "
            "tác xã chuyển sang sản xuất hàng hóa theo chuỗi giá trị. Kim ngạch xuất khẩu nông "
            "sản đạt 120 triệu USD.",
        ),
    ),
    Document(
        "nq15",
        "Nghị quyết về xây dựng nông thôn mới",
        "Nghị quyết",
        "15-NQ/HU",
        "Huyện ủy Kim Bảng",
        2018,
        HUYEN_UY,
        (
            "Nghị quyết số 15-NQ/HU của Ban Chấp hành Đảng bộ huyện về xây dựng nông thôn mới "
            "giai đoạn 2018 - 2020. Phấn đấu 100% số xã đạt chuẩn nông thôn mới, thu nhập bình "
            "quân đầu người tăng 1,5 lần.",
            "Huy động nhân dân hiến đất làm đường giao thông nông thôn, kiên cố hóa kênh mương "
            "nội đồng. Phát huy vai trò của Mặt trận Tổ quốc trong cuộc vận động toàn dân đoàn "
            "kết xây dựng nông thôn mới.",
        ),
    ),
    Document(
        "lskb",
        "Lịch sử Đảng bộ huyện Kim Bảng (1930 - 2015)",
        "Sách",
        "",
        "Huyện ủy Kim Bảng",
        2015,
        LICH_SU,
        (
            "Chương I\nKim Bảng là vùng đất bán sơn địa nằm ở phía bắc tỉnh Hà Nam, có dòng sông "
            "Đáy chảy qua. Nhân dân trong huyện cần cù, giàu truyền thống yêu nước.",
            "Năm 1930, chi bộ Đảng đầu tiên của huyện ra đời tại làng Nhật Tựu. Từ đó phong "
            "trào cách mạng lan rộng khắp các làng xã ven sông.",
            "Sau Cách mạng tháng Tám, nhân dân Kim Bảng vừa kháng chiến vừa xây dựng. Hiệp định "
            "Giơ-ne-vơ được ký kết năm 1954, hòa bình lập lại trên miền Bắc.",
            "Trong những năm 1960, huyện tập trung làm thủy lợi, đắp đê, đào kênh dẫn nước; hợp "
            "tác xã nông nghiệp được củng cố.",
            "Thời kỳ chống chiến tranh phá hoại, hàng nghìn thanh niên lên đường nhập ngũ. Nhiều "
            "người con của quê hương đã anh dũng hy sinh.",
            "Mùa xuân năm 1975, cùng cả nước, Kim Bảng mở hội mừng ngày thống nhất. Đời sống và "
            "sức khỏe của nhân dân từng bước được cải thiện.",
            "Thực hiện đường lối đổi mới, Đảng bộ huyện chủ trương chuyển dịch cơ cấu kinh tế, "
            "phát triển tiểu thủ công nghiệp và làng nghề truyền thống.",
            "Khép lại chặng đường 85 năm, Ban Chấp hành Đảng bộ huyện khẳng định: giữ gìn sự "
            "đoàn kết thống nhất là nhân tố quyết định mọi thắng lợi.",
        ),
    ),
    Document(
        "lstl",
        "Lịch sử Đảng bộ xã Thanh Liêm",
        "Sách",
        "",
        "Đảng ủy xã Thanh Liêm",
        2020,
        LICH_SU,
        (
            # New-style tone placement, and Ð (U+00D0, Icelandic eth) where Đ belongs.
            "Sau ngày hoà bình lập lại, \u00d0ảng bộ xã lãnh đạo nhân dân khôi phục sản xuất, hàn "
            "gắn vết thương chiến tranh.",
            "Phong trào thuỷ lợi mùa khô được phát động rầm rộ; cả xã đào đắp hàng vạn mét khối "
            "đất.",
            "Nhân dân trong xã luôn khoẻ mạnh, lạc quan; đội văn nghệ của xã nhiều năm liền đạt "
            "giải cao.",
            "Những năm gần đây, xã tập trung chuyển đổi cơ cấu cây trồng, đưa giống lúa chất "
            "lượng cao vào sản xuất. Thu nhập của người dân tăng nhanh.",
        ),
    ),
    Document(
        "kl12",
        "Kết luận sơ kết Nghị quyết 24-NQ/TU",
        "Kết luận",
        "12-KL/TU",
        "Ban Thường vụ Tỉnh ủy",
        2023,
        TINH_UY,
        (
            "Kết luận của Ban Thường vụ Tỉnh ủy về sơ kết hai năm thực hiện Nghị quyết số "
            "24-NQ/TU. Ban Thường vụ đánh giá cao kết quả bước đầu, đồng thời yêu cầu khắc phục "
            "tình trạng đầu tư dàn trải.",
            "Giao Đảng đoàn Hội đồng nhân dân tỉnh và Ban cán sự đảng Ủy ban nhân dân tỉnh bố trí "
            "kinh phí cho chuyển đổi số.",
        ),
    ),
    Document(
        "tb45",
        "Thông báo ý kiến của Thường trực Tỉnh ủy",
        "Thông báo",
        "45-TB/TU",
        "Văn phòng Tỉnh ủy",
        2021,
        TINH_UY,
        (
            "Thông báo ý kiến của Thường trực Tỉnh ủy tại buổi làm việc ngày 18/5/2021 với Ban "
            "Quản lý các khu công nghiệp. Thường trực Tỉnh ủy ghi nhận nỗ lực thu hút đầu tư, đề "
            "nghị quan tâm nhà ở cho công nhân.",
        ),
    ),
    Document(
        "qd1234",
        "Quyết định phê duyệt quy hoạch thủy lợi",
        "Quyết định",
        "1234/QĐ-UBND",
        "Ủy ban nhân dân tỉnh",
        2017,
        "Văn bản chính quyền",
        (
            "Quyết định phê duyệt quy hoạch thủy lợi tỉnh Hà Nam đến năm 2030. Giao Sở Nông "
            "nghiệp và Phát triển nông thôn chủ trì, phối hợp với các sở, ngành tổ chức thực hiện.",
            "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, Chủ tịch Ủy ban nhân "
            "dân các huyện chịu trách nhiệm thi hành Quyết định này. Quỹ phòng chống thiên tai "
            "được bổ sung 50 tỷ đồng.",
        ),
    ),
    Document(
        "dh20",
        "Báo cáo chính trị Đại hội đại biểu Đảng bộ tỉnh lần thứ XX",
        "Văn kiện Đại hội",
        "",
        "Đảng bộ tỉnh Hà Nam",
        2020,
        "Văn kiện Đại hội",
        (
            "Báo cáo chính trị của Ban Chấp hành Đảng bộ tỉnh khóa XIX trình Đại hội đại biểu "
            "lần thứ XX. Nhiệm kỳ qua, kinh tế của tỉnh tăng trưởng bình quân 8,2% mỗi năm.",
            "Công tác xây dựng Đảng được chú trọng; kỷ luật, kỷ cương được siết chặt. Tuy vậy, "
            "một bộ phận cán bộ, đảng viên còn ngại đổi mới.",
            "Phương hướng nhiệm kỳ 2020 - 2025: phát triển nhanh và bền vững, lấy chuyển đổi số "
            "làm động lực, giữ vững quốc phòng, an ninh.",
        ),
    ),
    Document(
        "ct12",
        "Chỉ thị về phòng, chống dịch cúm gia cầm",
        "Chỉ thị",
        "12-CT/HU",
        "Huyện ủy Kim Bảng",
        2016,
        HUYEN_UY,
        (
            "Chỉ thị về tăng cường công tác phòng, chống dịch cúm gia cầm trên địa bàn huyện. "
            "Các xã tổ chức tiêm phòng đợt một trước ngày 30/4/2016.",
            "Cán bộ thú y bám sát cơ sở, kịp thời phát hiện ổ dịch; tuyệt đối không để dịch lan "
            "rộng sang các huyện lân cận.",
        ),
    ),
    Document(
        "lsnt",
        "Lịch sử cách mạng xã Nhật Tân",
        "Sách",
        "",
        "Đảng ủy xã Nhật Tân",
        None,
        LICH_SU,
        (
            "Xã Nhật Tân nằm bên bờ sông Đáy, đất đai màu mỡ. Cuối thế kỷ XIX, thực dân Pháp lập "
            "đồn binh tại đây để kiểm soát đường thủy.",
            "Ngày 19/8/1945, hàng nghìn quần chúng kéo về phủ huyện giành chính quyền. Ủy ban "
            "nhân dân lâm thời ra mắt trong không khí tưng bừng.",
            "Hợp tác xã Nhật Tân được thành lập năm 1959 với 120 hộ xã viên, là một trong những "
            "hợp tác xã đầu tiên của huyện.",
            # An OCR error that folding does not undo: "chuyểu" for "chuyển".
            "Trong công cuộc đổi mới, nghề dệt truyền thống được khôi phục nhờ chuyểu giao công "
            "nghệ; sản phẩm của làng có mặt ở nhiều tỉnh, thành.",
        ),
    ),
    Document(
        "nq08",
        "Nghị quyết về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Nghị quyết",
        "08-NQ/ĐU",
        "Đảng ủy Khối cơ quan",
        2022,
        TINH_UY,
        (
            "Nghị quyết về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí "
            "Minh. Mỗi đảng viên đăng ký ít nhất một việc làm cụ thể để rèn luyện.",
            "Định kỳ sáu tháng, chi bộ kiểm điểm việc thực hiện; biểu dương gương người tốt, "
            "việc tốt.",
        ),
    ),
)


def page_entries() -> list[PageEntry]:
    return [
        PageEntry(
            page_key=f"{doc.document_id}:{number}",
            document_id=doc.document_id,
            page_number=number,
            text=text,
            title=doc.title,
            document_type=doc.document_type,
            number_symbol=doc.number_symbol,
            issuing_body=doc.issuing_body,
            year=doc.year,
            collection=doc.collection,
        )
        for doc in DOCUMENTS
        for number, text in enumerate(doc.pages, start=1)
    ]


TEXTS: dict[str, str] = {entry.page_key: entry.text for entry in page_entries()}
