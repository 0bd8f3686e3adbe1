"""The app's side of the render worker: start it, send requests, get replies on a reader thread.

PyMuPDF does not release the GIL, so rendering in a thread would freeze the window for the whole
render; the worker is a separate process and pixels come back through shared memory (`shared.py`),
copied out on the reader thread. Callbacks run on that reader thread: a GUI must hand them over
to its own thread (ui/viewer/bridge.py emits a Qt signal).

Renders need one of the buffer's slots; with none free they wait here, highest priority first.
A worker that dies is started again and told the documents it had open (passwords live in memory
only, never on disk); requests it had taken get `{"error": "worker_gone"}` (or `"timeout"` when
`check_stalled` had to stop a render that ran too long: an enormous or hostile page).
"""
from __future__ import annotations

import heapq
import itertools
import os
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path

from .protocol import VISIBLE, read_message, write_message
from .shared import SharedBuffer

SLOT_SIZE = 16 * 1024 * 1024  # a 4K screen's width × 1,400 rows of RGB
SLOTS = 4
Reply = dict
Callback = Callable[[Reply], None]


class RenderWorker:
    def __init__(self, *, slots: int = SLOTS, slot_size: int = SLOT_SIZE,
                 on_restart: Callable[[], None] | None = None, key: bytes | None = None) -> None:
        self.slots, self.slot_size = slots, slot_size
        self._key = key  # a sealed home's key: the first message on the worker's stdin (never argv or env)
        self.buffer = SharedBuffer(slots * slot_size)
        self._lock = threading.RLock()
        self._ids = itertools.count(1)
        self._callbacks: dict[int, Callback] = {}
        self._sent_at: dict[int, float] = {}
        self._waiting: list[tuple[int, int, dict]] = []
        self._free = list(range(slots))
        self._opened: dict[str, dict] = {}
        self._closing = False
        self._failure = "worker_gone"
        self._restarts: list[float] = []
        self._on_restart = on_restart
        self.process: subprocess.Popen | None = None
        self._current: list[subprocess.Popen] = []  # what the finalizer stops if close() is never called
        weakref.finalize(self, _stop_processes, self._current)
        self._start()

    # --- the process --------------------------------------------------------------------------
    def _start(self) -> None:
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        extra = {"creationflags": subprocess.CREATE_NO_WINDOW} if sys.platform == "win32" else {"pass_fds": self.buffer.pass_fds}
        process = subprocess.Popen(
            [*worker_command(), self.buffer.spec, str(self.buffer.size), str(self.slot_size)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, **extra)
        self.process = process
        self._current[:] = [process]
        self._reader = threading.Thread(target=self._read, args=(process,), name="render-replies", daemon=True)
        self._reader.start()
        if self._key is not None:
            self._send({"op": "key", "id": next(self._ids), "priority": -1, "key": self._key})
        for fields in self._opened.values():
            self._send({"op": "open", "id": next(self._ids), "priority": VISIBLE, **fields})

    def _stopped(self) -> bool:
        return self.process is not None and self.process.poll() is not None and len(self._restarts) > 5

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def _send(self, message: dict) -> None:
        if message["op"] != "cancel":  # a cancel gets no reply of its own
            self._sent_at[message["id"]] = time.monotonic()
        try:
            write_message(self.process.stdin, message)
        except (OSError, ValueError):
            pass  # the reader thread sees the end of the process and fails the request

    def _read(self, process: subprocess.Popen) -> None:
        while True:
            reply = read_message(process.stdout)
            if reply is None:
                break
            callback = self._settle(reply)
            if callback is not None:
                callback(reply)
        process.wait()
        with self._lock:
            if process is not self.process or self._closing:
                return
            failed = list(self._callbacks.items()) + [(m["id"], None) for _, _, m in self._waiting]
            self._callbacks.clear()
            self._sent_at.clear()
            self._waiting.clear()
            self._free = list(range(self.slots))
            reason, self._failure = self._failure, "worker_gone"
            now = time.monotonic()
            self._restarts = [t for t in self._restarts if now - t < 60] + [now]
            if len(self._restarts) <= 5:
                self._start()
        for rid, callback in failed:
            if callback is not None:
                callback({"id": rid, "error": reason})
        if self._on_restart is not None:
            self._on_restart()

    def _settle(self, reply: Reply) -> Callback | None:
        rid, slot = reply.get("id"), reply.get("slot")
        if slot is not None and "w" in reply:
            offset = slot * self.slot_size
            reply["pixels"] = self.buffer.map[offset:offset + reply["stride"] * reply["h"]]
        with self._lock:
            self._sent_at.pop(rid, None)
            callback = self._callbacks.pop(rid, None)
            if slot is not None:
                self._free.append(slot)
                self._dispatch()
        return callback

    def _dispatch(self) -> None:
        while self._free and self._waiting:
            _, _, message = heapq.heappop(self._waiting)
            message["slot"] = self._free.pop()
            self._send(message)

    # --- requests -----------------------------------------------------------------------------
    def request(self, op: str, callback: Callback | None = None, priority: int = VISIBLE, **fields) -> int:
        with self._lock:
            rid = next(self._ids)
            if self._closing:  # closed: nothing will answer, and nobody should still be asking
                return rid
            if self._stopped():  # it kept dying (a file that crashes MuPDF): refuse rather than wait forever
                if callback is not None:
                    threading.Thread(target=callback, args=({"id": rid, "error": "worker_stopped"},), daemon=True).start()
                return rid
            message = {"op": op, "id": rid, "priority": priority, **fields}
            if callback is not None:
                self._callbacks[rid] = callback
            if op == "open":
                self._opened[fields["doc"]] = fields
            elif op == "close":
                self._opened.pop(fields["doc"], None)
            if op == "render":
                heapq.heappush(self._waiting, (priority, rid, message))
                self._dispatch()
            else:
                self._send(message)
            return rid

    def cancel(self, ids: list[int]) -> None:
        """Forget these requests: waiting ones are dropped, ones already sent are dropped by the worker."""
        dropped = set(ids)
        with self._lock:
            for rid in dropped:
                self._callbacks.pop(rid, None)
            kept = [w for w in self._waiting if w[1] not in dropped]
            if len(kept) != len(self._waiting):
                self._waiting = kept
                heapq.heapify(self._waiting)
            sent = [rid for rid in dropped if rid in self._sent_at]
            if sent:
                self._send({"op": "cancel", "id": next(self._ids), "priority": VISIBLE, "ids": sent})

    def call(self, op: str, timeout: float | None = 60.0, priority: int = VISIBLE, **fields) -> Reply:
        """Send a request and wait for its reply (for code that is not on the GUI thread)."""
        done = threading.Event()
        box: list[Reply] = []

        def finished(reply: Reply) -> None:
            box.append(reply)
            done.set()

        self.request(op, finished, priority, **fields)
        if not done.wait(timeout):
            return {"error": "timeout"}
        return box[0]

    def check_stalled(self, limit: float = 20.0) -> bool:
        """Stop the worker when one request has run longer than `limit` seconds (it is restarted)."""
        with self._lock:
            oldest = min(self._sent_at.values(), default=None)
            if oldest is None or time.monotonic() - oldest < limit or self.process is None:
                return False
            self._failure = "timeout"
            self.process.kill()
            return True

    def close(self) -> None:
        with self._lock:
            self._closing = True
            process, self.process = self.process, None
            self._current.clear()
        if process is not None:
            try:
                write_message(process.stdin, {"op": "quit", "id": 0})
                process.stdin.close()
            except (OSError, ValueError):
                pass
            try:
                process.wait(3)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            self._reader.join(2)
            process.stdout.close()
        self.buffer.close()

    def __enter__(self) -> RenderWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _stop_processes(processes: list[subprocess.Popen]) -> None:
    """A worker whose RenderWorker was dropped without close(): end it (closing its stdin ends it)."""
    for process in processes:
        if process.poll() is None:
            try:
                process.stdin.close()
                process.wait(2)
            except (OSError, ValueError, subprocess.TimeoutExpired):
                process.kill()
                process.wait()


def worker_command() -> list[str]:
    """How to start the render worker: the module under Python, or, in a frozen (installed) app,
    the app itself with --render-worker (desktop/cli.py hands that to worker.main)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--render-worker"]
    return [sys.executable, "-m", "review_model.dossier.worker"]

