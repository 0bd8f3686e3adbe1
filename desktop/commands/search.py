"""reviewdesk index [--wait] [--json] · reviewdesk search TEXT [--applicant ID] [--json]

The index's modules (and, through the OCR worker, the OCR engine) load only when one of these
commands runs: `reviewdesk --help` and the other commands stay as quick as before.
"""
from __future__ import annotations

import json
import subprocess
import sys

from ui.text import tr

from .context import Context


def register(commands) -> None:
    index = commands.add_parser("index", help=tr("bring the search index up to date (text layers and OCR of scans)"))
    index.add_argument("--wait", action="store_true", help=tr("wait until every scanned page is read, printing progress"))
    index.add_argument("--json", action="store_true", help=tr("print pages done, pending and failed per material as JSON"))
    index.set_defaults(handler=index_command)
    search = commands.add_parser("search", help=tr("search the dossiers (text layers and OCR alike)"))
    search.add_argument("text", metavar="TEXT", help=tr("the word or words to find (one or two Chinese characters will do)"))
    search.add_argument("--applicant", metavar="ID", help=tr("only this applicant's dossier"))
    search.add_argument("--json", action="store_true", help=tr("print the hits as one JSON object"))
    search.set_defaults(handler=search_command)


def index_command(ctx: Context) -> int:
    # the index and its workers: loaded when the command runs, not for --help
    from review_model.dossier.indexing import IndexLock, index_pending, index_states, ocr_pending

    home = ctx.home()
    progress_out = sys.stderr if ctx.args.json else ctx.out
    lock = IndexLock(home)  # one indexer per home: the app's background one or this command
    try:
        if ctx.args.wait:
            lock.take(wait=True, waiting=lambda: print(
                tr("Another ReviewDesk window or command is indexing this workspace; waiting for it to finish…"),
                file=progress_out, flush=True))
        else:
            lock.take()  # busy: Problem INDEX_BUSY, nothing started
        index_pending(home, lock=lock)
        if ctx.args.wait:
            def progress(done: int, total: int) -> None:
                if total:
                    print(tr("Reading scanned pages: {done}/{total}").format(done=done, total=total), file=progress_out,
                          flush=True)

            ocr_pending(home, progress, lock=lock)
    finally:
        lock.release()
    if not ctx.args.wait:  # the scans are read by a process of their own, at low priority; this command returns now
        command = [sys.executable, "-m", "desktop.cli", "--home", str(home.root), "index", "--wait"]
        if getattr(sys, "frozen", False):
            command = [sys.executable, "--home", str(home.root), "index", "--wait"]
        subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    states = index_states(home)
    if ctx.args.json:
        ctx.print(json.dumps({"materials": [{
            "applicant_id": s.applicant_id, "material": s.material, "pages": s.pages, "text_pages_done": s.text_done,
            "ocr": {"done": s.ocr_done, "pending": s.ocr_pending, "failed": s.ocr_failed},
            "failed_pages": [{"page": p + 1, "reason": r} for p, r in s.failures],
            "rotated_pages": [{"page": p + 1, "rotation": r} for p, r in s.rotations],
        } for s in states]}, ensure_ascii=False, indent=2))
        return 0
    for s in states:
        ctx.print(tr("{applicant} {material}: {pages} pages, scans read {done}, pending {pending}, failed {failed}").format(
            applicant=s.applicant_id, material=s.material, pages=s.pages, done=s.ocr_done, pending=s.ocr_pending,
            failed=s.ocr_failed))
    return 0


def search_command(ctx: Context) -> int:
    # the index: loaded when the command runs, not for --help
    from review_model.dossier.indexing import search_home

    hits = search_home(ctx.home(), ctx.args.text, ctx.args.applicant)
    if ctx.args.json:
        ctx.print(json.dumps({"hits": [{"applicant_id": h.applicant_id, "material": h.material, "page": h.page,
                                        "source": h.source, "rect": list(h.rect), "snippet": h.snippet} for h in hits]},
                             ensure_ascii=False, indent=2))
        return 0
    for h in hits:
        mark = tr("(OCR)") if h.source == "ocr" else ""
        ctx.print(f"{h.applicant_id}  {h.material}  p.{h.page} {mark}  {h.snippet}")
    if not hits:
        ctx.print(tr("No hits."))
    return 0
