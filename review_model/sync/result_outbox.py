"""The chair's signed panel result (.rvres) in the chair's outbox: it goes to the bureau's intake the
same way as the experts' return bundles (issue 12), where the bureau's desk picks it up.

`queue_result` runs inside the transaction that signs the result (chair/result.py write_result):
the signed bytes are kept as <home>/outbox/<file sha256>.rvres (like the return bundles the outbox
packs) with an OutboxBundle row and one OutboxItem of kind RESULT. A newer signed result
supersedes one not yet delivered: only the newest is the panel's result, so the older is never
sent (a delivered one stays delivered: the intake keeps it as history).

`send_results` is the result's part of an outbox pass (Outbox.send): no packing and no key (the
result is signed already), the same upload, receipt check, refusal and backoff as the returns.
"""
from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import Code, Problem
from ..home import Home
from ..store.models import OutboxBundle, OutboxItem
from ..store.sealed import write_kept_file
from .queue import OutboxKind, OutboxState

PENDING = (OutboxState.QUEUED.value, OutboxState.WAITING.value)


def queue_result(session: Session, home: Home, data: bytes, at: datetime) -> Path | None:
    """Queue the signed result `data` (the .rvres file's bytes) in the chair's outbox (module docstring).
    Returns the file this call created (None: it was there), for the caller to remove should the
    transaction not commit: a home left as it was."""
    from .outbox import OUTBOX_DIR, OutboxBundleState  # outbox imports this module

    digest = hashlib.sha256(data).hexdigest()
    name = f"{digest}.rvres"
    # Written before the commit, as the intake links its blobs: a committed item always has its
    # file; a file left by a failed commit is an unreferenced copy, named by its hash (harmless).
    # Kept the way the outbox keeps its return bundles: a private file, sealed in a sealed home.
    path = home.root / OUTBOX_DIR / name
    created = not path.exists()
    write_kept_file(path, data, home.blobs.sealer)
    for old in session.scalars(select(OutboxItem).where(OutboxItem.kind == OutboxKind.RESULT.value,
                                                        OutboxItem.state.in_(PENDING))):
        old.state, old.next_try_at = OutboxState.SUPERSEDED.value, None
        if old.bundle_id is not None:
            session.get(OutboxBundle, old.bundle_id).state = OutboxBundleState.SUPERSEDED.value
    bundle = session.scalars(select(OutboxBundle).filter_by(file_sha256=digest)).first()
    if bundle is None:
        bundle = OutboxBundle(file_sha256=digest, file_name=name, size=len(data), created_at=at,
                              state=OutboxBundleState.SENDING.value)
        session.add(bundle)
        session.flush()
    session.add(OutboxItem(kind=OutboxKind.RESULT.value, applicant_id=None, revision=None, created_at=at,
                           state=OutboxState.QUEUED.value, attempts=0, bundle_id=bundle.id))
    return path if created else None


def due_results(home: Home, now: datetime, force: bool) -> list[OutboxBundle]:
    """The bundles of the pending results to send now (at most one: the newest signed), oldest first."""
    with home.store.read() as session:
        found = []
        for item in session.scalars(select(OutboxItem).where(OutboxItem.kind == OutboxKind.RESULT.value,
                                                             OutboxItem.state.in_(PENDING)).order_by(OutboxItem.id)):
            if force or item.state == OutboxState.QUEUED or item.next_try_at is None or item.next_try_at <= now:
                bundle = session.get(OutboxBundle, item.bundle_id)
                session.expunge(bundle)
                found.append(bundle)
        return found


def send_results(outbox, force: bool, progress) -> tuple[int, int, Problem | None]:
    """Deliver the chair's pending result through `outbox` (an Outbox): (delivered, refused, problem)."""
    delivered = refused = 0
    problem: Problem | None = None
    for bundle in due_results(outbox.home, outbox._now(), force):
        data = outbox._kept(bundle)
        if data is None:  # a signed result cannot be packed again: only the chair's desk can sign anew
            problem = Problem(Code.FILE_UNREADABLE, path=str(outbox.home.root / "outbox" / bundle.file_name))
            continue
        outcome, count, problem = outbox._deliver(bundle, data, progress)
        if outcome == "delivered":
            delivered += count
        elif outcome == "refused":
            refused += count
    return delivered, refused, problem
