<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>Classification</name>
    <message>
        <source>Public</source>
        <translation>Công khai</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Lưu hành nội bộ</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Mật</translation>
    </message>
    <message>
        <source>Top secret</source>
        <translation>Tối mật</translation>
    </message>
    <message>
        <source>Ultra secret</source>
        <translation>Tuyệt mật</translation>
    </message>
    <message>
        <source>Secret document %1</source>
        <translation>Tài liệu mật %1</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Wrong passphrase: the vault stays locked and nothing was changed. The attempt is written in the audit log.</source>
        <translation>Sai mật khẩu: kho mật vẫn khóa, không có gì thay đổi. Lần thử này được ghi vào nhật ký kiểm tra.</translation>
    </message>
    <message>
        <source>This is a secret document: unlock the vault first (Vault → Unlock the vault…).</source>
        <translation>Đây là tài liệu mật: hãy mở khóa kho mật trước (Kho mật → Mở khóa kho mật…).</translation>
    </message>
    <message>
        <source>This library has no vault yet. Create one on the command line: digitizer vault init.</source>
        <translation>Kho lưu trữ này chưa có kho mật. Tạo kho mật bằng dòng lệnh: digitizer vault init.</translation>
    </message>
    <message>
        <source>A sealed part of this document was altered or damaged, so it is not read. Restore the library from a backup.</source>
        <translation>Một phần được niêm phong của tài liệu này đã bị sửa đổi hoặc hư hỏng nên không được đọc. Hãy khôi phục kho lưu trữ từ bản sao lưu.</translation>
    </message>
    <message>
        <source>The vault cannot be used: its key file is damaged, or the passphrase is too short.</source>
        <translation>Không dùng được kho mật: tệp khóa của kho bị hỏng, hoặc mật khẩu quá ngắn.</translation>
    </message>
    <message>
        <source>This machine is connected to a network, so secret documents stay shut. Unplug it or switch the network off; an isolated in-building LAN is declared on the command line: digitizer settings isolated-lan on --reason TEXT.</source>
        <translation>Máy đang nối mạng nên tài liệu mật không được mở. Hãy rút dây mạng hoặc tắt mạng; mạng nội bộ cách ly trong tòa nhà được khai báo bằng dòng lệnh: digitizer settings isolated-lan on --reason TEXT.</translation>
    </message>
    <message>
        <source>There is no RAM-backed folder (/dev/shm) to work on secret pages without writing them to disk.</source>
        <translation>Không có thư mục trong bộ nhớ RAM (/dev/shm) để xử lý trang mật mà không ghi ra đĩa.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi ngoài dự kiến</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect. Your library is safe: nothing already saved is lost.</source>
        <translation>Đã xảy ra lỗi mà chương trình không lường trước. Kho lưu trữ của bạn vẫn an toàn: không mất dữ liệu nào đã lưu.</translation>
    </message>
    <message>
        <source>The details were written to %1.</source>
        <translation>Chi tiết đã được ghi vào %1.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Searchable PDF/A</source>
        <translation>PDF/A tìm kiếm được</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Văn bản thuần</translation>
    </message>
    <message>
        <source>hOCR</source>
        <translation>hOCR</translation>
    </message>
    <message>
        <source>ALTO XML</source>
        <translation>ALTO XML</translation>
    </message>
    <message>
        <source>EPUB e-book</source>
        <translation>Sách điện tử EPUB</translation>
    </message>
    <message>
        <source>PDF/A with a QR code</source>
        <translation>PDF/A có mã QR</translation>
    </message>
    <message>
        <source>Box and folder labels</source>
        <translation>Nhãn hộp và bìa hồ sơ</translation>
    </message>
    <message>
        <source>Archival package (BagIt)</source>
        <translation>Gói lưu trữ (BagIt)</translation>
    </message>
    <message>
        <source>Dossier catalogue (XLSX and CSV)</source>
        <translation>Mục lục hồ sơ (XLSX và CSV)</translation>
    </message>
    <message>
        <source>Submission package (E-ARK SIP)</source>
        <translation>Gói nộp lưu (E-ARK SIP)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export “%1”</source>
        <translation>Xuất “%1”</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>The whole collection “%1”</source>
        <translation>Cả hồ sơ “%1”</translation>
    </message>
    <message>
        <source>On the cover</source>
        <translation>Trên trang bìa</translation>
    </message>
    <message>
        <source>On an added back page</source>
        <translation>Trên trang bìa sau thêm vào</translation>
    </message>
    <message>
        <source>In every footer</source>
        <translation>Ở chân mỗi trang</translation>
    </message>
    <message>
        <source>The first page</source>
        <translation>Trang đầu tiên</translation>
    </message>
    <message>
        <source>A title page</source>
        <translation>Trang tên sách</translation>
    </message>
    <message>
        <source>Add the page images</source>
        <translation>Kèm ảnh các trang</translation>
    </message>
    <message>
        <source>Add the EPUB</source>
        <translation>Kèm tệp EPUB</translation>
    </message>
    <message>
        <source>Let pages without OCR text through</source>
        <translation>Cho qua các trang chưa nhận dạng</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>Mã QR</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Bìa</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Xuất ra</translation>
    </message>
</context>
<context>
    <name>Facet</name>
    <message>
        <source>Type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Hồ sơ</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>Job</source>
        <translation>Công việc</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Đang chạy…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Thất bại: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
</context>
<context>
    <name>LibraryTree</name>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <source>OCR</source>
        <translation>Nhận dạng</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Độ mật</translation>
    </message>
    <message>
        <source>Not in a collection</source>
        <translation>Chưa xếp vào hồ sơ</translation>
    </message>
    <message>
        <source>Recognised</source>
        <translation>Đã nhận dạng</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Chưa</translation>
    </message>
    <message>
        <source>New collection…</source>
        <translation>Hồ sơ mới…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Đổi tên…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Recognise text</source>
        <translation>Nhận dạng chữ</translation>
    </message>
    <message>
        <source>Move to collection…</source>
        <translation>Chuyển sang hồ sơ…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Digitizer — %1</source>
        <translation>Digitizer — %1</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Kho lưu trữ</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Công việc</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Nhập tệp…</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>Nhập thư mục…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất…</translation>
    </message>
    <message>
        <source>Recognise text</source>
        <translation>Nhận dạng chữ</translation>
    </message>
    <message>
        <source>Recognise every document</source>
        <translation>Nhận dạng mọi tài liệu</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>New collection…</source>
        <translation>Hồ sơ mới…</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Vừa trang</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <source>Word boxes</source>
        <translation>Khung chữ</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>Load the sample pages</source>
        <translation>Nạp các trang mẫu</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>Tài &amp;liệu</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>About Digitizer</source>
        <translation>Giới thiệu Digitizer</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Chính</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Kho mật</translation>
    </message>
    <message>
        <source>Unlock the vault…</source>
        <translation>Mở khóa kho mật…</translation>
    </message>
    <message>
        <source>Lock the vault</source>
        <translation>Khóa kho mật</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>Reading the library</source>
        <translation>Đọc kho lưu trữ</translation>
    </message>
    <message>
        <source>Cannot read the library</source>
        <translation>Không đọc được kho lưu trữ</translation>
    </message>
    <message>
        <source>Opening a document</source>
        <translation>Mở tài liệu</translation>
    </message>
    <message>
        <source>Cannot open the document</source>
        <translation>Không mở được tài liệu</translation>
    </message>
    <message>
        <source>“%1” is classified %2. Type the vault&apos;s passphrase to open it.</source>
        <translation>“%1” có độ mật %2. Nhập mật khẩu kho mật để mở tài liệu.</translation>
    </message>
    <message>
        <source>Secret documents open only while the vault is unlocked</source>
        <translation>Tài liệu mật chỉ mở được khi kho mật đã mở khóa</translation>
    </message>
    <message>
        <source>%1 — a secret document, kept in the vault; it closes when the vault is locked</source>
        <translation>%1 — tài liệu mật, lưu trong kho mật; tài liệu đóng lại khi kho mật khóa</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>Ảnh thu nhỏ</translation>
    </message>
    <message>
        <source>Opening a page</source>
        <translation>Mở trang</translation>
    </message>
    <message>
        <source>Cannot open the page</source>
        <translation>Không mở được trang</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Trang %1 / %2</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Nhập tệp</translation>
    </message>
    <message>
        <source>Scans and PDFs (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.pdf)</source>
        <translation>Ảnh quét và PDF (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.pdf)</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Nhập thư mục</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>Nhập %1</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Nhập thất bại</translation>
    </message>
    <message>
        <source>%1 document(s), %2 page(s) imported</source>
        <translation>Đã nhập %1 tài liệu, %2 trang</translation>
    </message>
    <message>
        <source>%1 already in the library</source>
        <translation>%1 đã có trong kho</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 thất bại</translation>
    </message>
    <message>
        <source>Some files were not imported</source>
        <translation>Một số tệp không nhập được</translation>
    </message>
    <message>
        <source>Recognition failed</source>
        <translation>Nhận dạng thất bại</translation>
    </message>
    <message>
        <source>%1 page(s) recognised, %2 already done</source>
        <translation>Đã nhận dạng %1 trang, %2 trang đã có sẵn</translation>
    </message>
    <message>
        <source>Some pages were not read</source>
        <translation>Một số trang không đọc được</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>Xuất %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Xuất thất bại</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Đã ghi %1</translation>
    </message>
    <message>
        <source>Search failed</source>
        <translation>Tìm kiếm thất bại</translation>
    </message>
    <message>
        <source>Search “%1”</source>
        <translation>Tìm “%1”</translation>
    </message>
    <message>
        <source>Correction saved: %1 word(s) changed</source>
        <translation>Đã lưu bản sửa: %1 chữ được sửa</translation>
    </message>
    <message>
        <source>Save the correction of page %1</source>
        <translation>Lưu bản sửa trang %1</translation>
    </message>
    <message>
        <source>Cannot save the correction</source>
        <translation>Không lưu được bản sửa</translation>
    </message>
    <message>
        <source>Record saved</source>
        <translation>Đã lưu thông tin</translation>
    </message>
    <message>
        <source>Save the record</source>
        <translation>Lưu thông tin</translation>
    </message>
    <message>
        <source>Cannot save the record</source>
        <translation>Không lưu được thông tin</translation>
    </message>
    <message>
        <source>New collection</source>
        <translation>Hồ sơ mới</translation>
    </message>
    <message>
        <source>Name of the collection:</source>
        <translation>Tên hồ sơ:</translation>
    </message>
    <message>
        <source>Rename the collection</source>
        <translation>Đổi tên hồ sơ</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Tên mới:</translation>
    </message>
    <message>
        <source>Rename the document</source>
        <translation>Đổi tên tài liệu</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Tiêu đề:</translation>
    </message>
    <message>
        <source>(no collection)</source>
        <translation>(không thuộc hồ sơ nào)</translation>
    </message>
    <message>
        <source>Move to collection</source>
        <translation>Chuyển sang hồ sơ</translation>
    </message>
    <message>
        <source>Collection:</source>
        <translation>Hồ sơ:</translation>
    </message>
    <message>
        <source>Move the document</source>
        <translation>Chuyển tài liệu</translation>
    </message>
    <message>
        <source>Delete the collection</source>
        <translation>Xóa hồ sơ</translation>
    </message>
    <message>
        <source>Delete the collection “%1”? Its documents stay in the library.</source>
        <translation>Xóa hồ sơ “%1”? Các tài liệu trong đó vẫn ở lại trong kho.</translation>
    </message>
    <message>
        <source>Delete the document</source>
        <translation>Xóa tài liệu</translation>
    </message>
    <message>
        <source>Delete “%1” and its %2 page(s)? You can undo this until you close the window.</source>
        <translation>Xóa “%1” cùng %2 trang? Có thể hoàn tác cho đến khi đóng cửa sổ.</translation>
    </message>
    <message>
        <source>Reorder pages</source>
        <translation>Sắp xếp lại trang</translation>
    </message>
    <message>
        <source>Turn page %1</source>
        <translation>Xoay trang %1</translation>
    </message>
    <message>
        <source>Delete the page</source>
        <translation>Xóa trang</translation>
    </message>
    <message>
        <source>Delete page %1? You can undo this until you close the window.</source>
        <translation>Xóa trang %1? Có thể hoàn tác cho đến khi đóng cửa sổ.</translation>
    </message>
    <message>
        <source>Delete page %1</source>
        <translation>Xóa trang %1</translation>
    </message>
    <message>
        <source>Unlock the vault</source>
        <translation>Mở khóa kho mật</translation>
    </message>
    <message>
        <source>Cannot unlock the vault</source>
        <translation>Không mở khóa được kho mật</translation>
    </message>
    <message>
        <source>The vault is unlocked</source>
        <translation>Kho mật đã mở khóa</translation>
    </message>
    <message>
        <source>The vault is locked</source>
        <translation>Kho mật đã khóa</translation>
    </message>
    <message>
        <source>The vault was locked after %1 minute(s) without use</source>
        <translation>Kho mật đã tự khóa sau %1 phút không dùng</translation>
    </message>
    <message>
        <source>This work touches a secret document: type the vault&apos;s passphrase.</source>
        <translation>Việc này cần mở tài liệu mật: hãy nhập mật khẩu kho mật.</translation>
    </message>
    <message>
        <source>An empty library</source>
        <translation>Kho lưu trữ trống</translation>
    </message>
    <message>
        <source>This library holds no documents yet. Load the sample pages (a resolution, an official letter and two pages of a Party-history book) and recognise them?</source>
        <translation>Kho lưu trữ chưa có tài liệu nào. Nạp các trang mẫu (một nghị quyết, một công văn và hai trang sách lịch sử Đảng bộ) và nhận dạng chúng?</translation>
    </message>
    <message>
        <source>Load the samples</source>
        <translation>Nạp trang mẫu</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>Ngôn ngữ mới được dùng từ lần mở sau.</translation>
    </message>
    <message>
        <source>Digitizer %1 — a workstation for digitizing Vietnamese archival documents.
Library: %2</source>
        <translation>Digitizer %1 — trạm số hóa tài liệu lưu trữ tiếng Việt.
Kho lưu trữ: %2</translation>
    </message>
    <message>
        <source>Unsaved correction</source>
        <translation>Bản sửa chưa lưu</translation>
    </message>
    <message>
        <source>Save the correction of this page?</source>
        <translation>Lưu bản sửa của trang này?</translation>
    </message>
    <message>
        <source>Record confirmed</source>
        <translation>Đã xác nhận thông tin</translation>
    </message>
    <message>
        <source>Confirm the record</source>
        <translation>Xác nhận thông tin</translation>
    </message>
    <message>
        <source>Cannot confirm the record</source>
        <translation>Không xác nhận được thông tin</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <source>No date</source>
        <translation>Không rõ ngày</translation>
    </message>
    <message>
        <source>separated by ;</source>
        <translation>cách nhau bởi dấu ;</translation>
    </message>
    <message>
        <source>Set when the document is imported, or proposed by the stamp detector</source>
        <translation>Đặt khi nhập tài liệu, hoặc do bộ nhận biết dấu mật đề xuất</translation>
    </message>
    <message>
        <source>Save record</source>
        <translation>Lưu thông tin</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Number and symbol</source>
        <translation>Số và ký hiệu</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Date of issue</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Từ khóa</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Độ mật</translation>
    </message>
    <message>
        <source>Confirm all read from the page</source>
        <translation>Xác nhận mọi trường đọc từ trang</translation>
    </message>
    <message>
        <source>Read from the page (%1 sure); Enter confirms it</source>
        <translation>Đọc từ trang (tin cậy %1); nhấn Enter để xác nhận</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Unlock the vault</source>
        <translation>Mở khóa kho mật</translation>
    </message>
    <message>
        <source>Secret documents are kept encrypted in the vault. Type its passphrase to work on them; the key stays in memory until the vault is locked or left idle.</source>
        <translation>Tài liệu mật được lưu mã hóa trong kho mật. Nhập mật khẩu để làm việc với chúng; khóa giải mã chỉ nằm trong bộ nhớ cho đến khi kho mật được khóa hoặc để lâu không dùng.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search the text, with or without diacritics</source>
        <translation>Tìm trong văn bản, có dấu hoặc không dấu</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Secret documents are searched only while the vault is unlocked.</source>
        <translation>Tài liệu mật chỉ được tìm khi kho mật đã mở khóa.</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>Where the words are</source>
        <translation>Đoạn có từ cần tìm</translation>
    </message>
    <message>
        <source>%1 — %2 page(s)</source>
        <translation>%1 — %2 trang</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>tr. %1</translation>
    </message>
    <message>
        <source>%1 page(s) found in %2 ms</source>
        <translation>Tìm thấy %1 trang trong %2 ms</translation>
    </message>
</context>
<context>
    <name>StatusProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>TextReview</name>
    <message>
        <source>This page has not been recognised yet.</source>
        <translation>Trang này chưa được nhận dạng.</translation>
    </message>
    <message>
        <source>Words recognised with less confidence are marked</source>
        <translation>Các chữ có độ tin cậy thấp hơn ngưỡng này được tô màu</translation>
    </message>
    <message>
        <source>Next doubtful word</source>
        <translation>Chữ nghi ngờ tiếp theo</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Lưu bản sửa</translation>
    </message>
    <message>
        <source>Doubtful below</source>
        <translation>Nghi ngờ dưới</translation>
    </message>
    <message>
        <source>Not recognised</source>
        <translation>Chưa nhận dạng</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Đã sửa</translation>
    </message>
    <message>
        <source>OCR result</source>
        <translation>Kết quả nhận dạng</translation>
    </message>
    <message>
        <source>%1 · %2 doubtful word(s)</source>
        <translation>%1 · %2 chữ nghi ngờ</translation>
    </message>
    <message>
        <source>%1 word(s) whose tone marks were restored, in blue with a dotted underline: point at one to see what recognition read</source>
        <translation>%1 chữ được khôi phục dấu thanh, tô xanh và gạch chân chấm: trỏ chuột vào chữ để xem bản nhận dạng đọc</translation>
    </message>
    <message>
        <source>Recognition read: %1</source>
        <translation>Nhận dạng đọc: %1</translation>
    </message>
</context>
<context>
    <name>ThumbnailStrip</name>
    <message>
        <source>Page %1</source>
        <translation>Trang %1</translation>
    </message>
    <message>
        <source>Turn right</source>
        <translation>Xoay phải</translation>
    </message>
    <message>
        <source>Turn left</source>
        <translation>Xoay trái</translation>
    </message>
    <message>
        <source>Turn upside down</source>
        <translation>Xoay ngược</translation>
    </message>
    <message>
        <source>Delete page</source>
        <translation>Xóa trang</translation>
    </message>
</context>
<context>
    <name>VaultSwitch</name>
    <message>
        <source>Vault unlocked</source>
        <translation>Kho mật: đang mở</translation>
    </message>
    <message>
        <source>Secret documents can be opened. Click to lock the vault.</source>
        <translation>Có thể mở tài liệu mật. Bấm để khóa kho mật.</translation>
    </message>
    <message>
        <source>Vault locked</source>
        <translation>Kho mật: đã khóa</translation>
    </message>
    <message>
        <source>Secret documents are shut. Click to unlock the vault.</source>
        <translation>Tài liệu mật đang đóng. Bấm để mở khóa kho mật.</translation>
    </message>
</context>
</TS>
