"""Building the search index after an import (and resuming it after a restart).

`index_pending(home, progress)` is long work in the usual shape (ui/tasks.py can run it). Text is
extracted in a worker process, so even run on a thread of the GUI process it never holds the GIL
for long; pages are committed in small batches, so stopping it (cancel, crash, power cut) loses
at most one batch, and the next call carries on from there. Password-protected materials are
not indexed (their text would sit unprotected in the cache); the viewer searches them live once
the expert has typed the password.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..home import Home
from ..progress import Progress, no_progress
from .client import RenderWorker
from .library import DossierLibrary
from .protocol import BACKGROUND

BATCH = 16  # pages per extraction request and per committed transaction


@dataclass(frozen=True)
class IndexReport:
    files: int  # files looked at
    pages_indexed: int  # pages added by this call
    unreadable: int  # files whose text could not be read


def index_pending(home: Home, progress: Progress = no_progress, *, worker: RenderWorker | None = None) -> IndexReport:
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
        worker = worker or RenderWorker(slots=1, slot_size=4096)
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
