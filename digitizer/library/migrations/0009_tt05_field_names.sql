-- Dossier and document fields named as Thông tư 05/2025/TT-BNV names them in its packages'
-- descriptive metadata: Thời hạn lưu trữ, Tổng số tài liệu trong hồ sơ, Mã định danh tài liệu,
-- Số thứ tự tài liệu, Số lượng trang. A person's values keep their meaning under the new keys.
UPDATE dossier_fields SET field = 'thoi_han_luu_tru' WHERE field = 'thoi_han_bao_quan';
UPDATE dossier_fields SET field = 'tong_so_tai_lieu' WHERE field = 'tong_so_van_ban';
UPDATE record_fields SET field = 'tt05:ma_dinh_danh_tai_lieu'
    WHERE field = 'tt05:ma_dinh_danh_van_ban';
UPDATE record_fields SET field = 'tt05:so_thu_tu_tai_lieu'
    WHERE field = 'tt05:so_thu_tu_van_ban_trong_ho_so';
UPDATE record_fields SET field = 'tt05:so_luong_trang' WHERE field = 'tt05:so_trang_cua_van_ban';
