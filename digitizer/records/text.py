"""Normalising what OCR reads in a record's fields: the "Số" label, number and symbol codes,
dates written out in words, and names printed in capitals put back in ordinary case."""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz.distance import Levenshtein

from vietnamese.folding import fold
from vietnamese.syllables import is_syllable

# Characters OCR reads for digits inside a number or a date.
_DIGIT_LOOKALIKES = str.maketrans(
    {"O": "0", "o": "0", "Ø": "0", "ø": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "|": "1",
     "Ï": "1", "Í": "1", "Ì": "1", "i": "1", "í": "1", "ì": "1", "]": "1", "[": "1", "!": "1",
     "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2", "g": "9"}
)  # fmt: skip
# Characters OCR reads for letters inside a code (ký hiệu): codes are capitals.
_CODE_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "|": "I", "5": "S", "8": "B", "Ð": "Đ"})
# Codes that carry Đ, as OCR reads them without the bar → as printed.
_CODE_SPELLINGS = {
    "QD": "QĐ", "ND": "NĐ", "HDND": "HĐND", "DU": "ĐU", "LDTBXH": "LĐTBXH", "DHQG": "ĐHQG",
    "TTR": "TTr", "CTR": "CTr", "QDI": "QĐi", "QĐI": "QĐi", "DA": "ĐA", "DTN": "ĐTN",
    "BTGTU": "BTGTU", "BDATGT": "BĐATGT",
}  # fmt: skip

NUMBER_LABEL = re.compile(r"^[S5$][oóòôốồổỏơớờ0ơ6][:;.,]?", re.IGNORECASE)
"""The label "Số" as OCR reads it: Số, Só, S6, So, Sô …"""


def digits(text: str) -> str:
    """`text` read as a number: look-alike letters mapped to digits, everything else dropped."""
    return re.sub(r"\D", "", text.translate(_DIGIT_LOOKALIKES))


def clean_code(segment: str) -> str:
    """One code of a symbol ("QD" → "QĐ", "UBN0" → "UBNO"): capitals, look-alikes mapped."""
    letters = re.sub(r"[^\wĐđ]", "", segment)
    if not letters:
        return ""
    if letters.isdigit():
        return letters
    upper = letters.translate(_CODE_LOOKALIKES).upper().replace("ĐĐ", "Đ")
    return _CODE_SPELLINGS.get(fold(upper), _CODE_SPELLINGS.get(upper, upper))


def read_date(day: str, month: str, year: str) -> tuple[date | None, int | None]:
    """(the date, the year) from the words of "ngày D tháng M năm Y"; either may be None when
    a part is unreadable (a handwritten day keeps the printed year)."""
    y = digits(year)
    the_year = int(y) if len(y) == 4 and 1900 <= int(y) <= 2100 else None
    d, m = digits(day), digits(month)
    readable = all(
        re.fullmatch(r"[\dOoØIlÏÍÌiíì|!\[\] ]{1,5}", part.strip()) for part in (day, month)
    )
    if the_year is None or not d or not m or not readable:
        return None, the_year
    try:
        return date(the_year, int(m), int(d)), the_year
    except ValueError:
        return None, the_year


# --- ordinary case ------------------------------------------------------------------------------

_LEVELS = ("tỉnh", "huyện", "xã", "quận", "phường", "thành phố", "thị xã", "thị trấn")
_HEADS = (
    "bộ", "sở", "ban", "cục", "tổng cục", "vụ", "văn phòng", "viện", "học viện", "bệnh viện",
    "trường", "hội", "trung tâm", "chi cục", "phòng", "báo", "đài", "ngân hàng", "kho bạc",
)  # fmt: skip
_ABBREVIATIONS = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân"}
_PARTY_COMMITTEE = ("ủy", "uỷ")


def ordinary_case(text: str) -> str:
    """A name printed in capitals in ordinary case: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" →
    "Ủy ban nhân dân tỉnh Quảng Ngãi", "BỘ TÀI CHÍNH" → "Bộ Tài chính", "TỈNH ỦY BẮC KẠN" →
    "Tỉnh ủy Bắc Kạn".

    Words after a level (tỉnh, huyện …, or a Party committee: tỉnh ủy) are a place name; the
    word after a head noun that opens the name (Bộ, Sở, Ban …) and after "và" in it is
    capitalised, as such names are written."""
    words = " ".join(
        _ABBREVIATIONS.get(w.lower(), _split_syllables(w.lower())) for w in text.split()
    ).split()
    if not words:
        return ""
    out = list(words)
    head = _head_length(words)
    i = 0
    while i < len(words):
        step = 2 if " ".join(words[i : i + 2]) in _LEVELS else 1
        if step == 2 or words[i] in _LEVELS:
            rest = i + step
            if rest < len(words) and words[rest] in _PARTY_COMMITTEE:
                rest += 1
            for j in range(rest, len(words)):
                out[j] = _capital(words[j])
            if rest < len(words):
                break
        elif head and (i == head or (i > head and words[i - 1] == "và")):
            out[i] = _capital(words[i])
        i += step
    out[0] = _capital(out[0])
    return " ".join(out)


def _split_syllables(word: str) -> str:
    """Two syllables OCR read as one word ("chợmới") put apart again; other words as they are."""
    if not word.isalpha() or is_syllable(word):
        return word
    for cut in range(1, len(word)):
        if is_syllable(word[:cut]) and is_syllable(word[cut:]):
            return f"{word[:cut]} {word[cut:]}"
    return word


def _head_length(words: list[str]) -> int:
    """How many words the head noun opening a name takes (0: none)."""
    if len(words) > 1 and " ".join(words[:2]) in _HEADS:
        return 2
    return 1 if words[0] in _HEADS else 0


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def sentence_case(text: str) -> str:
    """A title or function in capitals → "Phó Chủ tịch", "Bí thư", "Giám đốc"."""
    words = text.lower().split()
    if not words:
        return ""
    words[0] = _capital(words[0])
    if words[0] in ("Phó", "Quyền") and len(words) > 1:
        words[1] = _capital(words[1])
    return " ".join(words)


# Titles of the signer as NĐ 30 and HD 36 print them (chức vụ), as written in a record.
_SIGNER_TITLES = {
    fold(title).lower(): title
    for title in (
        "Chủ tịch", "Phó Chủ tịch", "Bí thư", "Phó Bí thư", "Tổng Bí thư", "Giám đốc",
        "Phó Giám đốc", "Tổng Giám đốc", "Bộ trưởng", "Thứ trưởng", "Thủ tướng", "Phó Thủ tướng",
        "Chánh Văn phòng", "Phó Chánh Văn phòng", "Trưởng ban", "Phó Trưởng ban", "Cục trưởng",
        "Phó Cục trưởng", "Vụ trưởng", "Phó Vụ trưởng", "Tổng cục trưởng", "Chi cục trưởng",
        "Viện trưởng", "Hiệu trưởng", "Chủ nhiệm", "Phó Chủ nhiệm", "Trưởng phòng",
        "Chánh án", "Tổng Thư ký", "Chánh Thanh tra",
    )
}  # fmt: skip


def signer_title(text: str) -> str:
    """A signer's title printed in capitals, as written in a record: a known title keeps its
    tone marks even where OCR dropped one ("CHU TỊCH" → "Chủ tịch"); others in sentence case."""
    cased = sentence_case(text)
    return _SIGNER_TITLES.get(fold(cased).lower(), cased)


def same_words(a: str, b: str, slips: int = 1) -> bool:
    """Whether two folded upper-case spellings differ by at most `slips` edits."""
    return Levenshtein.distance(a, b) <= slips


def is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) * 4 >= len(letters) * 3


SURNAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đào", "Đoàn", "Vương", "Trịnh", "Trương", "Đinh", "Lâm", "Mai",
    "Hà", "Lương", "Tạ", "Cao", "Triệu", "Nông", "Hạ", "Quách", "Thái", "Châu", "Tô", "Đàm",
)  # fmt: skip
"""The common Vietnamese family names, against which a person's first name word is checked."""


def person_name(text: str) -> str:
    """A signer's name with an OCR slip in the family name put right ("Äguyến Quốc Việt" →
    "Nguyễn Quốc Việt"): a first word that is no family name but, marks aside, one edit from a
    long one becomes it."""
    words = text.split()
    if not words or words[0] in SURNAMES:
        return text
    for surname in SURNAMES:
        if len(surname) >= 4 and Levenshtein.distance(fold(words[0]), fold(surname)) <= 1:
            return " ".join([surname, *words[1:]])
    return text
