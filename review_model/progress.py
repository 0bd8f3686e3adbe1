"""Long work reports progress through a plain callback: `progress(done, total)`.

The callback may raise Problem(Code.CANCELLED) to stop the work; every long operation leaves the
home as it was when that happens. ui/tasks.py wraps such functions for Qt.
"""
from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]


def no_progress(done: int, total: int) -> None:
    return None


def scaled(progress: Progress, start: int, span: int, of: int = 100) -> Progress:
    """Map a sub-step's (done, total) onto [start, start+span] of an overall scale of `of`."""
    def report(done: int, total: int) -> None:
        progress(start + (span * done // total if total else span), of)
    return report
