"""The append-only audit log: who changed what, when, from which value to which.

SQLite triggers (see the first migration) refuse UPDATE and DELETE on the table, so the log can
only grow, whatever code runs against the database.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from .models import AuditEntry


def _text(value: object) -> str | None:
    return None if value is None else str(value)


class AuditLog:
    def __init__(self, session: Session, actor: str, at: datetime) -> None:
        self._session = session
        self.actor = actor
        self.at = at

    def record(self, action: str, entity: str, entity_id: object, field: str = "",
               old: object = None, new: object = None) -> None:
        self._session.add(AuditEntry(
            at=self.at, actor=self.actor, action=action, entity=entity, entity_id=str(entity_id),
            field=field, old_value=_text(old), new_value=_text(new),
        ))
