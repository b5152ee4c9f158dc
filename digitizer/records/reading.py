"""Reading a document's record from its recognised pages: the header of the first page (Party
documents laid out per Hướng dẫn 36-HD/VPTW, State documents per Nghị định 30/2020/NĐ-CP,
Phụ lục I) and the signature block and recipients of the last page.

The header has two columns — bodies and number on the left; motto, place and date on the
right — which OCR often reads as one line, so the rules work on word boxes: words are put back
into rows and columns by where they stand, never by the OCR's lines. Rules in plain code: no
model, no network. Every field says how sure it is and which words it came from.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from rapidfuzz.distance import Levenshtein

from digitizer.records.rereading import ReadInk, Reread
from digitizer.records.text import (
    NUMBER_LABEL,
    clean_code,
    digits,
    is_capitals,
    ordinary_case,
    person_name,
    read_date,
    same_words,
    sentence_case,
    signer_title,
)
from digitizer.security.stamp import detect_stamp
from ocr.geometry import Box
from ocr.words import PageText, Word
from vietnamese.folding import fold

PARTY, STATE, OTHER = "party", "state", "other"

# Type names (tên loại) as printed, folded, letters only → as written in a record.
TYPE_NAMES = {
    fold(name).upper().replace(" ", ""): name
    for name in (
        "Nghị quyết", "Chỉ thị", "Kết luận", "Quyết định", "Quy định", "Quy chế", "Báo cáo",
        "Kế hoạch", "Thông báo", "Hướng dẫn", "Tờ trình", "Chương trình", "Thông tư",
        "Nghị định", "Đề án", "Phương án", "Dự án", "Biên bản", "Công điện", "Giấy mời",
        "Giấy giới thiệu", "Thông cáo", "Lời kêu gọi", "Quy chế", "Hợp đồng", "Bản ghi nhớ",
        "Giấy ủy quyền", "Phiếu gửi", "Phiếu chuyển", "Thư công", "Công văn", "Điện mật",
    )
}  # fmt: skip
# Type codes in a symbol → type name.
TYPE_CODES = {
    "NQ": "Nghị quyết", "CT": "Chỉ thị", "KL": "Kết luận", "QĐ": "Quyết định",
    "QĐi": "Quy định", "QC": "Quy chế", "BC": "Báo cáo", "KH": "Kế hoạch", "TB": "Thông báo",
    "HD": "Hướng dẫn", "TTr": "Tờ trình", "CTr": "Chương trình", "TT": "Thông tư",
    "NĐ": "Nghị định", "ĐA": "Đề án", "PA": "Phương án", "BB": "Biên bản", "CĐ": "Công điện",
    "GM": "Giấy mời", "CV": "Công văn", "TC": "Thông cáo", "HĐ": "Hợp đồng",
}  # fmt: skip
URGENCIES = {"HOATOC": "Hỏa tốc", "THUONGKHAN": "Thượng khẩn", "KHAN": "Khẩn"}
AUTHORITIES = {"TM": "TM.", "KT": "KT.", "TL": "TL.", "TUQ": "TUQ.", "Q": "Q."}
_AUTHORITY = re.compile(r"^(T/M|K/T|T/L|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.)$")
_VV = re.compile(
    r"^[,.'\"`]*(V\s?[/ií]?\s?[vVyYwW]\b|Về việc|V[eề]\s*vi[eệ]c|\S{0,3}vi[eệ]c)\s*[:.]?\s*"
)
_BULLET = re.compile(r"^[-~+•*–—=]+\s*")
# The words alone on their line above a decision's or a resolution's articles.
_ENACTING = {"QUYETDINH": "Quyết định", "QUYETNGHI": "Nghị quyết"}
_STATE_MOTTO = "CONGHOAXAHOICHUNGHIAVIETNAM"
_PARTY_MOTTO = "DANGCONGSANVIETNAM"


@dataclass(frozen=True)
class FieldSource:
    page: int
    box: Box

    def as_json(self) -> dict[str, Any]:
        return {"page": self.page, "box": self.box.as_list()}


@dataclass(frozen=True)
class ProposedField:
    value: str
    confidence: float  # 0–1
    sources: tuple[FieldSource, ...] = ()


@dataclass
class Proposal:
    """A proposed record: field name → value, and what the pages did not let us read."""

    fields: dict[str, ProposedField] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)

    def value(self, name: str) -> str:
        found = self.fields.get(name)
        return found.value if found else ""


@dataclass(frozen=True)
class _Row:
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def box(self) -> Box:
        return _union(self.words)

    @property
    def folded(self) -> str:
        return fold(self.text).upper()

    @property
    def letters(self) -> str:
        return re.sub(r"[^A-Z]", "", self.folded)


def read_record(
    pages: Sequence[tuple[int, PageText]],
    reread: Reread | None = None,
    red_ink: ReadInk | None = None,
) -> Proposal:
    """The record the pages show: `pages` are (page number, words) of the first page or two and
    the last page, in order. `reread` reads a part of a page again where the number or the
    date came out unreadable; `red_ink` reads a red urgency stamp the page's OCR left out."""
    proposal = Proposal()
    if not pages:
        return proposal
    number, first = pages[0]
    _Header(number, first, proposal, reread, red_ink).read()
    last_number, last = pages[-1]
    _read_signature(last_number, last, proposal)
    _read_recipients(last_number, last, proposal)
    if "signer_name" not in proposal.fields and len(pages) > 1:
        _read_signature(number, first, proposal)
    if not proposal.fields.get("kind"):
        proposal.fields["kind"] = ProposedField(OTHER, 0.5)
    _spell_names_as_the_header(proposal)
    return proposal


def _spell_names_as_the_header(proposal: Proposal) -> None:
    """A proper name in the trích yếu spelt as the header spells it: OCR may lose or change a
    tone mark in one place ("Quãng Ngãi") and read it right in the other ("Quảng Ngãi")."""
    abstract = proposal.fields.get("abstract")
    if abstract is None:
        return
    names = {
        fold(word): word
        for name in ("place", "issuing_body", "parent_body")
        for word in proposal.value(name).split()
        if word[:1].isupper()
    }
    words = abstract.value.split()
    spelt = [names.get(fold(w), w) if w[:1].isupper() else w for w in words]
    if spelt != words:
        proposal.fields["abstract"] = replace(abstract, value=" ".join(spelt))


# --- rows and columns ---------------------------------------------------------------------------


def _rows(words: Sequence[Word]) -> list[_Row]:
    """Words put into rows by where they stand: a word joins the row its middle is level with."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.box.y0 + w.box.y1) / 2):
        middle = (word.box.y0 + word.box.y1) / 2
        for row in reversed(rows[-3:]):
            top = statistics.median(w.box.y0 for w in row)
            bottom = statistics.median(w.box.y1 for w in row)
            if top <= middle <= bottom:
                row.append(word)
                break
        else:
            rows.append([word])
    return [_Row(tuple(sorted(row, key=lambda w: w.box.x0))) for row in rows]


def _union(words: Sequence[Word]) -> Box:
    return Box(
        min(w.box.x0 for w in words),
        min(w.box.y0 for w in words),
        max(w.box.x1 for w in words),
        max(w.box.y1 for w in words),
    )


def _confidence(words: Sequence[Word], factor: float = 1.0) -> float:
    if not words:
        return 0.0
    return round(min(1.0, statistics.mean(w.confidence for w in words) / 100) * factor, 2)


def _field(
    proposal: Proposal, name: str, value: str, page: int, words: Sequence[Word], factor: float
) -> None:
    value = " ".join(value.split())
    if not value:
        return
    sources = (FieldSource(page, _union(words)),) if words else ()
    proposal.fields[name] = ProposedField(value, _confidence(words, factor), sources)
    proposal.missing.pop(name, None)


def _strip(text: str) -> str:
    return text.strip(" .,;:'\"`~-_*|")


# --- the header -----------------------------------------------------------------------------------


class _Header:
    def __init__(
        self,
        number: int,
        page: PageText,
        proposal: Proposal,
        reread: Reread | None = None,
        red_ink: ReadInk | None = None,
    ) -> None:
        self.reread = reread
        self.red_ink = red_ink
        self.split = 0.0
        self.number_bottom = 0
        self.state_form = True
        self.number = number
        self.page = page
        self.proposal = proposal
        self.words = [w for w in page.words() if w.text.strip()]
        self.rows = _rows(self.words)
        self.height = (
            statistics.median(max(1, w.box.height) for w in self.words) if self.words else 1
        )

    def read(self) -> None:
        if not self.words:
            return
        split = self.split = self._motto()
        left = [w for w in self.words if (w.box.x0 + w.box.x1) / 2 < split]
        right = [w for w in self.words if (w.box.x0 + w.box.x1) / 2 >= split]
        limit = self.page.height * 0.6
        left_rows = _rows([w for w in left if w.box.y0 < limit])
        right_rows = _rows([w for w in right if w.box.y0 < limit])
        number_at = self._number(left_rows)
        self._bodies(left_rows[:number_at] if number_at is not None else left_rows[:3])
        self._date(right_rows or self.rows)
        after = left_rows[number_at].box.y1 if number_at is not None else 0
        self.number_bottom = after
        self._type_and_abstract(after, left_rows[number_at + 1 :] if number_at is not None else [])
        self._urgency()
        self._secrecy()

    def _motto(self) -> float:
        """Where the right column starts: the motto's first word (and the document's kind)."""
        top = self.page.height * 0.25
        best: tuple[int, Word, list[Word], str] | None = None
        for row in _rows([w for w in self.words if w.box.y1 < top]):
            letters = [re.sub(r"[^A-Z]", "", fold(w.text).upper()) for w in row.words]
            for i in range(len(row.words)):
                opening = "".join(letters[i : i + 3])
                for start, kind in (("DANGCONGSAN", PARTY), ("CONGHOAXA", STATE)):
                    slips = Levenshtein.distance(opening, start)
                    if slips <= 2 and (best is None or slips < best[0]):
                        best = (slips, row.words[i], list(row.words[i:]), kind)
        if best is None:
            return self.page.width * 0.45
        slips, start_word, words, kind = best
        _field(self.proposal, "kind", kind, self.number, words, 1.0 - 0.1 * slips)
        return start_word.box.x0 - self.height

    def _number(self, rows: list[_Row]) -> int | None:
        """Find the row "Số: 15/QĐ-UBND" (or "Số 24-NQ/TU"), read it; its index in `rows`."""
        for index, row in enumerate(rows):
            tokens = list(row.words)
            head = tokens[0].text
            match = NUMBER_LABEL.match(head)
            if match is None or (len(head) > 1 and head[1].isupper() and head[1] not in "ÓÔÒ0"):
                continue
            rest_text = head[match.end() :]
            words = tokens[1:]
            if not any(("/" in w.text or "-" in w.text) for w in tokens):
                continue
            self._read_number(rest_text, words, row)
            if "number_symbol" in self.proposal.missing:
                self._reread_number(tokens)
            return index
        return None

    def _read_number(self, first: str, words: list[Word], row: _Row) -> None:
        taken: list[Word] = []
        parts = [first] if first else []
        for word in words:
            text = word.text
            if (
                taken
                and re.fullmatch(r"[^\W\d_]{2,}[,.]?", text)
                and not parts[-1].endswith(("/", "-"))
            ):
                break  # a place name: the right column read into this row
            parts.append(text)
            taken.append(word)
        raw = "".join(parts).replace("—", "-").replace("–", "-").strip(" .,;:'\"`~_*|")
        raw = re.sub(r"^[^\w/\-]+", "", raw)
        proposal = self.proposal
        party = re.match(r"^([^/\-]*)-([^/]+)/(.+)$", raw)
        state = re.match(r"^([^/]*)/(.+)$", raw)
        state_form = not (party and (not state or len(party.group(1)) < len(state.group(1))))
        self.state_form = state_form
        if not state_form and party:
            number = digits(party.group(1)) if re.search(r"\w", party.group(1)) else ""
            type_code = clean_code(party.group(2))
            body = "-".join(clean_code(p) for p in party.group(3).split("-") if clean_code(p))
            symbol = f"{type_code}/{body}"
            codes = [type_code]
            if not self.proposal.fields.get("kind"):
                _field(proposal, "kind", PARTY, self.number, taken, 0.6)
        elif state:
            number = digits(state.group(1)) if re.search(r"\w", state.group(1)) else ""
            segments = []
            for segment in state.group(2).split("/"):
                if re.fullmatch(r"[\dOoIl]{4}", segment.strip()):
                    segments.append(digits(segment))
                else:
                    segments.append("-".join(c for c in map(clean_code, segment.split("-")) if c))
            symbol = "/".join(s for s in segments if s)
            codes = [c for s in segments for c in s.split("-")]
        else:
            return
        shown = [w for w in taken if w.text.strip()]
        printed = party.group(1) if party and not state_form else state.group(1) if state else ""
        readable = bool(re.fullmatch(r"[\dOoØIl]{1,5}", printed.strip()))
        _field(proposal, "symbol", symbol, self.number, shown, 0.9)
        if readable:
            joined = f"{number}/{symbol}" if state_form else f"{number}-{symbol}"
            _field(proposal, "number_symbol", joined, self.number, shown, 0.9)
        else:
            proposal.missing["number_symbol"] = "the number is not printed (handwritten)"
        for code in codes:
            if code in TYPE_CODES:
                _field(proposal, "document_type", TYPE_CODES[code], self.number, shown, 0.6)
                break

    def _reread_number(self, tokens: list[Word]) -> None:
        """The number slot between "Số:" and the symbol, read again on its own: a number filled
        in after printing (raised, stamped, typed apart) is often lost in the page's OCR. Taken
        only where at least two ways of reading it agree."""
        symbol = self.proposal.fields.get("symbol")
        if self.reread is None or symbol is None:
            return
        label = tokens[0]
        colon = label.text.find(":")
        cut = colon + 1 if colon >= 0 else min(2, len(label.text))
        start = label.box.x0 + label.box.width * cut // max(1, len(label.text))
        end = None
        for word in tokens:
            at = next((i for i, ch in enumerate(word.text) if ch in "/-"), None)
            if at is not None and (word is not label or at >= cut):
                end = word.box.x0 + word.box.width * at // max(1, len(word.text))
                break
        if end is None or end - start < self.height // 2:
            return
        top = min(w.box.y0 for w in tokens)
        bottom = max(w.box.y1 for w in tokens)
        slot = Box(start, max(0, top - int(0.6 * self.height)), end, bottom)
        readings = Counter(digits(text) for text in self.reread(self.number, slot, True))
        readings.pop("", None)
        if not readings:
            return
        number, agreeing = readings.most_common(1)[0]
        if agreeing < 2 or not re.fullmatch(r"[1-9]\d{0,4}", number):
            return
        joined = f"{number}/{symbol.value}" if self.state_form else f"{number}-{symbol.value}"
        words = [w for w in tokens if w.box.x1 > start]
        _field(self.proposal, "number_symbol", joined, self.number, words, 0.5)

    def _reread_date(self, words: list[Word], year: int) -> date | None:
        """A date line whose day or month OCR spoilt, read again as one line; taken only when
        it gives a whole date in the year already read."""
        if self.reread is None:
            return None
        box = _union(words)
        margin = int(self.height) // 3
        box = Box(
            max(0, box.x0 - margin), max(0, box.y0 - margin), box.x1 + margin, box.y1 + margin
        )
        for text in self.reread(self.number, box, False):
            folded = fold(text).lower()
            match = re.search(r"ngay(.{0,8}?)th[aá]ng(.{0,8}?)n[aă]m\s*(\S{4})", folded)
            if match is None:
                continue
            issued, again = read_date(match.group(1), match.group(2), match.group(3))
            if issued is not None and again == year:
                return issued
        return None

    def _bodies(self, rows: list[_Row]) -> None:
        lines: list[list[Word]] = []
        for row in rows:
            text = _strip(row.text)
            if not text or not re.search(r"[^\W\d_]{2}", text) or not is_capitals(text):
                continue
            # Words read from a rule or a seal come with next to no confidence.
            words = [w for w in row.words if _has_letter(w.text) and w.confidence >= 20]
            if not words:
                continue
            if lines and _continues(lines[-1], words):
                lines[-1] = lines[-1] + words
            else:
                lines.append(words)
        if not lines:
            return
        if len(lines) > 2:
            # The parent body on the first line, the issuing body's long name wrapped over the
            # lines under it (NĐ 30: "SỞ NỘI VỤ TỈNH …" over "TRUNG TÂM LƯU TRỮ" / "LỊCH SỬ").
            lines = [lines[0], [w for line in lines[1:] for w in line]]
        names = [ordinary_case(_strip(" ".join(w.text for w in line))) for line in lines]
        issuing = names[-1]
        if len(names) > 1:
            _field(self.proposal, "parent_body", names[0], self.number, lines[0], 0.9)
            parent = fold(names[0]).lower()
            # "TỈNH ỦY" under "ĐẢNG BỘ TỈNH BẮC KẠN" is the Tỉnh ủy Bắc Kạn.
            level = re.match(r"^(tinh|huyen|thanh|quan|dang) (uy|ủy)$", fold(issuing).lower())
            place = re.match(r"^dang bo (tinh|huyen|thanh pho|quan|thi xa|xa) (.+)$", parent)
            if level and place:
                tail = names[0].split()[-len(place.group(2).split()) :]
                issuing = f"{issuing} {' '.join(tail)}"
            elif fold(issuing).lower().split()[-1:] in (["tinh"], ["huyen"]):
                # "BỆNH VIỆN ĐA KHOA TỈNH" under "SỞ Y TẾ BẮC NINH": the place is the parent's.
                place_words = [w[:1].upper() + w[1:] for w in names[0].split()[-2:]]
                issuing = f"{issuing[:-4]}tỉnh" if issuing.endswith("tĩnh") else issuing
                issuing = f"{issuing} {' '.join(place_words)}"
        _field(self.proposal, "issuing_body", issuing, self.number, lines[-1], 0.9)

    def _date(self, rows: list[_Row]) -> None:
        for row in rows:
            folded = fold(row.text).lower()
            match = re.search(r"ngay(.{0,8}?)th[aá]ng(.{0,8}?)n[aă]m\s*(\S{4})", folded)
            if match is None:
                match = re.search(r"()()n[aă]m\s*((?:19|20)\d\d)", folded)
                if match is None or ("ngay" not in folded and "," not in folded):
                    continue
            issued, year = read_date(match.group(1), match.group(2), match.group(3))
            words = list(row.words)
            sure = 0.9
            if issued is None and year is not None:
                issued, sure = self._reread_date(words, year), 0.6
            if issued is not None:
                _field(self.proposal, "issued_on", issued.isoformat(), self.number, words, sure)
            else:
                self.proposal.missing["issued_on"] = "the day is not printed (handwritten)"
            if year is not None:
                _field(self.proposal, "issued_year", str(year), self.number, words, 0.9)
            place_words = []
            for word in words:
                if fold(word.text).lower().startswith("ngay"):
                    break
                place_words.append(word)
            place_words = [w for w in place_words if not re.search(r"[\d/]", w.text)]
            place = _strip(" ".join(w.text for w in place_words))
            if place and not is_capitals(place):
                _field(self.proposal, "place", place, self.number, place_words, 0.9)
            return
        self._year_under_the_motto(rows)

    def _year_under_the_motto(self, rows: list[_Row]) -> None:
        """A place and date line OCR spoilt ("Hình (là, nhà /{( thâm 4 tim 2020"): it is the
        line right under the motto, and a year that ends it is still the document's year."""
        for index, row in enumerate(rows[:-1]):
            if not any(m in row.letters for m in ("DOCLAP", "HANHPHUC", _PARTY_MOTTO)):
                continue
            words = list(rows[index + 1].words)
            match = re.fullmatch(r"((?:19|20)\d\d)[.,]?", words[-1].text)
            if match is not None and len(words) >= 3:
                _field(self.proposal, "issued_year", match.group(1), self.number, words, 0.5)
                self.proposal.missing["issued_on"] = "the date line is unreadable"
            return

    def _type_and_abstract(self, after: int, left_rows: list[_Row]) -> None:
        proposal = self.proposal
        below = [row for row in self.rows if row.box.y0 > after]
        for index, row in enumerate(below[:8]):
            letters = row.letters
            spelt = row.folded.split()
            if len(spelt) > 2 and spelt[2] in ("CUA", "VE"):
                letters = "".join(spelt[:2])  # "QUYẾT ĐỊNH CỦA …", "NGHỊ QUYẾT VỀ …"
            name = TYPE_NAMES.get(letters) or next(
                (
                    TYPE_NAMES[key]
                    for key in TYPE_NAMES
                    if len(key) >= 6 and len(letters) >= 6 and same_words(letters, key)
                ),
                None,
            )
            if name and is_capitals(row.text) and (len(row.words) <= 4 or letters != row.letters):
                confidence = 0.95
                if letters not in TYPE_NAMES:
                    # A title read with a slip ("QU ĐỊNH"): the enacting words above the
                    # articles ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:") say which type it is.
                    enacted = self._enacted(below[index + 1 :])
                    name, confidence = (enacted, 0.85) if enacted else (name, 0.7)
                _field(proposal, "document_type", name, self.number, row.words, confidence)
                self._abstract(row, below[index + 1 :])
                return
        # No type name: a công văn, its trích yếu under the number ("V/v …").
        for index, row in enumerate(left_rows):
            match = _VV.match(row.text)
            if match is None:
                continue
            words = list(row.words)
            text = row.text[match.end() :]
            last = row
            for following in left_rows[index + 1 : index + 5]:
                if following.box.y0 - last.box.y1 > 1.5 * self.height or _stop(following.text):
                    break
                if is_capitals(following.text) and not is_capitals(row.text):
                    break  # an urgency mark or the next heading, not the trích yếu
                text += " " + following.text
                words += following.words
                last = following
            _field(proposal, "abstract", _strip(text), self.number, words, 0.85)
            if "document_type" not in proposal.fields:  # no type code in the symbol
                _field(proposal, "document_type", "Công văn", self.number, row.words, 0.8)
            return

    def _enacted(self, rows: list[_Row]) -> str | None:
        """The type a decision or resolution names in the line alone above its articles."""
        for row in rows:
            if len(row.words) <= 3 and is_capitals(row.text) and row.letters in _ENACTING:
                return _ENACTING[row.letters]
        return None

    def _abstract(self, title: _Row, rows: list[_Row]) -> None:
        centre = (title.box.x0 + title.box.x1) / 2
        taken: list[_Row] = []
        last = title
        for row in rows[:5]:
            middle = (row.box.x0 + row.box.x1) / 2
            if row.box.y0 - last.box.y1 > 2.2 * self.height or _stop(row.text):
                break
            if abs(middle - centre) > 0.12 * self.page.width:
                break
            if not re.search(r"[^\W\d_]{2}", row.text):
                break
            taken.append(row)
            last = row
        if not taken:
            return
        text = " ".join(row.text for row in taken)
        match = _VV.match(text)
        if match is not None:
            text = text[match.end() :]
        words = [w for row in taken for w in row.words]
        _field(self.proposal, "abstract", _strip(text), self.number, words, 0.9)

    def _urgency(self) -> None:
        limit = self.page.height * 0.4
        for row in self.rows:
            if row.box.y0 > limit:
                break
            tokens = [w for w in row.words if is_capitals(w.text)]
            folded = [re.sub(r"[^A-Z]", "", fold(w.text).upper()) for w in tokens]
            for i in range(len(folded)):
                for key, name in URGENCIES.items():
                    joined = "".join(folded[i : i + (1 if key == "KHAN" else 2)])
                    if joined == key:
                        span = tokens[i : i + (1 if key == "KHAN" else 2)]
                        _field(self.proposal, "urgency", name, self.number, span, 0.85)
                        return
        self._red_urgency()

    def _red_urgency(self) -> None:
        """An urgency stamp in red under the number, which the page's OCR did not see. Only on
        a Party or State header: other pages (a book's, a photograph) are not searched."""
        kind = self.proposal.fields.get("kind")
        if self.red_ink is None or kind is None or kind.value not in (PARTY, STATE):
            return
        top = self.number_bottom or int(self.page.height * 0.1)
        box = Box(0, top, int(self.split), int(self.page.height * 0.45))
        for text in self.red_ink(self.number, box):
            letters = re.sub(r"[^A-Z]", "", fold(text).upper())
            for key, name in URGENCIES.items():
                found = key in letters or (
                    len(key) > 5
                    and any(
                        same_words(letters[i : i + len(key)], key)
                        for i in range(len(letters) - len(key) + 1)
                    )
                )
                if found:
                    self.proposal.fields["urgency"] = ProposedField(
                        name, 0.6, (FieldSource(self.number, box),)
                    )
                    return

    def _secrecy(self) -> None:
        finding = detect_stamp(self.page)
        if finding is not None:
            self.proposal.fields["secrecy"] = ProposedField(
                finding.level.value, 0.8, (FieldSource(self.number, finding.box),)
            )


def _has_letter(text: str) -> bool:
    """Whether a word has a letter, modifier marks OCR reads from specks ("ˆ") not counted."""
    return any(ch.isalpha() and unicodedata.category(ch) != "Lm" for ch in text)


def _continues(previous: list[Word], line: list[Word]) -> bool:
    """Whether a row of capitals goes on with the body name of the row above."""
    before = fold(" ".join(w.text for w in previous)).upper().split()
    after = fold(" ".join(w.text for w in line)).upper().split()
    if not before or not after:
        return False
    if before[-1] == "VA" or after[0] == "VA":
        return True
    if " ".join(before[-2:]) in ("NHAN DAN", "DA KHOA") or before[-1] in ("UBND", "HDND"):
        return True
    level = after[0] in ("TINH", "HUYEN", "XA", "QUAN", "PHUONG") or after[:2] == ["THANH", "PHO"]
    return (
        level
        and len(after) > 1
        and after[1] not in ("UY",)
        and len(before) >= 3
        and before[0] not in ("DANG", "SO", "BO")
    )


def _stop(text: str) -> bool:
    folded = fold(text).lower().strip(" -_.*~+")
    return (
        not folded
        or folded.startswith(("can cu", "kinh gui", "thuc hien", "dieu "))
        or bool(re.fullmatch(r"[-_=.*~ ]+", text.strip()))
    )


# --- the last page --------------------------------------------------------------------------------


def _read_signature(number: int, page: PageText, proposal: Proposal) -> None:
    words = [w for w in page.words() if w.text.strip()]
    if not words:
        return
    rows = _rows(words)
    height = statistics.median(max(1, w.box.height) for w in words)
    start = page.height * 0.45 if number == 1 else 0
    for row in rows:
        if fold(row.text).lower().lstrip("-~ ").startswith(("noi nhan", "oi nhan")):
            start = row.box.y0 - 4 * height
            break
    half = page.width * 0.45
    block = _rows([w for w in words if (w.box.x0 + w.box.x1) / 2 > half and w.box.y0 >= start])
    capitals: list[_Row] = []
    authority: tuple[str, list[Word]] | None = None
    name_row: _Row | None = None
    for row in block:
        text = _strip(row.text)
        if not text:
            continue
        head = row.words[0].text.upper().replace(" ", "")
        match = _AUTHORITY.match(head)
        if match and authority is None and is_capitals(row.text):
            key = re.sub(r"[^A-Z]", "", head)
            code = AUTHORITIES.get(key, head)
            if "/" in head:
                code = head.rstrip(".")
            authority = (code, list(row.words))
            rest = [w for w in row.words[1:]]
            capitals = [_Row(tuple(rest))] if rest else []
            continue
        if is_capitals(text) and re.search(r"[^\W\d_]{2}", text) and name_row is None:
            if authority is not None or capitals or _signer_title_like(text):
                capitals.append(row)
            continue
        if (authority or capitals) and _name_like(text):
            name_row = row
    if not capitals and authority is None and name_row is None:
        return
    if authority is not None:
        code, auth_words = authority
        body_rows = capitals[:-1] if len(capitals) > 1 else capitals
        printed = " ".join(_strip(r.text) for r in body_rows)
        body = sentence_case(printed) if _signer_title_like(printed) else ordinary_case(printed)
        _field(proposal, "signing_authority", f"{code} {body}".strip(), number, auth_words, 0.85)
    title_row = capitals[-1] if capitals else None
    if title_row is not None and (authority is None or len(capitals) > 1):
        _field(
            proposal,
            "signer_title",
            signer_title(_strip(title_row.text)),
            number,
            title_row.words,
            0.85,
        )
    elif title_row is not None and authority is not None:
        # "TM. ỦY BAN NHÂN DÂN" alone then the name: the body signs; its head's title is unsaid.
        pass
    if name_row is not None:
        name = _strip(name_row.text)
        fixed = person_name(name)
        _field(
            proposal, "signer_name", fixed, number, name_row.words, 0.85 if fixed == name else 0.6
        )


def _signer_title_like(text: str) -> bool:
    folded = fold(text).upper()
    return any(
        key in folded
        for key in ("CHU TICH", "BI THU", "GIAM DOC", "TRUONG", "CHANH", "TONG", "THU TUONG")
    )


def _name_like(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and all(
        w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words
    )


def _read_recipients(number: int, page: PageText, proposal: Proposal) -> None:
    words = [w for w in page.words() if w.text.strip()]
    if not words:
        return
    rows = _rows([w for w in words if (w.box.x0 + w.box.x1) / 2 < page.width * 0.5])
    for index, row in enumerate(rows):
        folded = fold(row.text).lower().lstrip("-~ ")
        if not folded.startswith(("noi nhan", "oi nhan")):
            continue
        entries: list[str] = []
        taken: list[Word] = list(row.words)
        for following in rows[index + 1 : index + 30]:
            text = following.text.strip()
            if fold(text).lower().lstrip("-~+ ").startswith("luu"):
                taken += following.words
                break
            bullet = _BULLET.match(text)
            if bullet is not None or not entries:
                entries.append(_strip(text[bullet.end() if bullet else 0 :]))
            else:
                entries[-1] = _strip(f"{entries[-1]} {text}")
            taken += following.words
        entries = [e for e in entries if e]
        if entries:
            _field(proposal, "recipients", "; ".join(entries), number, taken, 0.8)
        return
