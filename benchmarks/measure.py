"""Small tools the viewer benchmark shares: statistics, waiting on the Qt event loop without
spinning, a 10 ms timer that records its gaps, peak memory of a process."""
from __future__ import annotations

import math
import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SCREEN = ROOT / "screen_1920.json"


def use_offscreen_1920() -> None:
    """Qt offscreen on a 1920×1080 screen (the issue's "1920-px screen"), unless a platform is chosen."""
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def summary(values: list[float]) -> tuple[float, float, int]:
    return statistics.median(values), p95(values), len(values)


def wait(app, until, timeout: float = 30.0) -> bool:
    """Run the event loop until `until()` holds; sleeps in the loop (no busy waiting)."""
    from PySide6.QtCore import QEventLoop, QTimer

    end = time.monotonic() + timeout
    waker = QTimer()
    waker.start(5)  # wakes WaitForMoreEvents now and then to check `until`
    try:
        while not until():
            if time.monotonic() > end:
                return False
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        return True
    finally:
        waker.stop()


class GapTimer:
    """A 10 ms precise timer; `gaps` are the intervals between its ticks, in ms."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self._last: float | None = None

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.gaps.append((now - self._last) * 1000)
        self._last = now

    def start(self) -> None:
        self._last = None
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


def peak_rss_mb(pid: int | None = None) -> float | None:
    """VmHWM (peak resident set) of a process, Linux only."""
    try:
        with open(f"/proc/{pid or 'self'}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def pss_mb(pid: int | None = None) -> float | None:
    """Proportional set size now (shared pages split between the processes that map them), Linux only."""
    try:
        with open(f"/proc/{pid or 'self'}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def idle(view) -> bool:
    """The page view has nothing left to ask the worker for (look-ahead included)."""
    return not view._scheduled and not view._requests
