"""The render worker process: `python -m review_model.dossier.worker SPEC SIZE SLOT_SIZE`.

Reads requests from stdin, answers on (a private copy of) stdout, puts pixels into the shared
buffer. Requests wait in a queue ordered by priority (visible pages first, thumbnails last);
`cancel` drops waiting ones (each still gets a reply, so the app can free its slot). The process
ends when the app says `quit` or its stdin closes (the app has gone).
"""
from __future__ import annotations

import os
import queue
import sys
import threading

from .protocol import read_message, write_message
from .shared import attach

CONTROL = ("cancel", "quit")


def _read_requests(stream, inbox: queue.Queue) -> None:
    while True:
        message = read_message(stream)
        inbox.put(message)
        if message is None:
            return


def _handle(engine, job: dict) -> dict:
    op = job["op"]
    fields = {k: v for k, v in job.items() if k not in ("op", "id", "priority")}
    try:
        return getattr(engine, op)(**fields)
    except KeyError:
        return {"error": "not_open"}
    except MemoryError:
        return {"error": "too_large"}
    except Exception as exc:  # a damaged page must never take the worker down
        return {"error": "failed", "detail": f"{type(exc).__name__}: {exc}"}


def serve(engine, requests, replies) -> None:
    inbox: queue.Queue = queue.Queue()
    threading.Thread(target=_read_requests, args=(requests, inbox), daemon=True).start()
    write_message(replies, {"id": 0, "ready": True, "pid": os.getpid()})
    pending: list[dict] = []
    while True:
        if not pending:
            pending.append(inbox.get())
        while True:
            try:
                pending.append(inbox.get_nowait())
            except queue.Empty:
                break
        if any(m is None or m.get("op") == "quit" for m in pending):
            return
        for control in [m for m in pending if m["op"] == "cancel"]:
            pending.remove(control)
            dropped = set(control["ids"])
            for job in [m for m in pending if m["id"] in dropped]:
                pending.remove(job)
                write_message(replies, {"id": job["id"], "error": "cancelled", "slot": job.get("slot")})
        if not pending:
            continue
        job = min(pending, key=lambda m: (m.get("priority", 0), m["id"]))
        pending.remove(job)
        reply = _handle(engine, job)
        reply["id"] = job["id"]
        if "slot" in job:
            reply.setdefault("slot", job["slot"])
        write_message(replies, reply)


def main(argv: list[str]) -> int:
    if argv[:1] == ["ocr"]:  # the frozen app's OCR worker (ocr.ocr_worker_command)
        # the OCR worker's modules, only in that process
        from .ocr_worker import main as ocr_main

        return ocr_main(argv[1:])
    spec, size, slot_size = argv[0], int(argv[1]), int(argv[2])
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray output must never corrupt the replies
    # PyMuPDF loads here, in the worker, once its pipes are set up
    from .worker_ops import Engine

    serve(Engine(attach(spec, size), slot_size), sys.stdin.buffer, replies)
    replies.flush()
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stderr.flush()
    os._exit(code)  # the request reader thread may sit in a read of stdin: skip the interpreter's teardown
