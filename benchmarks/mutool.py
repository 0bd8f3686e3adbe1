"""Our render time against MuPDF's own `mutool draw` on the same page at the same size.

Both without colour management (we switch MuPDF's ICC workflow off: `mutool draw -N`), grey scans
as grey (`-c gray`), 1800 pixels wide (fit width on a 1920-px screen), the page drawn several times
in one process and the first (cold) drawing left out on both sides. Ours is the time the worker
spends in PyMuPDF's get_pixmap plus the copy into shared memory; "end to end" adds the request and
reply through the pipe and the copy out of shared memory in the app.
"""
from __future__ import annotations

import math
import re
import shutil
import statistics
import subprocess
import time

WIDTH = 1800
RUNS = 9
CASES = (("scan page, grey", "scan", 0, True), ("scan page, colour + ICC profile", "scan", 2, False),
         ("text page", "text", 0, False))


def _mutool_ms(mutool: str, path, page: int, gray: bool) -> tuple[list[float], float]:
    """mutool's per-drawing times (whole ms, the cold first one left out) and their exact mean
    (from its total over the run)."""
    runs = RUNS * 4
    command = [mutool, "draw", "-q", "-s", "t", "-N", "-w", str(WIDTH), "-o", "/dev/null", "-F", "pnm"]
    if gray:
        command[2:2] = ["-c", "gray"]
    command += [str(path), ",".join([str(page + 1)] * (runs + 1))]
    out = subprocess.run(command, capture_output=True, text=True, timeout=300)
    text = out.stdout + out.stderr
    times = [float(m) for m in re.findall(r"^page \S+ \d+ (\d+)ms", text, re.MULTILINE)]
    total = re.search(r"^total (\d+)ms", text, re.MULTILINE)
    if not times or total is None:
        return [], 0.0
    return times[1:], (float(total.group(1)) - times[0]) / runs


def compare_with_mutool(pdfs: dict, record) -> None:
    from review_model.dossier.client import RenderWorker

    mutool = shutil.which("mutool")
    version = subprocess.run([mutool, "-v"], capture_output=True, text=True).stderr.strip() if mutool else ""
    with RenderWorker() as worker:
        for label, name, page, gray in CASES:
            info = worker.call("open", doc=name, path=str(pdfs[name]))
            w, h, _ = info["pages"][page]
            scale = WIDTH / w
            clip = (0, 0, WIDTH, math.ceil(h * scale))
            ours, end_to_end, like = [], [], []
            for run in range(RUNS + 1):
                started = time.perf_counter()
                reply = worker.call("render", doc=name, page=page, rotation=0, scale=scale, clip=clip)
                elapsed = (time.perf_counter() - started) * 1000
                same = worker.call("render", doc=name, page=page, rotation=0, scale=scale, clip=clip, interpolate=True)
                if run:
                    end_to_end.append(elapsed)
                    ours.append(reply["ms"])
                    like.append(same["ms"])
            record(f"render {label}, {WIDTH}×{clip[3]} px: ours (worker)", "—", ours,
                   note=f"(end to end {statistics.median(end_to_end):.1f} ms, {'grey' if reply['n'] == 1 else 'RGB'})")
            record(f"render {label}: ours with MuPDF's image interpolation everywhere", "—", like)
            if not mutool:
                print("  mutool not installed (Debian: apt install mupdf-tools): no ratio", flush=True)
                continue
            theirs, mean = _mutool_ms(mutool, pdfs[name], page, gray)
            if not theirs:
                print(f"  mutool draw gave no timings for {label}", flush=True)
                continue
            record(f"render {label}: mutool draw ({version})", "—", theirs,
                   note=f"(whole ms; mean over {len(theirs)} drawings {mean:.2f} ms)")
            base = max(mean, 0.05)
            record(f"render {label}: ours / mutool", "≤ 1.2", [o / base for o in ours], unit="×",
                   note="(each of our drawings / mutool's mean)")
            record(f"render {label}: ours with interpolation / mutool", "≤ 1.2", [o / base for o in like], unit="×")
