"""OCR of scanned pages, the app's side: which pages need it, the worker process that does it,
and how its result becomes searchable text with a box per character.

Nothing here imports onnxruntime, OpenCV or numpy: the engine lives in ocr_engine.py and runs
only in the OCR worker process (ocr_worker.py), started by OcrClient, at low priority. A page
that makes the engine fail gets its reason back; one that hangs or kills the process is given
up after `page_seconds`, the worker is started again and the rest goes on.
"""
from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from ..errors import Code, Problem
from .protocol import read_message, write_message

MIN_TEXT_CHARS = 20  # a page whose text layer has fewer non-space characters is treated as a scan
OCR_DPI = 200  # the corpus: 200 dpi reads 5-point footnotes; more only costs time
MIN_DPI = 100  # below this an A4 page's body text is too small to read: the page is refused
MAX_PIXELS = 40_000_000  # an A2 scan at 200 dpi; bigger pages are read at a lower dpi (to MIN_DPI)
MAX_ASPECT = 20.0  # longer/shorter side: a strip, not a page
PAGE_SECONDS = 120.0  # one page's time limit (a dense A4 page takes ~7 s on a busy 2-core laptop)
START_SECONDS = 120.0  # the worker's start: imports and model load
STOP_POLL_SECONDS = 0.2  # how soon a cancel stops a page being read


class OcrFailure(StrEnum):
    TIMEOUT = "timeout"  # ran past the time limit: the worker was stopped and started again
    CRASHED = "crashed"  # the worker process died on the page
    UNREADABLE = "unreadable"  # the file or page cannot be opened
    PAGE_SHAPE = "page_shape"  # a strip, not a page
    PAGE_TOO_LARGE = "page_too_large"
    IMAGE_DAMAGED = "image_damaged"  # MuPDF could not decode the page's image
    ENGINE_ERROR = "engine_error"
    NO_ENGINE = "no_engine"  # the OCR worker could not start (engine not installed)


def needs_ocr(text: str) -> bool:
    """A page without a usable text layer: a scan (possibly with a stamped page number)."""
    return sum(1 for c in text if not c.isspace()) < MIN_TEXT_CHARS


@lru_cache(maxsize=1)
def engine_id() -> str:
    """Engine and model version, part of every OCR result's key: a new engine reads pages again.
    Read from the package metadata, so the app can ask without loading the engine."""
    # importlib.metadata brings email and zipfile: only when an OCR result's key is made
    from importlib.metadata import PackageNotFoundError, version

    try:
        rapid = version("rapidocr")
    except PackageNotFoundError:
        return "none"
    return f"rapidocr-{rapid}/PP-OCRv6-small-det+rec/ppocr-mobile-v2-cls/{OCR_DPI}dpi/probe-det960-redless-2"


# --- result → searchable text ---------------------------------------------------------------
_CJK_RANGES = ((0x2E80, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF), (0x3000, 0x303F))


def _cjk(c: str) -> bool:
    o = ord(c)
    return any(lo <= o <= hi for lo, hi in _CJK_RANGES)


def layout(lines: list) -> tuple[str, list]:
    """The page's text as the index stores it (text_index.normalize applied) and, aligned with it
    character by character, each character's [x0, y0, x1, y1, confidence] (None for spaces).

    `lines` is the worker's reply: [[text, confidence, [[char, x0, y0, x1, y1, conf], …]], …]."""
    seq: list[tuple[str, list | None]] = []
    for text, _conf, chars in lines:
        boxes = iter(chars)
        for c in text.replace("\u3000", " "):
            if c.isspace():
                seq.append((" ", None))
                continue
            box = next(boxes, None)
            seq.append((c, None if box is None else [float(v) for v in box[1:6]]))
        seq.append(("\n", None))
    out_text: list[str] = []
    out_boxes: list = []
    gap = False
    for c, box in seq:
        if c.isspace():
            gap = True
            continue
        if gap and out_text and not (_cjk(out_text[-1]) and _cjk(c)):
            out_text.append(" ")
            out_boxes.append(None)
        gap = False
        out_text.append(c)
        out_boxes.append(box)
    return "".join(out_text), out_boxes


def rects_of(text: str, boxes: list, query: str) -> list[tuple[float, float, float, float]]:
    """Where `query` (already normalised) lies on an OCRed page: one rectangle per occurrence and
    line, the union of its characters' boxes, in unrotated PDF points."""
    hay, needle = text.casefold(), query.casefold()
    rects = []
    at = hay.find(needle)
    while at >= 0 and needle:
        current, last = None, None
        for box in boxes[at:at + len(needle)]:
            if box is None:
                continue
            x0, y0, x1, y1 = box[:4]
            if last is not None and not (_overlap(y0, y1, last[1], last[3]) or _overlap(x0, x1, last[0], last[2])):
                rects.append(tuple(current))  # the hit goes on in the next line
                current = None
            current = [x0, y0, x1, y1] if current is None else [min(current[0], x0), min(current[1], y0),
                                                                 max(current[2], x1), max(current[3], y1)]
            last = box
        if current is not None:
            rects.append(tuple(current))
        at = hay.find(needle, at + len(needle))
    return rects


def ocr_lines(text: str, boxes: list) -> list[list[tuple[str, float, float, float, float]]]:
    """An OCRed page's characters (as `layout` stores them) in lines, for selecting and copying:
    [(char, x0, y0, x1, y1)], unrotated PDF points. Lines break as `rects_of` breaks a hit; the
    space before a Latin word rides on the word's first character."""
    lines: list[list[tuple[str, float, float, float, float]]] = []
    line: list = []
    last, space = None, ""
    for c, box in zip(text, boxes):
        if box is None:
            space = " " if c == " " else space
            continue
        x0, y0, x1, y1 = (float(v) for v in box[:4])
        if last is not None and not (_overlap(y0, y1, last[1], last[3]) or _overlap(x0, x1, last[0], last[2])):
            lines.append(line)
            line, space = [], ""
        line.append((space + c, x0, y0, x1, y1))
        last, space = (x0, y0, x1, y1), ""
    if line:
        lines.append(line)
    return lines


def _overlap(a0: float, a1: float, b0: float, b1: float) -> bool:
    """Two intervals share more than a third of the shorter one (characters of one line, across
    or down the page)."""
    return min(a1, b1) - max(a0, b0) > min(a1 - a0, b1 - b0) / 3


# --- the worker -----------------------------------------------------------------------------
def ocr_worker_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, "--render-worker", "ocr"]
    return [sys.executable, "-m", "review_model.dossier.ocr_worker"]


class OcrClient:
    """One OCR worker process, one page at a time, each within its time limit."""

    def __init__(self, page_seconds: float = PAGE_SECONDS, start_seconds: float = START_SECONDS,
                 key: bytes | None = None, stop: threading.Event | None = None) -> None:
        self._key = key  # a sealed home's key: sent through stdin once the worker is ready
        self.page_seconds = page_seconds
        self.start_seconds = start_seconds
        # Set by whoever cancels (the GUI closing): a page can take many seconds, so waiting for
        # it is cut short, the worker stopped, and Problem(CANCELLED) raised with nothing recorded.
        self.stop = stop
        self.process: subprocess.Popen | None = None
        self.engine = "none"
        self.load_seconds: float | None = None
        self.restarts = 0
        self._ids = 0
        self._replies: queue.Queue = queue.Queue()

    @property
    def pid(self) -> int | None:
        return None if self.process is None else self.process.pid

    def _start(self) -> dict | None:
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        extra = {"creationflags": subprocess.CREATE_NO_WINDOW} if sys.platform == "win32" else {}
        process = subprocess.Popen(ocr_worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, **extra)
        replies: queue.Queue = queue.Queue()

        def read() -> None:
            while True:
                try:
                    message = read_message(process.stdout)
                except (OSError, ValueError, EOFError):
                    message = None
                replies.put(message)
                if message is None:
                    return

        threading.Thread(target=read, name="ocr-replies", daemon=True).start()
        self.process, self._replies = process, replies
        ready = self._wait(self.start_seconds)
        if ready is None or not ready.get("ready"):
            self._kill()
            return None
        self.engine, self.load_seconds = ready["engine"], ready["load_seconds"]
        if self._key is not None:
            write_message(process.stdin, {"op": "key", "id": 0, "key": self._key})
        return ready

    def _wait(self, seconds: float) -> dict | None:
        deadline = time.monotonic() + seconds
        while True:
            if self.stop is not None and self.stop.is_set():
                self._kill()
                raise Problem(Code.CANCELLED)
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                return self._replies.get(timeout=min(left, STOP_POLL_SECONDS))
            except queue.Empty:
                continue

    def _kill(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            process.kill()
            process.wait()
            for stream in (process.stdin, process.stdout):
                try:
                    stream.close()
                except OSError:
                    pass

    def recognize(self, path: str, page: int) -> dict:
        """The worker's reply for one page; {"error": OcrFailure, "detail"} when it failed."""
        if self.process is None or self.process.poll() is not None:
            if self.process is not None:
                self._kill()
                self.restarts += 1
            if self._start() is None:
                return {"error": OcrFailure.NO_ENGINE, "detail": "the OCR worker did not start"}
        self._ids += 1
        try:
            write_message(self.process.stdin, {"op": "ocr", "id": self._ids, "path": path, "page": page})
        except (OSError, ValueError):
            self._kill()
            return {"error": OcrFailure.CRASHED, "detail": "the OCR worker had gone"}
        reply = self._wait(self.page_seconds)
        if reply is None:
            crashed = self.process is not None and self.process.poll() is not None
            self._kill()  # a page that hangs the engine: stop it; the next page starts a new worker
            if crashed:
                return {"error": OcrFailure.CRASHED, "detail": "the OCR worker died on this page"}
            return {"error": OcrFailure.TIMEOUT, "detail": f"no result within {self.page_seconds:.0f} s"}
        return reply

    def close(self) -> None:
        process = self.process
        if process is None:
            return
        try:
            write_message(process.stdin, {"op": "quit", "id": 0})
            process.stdin.close()
            process.wait(5)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
        self._kill()

    def __enter__(self) -> OcrClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
