import unicodedata

from vietnamese.normalize import nfc


def test_decomposed_vietnamese_becomes_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Nghị quyết Đảng ủy")
    assert len(decomposed) > len("Nghị quyết Đảng ủy")
    assert nfc(decomposed) == "Nghị quyết Đảng ủy"
