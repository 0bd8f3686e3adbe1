"""What encryption at rest costs a search (issue 15): the same text index, as SQLCipher keyed with a
home key and as a plain SQLite file, searched for the same words, in one run.

    PYTHONPATH=. python benchmarks/search_sealed.py [--pages 3000] [--runs 30]

The index holds `--pages` pages of dossier-like Chinese text (a round of 10 applicants holds about
1,500); each run searches a two-character word found on many pages and a rare four-character one,
on a freshly opened index (cold: every page decrypted as the search reads it), on one opened and
read through by TextIndex.warm (what DossierLibrary does, in a thread, when a workspace opens its
index: the first search the expert types), and again on the warm one.
Prints median and p95 in milliseconds; nothing is asserted.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.measure import summary  # noqa: E402

WORDS = ["培训", "场地", "设备", "学徒", "合同", "师资", "考核", "证书", "技能", "制度", "台账", "课程", "基地", "工作室",
         "鉴定", "补贴", "安全", "管理", "记录", "实训", "项目", "企业", "学员", "导师", "评价", "材料", "年度", "规模"]
QUERIES = ("培训", "带徒台账")  # common; rare (on a few pages only)


def _pages(count: int) -> list[str]:
    rng = random.Random(7)
    pages = []
    for n in range(count):
        text = "".join(rng.choice(WORDS) + ("，" if rng.random() < 0.2 else "") for _ in range(400))
        if n % 500 == 0:
            text += "带徒台账"
        pages.append(text)
    return pages


def _build(path: Path, key: bytes | None, pages: list[str]) -> None:
    from review_model.dossier.text_index import TextIndex

    index = TextIndex(path, key=key)
    per_file = 50
    for first in range(0, len(pages), per_file):
        sha = f"{first:064x}"
        index.start(sha, per_file)
        index.add_pages(sha, 0, pages[first:first + per_file])
        index.finish(sha)
    index.close()


def _files(pages: int) -> dict[str, list[int]]:
    return {f"{first:064x}": [first // 50] for first in range(0, pages, 50)}


def _time(path: Path, key: bytes | None, files: dict[str, list[int]], runs: int) -> dict[str, list[float]]:
    from review_model.dossier.text_index import TextIndex

    times: dict[str, list[float]] = {"open + first search (cold)": [], "first search (warmed)": [],
                                     "warm search (common word)": [], "warm search (rare word)": []}
    for _ in range(runs):
        started = time.perf_counter()
        index = TextIndex(path, key=key)
        index.search(QUERIES[0], files)
        times["open + first search (cold)"].append((time.perf_counter() - started) * 1000)
        index.close()
        index = TextIndex(path, key=key)
        index.warm()  # for both alike: the app does it in the background when it opens the index
        started = time.perf_counter()
        index.search(QUERIES[0], files)
        times["first search (warmed)"].append((time.perf_counter() - started) * 1000)
        for label, query in (("warm search (common word)", QUERIES[0]), ("warm search (rare word)", QUERIES[1])):
            started = time.perf_counter()
            hits = index.search(query, files)
            times[label].append((time.perf_counter() - started) * 1000)
            assert hits, query  # a search that finds nothing measures nothing
        index.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    pages = _pages(args.pages)
    files = _files(args.pages)
    with tempfile.TemporaryDirectory() as folder:
        plain, sealed = Path(folder) / "plain" / "index.sqlite3", Path(folder) / "sealed" / "index.sqlite3"
        key = os.urandom(32)
        _build(plain, None, pages)
        _build(sealed, key, pages)
        print(f"text index: {args.pages} pages, {plain.stat().st_size / 2**20:.1f} MiB plain, "
              f"{sealed.stat().st_size / 2**20:.1f} MiB encrypted; {args.runs} runs each, interleaved")
        results = {"plain": _time(plain, None, files, 1), "SQLCipher": _time(sealed, key, files, 1)}  # warm-up
        results = {"plain": {k: [] for k in results["plain"]}, "SQLCipher": {k: [] for k in results["plain"]}}
        both = [("plain", plain, None), ("SQLCipher", sealed, key)]
        for run in range(args.runs):  # interleaved, which first alternating: the machine's other work falls on both alike
            for name, path, k in (both if run % 2 else both[::-1]):
                for label, values in _time(path, k, files, 1).items():
                    results[name][label] += values
    print(f"{'':28} {'plain ms (median / p95)':>24} {'SQLCipher ms':>18} {'cost':>8}")
    for label in results["plain"]:
        p_med, p_95, _ = summary(results["plain"][label])
        s_med, s_95, _ = summary(results["SQLCipher"][label])
        print(f"{label:28} {p_med:11.1f} / {p_95:8.1f} {s_med:9.1f} / {s_95:6.1f} {100 * (s_med / p_med - 1):+7.0f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
