"""Putting work in the outbox: one row per signed revision or declared conflict, added inside the
very transaction that signs or declares (so nothing signed can be missing from the outbox, and
nothing is queued that was not committed). Kept free of heavy imports: signing imports it.
The sender is sync/outbox.py.
"""
from __future__ import annotations

from datetime import datetime
from enum import Enum

from sqlalchemy.orm import Session

from ..store.models import OutboxItem


class OutboxKind(str, Enum):
    SIGNED = "signed"  # a signed revision
    CONFLICT = "conflict"  # a declared conflict of interest (回避)
    RESULT = "result"  # the chair's signed panel result (.rvres): sync/result_outbox.py


class OutboxState(str, Enum):
    QUEUED = "queued"  # not tried yet
    WAITING = "waiting"  # a send failed (the link, the intake): tried again at next_try_at
    DELIVERED = "delivered"  # the intake's receipt, checked, lists it
    REFUSED = "refused"  # the intake refused it with a reason: not tried again
    SUPERSEDED = "superseded"  # a panel result the chair signed again before it got through: not sent

    @property
    def pending(self) -> bool:
        return self in (OutboxState.QUEUED, OutboxState.WAITING)


def enqueue(session: Session, kind: OutboxKind, applicant_id: str, revision: int | None, at: datetime) -> None:
    session.add(OutboxItem(kind=kind.value, applicant_id=applicant_id, revision=revision, created_at=at,
                           state=OutboxState.QUEUED.value, attempts=0))
