"""Sealed (AES-256-GCM at rest, issue 15) against plain dossiers, in the same run.

    PYTHONPATH=. python -m benchmarks.sealed [WORK_FOLDER] [--pages N] [--runs N]

Two homes hold the same scanned dossier (each page a distinct 200-dpi A4 JPEG: tens of MB), one
plain and one sealed. Timed through the real render worker, as the viewer drives it:
- open to viewport (prefetched): `open` and the first screenful of page 1 at fit width (1800 × 1000
  device pixels) of a material the renderer had the worker `warm` while the expert read another of
  the applicant's (MaterialRenderer._warm_ahead): every open but one jumped to out of order;
- open to viewport (cold): the same for a dossier not decrypted yet (one jumped to: another
  applicant's material past its first; read, decrypt into memory, hand PyMuPDF a view);
- page turn: the next page's first screenful, the document already open (what a prefetch costs);
- decrypt alone: Sealer.open of the dossier, MB/s.
The worker's resident memory after opening is printed too (one plaintext copy expected, never
ciphertext and plaintext both). Prints median and p95; asserts nothing.
"""
from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import time
from pathlib import Path

WIDTH, ROWS = 1800, 1000


def _scan_pdf(pages: int) -> bytes:
    import pymupdf
    from PIL import Image

    rng = random.Random(15)
    doc = pymupdf.open()
    for _ in range(pages):
        noise = Image.frombytes("L", (827, 1169), rng.randbytes(827 * 1169)).resize((1654, 2339))
        buffer = io.BytesIO()
        noise.save(buffer, "JPEG", quality=60)
        page = doc.new_page(width=595, height=842)
        page.insert_image(page.rect, stream=buffer.getvalue())
    data = doc.tobytes()
    doc.close()
    return data


def _blob(root: Path, data: bytes, key: bytes | None) -> Path:
    """The dossier as a home's blob store keeps it (blobs/ab/abcd…), plain or sealed; every home is
    sealed now, so the plain one is the file a home before encryption at rest held."""
    import hashlib

    from review_model.store.sealed import Sealer, blob_label

    digest = hashlib.sha256(data).hexdigest()
    path = root / "blobs" / digest[:2] / digest
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if key is None else Sealer(key).seal(data, blob_label(path)))
    return path


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return None


def _one_run(worker, path: Path, pages: int, run: int, out: dict[str, list[float]]) -> None:
    doc = f"d{run}"
    prefetched = run % 2 == 1
    if prefetched:  # what the renderer asks for when the applicant's previous material opens
        worker.call("warm", priority=4, path=str(path), keep=[str(path)])
    else:
        worker.call("warm", priority=4, path=str(path.parent), keep=[])  # elsewhere: nothing kept
    started = time.perf_counter()
    info = worker.call("open", doc=doc, path=str(path))
    w = info["pages"][0][0]
    worker.call("render", doc=doc, page=0, rotation=0, scale=WIDTH / w, clip=(0, 0, WIDTH, ROWS))
    opened = time.perf_counter()
    turns = []
    for page in range(1, min(pages, 6)):
        t0 = time.perf_counter()
        worker.call("render", doc=doc, page=page, rotation=0, scale=WIDTH / w, clip=(0, 0, WIDTH, ROWS))
        turns.append((time.perf_counter() - t0) * 1000)
    rss = _rss_mb(worker.pid)
    worker.call("close", doc=doc)
    if run > 1:  # the first two runs warm the page cache and the worker: left out
        out.setdefault("open (prefetched)" if prefetched else "open (cold)", []).append((opened - started) * 1000)
        out.setdefault("page turn", []).extend(turns)
        if rss is not None:
            out.setdefault("worker MB after open", []).append(rss)


def _measure(plain: Path, sealed: Path, key: bytes, pages: int, runs: int) -> dict[str, dict[str, list[float]]]:
    """Both workers alive at once, one run each in turn (which goes first alternating), so that the
    shared machine's drift falls on both alike."""
    from review_model.dossier.client import RenderWorker

    results: dict[str, dict[str, list[float]]] = {"plain": {}, "sealed": {}}
    with RenderWorker() as plain_worker, RenderWorker(key=key) as sealed_worker:
        both = [("plain", plain_worker, plain), ("sealed", sealed_worker, sealed)]
        for run in range(2 * runs + 2):
            for name, worker, path in (both if run % 4 < 2 else both[::-1]):
                _one_run(worker, path, pages, run, results[name])
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("work", nargs="?", default="/tmp/reviewdesk-bench-sealed")
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from review_model.store.sealed import Sealer, blob_label

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    cached = work / f"scan-{args.pages}.pdf"
    if not cached.exists():
        cached.write_bytes(_scan_pdf(args.pages))
    data = cached.read_bytes()
    key = os.urandom(32)
    import shutil

    for name in ("plain", "sealed"):
        shutil.rmtree(work / name, ignore_errors=True)
    plain_path = _blob(work / "plain", data, None)
    sealed_path = _blob(work / "sealed", data, key)
    print(f"dossier: {args.pages} scanned pages, {len(data) / 2**20:.1f} MB; {args.runs} runs of each kind, interleaved")
    results = _measure(plain_path, sealed_path, key, args.pages, args.runs)
    sealer = Sealer(key)
    decrypt = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        sealer.open(sealed_path, blob_label(sealed_path), mapped=True)  # as the render worker does
        decrypt.append(time.perf_counter() - t0)
    print(f"{'':24}{'plain median':>14}{'p95':>9}{'sealed median':>15}{'p95':>9}{'cost':>8}")
    for metric in ("open (prefetched)", "open (cold)", "page turn", "worker MB after open"):
        p, s = results["plain"].get(metric, []), results["sealed"].get(metric, [])
        if not p or not s:
            continue
        pm, sm = statistics.median(p), statistics.median(s)
        unit = "" if "MB" in metric else " ms"
        print(f"{metric:24}{pm:>11.1f}{unit:3}{_p95(p):>9.1f}{sm:>12.1f}{unit:3}{_p95(s):>9.1f}{(sm / pm - 1) * 100:>+7.0f}%")
    d = statistics.median(decrypt)
    print(f"decrypt alone: median {d * 1000:.1f} ms ({len(data) / 2**20 / d:.0f} MB/s), p95 {_p95(decrypt) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
