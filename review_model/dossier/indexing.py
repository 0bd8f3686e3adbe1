"""Building the search index after an import (and resuming it after a restart).

`index_pending(home, progress)` is long work in the usual shape (ui/tasks.py can run it). Text is
extracted in a worker process, so even run on a thread of the GUI process it never holds the GIL
for long; pages are committed in small batches, so stopping it (cancel, crash, power cut) loses
at most one batch, and the next call carries on from there. Password-protected materials are
not indexed (their text would sit unprotected in the cache); the viewer searches them live once
the expert has typed the password.

`ocr_pending(home, progress)` then reads every page without a usable text layer (ocr.needs_ocr)
in the OCR worker process, one page per transaction, so it resumes page by page; a page that
fails is recorded with its reason and not tried again by the same engine.

Only one process at a time brings a home's index up to date (IndexLock): the app's background
indexer and a `reviewdesk index` started beside it would otherwise read the same scans twice and
race each other's batches. The second one is told (Problem INDEX_BUSY) or, asked to, waits.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from ..errors import Code, Problem
from ..home import Home
from ..progress import Progress, no_progress
from ..retention import round_closed
from ..store.blobs import private_dir
from ..store.scratch import try_lock
from .client import RenderWorker
from .library import DossierLibrary
from .ocr import PAGE_SECONDS, OcrClient, OcrFailure, engine_id, layout
from .protocol import BACKGROUND
from .text_index import TextSource, normalize

BATCH = 16  # pages per extraction request and per committed transaction
LOCK_FILE = "text-index.lock"  # in the home's cache, beside the index it guards
LOCK_POLL = 0.25  # seconds between tries while waiting for another indexer


class IndexLock:
    """The home's indexing lock: an OS file lock (store/scratch.py's), which the system drops
    when the holder ends however it ends, so a killed indexer never leaves the index locked."""

    def __init__(self, home: Home) -> None:
        self.path = home.cache / LOCK_FILE
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def take(self, *, wait: bool = False, waiting: Callable[[], None] | None = None) -> IndexLock:
        """Take the lock; if another process holds it, raise Problem(INDEX_BUSY), or with `wait`
        call `waiting()` once and wait until it is free."""

        if self._fd is not None:
            return self
        private_dir(self.path.parent)  # the cache folder is the owner's only, like the rest of the home
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        told = False
        while not try_lock(fd):
            if not wait:
                os.close(fd)
                raise Problem(Code.INDEX_BUSY)
            if not told and waiting is not None:
                waiting()
            told = True
            time.sleep(LOCK_POLL)
        self._fd = fd
        return self

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing the descriptor drops the lock

    def __enter__(self) -> IndexLock:
        return self.take()

    def __exit__(self, *exc: object) -> None:
        self.release()


@contextmanager
def _indexing(home: Home, lock: IndexLock | None):
    """Held for one call: the caller's lock when it holds one (a command doing both steps),
    otherwise this home's, taken now and refused with INDEX_BUSY when another process has it."""
    if lock is not None and lock.held:
        yield
        return
    with IndexLock(home):
        yield


@dataclass(frozen=True)
class IndexReport:
    files: int  # files looked at
    pages_indexed: int  # pages added by this call
    unreadable: int  # files whose text could not be read


def index_pending(home: Home, progress: Progress = no_progress, *, worker: RenderWorker | None = None,
                  lock: IndexLock | None = None) -> IndexReport:
    if round_closed(home):  # its dossiers and index were destroyed: an index made again would hold nothing but be there
        return IndexReport(0, 0, 0)
    with _indexing(home, lock):
        return _index_pending(home, progress, worker)


def _index_pending(home: Home, progress: Progress, worker: RenderWorker | None) -> IndexReport:
    library = DossierLibrary(home)
    materials = library.indexable()
    index = library.index
    try:
        todo = []
        for m in materials:
            state = index.state(m.sha256)
            if state is None or state[1] == "building":
                todo.append((m, 0 if state is None else state[0]))
        total = sum(m.pages or 0 for m, _ in todo)
        done = sum(min(start, m.pages or 0) for m, start in todo)
        progress(done, total)
        if not todo:
            return IndexReport(len(materials), 0, 0)
        own = worker is None
        worker = worker or RenderWorker(slots=1, slot_size=4096, key=home.key)
        added = unreadable = 0
        try:
            for material, start in todo:
                index.start(material.sha256, material.pages or 0)
                path = str(library.file(material))
                state = "done"
                while True:
                    reply = worker.call("extract", priority=BACKGROUND, path=path, first=start, count=BATCH)
                    if "error" in reply:
                        state = "unreadable"
                        break
                    texts = reply["texts"]
                    if "labels" in reply:
                        index.set_labels(material.sha256, reply["labels"])
                    if texts:
                        index.add_pages(material.sha256, start, texts)
                    start += len(texts)
                    added += len(texts)
                    done += len(texts)
                    progress(min(done, total), total)
                    if not texts or start >= reply["page_count"]:
                        break
                unreadable += state == "unreadable"
                index.finish(material.sha256, state)
        finally:
            if own:
                worker.close()
        return IndexReport(len(materials), added, unreadable)
    finally:
        library.close()


@dataclass(frozen=True)
class OcrReport:
    pages_read: int  # pages OCRed by this call
    failed: int  # pages given up by this call (reason in the index)
    engine: str
    load_seconds: float | None = None  # the worker's model load, when one was started


def ocr_pending(home: Home, progress: Progress = no_progress, *, page_seconds: float = PAGE_SECONDS,
                client: OcrClient | None = None, lock: IndexLock | None = None,
                stop: threading.Event | None = None) -> OcrReport:
    """OCR every indexed page without a usable text layer that the current engine has not read.
    Setting `stop` cancels at once, even mid-page (the page is left to read next time)."""
    with _indexing(home, lock):
        return _ocr_pending(home, progress, page_seconds, client, stop)


def _ocr_pending(home: Home, progress: Progress, page_seconds: float, client: OcrClient | None,
                 stop: threading.Event | None) -> OcrReport:
    engine = engine_id()
    if round_closed(home):  # as index_pending
        return OcrReport(0, 0, engine)
    library = DossierLibrary(home)
    try:
        index = library.index
        todo = [(m, page) for m in library.indexable() for page in index.ocr_todo(m.sha256, engine)]
        progress(0, len(todo))
        if not todo:
            return OcrReport(0, 0, engine)
        own = client is None
        client = client or OcrClient(page_seconds=page_seconds, key=home.key, stop=stop)
        read = failed = 0
        try:
            for n, (material, page) in enumerate(todo, 1):
                reply = client.recognize(str(library.file(material)), page)
                if reply.get("error") == OcrFailure.NO_ENGINE:  # nothing to be done this session; try again next time
                    break
                if "error" in reply:
                    index.ocr_failed(material.sha256, page, engine, reply["error"], reply.get("detail", ""))
                    failed += 1
                else:
                    text, boxes = layout(reply["lines"])
                    scores = [line[1] for line in reply["lines"]]
                    index.add_ocr(material.sha256, page, engine, text, boxes, reply["rotation"],
                                  sum(scores) / len(scores) if scores else None)
                    read += 1
                progress(n, len(todo))
        finally:
            if own:
                client.close()
        return OcrReport(read, failed, engine, client.load_seconds)
    finally:
        library.close()


# --- the command line's view (reviewdesk index / search) -----------------------------------------
@dataclass(frozen=True)
class MaterialIndexState:
    applicant_id: str
    material: str
    pages: int
    text_done: int  # pages whose text layer is indexed
    ocr_done: int
    ocr_pending: int
    ocr_failed: int
    failures: tuple[tuple[int, str], ...]  # (page index, reason)
    rotations: tuple[tuple[int, int], ...]  # (page index, degrees clockwise that show the scan upright), non-zero only


def index_states(home: Home) -> list[MaterialIndexState]:
    """Per material with a readable file: how far its text and OCR have got."""
    engine = engine_id()
    if round_closed(home):  # as index_pending
        return OcrReport(0, 0, engine)
    library = DossierLibrary(home)
    try:
        out = []
        for m in library.all_materials():
            if not m.has_file or m.status not in ("ok", "extra"):
                continue
            state = library.index.state(m.sha256)
            counts = library.index.ocr_counts(m.sha256, engine)
            pages = library.index.ocr_pages(m.sha256)
            out.append(MaterialIndexState(
                m.applicant_id, m.name, m.pages or 0, 0 if state is None else min(state[0], m.pages or 0),
                counts.done, counts.pending, counts.failed,
                tuple((p, reason or "") for p, (st, reason, _) in sorted(pages.items()) if st == "failed"),
                tuple((p, rot) for p, (st, _, rot) in sorted(pages.items()) if st == "done" and rot)))
        return out
    finally:
        library.close()


@dataclass(frozen=True)
class SearchHit:
    applicant_id: str
    material: str
    page: int  # 1-based
    source: str  # TextSource
    rect: tuple[float, float, float, float]  # unrotated PDF points
    snippet: str


def search_home(home: Home, text: str, applicant_id: str | None = None) -> list[SearchHit]:
    """Every occurrence of `text` in the home's dossiers (one hit per rectangle), text layers and
    OCR alike. Text-layer rectangles are found in the render worker, as the viewer does."""

    library = DossierLibrary(home)
    try:
        materials = library.all_materials()
        if applicant_id is not None:
            materials = [m for m in materials if m.applicant_id == applicant_id]
            if not materials:
                raise Problem(Code.NOT_FOUND, what="applicant", id=applicant_id)
        by_id = {m.material_id: m for m in materials}
        hits = library.search(text, materials)
        query = normalize(text)
        out: list[SearchHit] = []
        worker = None
        try:
            for hit in hits:
                m = by_id[hit.material_id]
                rects = list(hit.rects)
                if hit.source == TextSource.TEXT:
                    worker = worker or RenderWorker(slots=1, slot_size=4096, key=home.key)
                    key = m.sha256
                    opened = worker.call("open", doc=key, path=str(library.file(m)), password=None)
                    if "error" not in opened:
                        found = worker.call("find", doc=key, pages=[hit.page_index], query=query)
                        rects = [tuple(r) for r in found.get("rects", {}).get(hit.page_index, [])]
                for rect in rects or [(0.0, 0.0, 0.0, 0.0)]:
                    out.append(SearchHit(m.applicant_id, m.name, hit.page_index + 1, str(hit.source),
                                         tuple(round(v, 2) for v in rect), hit.snippet))
        finally:
            if worker is not None:
                worker.close()
        return out
    finally:
        library.close()
