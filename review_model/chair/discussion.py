"""The panel's discussion as the chair records it: notes per applicant, requests that named experts
reconsider named items, and the permitted reason for every score that changed once totals existed.

Permitted reasons (DOMAIN.md: a score may change, once totals exist, only for one of these):
    adding_error            计分错误 (an adding-up or transcription error)
    out_of_range            评分超出该项分值范围
    objective_disagreement  客观评分项认定不一致
    abnormal                评分畸高畸低
Each edit is one transaction with its audit row; reads return plain data.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..errors import Code, Problem
from ..home import Home
from ..imported_round import rubrics
from ..store.models import Applicant, Assignment, ChairChangeReason, ChairNote, ChairRequest
from .intake import Chair, intake_state, require_chair

PERMITTED_REASONS: tuple[str, ...] = ("adding_error", "out_of_range", "objective_disagreement", "abnormal")


@dataclass(frozen=True)
class NoteRow:
    note_id: int
    applicant_id: str
    text: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class RequestRow:
    request_id: int
    applicant_id: str
    expert_id: str
    items: tuple[str, ...]
    reason: str
    note: str
    asked_revision: int | None
    created_at: datetime


@dataclass(frozen=True)
class ReasonRow:
    expert_id: str
    applicant_id: str
    item_code: str
    revision: int
    reason: str
    note: str
    set_at: datetime


@dataclass(frozen=True)
class Discussion:
    notes: tuple[NoteRow, ...]
    requests: tuple[RequestRow, ...]
    reasons: dict[tuple[str, str, str, int], ReasonRow]  # (expert, applicant, item, revision)


def _actor(chair: Chair) -> str:
    return f"{chair.expert_id} {chair.name}"


def _check_reason(reason: str) -> None:
    if reason not in PERMITTED_REASONS:
        raise Problem(Code.REASON_NOT_PERMITTED, given=reason)


def add_note(home: Home, applicant_id: str, text: str) -> int:
    chair = require_chair(home)
    if not text.strip():
        raise Problem(Code.NOTE_EMPTY)
    with home.store.write(_actor(chair)) as (session, audit):
        if session.get(Applicant, applicant_id) is None:
            raise Problem(Code.NOT_FOUND, what="applicant", id=applicant_id)
        note = ChairNote(applicant_id=applicant_id, text=text.strip(), created_at=audit.at, updated_at=audit.at)
        session.add(note)
        session.flush()
        audit.record("add", "chair_note", note.id, "text", None, note.text)
        return note.id


def update_note(home: Home, note_id: int, text: str) -> None:
    chair = require_chair(home)
    if not text.strip():
        raise Problem(Code.NOTE_EMPTY)
    with home.store.write(_actor(chair)) as (session, audit):
        note = session.get(ChairNote, note_id)
        if note is None:
            raise Problem(Code.NOT_FOUND, what="note", id=note_id)
        audit.record("update", "chair_note", note_id, "text", note.text, text.strip())
        note.text, note.updated_at = text.strip(), audit.at


def remove_note(home: Home, note_id: int) -> None:
    chair = require_chair(home)
    with home.store.write(_actor(chair)) as (session, audit):
        note = session.get(ChairNote, note_id)
        if note is None:
            raise Problem(Code.NOT_FOUND, what="note", id=note_id)
        audit.record("remove", "chair_note", note_id, "text", note.text, None)
        session.delete(note)


def request_reconsideration(home: Home, applicant_id: str, expert_ids: list[str], item_codes: list[str],
                            reason: str, note: str = "") -> tuple[int, ...]:
    """Record that the panel asks `expert_ids` to reconsider `item_codes` of `applicant_id` for `reason`.

    The expert amends and re-signs (`reviewdesk sheet amend`), then re-exports; changes to these
    items in a revision newer than the one counting now carry this reason."""
    chair = require_chair(home)
    _check_reason(reason)
    if not expert_ids or not item_codes:
        raise Problem(Code.REQUEST_INVALID, applicant=applicant_id, detail="")
    counting = {key[0]: a.revision for key, a in intake_state(home).assignments.items() if key[1] == applicant_id}
    with home.store.write(_actor(chair)) as (session, audit):
        applicant = session.get(Applicant, applicant_id)
        if applicant is None:
            raise Problem(Code.NOT_FOUND, what="applicant", id=applicant_id)
        rubric = rubrics(home)[applicant.carrier_type]
        unknown = [c for c in item_codes if rubric.item(c) is None]
        if unknown:
            raise Problem(Code.REQUEST_INVALID, applicant=applicant_id, detail=unknown[0])
        ids = []
        for expert_id in dict.fromkeys(expert_ids):
            if session.get(Assignment, (expert_id, applicant_id)) is None:
                raise Problem(Code.REQUEST_INVALID, applicant=applicant_id, detail=expert_id)
            row = ChairRequest(applicant_id=applicant_id, expert_id=expert_id, items=json.dumps(list(dict.fromkeys(item_codes))),
                               reason=reason, note=note.strip(), asked_revision=counting.get(expert_id),
                               created_at=audit.at)
            session.add(row)
            session.flush()
            audit.record("request", "chair_request", row.id, "items", None, f"{expert_id} {applicant_id} {row.items} {reason}")
            ids.append(row.id)
        return tuple(ids)


def set_change_reason(home: Home, expert_id: str, applicant_id: str, item_code: str, revision: int,
                      reason: str | None, note: str = "") -> None:
    """Give (or with None, withdraw) the chair's permitted reason for a changed score; audited."""
    chair = require_chair(home)
    if reason is not None:
        _check_reason(reason)
    with home.store.write(_actor(chair)) as (session, audit):
        key = (expert_id, applicant_id, item_code, revision)
        row = session.get(ChairChangeReason, key)
        old = row.reason if row else None
        if reason is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(ChairChangeReason(expert_id=expert_id, applicant_id=applicant_id, item_code=item_code,
                                          revision=revision, reason=reason, note=note.strip(), set_at=audit.at))
        else:
            row.reason, row.note, row.set_at = reason, note.strip(), audit.at
        audit.record("reason", "score_change", f"{expert_id}/{applicant_id}/{item_code}/r{revision}", "reason", old, reason)


def discussion(home: Home) -> Discussion:
    with home.store.read() as session:
        notes = tuple(NoteRow(n.id, n.applicant_id, n.text, n.created_at, n.updated_at)
                      for n in session.scalars(select(ChairNote).order_by(ChairNote.id)))
        requests = tuple(RequestRow(r.id, r.applicant_id, r.expert_id, tuple(json.loads(r.items)), r.reason, r.note,
                                    r.asked_revision, r.created_at)
                         for r in session.scalars(select(ChairRequest).order_by(ChairRequest.id)))
        reasons = {(r.expert_id, r.applicant_id, r.item_code, r.revision):
                   ReasonRow(r.expert_id, r.applicant_id, r.item_code, r.revision, r.reason, r.note, r.set_at)
                   for r in session.scalars(select(ChairChangeReason))}
    return Discussion(notes, requests, reasons)
