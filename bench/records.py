"""How much of the archival record the workstation reads right from the pages.

    .venv/bin/python bench/records.py                       # the real scans
    .venv/bin/python bench/records.py --drawn 24            # and 24 held-out drawn pages
    .venv/bin/python bench/records.py --scans DIR --json

Each scan of `../shared/eval/real-scans/` (a file, or a folder of page images as one document)
has beside it `NAME.json`, the record an archivist wrote. The scans are imported into a fresh
library and recognised through the program's own command line (`ocr --all`), which proposes
each record; `show --json` gives the record read. Fields are scored as the tests score them
(`digitizer.records.scoring`): a handwritten number on its printed symbol, a handwritten day on
the year. `--drawn N` adds N pages drawn like the test suite's but held out from it (other
numbers, dates, fonts and layouts: indices from `--first`, 1000 by default).

Records of `qd157-*` hold private persons' data: only their field names are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, add_workdir_argument, git_state, make_workdir
from digitizer.records.scoring import score

PRIVATE = ("qd157",)
SCAN_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


def digitizer(library: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    line = [sys.executable, "-m", "digitizer", "--library", str(library), *map(str, args)]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run(line, capture_output=True, text=True, env=env, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(line[3:])} failed: {done.stderr.strip()}")
    return done


def scans_in(folder: Path) -> list[tuple[str, Path, dict[str, Any]]]:
    """(name, scan file or page folder, archivist's record) for every scored scan."""
    found = []
    for record in sorted(folder.glob("*.json")):
        name = record.stem
        if name.endswith(".peer-record"):
            continue
        scan = folder / name
        if not scan.is_dir():
            scan = next((p for p in folder.glob(f"{name}.*") if p.suffix in SCAN_SUFFIXES), scan)
        if scan.exists():
            expected = {k: v for k, v in json.loads(record.read_text()).items() if k[0] != "_"}
            found.append((name, scan, expected))
    return found


def drawn(work: Path, count: int, first: int) -> list[tuple[str, Path, dict[str, Any]]]:
    from tests.records.drawing import drawn_page, save

    folder = work / "drawn"
    folder.mkdir(exist_ok=True)
    pages = []
    for i in range(first, first + count):
        page = drawn_page(i, party=i % 2 == 0)
        pages.append((page.name, save(page, folder), page.record))
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scans", type=Path, default=REPO.parent / "shared/eval/real-scans")
    parser.add_argument("--drawn", type=int, default=0, help="add N held-out drawn pages")
    parser.add_argument("--first", type=int, default=1000, help="index of the first drawn page")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    add_workdir_argument(parser, "the library")
    args = parser.parse_args()
    work = make_workdir(args.workdir, "bench-records-")
    try:
        items: list[tuple[str, str, Path, dict[str, Any]]] = [
            ("real", *item) for item in scans_in(args.scans)
        ]
        if args.drawn:
            items += [("drawn", *item) for item in drawn(work, args.drawn, args.first)]
        library = work / "library"
        digitizer(library, "init")
        ids: dict[str, str] = {}
        for _, name, scan, _ in items:
            extra = ["--one-document"] if scan.is_dir() else []
            report = json.loads(digitizer(library, "import", scan, *extra, "--json").stdout)
            imported = report["imported"] or report["duplicates"]
            ids[name] = imported[0]["document"]
        digitizer(library, "ocr", "--all", "--jobs", str(args.jobs))
        for document in ids.values():
            # Read again, in case the pages were recognised by an earlier run of --workdir.
            digitizer(library, "describe", document, "--propose")
        results = []
        for group, name, _, expected in items:
            shown = json.loads(digitizer(library, "show", ids[name], "--json").stdout)
            fields = score(expected, shown)
            private = name.startswith(PRIVATE)
            wrong = {
                field: None
                if private
                else {"wanted": expected.get(field), "read": shown.get(field)}
                for field, ok in fields.items()
                if not ok
            }
            results.append(
                {"group": group, "document": name, "right": sum(fields.values()),
                 "fields": len(fields), "wrong": wrong}
            )  # fmt: skip
        report_results(results, args.json)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def report_results(results: list[dict[str, Any]], as_json: bool) -> None:
    commit, dirty = git_state()
    groups = {}
    for group in ("real", "drawn"):
        chosen = [r for r in results if r["group"] == group]
        if chosen:
            right = sum(r["right"] for r in chosen)
            total = sum(r["fields"] for r in chosen)
            groups[group] = {"right": right, "fields": total, "share": round(right / total, 3)}
    if as_json:
        value = {"commit": commit, "dirty": dirty, "documents": results, "overall": groups}
        print(json.dumps(value, ensure_ascii=False, indent=2))
        return
    print(f"commit {commit}{' (with uncommitted changes)' if dirty else ''}")
    for r in results:
        share = r["right"] / r["fields"] if r["fields"] else 0.0
        print(f"{r['group']:<6} {r['document']:<28} {r['right']:>3}/{r['fields']:<3} {share:6.1%}")
        for field, detail in r["wrong"].items():
            shown = (
                "" if detail is None else f": wanted {detail['wanted']!r}, read {detail['read']!r}"
            )
            print(f"         ✗ {field}{shown}")
    for group, figures in groups.items():
        print(
            f"{group} overall: {figures['right']}/{figures['fields']} fields right "
            f"({figures['share']:.1%})"
        )


if __name__ == "__main__":
    raise SystemExit(main())
