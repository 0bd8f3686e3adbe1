"""Closing a round on an expert's laptop (issue 15): once this home's sheets are delivered (or
exported) and the round's report deadline has passed, the round content the laptop no longer needs
is destroyed: the dossiers, the text index and the caches. What stays: the signed sheets (their
JSON, their PDFs and the reduced photos they cite, so a return bundle can still be made and
verified), the intake's receipts, the outbox's bundles and the audit log. The app never keeps a
photo's original (it reads it once and keeps the reduced, EXIF-free copy), so there is none to remove.

The audit log records what is removed and how many bytes, in one transaction before the files go:
a process killed half way has said what it was removing, and running it again removes the rest
(and records that). Closing a closed round removes nothing and says so.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path

from sqlalchemy import select

from .errors import Code, Problem
from .home import Home
from .imported_round import round_info
from .progress import Progress, no_progress
from .round_time import now as round_now
from .sheets.context import Reviewer
from .store.blobs import write_durably
from .store.models import AuditEntry, ConflictDeclaration, Material, OutboxItem, Photo, ScoreSheet, SheetRevision
from .store.sealed import cache_closed_mark
from .sync.queue import OutboxKind, OutboxState

CLOSE_ACTION = "close_round"


class Removed(str, Enum):
    DOSSIERS = "dossiers"
    INDEX = "index"
    CACHE = "cache"
    STAGING = "staging"


@dataclass(frozen=True)
class CloseReport:
    round_id: str
    removed: dict[Removed, tuple[int, int]]  # kind -> (files, bytes)

    @property
    def files(self) -> int:
        return sum(f for f, _ in self.removed.values())

    @property
    def bytes(self) -> int:
        return sum(b for _, b in self.removed.values())


def undelivered(reviewer: Reviewer) -> list[tuple[str, str]]:
    """(applicant, why) for every assigned applicant whose newest signed sheet has neither been
    delivered to the intake (its receipt) nor exported in a return bundle since it was signed, or
    that has no signed sheet and no declared conflict."""
    out = []
    with reviewer.home.store.read() as session:
        audit = list(session.scalars(select(AuditEntry).where(AuditEntry.action.in_(("export", "outbox_pack")))
                                     .order_by(AuditEntry.id)))
        # export_returns records an "export"; the outbox's packing is one too, followed by its
        # "outbox_pack": only an export by the expert (a bundle handed over by hand) counts here
        exports = [e.at for i, e in enumerate(audit)
                   if e.action == "export" and e.entity == "return_bundle"
                   and not (i + 1 < len(audit) and audit[i + 1].action == "outbox_pack" and audit[i + 1].id == e.id + 1)]
        for applicant_id in sorted(reviewer.assigned):
            declared = session.scalars(select(ConflictDeclaration).filter_by(
                applicant_id=applicant_id, expert_id=reviewer.expert_id).order_by(ConflictDeclaration.id.desc())).first()
            if declared is not None and declared.has_conflict:
                continue
            sheet = session.scalars(select(ScoreSheet).filter_by(applicant_id=applicant_id,
                                                                 expert_id=reviewer.expert_id)).first()
            newest = None if sheet is None else session.scalars(
                select(SheetRevision).filter_by(sheet_id=sheet.id).order_by(SheetRevision.number.desc())).first()
            if newest is None or newest.state != "signed":
                out.append((applicant_id, "not signed"))
                continue
            delivered = session.scalars(select(OutboxItem).filter_by(
                kind=OutboxKind.SIGNED.value, applicant_id=applicant_id, revision=newest.number,
                state=OutboxState.DELIVERED.value)).first() is not None
            if not delivered and not any(at >= newest.signed_at for at in exports):
                out.append((applicant_id, "not delivered"))
    return out


def check_closable(home: Home, today: date | None = None) -> Reviewer:
    reviewer = Reviewer.open(home)
    waiting = undelivered(reviewer)
    if waiting:
        raise Problem(Code.ROUND_NOT_DELIVERED, round=reviewer.round_id, count=len(waiting),
                      applicants="、".join(a for a, _ in waiting))
    deadline = round_info(home).file.deadlines.report
    if (today or round_now().date()) <= deadline:  # the deadline is a date in Shenzhen, whatever the laptop's zone
        raise Problem(Code.ROUND_DEADLINE_NOT_PASSED, round=reviewer.round_id, deadline=deadline.isoformat())
    return reviewer


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _files_under(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [Path(parent) / name for parent, _, names in os.walk(folder) for name in names]


@dataclass(frozen=True)
class ClosePlan:
    """What closing the round would remove now (the GUI asks before; close_round removes it)."""

    round_id: str
    groups: dict[Removed, tuple[Path, ...]]
    dossiers: tuple[str, ...]  # blob digests of the dossiers (not cited by a signed sheet)

    @property
    def removed(self) -> dict[Removed, tuple[int, int]]:
        return {kind: (len(paths), sum(_size(p) for p in paths)) for kind, paths in self.groups.items()}

    @property
    def files(self) -> int:
        return sum(len(paths) for paths in self.groups.values())

    @property
    def bytes(self) -> int:
        return sum(b for _, b in self.removed.values())


def plan_close(home: Home, today: date | None = None) -> ClosePlan:
    """What close_round would remove (refusals: check_closable); removes nothing."""
    reviewer = check_closable(home, today)
    with home.store.read() as session:
        kept = {d for d in session.scalars(select(SheetRevision.pdf_sha256)) if d}
        kept |= set(session.scalars(select(Photo.sha256)))
        dossiers = sorted({d for d in session.scalars(select(Material.sha256)) if d} - kept)
    dossiers = [d for d in dossiers if home.blobs.has(d)]
    cache = _files_under(home.cache)
    index = home.cache / "text-index.sqlite3"  # in the cache folder; counted apart: it is what search reads
    groups = {
        Removed.DOSSIERS: tuple(home.blobs.path(d) for d in dossiers),
        Removed.INDEX: tuple(p for p in cache if p.name.startswith(index.name)),
        Removed.CACHE: tuple(p for p in cache if not p.name.startswith(index.name)),
        Removed.STAGING: tuple(_files_under(home.root / "staging")),
    }
    return ClosePlan(reviewer.round_id, groups, tuple(dossiers))


def close_round(home: Home, today: date | None = None, progress: Progress = no_progress) -> CloseReport:
    """Destroy this closed round's dossiers, index and caches (refusals: check_closable).

    `progress` may cancel until the audit log has said what goes; from then on the removal is
    finished whatever the callback says (a round half removed is worse than either)."""
    plan = plan_close(home, today)
    reviewer = Reviewer.open(home)
    removed = plan.removed
    steps = len(plan.dossiers) + 2
    progress(0, steps)
    with reviewer.edit() as (_session, audit):
        for kind, (files, size) in removed.items():
            if files:
                audit.record(CLOSE_ACTION, "round", reviewer.round_id, kind.value, None, f"{files} files, {size} bytes")
        if not any(files for files, _ in removed.values()):
            audit.record(CLOSE_ACTION, "round", reviewer.round_id, "", None, "nothing left to remove")

    def step(done: int) -> None:
        try:
            progress(done, steps)
        except Problem as problem:
            if problem.code != Code.CANCELLED:
                raise

    # Marked before anything goes: the render worker may be drawing a thumbnail right now, and it
    # writes none into a marked cache (store/sealed.py write_cache_file), nor leaves one it put there.
    _mark_cache_closed(home)
    for done, digest in enumerate(plan.dossiers, 1):
        home.blobs.discard([digest])
        step(done)
    shutil.rmtree(home.cache, ignore_errors=True)
    step(steps - 1)
    shutil.rmtree(home.root / "staging", ignore_errors=True)
    step(steps)
    return CloseReport(reviewer.round_id, removed)


def _mark_cache_closed(home: Home) -> None:
    mark = cache_closed_mark(home.cache)
    if not mark.exists():
        write_durably(mark, f"{CLOSE_ACTION}\n".encode(), private=True)


def round_closed(home: Home) -> bool:
    with home.store.read() as session:
        return session.scalars(select(AuditEntry).filter_by(action=CLOSE_ACTION)).first() is not None
