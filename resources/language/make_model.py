"""Build the syllable language model that tone-mark restoration scores candidates with.

Reads Vietnamese Wikipedia text (`viwiki.jsonl.xz`, one JSON object per line with a "text"
field), cuts it into segments of syllables (`vietnamese.language_model.segments`) and counts
each syllable, each pair and each triple of syllables in a row. Rare entries are dropped: a
syllable seen fewer than `--min-syllable` times (typos, mostly) reads as `<x>`; a pair or triple
seen fewer than `--min-pair` / `--min-triple` times is left out (the smoothing gives it a
probability from the lower orders). What Kneser-Ney smoothing needs from the full counts — how
often each syllable starts a pair, and how many different syllables precede it — is kept
before anything is dropped.

Run from the project root:

    .venv/bin/python resources/language/make_model.py ../shared/corpus/viwiki.jsonl.xz

It writes `syllables.npz` next to this script. The output is deterministic (sorted arrays, a
zip with fixed timestamps), so the same corpus and script give byte-identical files. The text
is Wikipedia's, licensed CC BY-SA 3.0, and so is the table: the file carries that notice.
"""

from __future__ import annotations

import argparse
import io
import json
import lzma
import sys
import time
import zipfile
from array import array
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import numpy.typing as npt

from vietnamese.language_model import BOUNDARY, BOUNDARY_ID, FORMAT, OTHER, OTHER_ID, segments

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "syllables.npz"

NOTICE = (
    "Syllable, pair and triple counts computed from {articles:,} articles of the Vietnamese "
    "Wikipedia (https://vi.wikipedia.org), by its contributors, as collected in the public "
    "undertheseanlp/corpus.viwiki repository (2017). The text is licensed under the Creative "
    "Commons Attribution-ShareAlike 3.0 Unported licence "
    "(https://creativecommons.org/licenses/by-sa/3.0/); this table is derived from it (the "
    "text was cut into syllables, counted, and rare entries dropped) and is licensed under the "
    "same licence. The licence text is in LICENSE-CC-BY-SA-3.0.txt beside this file."
)


def articles(corpus: Path) -> Iterator[str]:
    with lzma.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)["text"]


def token_stream(corpus: Path) -> tuple[npt.NDArray[np.int32], list[str], int]:
    """Every segment's keys as provisional ids, each segment followed by a boundary; the
    provisional vocabulary; the number of articles."""
    provisional = {BOUNDARY: BOUNDARY_ID, OTHER: OTHER_ID}
    stream = array("i", [BOUNDARY_ID])
    count = 0
    for text in articles(corpus):
        count += 1
        for segment in segments(text):
            for key in segment:
                stream.append(provisional.setdefault(key, len(provisional)))
            stream.append(BOUNDARY_ID)
    vocabulary = sorted(provisional, key=provisional.__getitem__)
    return np.frombuffer(stream, dtype=np.int32).copy(), vocabulary, count


def build(corpus: Path, min_syllable: int, min_pair: int, min_triple: int) -> dict[str, object]:
    started = time.perf_counter()
    stream, provisional, article_count = token_stream(corpus)
    print(f"{len(stream):,} tokens from {article_count:,} articles", file=sys.stderr)

    # The vocabulary: boundary, other, then the syllables seen often enough, most frequent first
    # (ties in key order, for a deterministic file).
    seen = np.bincount(stream, minlength=len(provisional))
    kept = [i for i in range(2, len(provisional)) if seen[i] >= min_syllable]
    kept.sort(key=lambda i: (-int(seen[i]), provisional[i]))
    remap = np.full(len(provisional), OTHER_ID, dtype=np.int64)
    remap[BOUNDARY_ID] = BOUNDARY_ID
    remap[np.asarray(kept, dtype=np.int64)] = np.arange(2, len(kept) + 2)
    ids = remap[stream]
    vocabulary = [BOUNDARY, OTHER] + [provisional[i] for i in kept]
    size = len(vocabulary)

    pairs, pair_counts = np.unique(ids[:-1] * size + ids[1:], return_counts=True)
    firsts, seconds = pairs // size, pairs % size
    context_counts = np.bincount(firsts, weights=pair_counts, minlength=size)
    preceders = np.bincount(seconds, minlength=size)

    triples, triple_counts = np.unique(
        (ids[:-2] * size + ids[1:-1]) * size + ids[2:], return_counts=True
    )

    keep_pairs = pair_counts >= min_pair
    keep_triples = triple_counts >= min_triple
    print(
        f"{size:,} syllables; pairs {len(pairs):,} → {int(keep_pairs.sum()):,}; "
        f"triples {len(triples):,} → {int(keep_triples.sum()):,} "
        f"({time.perf_counter() - started:.0f} s)",
        file=sys.stderr,
    )
    return {
        "format": np.asarray(FORMAT, dtype=np.int32),
        "min_syllable": np.asarray(min_syllable, dtype=np.int32),
        "notice": np.asarray(NOTICE.format(articles=article_count)),
        "vocabulary": np.asarray("\n".join(vocabulary).encode("utf-8")),
        "context_counts": context_counts.astype(np.uint32),
        "preceders": preceders.astype(np.uint32),
        "bigram_keys": pairs[keep_pairs].astype(np.uint32),
        "bigram_counts": pair_counts[keep_pairs].astype(np.uint32),
        "trigram_keys": triples[keep_triples].astype(np.uint64),
        "trigram_counts": triple_counts[keep_triples].astype(np.uint32),
    }


def write_npz(arrays: dict[str, object], target: Path) -> None:
    """An `.npz` like `np.savez_compressed`, but with fixed timestamps: reproducible bytes."""
    temporary = target.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, value in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asanyarray(value), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue(), compresslevel=9)
    temporary.replace(target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="viwiki.jsonl.xz")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    parser.add_argument("--min-syllable", type=int, default=3)
    parser.add_argument("--min-pair", type=int, default=2)
    parser.add_argument("--min-triple", type=int, default=3)
    args = parser.parse_args(argv)
    arrays = build(args.corpus, args.min_syllable, args.min_pair, args.min_triple)
    write_npz(arrays, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
