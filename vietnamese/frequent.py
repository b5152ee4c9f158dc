"""Very common Vietnamese syllables, in folded form (no diacritics, đ → d).

Folding merges many syllables (là, lá, lạ, la → "la"), so these few hundred keys cover a large
share of running text: function words (của, và, là, được, những), numbers, and the vocabulary of
administrative and Party documents (nghị quyết, tỉnh ủy, cán bộ, xây dựng). The search index uses
the list to decide which two-syllable sequences are common enough to index as pairs.

The list was written by hand from general knowledge of the language; it is not derived from any
corpus. Changing it changes what the index stores: bump `index.schema.INDEX_FORMAT` with it.
"""

from __future__ import annotations

FREQUENT_SYLLABLES: frozenset[str] = frozenset(
    """
    a ai an anh ba bac ban bang bao ben bi bien binh bo boi bon ca cac cach cai can cao cap cau
    chi chien chinh cho chu chuc chung chuong chuyen co con cong cu cua cuc cung cuoc cuong da
    dai dan dang danh dao dat dau day de den di dia dien dieu dinh do doan doi don dong du duc
    dung duoc duong ga gia giai giao gio giu giua ha hai hang hanh hien hinh ho hoa hoach hoat
    hoc hoi hon hop huong huyen khac khi khoa khong khu kien kinh ky la lai lam lan lanh lao lap
    le lich loai loi lon luc luong luu ly ma manh mat moi mon mot mien muc muoi my na nam nang
    nao nay neu nganh ngay nghi nghiep nghin ngoai nguoi nhan nhat nhieu nhiem nhu nhung no noi
    nong nu nuoc o ong pha phai phap phat pho phong phu phuc phuong qua quan quoc quyen quyet ra
    rat sach san sau se sinh so su ta tac tai tam tan tang tao tat te thang thanh the theo thi
    thien thoi thong thu thuc thuong tich tien tiep tieu tin tinh to toan tong tra tram tren tri
    trien trinh tro trong truoc truong tu tuc tuong uy va van vao ve viec vien viet voi vu vung
    xa xay xuat y
    """.split()  # noqa: SIM905 - a word list reads better as running text
)
