"""Running long domain work off the GUI thread, with progress and cancel (the Orange pattern).

The work is a plain function that takes a `progress(done, total)` callback; this adapter runs it
in a QThread, forwards progress as a signal and makes the callback raise Problem(CANCELLED) once
the user cancels. The domain function leaves the home unchanged when that happens.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from review_model.errors import Code, Problem


class _Worker(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[..., object], cancelled: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._cancelled = cancelled

    def _progress(self, done: int, total: int) -> None:
        if self._cancelled.is_set():
            raise Problem(Code.CANCELLED)
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Problem as problem:
            self.failed.emit(problem)
        except Exception as exc:  # an unexpected failure still reaches the user as a message
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            # End the thread from here: a GUI thread blocked in wait() (closing the window) could not
            # receive a queued "finished" signal to do it, and would wait for nothing.
            QThread.currentThread().quit()


class BackgroundTask(QObject):
    """Start with `start()`; listen to `progressed`, `succeeded(result)` and `failed(error)`."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Callable[[int, int], None]], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancelled = threading.Event()
        self._thread = QThread()
        self._worker = _Worker(work, self._cancelled)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self.progressed)
        self._worker.succeeded.connect(self._finish_ok)
        self._worker.failed.connect(self._finish_error)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> threading.Event:
        """Set on cancel: for work that waits on something slower than its progress steps (a page
        in the OCR worker) and can stop that wait at once."""
        return self._cancelled

    def wait(self, ms: int = 60_000) -> bool:
        return self._thread.wait(ms)

    def _stop_thread(self) -> None:
        self._thread.wait()  # the worker already asked its thread to quit

    def _finish_ok(self, result: object) -> None:
        self._stop_thread()
        self.succeeded.emit(result)

    def _finish_error(self, error: object) -> None:
        self._stop_thread()
        self.failed.emit(error)


def run_with_progress(parent: QWidget, label: str, work, on_success, on_failure,
                      cancellable: bool = True) -> BackgroundTask:
    """Run `work(progress)` with a modal, cancellable progress dialog; call back when done.
    `cancellable=False`: no Cancel button (work that, once begun, is finished: closing a round)."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Tasks", "Cancel"), 0, 100, parent)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    task = BackgroundTask(work, parent)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def finished_ok(result: object) -> None:
        dialog.close()
        on_success(result)

    def finished_error(error: object) -> None:
        dialog.close()
        on_failure(error)

    task.progressed.connect(progressed)
    task.succeeded.connect(finished_ok)
    task.failed.connect(finished_error)
    dialog.canceled.connect(task.cancel)
    task.start()
    return task


def wait_off_the_gui_thread(work: Callable[[], object]) -> object:
    """`work()`'s result (or its exception, raised here) for a caller that must have it before it goes on,
    for work under a second (scrypt opening a key file): run in a BackgroundTask while a local event
    loop keeps the window painting and its timers running. User input waits meanwhile, so nothing the
    person does starts another flow half-way through this one."""
    task = BackgroundTask(lambda _progress: work())
    outcome: dict[str, object] = {}
    loop = QEventLoop()
    # the task reports through queued signals, delivered only by the loop below: it cannot end unseen
    task.succeeded.connect(lambda result: (outcome.setdefault("result", result), loop.quit()))
    task.failed.connect(lambda error: (outcome.setdefault("error", error), loop.quit()))
    task.start()
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("result")
