"""The syllable language model: the table the project ships, and the script that builds it."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import lzma
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from digitizer.locations import language_model_path
from vietnamese.language_model import (
    BOUNDARY_ID,
    OTHER,
    OTHER_ID,
    SyllableModel,
    segments,
    split_token,
    syllable_key,
)

BUILDER = Path(__file__).resolve().parents[2] / "resources" / "language" / "make_model.py"


@pytest.fixture(scope="module")
def shipped() -> SyllableModel:
    return SyllableModel.load(language_model_path())


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_model", BUILDER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ids(model: SyllableModel, *keys: str) -> np.ndarray:
    return np.asarray([model.ids[key] for key in keys], dtype=np.int64)


def test_the_shipped_table_says_where_it_comes_from_and_carries_its_licence(
    shipped: SyllableModel,
) -> None:
    path = language_model_path()
    assert "Vietnamese Wikipedia" in shipped.notice
    assert "Creative Commons Attribution-ShareAlike 3.0" in shipped.notice
    assert "LICENSE-CC-BY-SA-3.0.txt" in shipped.notice
    licence = (path.parent / "LICENSE-CC-BY-SA-3.0.txt").read_text(encoding="utf-8")
    assert licence.startswith("Creative Commons Legal Code\n\nAttribution-ShareAlike 3.0 Unported")
    assert shipped.fingerprint == hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    assert path.stat().st_size < 5_000_000


def test_the_vocabulary_is_vietnamese_syllables_most_frequent_first(
    shipped: SyllableModel,
) -> None:
    assert shipped.vocabulary[:2] == ("<s>", "<x>")
    assert 4000 < len(shipped) < 8000
    assert all(syllable_key(key) == key for key in shipped.vocabulary[2:])
    assert shipped.count("của") > shipped.count("nguồn") > shipped.count("khuỷu")
    assert shipped.count("điêm") == 0  # a misreading, too rare to be kept
    assert set(shipped.by_skeleton["cam"]) >= set(_ids(shipped, "cắm", "căm", "cầm", "câm", "cam"))


@pytest.mark.parametrize(("first", "second"), [("nguồn", "nước"), ("của", "các"), ("<s>", "điều")])
def test_probabilities_after_a_context_sum_to_about_one(
    shipped: SyllableModel, first: str, second: str
) -> None:
    everything = np.arange(len(shipped), dtype=np.int64)
    after_one = np.exp(
        shipped.bigram_log_probs(np.full_like(everything, shipped.ids[first]), everything)
    )
    after_two = np.exp(
        shipped.trigram_log_probs(
            np.full_like(everything, shipped.ids[first]),
            np.full_like(everything, shipped.ids[second]),
            everything,
        )
    )
    # Pairs and triples seen once or twice are not kept: a little mass goes missing.
    assert 0.9 < after_one.sum() <= 1.0 + 1e-9
    assert 0.9 < after_two.sum() <= 1.0 + 1e-9


def test_context_prefers_the_right_tone(shipped: SyllableModel) -> None:
    def trigram(*keys: str) -> float:
        a, b, c = _ids(shipped, *keys)
        return float(
            shipped.trigram_log_probs(np.asarray([a]), np.asarray([b]), np.asarray([c]))[0]
        )

    assert trigram("bảo", "vệ", "nguồn") > trigram("bảo", "vệ", "nguôn") + 5
    pairs = shipped.bigram_log_probs(
        _ids(shipped, "cắm", "căm", "chi", "chỉ"), _ids(shipped, "mốc", "mốc", "tiết", "tiết")
    )
    assert pairs[0] > pairs[1] + 5  # cắm mốc
    assert pairs[2] > pairs[3] + 5  # chi tiết
    assert shipped.unknown_log_prob < -10


def test_text_is_read_in_segments_between_punctuation() -> None:
    text = "Các hồ, ao; đầm (phá) theo Nghị quyết 24-NQ/TU của Internet.\nDòng mới"
    assert list(segments(text)) == [
        ["các", "hồ", "ao"],
        ["đầm"],
        ["phá"],
        ["theo", "nghị", "quyết", OTHER, "của", OTHER],
        ["dòng", "mới"],
    ]
    token = split_token("(hồ,")
    assert (token.lead, token.core, token.trail) == ("(", "hồ", ",")
    assert token.break_before and not token.break_after
    assert split_token("–").is_punctuation
    assert syllable_key("Hòa") == "hoà" and syllable_key("24") is None


def _corpus(path: Path, texts: list[str]) -> Path:
    with lzma.open(path, "wt", encoding="utf-8") as out:
        for number, text in enumerate(texts):
            out.write(json.dumps({"title": f"bài {number}", "text": text}, ensure_ascii=False))
            out.write("\n")
    return path


def test_the_builder_counts_syllables_pairs_and_triples(tmp_path: Path) -> None:
    builder = _builder()
    corpus = _corpus(
        tmp_path / "corpus.jsonl.xz",
        ["Bảo vệ nguồn nước. Bảo vệ nguồn nước sạch.", "nguồn nước, nguồn vốn", "xyzt hiếm"],
    )
    target = tmp_path / "model.npz"
    options = ["--min-syllable", "2", "--min-triple", "2"]
    assert builder.main([str(corpus), "--out", str(target), *options]) == 0
    model = SyllableModel.load(target)

    assert model.vocabulary == ("<s>", "<x>", "nguồn", "nước", "bảo", "vệ")
    assert model.count("nguồn") == 4 and model.count("hiếm") == 0  # seen once: <x>
    probabilities = model.bigram_log_probs(_ids(model, "nguồn", "nguồn"), _ids(model, "nước", "vệ"))
    assert probabilities[0] > probabilities[1]
    after = model.trigram_log_probs(
        _ids(model, "bảo", "bảo"), _ids(model, "vệ", "vệ"), _ids(model, "nguồn", "nước")
    )
    assert after[0] > np.log(0.5) > after[1]
    assert model.ids.get("hiếm") is None and OTHER_ID == 1 and BOUNDARY_ID == 0
    assert "Wikipedia" in model.notice

    again = tmp_path / "again.npz"
    builder.main([str(corpus), "--out", str(again), *options])
    assert again.read_bytes() == target.read_bytes(), "the build must be reproducible"


def test_a_file_that_is_not_a_model_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.npz"
    np.savez(other, something=np.zeros(3))
    with pytest.raises(ValueError, match="not a syllable model"):
        SyllableModel.load(other)
