<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AcquisitionWorkflow</name>
    <message>
        <source>Import files</source>
        <translation>Nhập tệp</translation>
    </message>
    <message>
        <source>Scans and PDFs (%1)</source>
        <translation>Ảnh quét và tệp PDF (%1)</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Nhập thư mục</translation>
    </message>
    <message>
        <source>Import the folder “%1”</source>
        <translation>Nhập thư mục “%1”</translation>
    </message>
    <message>
        <source>Import “%1”</source>
        <translation>Nhập “%1”</translation>
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
        <translation>%1 đã có trong thư viện</translation>
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
        <source>An empty library</source>
        <translation>Thư viện trống</translation>
    </message>
    <message>
        <source>This library holds no documents yet. Load the sample pages (a resolution, an official letter and two pages of a Party-history book) and recognise them?</source>
        <translation>Thư viện chưa có tài liệu nào. Nạp các trang mẫu (một nghị quyết, một công văn và hai trang sách lịch sử Đảng bộ) và nhận dạng chúng?</translation>
    </message>
    <message>
        <source>Load the samples</source>
        <translation>Thêm trang mẫu</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Recognise every document</source>
        <translation>Nhận dạng mọi tài liệu</translation>
    </message>
    <message>
        <source>Recognise “%1”</source>
        <translation>Nhận dạng chữ “%1”</translation>
    </message>
    <message>
        <source>Recognise %1 documents</source>
        <translation>Nhận dạng chữ %1 tài liệu</translation>
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
        <source>Cannot list the scanners</source>
        <translation>Không liệt kê được các máy quét</translation>
    </message>
    <message>
        <source>%1 page(s) scanned, %2 document(s)</source>
        <translation>Đã quét %1 trang, thành %2 tài liệu</translation>
    </message>
    <message>
        <source>The scanner stopped</source>
        <translation>Máy quét đã dừng</translation>
    </message>
    <message>
        <source>Scan from %1</source>
        <translation>Quét từ %1</translation>
    </message>
    <message>
        <source>the scanner</source>
        <translation>máy quét</translation>
    </message>
    <message>
        <source>Scanning failed</source>
        <translation>Quét không thành công</translation>
    </message>
    <message>
        <source>Set-aside pages</source>
        <translation>Các trang để riêng</translation>
    </message>
    <message>
        <source>Pages taken out of scanned stacks because they looked blank. Put one back if it holds something after all.</source>
        <translation>Những trang được tách khỏi tập giấy quét vì trông như trang trắng. Nếu trang nào thực ra có nội dung, hãy đưa trang đó trở lại tài liệu.</translation>
    </message>
    <message>
        <source>Put the page back</source>
        <translation>Đưa trang trở lại</translation>
    </message>
    <message>
        <source>(no document)</source>
        <translation>(không thuộc tài liệu nào)</translation>
    </message>
    <message>
        <source>%1 — from “%2”, after page %3 (ink %4 %)</source>
        <translation>%1 — của “%2”, sau trang %3 (mực %4 %)</translation>
    </message>
    <message>
        <source>The page is back as page %1</source>
        <translation>Trang đã được đưa trở lại ở vị trí trang %1</translation>
    </message>
    <message>
        <source>Put a set-aside page back</source>
        <translation>Đưa trang để riêng trở lại</translation>
    </message>
    <message>
        <source>Cannot put the page back</source>
        <translation>Không đưa được trang trở lại</translation>
    </message>
</context>
<context>
    <name>BatchRecordDialog</name>
    <message>
        <source>Describe %1 documents</source>
        <translation>Mô tả %1 tài liệu</translation>
    </message>
    <message>
        <source>What you fill in here goes into the record of each of the %1 chosen documents. Fields left empty keep what each document has.</source>
        <translation>Những gì điền ở đây được ghi vào bản mô tả của từng tài liệu trong %1 tài liệu đã chọn. Ô để trống thì mỗi tài liệu giữ nguyên nội dung đang có.</translation>
    </message>
    <message>
        <source>separated by ;</source>
        <translation>cách nhau bằng dấu ;</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Từ khóa</translation>
    </message>
    <message>
        <source>Save to every record</source>
        <translation>Lưu vào mọi bản mô tả</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
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
    <name>ClassifyDialog</name>
    <message>
        <source>Classify %1 document(s)</source>
        <translation>Xác định độ mật cho %1 tài liệu</translation>
    </message>
    <message>
        <source>Why (needed to lower a level): a decision, a stamp, a date…</source>
        <translation>Căn cứ (bắt buộc khi hạ độ mật): quyết định, dấu, ngày…</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Độ mật</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>Xác định độ mật</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Wrong passphrase: the vault stays locked and nothing was changed. The attempt is written in the audit log.</source>
        <translation>Sai mật khẩu: két mật vẫn khóa, không có gì thay đổi. Lần thử này được ghi vào nhật ký kiểm tra.</translation>
    </message>
    <message>
        <source>A sealed part of this document was altered or damaged, so it is not read. Restore the library from a backup.</source>
        <translation>Một phần được niêm phong của tài liệu này đã bị sửa đổi hoặc hư hỏng nên không được đọc. Hãy khôi phục thư viện từ bản sao lưu.</translation>
    </message>
    <message>
        <source>The vault cannot be used: its key file is damaged, or the passphrase is too short.</source>
        <translation>Không dùng được két mật: tệp khóa của két bị hỏng, hoặc mật khẩu quá ngắn.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi ngoài dự kiến</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect. Your library is safe: nothing already saved is lost.</source>
        <translation>Đã xảy ra lỗi mà chương trình không lường trước. Thư viện của bạn vẫn an toàn: không mất dữ liệu nào đã lưu.</translation>
    </message>
    <message>
        <source>The details were written to %1.</source>
        <translation>Chi tiết đã được ghi vào %1.</translation>
    </message>
    <message>
        <source>The file or folder is not there any more: it was moved, renamed or deleted.</source>
        <translation>Không còn tệp hoặc thư mục này: có thể đã bị chuyển đi, đổi tên hoặc xóa.</translation>
    </message>
    <message>
        <source>The file cannot be read: you have no permission to open it, or it points to nothing.</source>
        <translation>Không đọc được tệp: bạn không có quyền mở tệp, hoặc tệp chỉ là lối tắt tới nơi không còn tồn tại.</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes): nothing to import.</source>
        <translation>Tệp rỗng (0 byte): không có gì để nhập.</translation>
    </message>
    <message>
        <source>This kind of file cannot be imported: only scans (PNG, JPEG, TIFF, BMP, WebP) and PDF files.</source>
        <translation>Không nhập được loại tệp này: chỉ nhận ảnh quét (PNG, JPEG, TIFF, BMP, WebP) và tệp PDF.</translation>
    </message>
    <message>
        <source>The file&apos;s contents do not match its name&apos;s ending: it may be damaged or misnamed.</source>
        <translation>Nội dung tệp không khớp với phần đuôi tên tệp: tệp có thể bị hỏng hoặc đặt tên sai.</translation>
    </message>
    <message>
        <source>The image file is cut short: scan or copy it again.</source>
        <translation>Tệp ảnh bị thiếu một phần: hãy quét hoặc sao chép lại.</translation>
    </message>
    <message>
        <source>The image is damaged and cannot be read: scan or copy it again.</source>
        <translation>Ảnh bị hỏng, không đọc được: hãy quét hoặc sao chép lại.</translation>
    </message>
    <message>
        <source>The image is too large to open safely. Scan it at a lower resolution.</source>
        <translation>Ảnh quá lớn để mở an toàn. Hãy quét lại với độ phân giải thấp hơn.</translation>
    </message>
    <message>
        <source>The PDF file is damaged and cannot be read.</source>
        <translation>Tệp PDF bị hỏng, không đọc được.</translation>
    </message>
    <message>
        <source>The PDF file is protected by a password: type the password to open it.</source>
        <translation>Tệp PDF được bảo vệ bằng mật khẩu: hãy nhập mật khẩu để mở.</translation>
    </message>
    <message>
        <source>The password does not open the PDF file: type it again.</source>
        <translation>Mật khẩu không mở được tệp PDF: hãy nhập lại.</translation>
    </message>
    <message>
        <source>The library is not where it was expected: check the folder.</source>
        <translation>Không tìm thấy thư viện ở nơi đã định: hãy kiểm tra lại thư mục.</translation>
    </message>
    <message>
        <source>The library was made by a newer version of Digitizer: update the program.</source>
        <translation>Thư viện này được tạo bằng phiên bản Digitizer mới hơn: hãy cập nhật chương trình.</translation>
    </message>
    <message>
        <source>The library cannot be used now: another program may be holding it, or the disk is full.</source>
        <translation>Hiện không dùng được thư viện: có thể một chương trình khác đang giữ nó, hoặc ổ đĩa đã đầy.</translation>
    </message>
    <message>
        <source>The document is no longer in the library.</source>
        <translation>Tài liệu không còn trong thư viện.</translation>
    </message>
    <message>
        <source>Several documents match: choose one in the library.</source>
        <translation>Có nhiều tài liệu trùng khớp: hãy chọn một tài liệu trong thư viện.</translation>
    </message>
    <message>
        <source>A program Digitizer needs is not installed on this machine. Ask whoever looks after the machine to install it.</source>
        <translation>Máy này chưa cài một chương trình mà Digitizer cần. Hãy nhờ người quản lý máy cài đặt.</translation>
    </message>
    <message>
        <source>The text recognition of a language is not installed on this machine. Ask whoever looks after the machine to install it.</source>
        <translation>Máy này chưa cài bộ nhận dạng chữ cho một ngôn ngữ. Hãy nhờ người quản lý máy cài đặt.</translation>
    </message>
    <message>
        <source>The text of a page could not be read; the other pages went on.</source>
        <translation>Không nhận dạng được chữ của một trang; các trang khác vẫn được xử lý tiếp.</translation>
    </message>
    <message>
        <source>Some pages have no recognised text yet: recognise the document first.</source>
        <translation>Một số trang chưa được nhận dạng chữ: hãy nhận dạng tài liệu trước.</translation>
    </message>
    <message>
        <source>The search cannot be read: check the quotation marks and brackets.</source>
        <translation>Không hiểu được câu tìm kiếm: hãy kiểm tra dấu ngoặc kép và dấu ngoặc đơn.</translation>
    </message>
    <message>
        <source>The work was stopped; start it again to finish what is left.</source>
        <translation>Công việc đã dừng; hãy chạy lại để làm nốt phần còn lại.</translation>
    </message>
    <message>
        <source>The document is secret (Mật, Tối mật or Tuyệt mật) and may not leave as a public file.</source>
        <translation>Tài liệu có độ mật (Mật, Tối mật hoặc Tuyệt mật) nên không được xuất ra thành tệp công khai.</translation>
    </message>
    <message>
        <source>There is no collection by that name.</source>
        <translation>Không có hồ sơ nào mang tên đó.</translation>
    </message>
    <message>
        <source>The link for the QR codes must be a web address (http or https) with one {id} in it.</source>
        <translation>Đường dẫn cho mã QR phải là một địa chỉ web (http hoặc https) có đúng một {id}.</translation>
    </message>
    <message>
        <source>The table of contents cannot be read, or names pages the book does not have.</source>
        <translation>Không đọc được mục lục, hoặc mục lục ghi những trang mà sách không có.</translation>
    </message>
    <message>
        <source>The labels are too many for one sheet with QR codes of 2 cm: choose fewer per sheet.</source>
        <translation>Quá nhiều nhãn trên một tờ để in mã QR cỡ 2 cm: hãy chọn ít nhãn hơn mỗi tờ.</translation>
    </message>
    <message>
        <source>No scanner was found: check that it is switched on and connected.</source>
        <translation>Không tìm thấy máy quét: hãy kiểm tra máy đã bật và đã nối với máy tính.</translation>
    </message>
    <message>
        <source>The paper is jammed in the scanner: clear it, then scan the rest.</source>
        <translation>Giấy bị kẹt trong máy quét: hãy gỡ giấy rồi quét tiếp phần còn lại.</translation>
    </message>
    <message>
        <source>The scanner&apos;s feeder is empty: put the pages in and scan again.</source>
        <translation>Khay nạp giấy của máy quét đang trống: hãy đặt giấy vào rồi quét lại.</translation>
    </message>
    <message>
        <source>The scanner&apos;s cover is open: close it, then scan the rest.</source>
        <translation>Nắp máy quét đang mở: hãy đóng nắp rồi quét tiếp phần còn lại.</translation>
    </message>
    <message>
        <source>The scanner is busy with other work: wait, then scan again.</source>
        <translation>Máy quét đang bận việc khác: hãy chờ rồi quét lại.</translation>
    </message>
    <message>
        <source>The scanner does not offer that source, colour mode, resolution or page size.</source>
        <translation>Máy quét không có nguồn giấy, chế độ màu, độ phân giải hoặc khổ giấy đó.</translation>
    </message>
    <message>
        <source>The scanner stopped with an error: check it and scan again.</source>
        <translation>Máy quét dừng vì lỗi: hãy kiểm tra máy rồi quét lại.</translation>
    </message>
    <message>
        <source>That page is no longer set aside, or cannot go back.</source>
        <translation>Trang này không còn nằm trong số trang để riêng, hoặc không thể đưa trở lại.</translation>
    </message>
    <message>
        <source>This library has no vault yet: create it in the Vault menu.</source>
        <translation>Thư viện này chưa có két mật: hãy tạo két mật trong trình đơn Két mật.</translation>
    </message>
    <message>
        <source>This library already has a vault.</source>
        <translation>Thư viện này đã có két mật.</translation>
    </message>
    <message>
        <source>This is a secret document: unlock the vault first.</source>
        <translation>Đây là tài liệu mật: hãy mở khóa két mật trước.</translation>
    </message>
    <message>
        <source>This machine is connected to a network, so secret documents stay shut. Unplug the network cable or switch the network off.</source>
        <translation>Máy này đang nối mạng nên tài liệu mật vẫn đóng. Hãy rút cáp mạng hoặc tắt kết nối mạng.</translation>
    </message>
    <message>
        <source>Something tried to connect to a network; Digitizer never does, so it was stopped.</source>
        <translation>Có thành phần tìm cách kết nối mạng; Digitizer không bao giờ kết nối mạng nên việc này đã bị chặn.</translation>
    </message>
    <message>
        <source>A level can be lowered only with a reason, and never by a stamp found on the page.</source>
        <translation>Chỉ được hạ độ mật khi có lý do, và không bao giờ hạ theo dấu mật tìm thấy trên trang.</translation>
    </message>
    <message>
        <source>There is no memory-backed folder (/dev/shm) to work on secret pages without writing them to disk.</source>
        <translation>Không có thư mục trong bộ nhớ (/dev/shm) để xử lý trang mật mà không ghi ra đĩa.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>This input cannot be used: check that it is the file or folder you meant.</source>
        <translation>Không dùng được đầu vào này: hãy xem lại đó có đúng là tệp hoặc thư mục cần nhập không.</translation>
    </message>
    <message>
        <source>The file&apos;s contents cannot be read: it may be damaged or made by an unusual program. The other files went on.</source>
        <translation>Không đọc được nội dung tệp: tệp có thể bị hỏng hoặc do một chương trình lạ tạo ra. Các tệp khác vẫn được nhập tiếp.</translation>
    </message>
    <message>
        <source>The file has more pages than one import takes: split it into smaller files.</source>
        <translation>Tệp có nhiều trang hơn mức một lần nhập cho phép: hãy tách thành các tệp nhỏ hơn.</translation>
    </message>
    <message>
        <source>The disk is full: nothing half-written was kept. Free some space, then try again.</source>
        <translation>Ổ đĩa đã đầy: không giữ lại phần nào ghi dở. Hãy giải phóng bớt dung lượng rồi làm lại.</translation>
    </message>
    <message>
        <source>The computer refused the operation (no permission, say). The details say what.</source>
        <translation>Máy tính từ chối thao tác này (chẳng hạn không có quyền). Xem chi tiết để biết lý do.</translation>
    </message>
    <message>
        <source>Another program is changing the library: try again when it is done.</source>
        <translation>Một chương trình khác đang thay đổi thư viện: hãy làm lại khi chương trình đó xong việc.</translation>
    </message>
    <message>
        <source>A collection by that name already exists: choose another name.</source>
        <translation>Đã có hồ sơ mang tên này: hãy chọn tên khác.</translation>
    </message>
    <message>
        <source>The search index could not be read: it is being rebuilt from the library.</source>
        <translation>Không đọc được chỉ mục tìm kiếm: chỉ mục đang được dựng lại từ thư viện.</translation>
    </message>
    <message>
        <source>This export format is not known.</source>
        <translation>Không có định dạng xuất này.</translation>
    </message>
    <message>
        <source>This export format cannot take what was chosen: one document, or a purpose for internal copies.</source>
        <translation>Định dạng xuất này không nhận lựa chọn đó: chỉ một tài liệu, hoặc bản sao nội bộ cần ghi mục đích.</translation>
    </message>
    <message>
        <source>That folder is already watched by another program.</source>
        <translation>Thư mục này đang được một chương trình khác theo dõi.</translation>
    </message>
    <message>
        <source>The process reading a page stopped (the computer ran short of memory, say). Recognise the document again to finish it.</source>
        <translation>Tiến trình đọc trang đã dừng (chẳng hạn máy hết bộ nhớ). Hãy nhận dạng lại tài liệu để hoàn tất.</translation>
    </message>
    <message>
        <source>The recognition farm cannot be reached: the pages not done wait for the next run.</source>
        <translation>Không kết nối được cụm máy nhận dạng: các trang chưa xong sẽ chờ lần chạy sau.</translation>
    </message>
    <message>
        <source>A computer of the recognition farm reads with other settings or language data than this one: no page was sent. Bring its installation in line first.</source>
        <translation>Một máy trong cụm nhận dạng dùng thiết lập hoặc dữ liệu ngôn ngữ khác với máy này: chưa gửi trang nào. Hãy cài đặt máy đó cho khớp trước.</translation>
    </message>
    <message>
        <source>The vault&apos;s key file is missing or belongs to another vault, so the secret documents cannot be opened. Put back the key file from its copy; do not create a new vault.</source>
        <translation>Tệp khóa của két mật bị mất hoặc thuộc về két khác nên không mở được tài liệu mật. Hãy đặt lại tệp khóa từ bản sao của nó; đừng tạo két mới.</translation>
    </message>
    <message>
        <source>This setting guards the secret documents: it is changed only where the window offers it, with a reason.</source>
        <translation>Thiết lập này bảo vệ tài liệu mật: chỉ được thay đổi ở chỗ cửa sổ cho phép, kèm theo căn cứ.</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess: use a few unrelated words.</source>
        <translation>Mật khẩu này quá dễ đoán: hãy dùng vài từ không liên quan đến nhau.</translation>
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
        <translation>Vẫn xuất cả những trang chưa nhận dạng chữ</translation>
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
    <name>ExportWorkflow</name>
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
        <source>Recognise first</source>
        <translation>Nhận dạng trước</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>Không in được</translation>
    </message>
    <message>
        <source>%1 page(s) sent to the printer</source>
        <translation>Đã gửi %1 trang tới máy in</translation>
    </message>
    <message>
        <source>Print “%1”</source>
        <translation>In “%1”</translation>
    </message>
    <message>
        <source>Left out as page furniture:</source>
        <translation>Đã bỏ ra như phần trang trí của trang:</translation>
    </message>
    <message>
        <source>Footnotes:</source>
        <translation>Chú thích:</translation>
    </message>
    <message>
        <source>Figures:</source>
        <translation>Hình:</translation>
    </message>
    <message>
        <source>Paragraphs joined across pages:</source>
        <translation>Đoạn văn được nối qua trang:</translation>
    </message>
    <message>
        <source>Check the e-book</source>
        <translation>Kiểm tra sách điện tử</translation>
    </message>
    <message>
        <source>%1 line(s) left out as running headers, footers or page numbers; %2 footnote(s); %3 figure(s); %4 paragraph(s) joined across pages. The details list each one.</source>
        <translation>%1 dòng được bỏ ra vì là tiêu đề chạy, chân trang hoặc số trang; %2 chú thích; %3 hình; %4 đoạn văn được nối qua trang. Phần chi tiết liệt kê từng mục.</translation>
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
    <name>ImportDialog</name>
    <message>
        <source>Import scans</source>
        <translation>Nhập bản quét</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Thêm tệp…</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>Thêm thư mục…</translation>
    </message>
    <message>
        <source>What to import</source>
        <translation>Những gì sẽ nhập</translation>
    </message>
    <message>
        <source>Each folder is one document</source>
        <translation>Mỗi thư mục là một tài liệu</translation>
    </message>
    <message>
        <source>Start a new document at each separator sheet</source>
        <translation>Bắt đầu tài liệu mới ở mỗi tờ phân cách</translation>
    </message>
    <message>
        <source>Blank pages are set aside; you can put them back later.</source>
        <translation>Trang trắng được để riêng; có thể đưa trở lại sau.</translation>
    </message>
    <message>
        <source>only for password-protected PDF files</source>
        <translation>chỉ dùng cho tệp PDF có mật khẩu</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Độ mật</translation>
    </message>
    <message>
        <source>PDF password</source>
        <translation>Mật khẩu PDF</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Separator sheets decide where documents begin</source>
        <translation>Tờ phân cách quyết định chỗ bắt đầu mỗi tài liệu</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Thêm tệp</translation>
    </message>
    <message>
        <source>Add a folder</source>
        <translation>Thêm thư mục</translation>
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
    <message>
        <source>Move %1 documents to a collection…</source>
        <translation>Chuyển %1 tài liệu vào hồ sơ…</translation>
    </message>
    <message>
        <source>Describe %1 documents together…</source>
        <translation>Mô tả chung %1 tài liệu…</translation>
    </message>
    <message>
        <source>Merge %1 documents into one…</source>
        <translation>Gộp %1 tài liệu thành một…</translation>
    </message>
    <message>
        <source>Confirm the records read from the pages of %1 documents</source>
        <translation>Xác nhận thông tin đọc từ trang của %1 văn bản</translation>
    </message>
</context>
<context>
    <name>LibraryWorkflow</name>
    <message>
        <source>Reading the library</source>
        <translation>Đọc thư viện</translation>
    </message>
    <message>
        <source>Cannot read the library</source>
        <translation>Không đọc được thư viện</translation>
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
        <source>Move %1 documents</source>
        <translation>Chuyển %1 tài liệu</translation>
    </message>
    <message>
        <source>Delete the collection</source>
        <translation>Xóa hồ sơ</translation>
    </message>
    <message>
        <source>Delete the collection “%1”? Its documents stay in the library.</source>
        <translation>Xóa hồ sơ “%1”? Các tài liệu trong đó vẫn ở lại trong thư viện.</translation>
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
        <source>Describe %1 documents</source>
        <translation>Mô tả %1 tài liệu</translation>
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
    <message>
        <source>Records confirmed: %1</source>
        <translation>Đã xác nhận thông tin của %1 văn bản</translation>
    </message>
    <message>
        <source>(%1 could not be opened)</source>
        <translation>(%1 văn bản không mở được)</translation>
    </message>
    <message>
        <source>Confirm the records</source>
        <translation>Xác nhận thông tin các văn bản</translation>
    </message>
    <message>
        <source>Cannot confirm the records</source>
        <translation>Không xác nhận được thông tin các văn bản</translation>
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
        <translation>Thư viện</translation>
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
        <translation>Thêm các trang mẫu vào thư viện</translation>
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
        <translation>&amp;Két mật</translation>
    </message>
    <message>
        <source>Unlock the vault…</source>
        <translation>Mở khóa két mật…</translation>
    </message>
    <message>
        <source>Lock the vault</source>
        <translation>Khóa két mật</translation>
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
        <source>The new language is used from the next start.</source>
        <translation>Ngôn ngữ mới được dùng từ lần mở sau.</translation>
    </message>
    <message>
        <source>Digitizer %1 — a workstation for digitizing Vietnamese archival documents.
Library: %2</source>
        <translation>Digitizer %1 — trạm số hóa tài liệu lưu trữ tiếng Việt.
Thư viện: %2</translation>
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
        <source>Side panels</source>
        <translation>Các ngăn bên</translation>
    </message>
    <message>
        <source>Text under the page</source>
        <translation>Đặt văn bản dưới trang</translation>
    </message>
    <message>
        <source>Open a document in the library first</source>
        <translation>Hãy mở một tài liệu trong thư viện trước</translation>
    </message>
    <message>
        <source>Export the open document</source>
        <translation>Xuất tài liệu đang mở</translation>
    </message>
    <message>
        <source>Recognise the text of the open document</source>
        <translation>Nhận dạng chữ của tài liệu đang mở</translation>
    </message>
    <message>
        <source>A protected PDF file</source>
        <translation>Tệp PDF có mật khẩu</translation>
    </message>
    <message>
        <source>“%1” is protected by a password. Password:</source>
        <translation>“%1” được bảo vệ bằng mật khẩu. Mật khẩu:</translation>
    </message>
    <message>
        <source>Next hit</source>
        <translation>Kết quả tiếp theo</translation>
    </message>
    <message>
        <source>Previous hit</source>
        <translation>Kết quả trước</translation>
    </message>
    <message>
        <source>Find in this document…</source>
        <translation>Tìm trong tài liệu này…</translation>
    </message>
    <message>
        <source>Scan…</source>
        <translation>Quét…</translation>
    </message>
    <message>
        <source>Set-aside pages…</source>
        <translation>Các trang để riêng…</translation>
    </message>
    <message>
        <source>Recognise text with options…</source>
        <translation>Nhận dạng chữ theo tùy chọn…</translation>
    </message>
    <message>
        <source>Create the vault…</source>
        <translation>Tạo két mật…</translation>
    </message>
    <message>
        <source>Classify…</source>
        <translation>Xác định độ mật…</translation>
    </message>
    <message>
        <source>Internal copies…</source>
        <translation>Sao lục nội bộ…</translation>
    </message>
    <message>
        <source>Numbered internal copies of the open document</source>
        <translation>Các bản sao lục có đánh số của tài liệu đang mở</translation>
    </message>
    <message>
        <source>Register of internal copies</source>
        <translation>Sổ đăng ký bản sao</translation>
    </message>
    <message>
        <source>Lock when idle after…</source>
        <translation>Tự khóa khi không dùng sau…</translation>
    </message>
    <message>
        <source>Split before this page</source>
        <translation>Tách tài liệu từ trang này</translation>
    </message>
    <message>
        <source>Merge the chosen documents</source>
        <translation>Gộp các tài liệu đã chọn</translation>
    </message>
    <message>
        <source>Crop this page</source>
        <translation>Cắt xén trang này</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Crop the page shown to the part you draw</source>
        <translation>Cắt trang đang xem theo vùng bạn khoanh</translation>
    </message>
    <message>
        <source>Print the open document</source>
        <translation>In tài liệu đang mở</translation>
    </message>
    <message>
        <source>Cut the document before the page shown</source>
        <translation>Tách tài liệu ngay trước trang đang xem</translation>
    </message>
    <message>
        <source>Show a page after the first to split before it</source>
        <translation>Hãy mở một trang sau trang đầu để tách từ trang đó</translation>
    </message>
    <message>
        <source>Join the chosen documents into the first</source>
        <translation>Gộp các tài liệu đã chọn vào tài liệu đầu tiên</translation>
    </message>
    <message>
        <source>Choose two documents or more in the library (Ctrl+click)</source>
        <translation>Hãy chọn từ hai tài liệu trở lên trong thư viện (Ctrl+nhấp chuột)</translation>
    </message>
    <message>
        <source>Work is still running</source>
        <translation>Công việc vẫn đang chạy</translation>
    </message>
    <message>
        <source>%1 job(s) are still running. What should happen to them?</source>
        <translation>Còn %1 công việc đang chạy. Bạn muốn xử lý thế nào?</translation>
    </message>
    <message>
        <source>Finish, then close</source>
        <translation>Làm xong rồi đóng</translation>
    </message>
    <message>
        <source>Stop the work</source>
        <translation>Dừng công việc</translation>
    </message>
    <message>
        <source>Keep it for the next start</source>
        <translation>Để lần mở sau làm tiếp</translation>
    </message>
    <message>
        <source>Stay open</source>
        <translation>Chưa đóng</translation>
    </message>
    <message>
        <source>The window closes when the work is done</source>
        <translation>Cửa sổ sẽ đóng khi công việc xong</translation>
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
    <name>NewVaultDialog</name>
    <message>
        <source>Create the vault</source>
        <translation>Tạo két mật</translation>
    </message>
    <message>
        <source>Secret documents (Mật and above) are kept encrypted in the vault. Choose a passphrase of at least %1 characters; without it nobody, not even you, can open them again.</source>
        <translation>Tài liệu mật (từ Mật trở lên) được lưu mã hóa trong két mật. Hãy chọn mật khẩu dài ít nhất %1 ký tự; nếu quên mật khẩu thì không ai, kể cả bạn, mở lại được các tài liệu này.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>Cần ít nhất %1 ký tự</translation>
    </message>
    <message>
        <source>The two passphrases differ</source>
        <translation>Hai lần nhập mật khẩu không giống nhau</translation>
    </message>
</context>
<context>
    <name>OcrDialog</name>
    <message>
        <source>Recognise text</source>
        <translation>Nhận dạng chữ</translation>
    </message>
    <message>
        <source>Remove dark borders around the page</source>
        <translation>Xóa viền tối quanh trang</translation>
    </message>
    <message>
        <source>Put back lost tone marks</source>
        <translation>Khôi phục dấu thanh bị mất</translation>
    </message>
    <message>
        <source>Languages on the pages</source>
        <translation>Ngôn ngữ trên trang</translation>
    </message>
    <message>
        <source>Recognise</source>
        <translation>Nhận dạng</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>máy này</translation>
    </message>
    <message>
        <source>The address of the office&apos;s recognition farm (tcp://HOST:PORT), to read the pages on its computers. Secret documents never leave this computer: leave the box empty to recognise them.</source>
        <translation>Địa chỉ cụm máy nhận dạng của cơ quan (tcp://MÁY:CỔNG), để đọc các trang trên các máy đó. Tài liệu mật không bao giờ rời khỏi máy này: để trống ô này khi nhận dạng chúng.</translation>
    </message>
    <message>
        <source>Read on</source>
        <translation>Đọc trên</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Unlock the vault</source>
        <translation>Mở khóa két mật</translation>
    </message>
    <message>
        <source>Secret documents are kept encrypted in the vault. Type its passphrase to work on them; the key stays in memory until the vault is locked or left idle.</source>
        <translation>Tài liệu mật được lưu mã hóa trong két mật. Nhập mật khẩu để làm việc với chúng; khóa giải mã chỉ nằm trong bộ nhớ cho đến khi két mật được khóa hoặc để lâu không dùng.</translation>
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
    <name>ReviewWorkflow</name>
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
        <translation>“%1” có độ mật %2. Nhập mật khẩu két mật để mở tài liệu.</translation>
    </message>
    <message>
        <source>Secret documents open only while the vault is unlocked</source>
        <translation>Tài liệu mật chỉ mở được khi két mật đã mở khóa</translation>
    </message>
    <message>
        <source>%1 — a secret document, kept in the vault; it closes when the vault is locked</source>
        <translation>%1 — tài liệu mật, lưu trong két mật; tài liệu đóng lại khi két mật khóa</translation>
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
        <source>Search failed</source>
        <translation>Tìm kiếm thất bại</translation>
    </message>
    <message>
        <source>Search “%1”</source>
        <translation>Tìm “%1”</translation>
    </message>
    <message>
        <source>Find in this document</source>
        <translation>Tìm trong tài liệu này</translation>
    </message>
    <message>
        <source>Words to find:</source>
        <translation>Từ cần tìm:</translation>
    </message>
    <message>
        <source>Split before page %1</source>
        <translation>Tách từ trang %1</translation>
    </message>
    <message>
        <source>Merge documents</source>
        <translation>Gộp tài liệu</translation>
    </message>
    <message>
        <source>Join the pages of the %1 chosen documents, in order, into the first of them? The others are then gone from the library.</source>
        <translation>Gộp lần lượt các trang của %1 tài liệu đã chọn vào tài liệu đầu tiên? Các tài liệu còn lại sẽ không còn trong thư viện.</translation>
    </message>
    <message>
        <source>Merged: %1 page(s)</source>
        <translation>Đã gộp: %1 trang</translation>
    </message>
    <message>
        <source>Merge %1 documents</source>
        <translation>Gộp %1 tài liệu</translation>
    </message>
    <message>
        <source>Cannot merge the documents</source>
        <translation>Không gộp được các tài liệu</translation>
    </message>
    <message>
        <source>Draw the part of the page to keep; the original stays in the library</source>
        <translation>Khoanh phần trang cần giữ lại; bản gốc vẫn được lưu trong thư viện</translation>
    </message>
    <message>
        <source>Crop page %1</source>
        <translation>Cắt xén trang %1</translation>
    </message>
</context>
<context>
    <name>ScanDialog</name>
    <message>
        <source>Scan</source>
        <translation>Quét</translation>
    </message>
    <message>
        <source>The scanner&apos;s default</source>
        <translation>Theo mặc định của máy quét</translation>
    </message>
    <message>
        <source>Document feeder</source>
        <translation>Khay nạp giấy</translation>
    </message>
    <message>
        <source>Document feeder, both sides</source>
        <translation>Khay nạp giấy, quét hai mặt</translation>
    </message>
    <message>
        <source>Flatbed (one page)</source>
        <translation>Mặt kính (từng trang)</translation>
    </message>
    <message>
        <source>Greyscale</source>
        <translation>Thang xám</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Màu</translation>
    </message>
    <message>
        <source>Black and white</source>
        <translation>Đen trắng</translation>
    </message>
    <message>
        <source>Start a new document at each separator sheet</source>
        <translation>Bắt đầu tài liệu mới ở mỗi tờ phân cách</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Máy quét</translation>
    </message>
    <message>
        <source>Paper source</source>
        <translation>Nguồn giấy</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Độ phân giải</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>No scanner was found: check that it is switched on and connected.</source>
        <translation>Không tìm thấy máy quét: hãy kiểm tra máy đã bật và đã nối với máy tính.</translation>
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
        <translation>Tài liệu mật chỉ được tìm khi két mật đã mở khóa.</translation>
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
        <translation>Ngưỡng tin cậy</translation>
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
    <message>
        <source>Crop…</source>
        <translation>Cắt xén…</translation>
    </message>
    <message>
        <source>Split the document before this page</source>
        <translation>Tách tài liệu từ trang này</translation>
    </message>
</context>
<context>
    <name>VaultSwitch</name>
    <message>
        <source>Vault unlocked</source>
        <translation>Két mật: đang mở</translation>
    </message>
    <message>
        <source>Secret documents can be opened. Click to lock the vault.</source>
        <translation>Có thể mở tài liệu mật. Bấm để khóa két mật.</translation>
    </message>
    <message>
        <source>Vault locked</source>
        <translation>Két mật: đã khóa</translation>
    </message>
    <message>
        <source>Secret documents are shut. Click to unlock the vault.</source>
        <translation>Tài liệu mật đang đóng. Bấm để mở khóa két mật.</translation>
    </message>
</context>
<context>
    <name>VaultWorkflow</name>
    <message>
        <source>This work touches a secret document: type the vault&apos;s passphrase.</source>
        <translation>Việc này cần mở tài liệu mật: hãy nhập mật khẩu két mật.</translation>
    </message>
    <message>
        <source>The vault is unlocked</source>
        <translation>Két mật đã mở khóa</translation>
    </message>
    <message>
        <source>Unlock the vault</source>
        <translation>Mở khóa két mật</translation>
    </message>
    <message>
        <source>Cannot unlock the vault</source>
        <translation>Không mở khóa được két mật</translation>
    </message>
    <message>
        <source>The vault is locked</source>
        <translation>Két mật đã khóa</translation>
    </message>
    <message>
        <source>The vault was locked after %1 minute(s) without use</source>
        <translation>Két mật đã tự khóa sau %1 phút không dùng</translation>
    </message>
    <message>
        <source>This library has a vault already</source>
        <translation>Thư viện này đã có két mật</translation>
    </message>
    <message>
        <source>The vault is created and unlocked</source>
        <translation>Đã tạo két mật và két đang mở</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Tạo két mật</translation>
    </message>
    <message>
        <source>Cannot create the vault</source>
        <translation>Không tạo được két mật</translation>
    </message>
    <message>
        <source>Lock the vault when idle</source>
        <translation>Tự khóa két mật</translation>
    </message>
    <message>
        <source>Lock the vault after this many minutes without use:</source>
        <translation>Khóa két mật sau số phút không dùng:</translation>
    </message>
    <message>
        <source>The vault locks after %1 minute(s) without use</source>
        <translation>Két mật sẽ tự khóa sau %1 phút không dùng</translation>
    </message>
    <message>
        <source>%1 document(s) classified %2</source>
        <translation>Đã xác định độ %2 cho %1 tài liệu</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>Xác định độ mật</translation>
    </message>
    <message>
        <source>Cannot classify</source>
        <translation>Không xác định được độ mật</translation>
    </message>
    <message>
        <source>%1 copies written, register entry %2</source>
        <translation>Đã tạo %1 bản sao, số đăng ký %2</translation>
    </message>
    <message>
        <source>Internal copies of %1</source>
        <translation>Sao lục nội bộ %1</translation>
    </message>
    <message>
        <source>Cannot make the copies</source>
        <translation>Không tạo được bản sao</translation>
    </message>
    <message>
        <source>Internal copies</source>
        <translation>Sao lục nội bộ</translation>
    </message>
    <message>
        <source>Number of copies:</source>
        <translation>Số bản:</translation>
    </message>
    <message>
        <source>For whom, for what:</source>
        <translation>Gửi ai, để làm gì:</translation>
    </message>
    <message>
        <source>No. %1 — %2: %3 copy(ies), %4 — %5</source>
        <translation>Số %1 — %2: %3 bản, %4 — %5</translation>
    </message>
    <message>
        <source>Register of internal copies</source>
        <translation>Sổ đăng ký bản sao</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
</TS>
