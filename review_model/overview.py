"""What a home holds, as plain data for the shell and `reviewdesk status`: the identity, the round,
and per applicant assigned to this person, its state (sheets/states.py decides it).

A fixed number of queries whatever the round's size: everything is loaded in bulk.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select

from .home import Home
from .identity import IdentityInfo, get_identity
from .imported_round import RoundInfo, my_expert, round_info, rubrics
from .sheets.states import ApplicantState, ConflictState, SheetState, applicant_state
from .sheets.view import checklist_for, conflict_states
from .store.models import Applicant, Assignment, ItemScore, Material, ScoreSheet, SheetRevision, VetoMark


@dataclass(frozen=True)
class ApplicantRow:
    applicant_id: str
    name: str
    uscc: str
    carrier_type: str
    industry: str
    acceptance: str
    materials: int
    pages: int
    state: ApplicantState
    revision: int | None


@dataclass(frozen=True)
class Overview:
    identity: IdentityInfo | None
    round: RoundInfo | None
    expert_id: str | None  # this identity's id on the round's panel
    expert_role: str | None
    applicants: tuple[ApplicantRow, ...]


def overview(home: Home) -> Overview:
    identity = get_identity(home)
    info = round_info(home)
    loaded = rubrics(home) if info else {}
    with home.store.read() as session:
        expert = my_expert(session, identity)
        if expert is None:
            return Overview(identity, info, None, None, ())
        expert_id = expert.expert_id
        assigned = list(session.scalars(
            select(Applicant).join(Assignment, Assignment.applicant_id == Applicant.applicant_id)
            .where(Assignment.expert_id == expert_id).order_by(Applicant.position)))
        counts = {row[0]: (row[1], row[2] or 0) for row in session.execute(
            select(Material.applicant_id, func.count(Material.id).filter(Material.status != "missing"),
                   func.sum(Material.page_count)).group_by(Material.applicant_id))}
        conflicts = conflict_states(session, expert_id)
        latest: dict[str, SheetRevision] = {}
        for applicant_id, revision in session.execute(
                select(ScoreSheet.applicant_id, SheetRevision).join(SheetRevision, SheetRevision.sheet_id == ScoreSheet.id)
                .where(ScoreSheet.expert_id == expert_id).order_by(SheetRevision.number)):
            latest[applicant_id] = revision
        drafts = [r.id for r in latest.values() if r.state == SheetState.DRAFT]
        scores: dict[int, dict] = defaultdict(dict)
        comments: dict[int, dict] = defaultdict(dict)
        vetoes: dict[int, dict] = defaultdict(dict)
        if drafts:
            for row in session.scalars(select(ItemScore).where(ItemScore.revision_id.in_(drafts))):
                scores[row.revision_id][row.item_code] = row.score
                comments[row.revision_id][row.item_code] = row.comment
            for row in session.scalars(select(VetoMark).where(VetoMark.revision_id.in_(drafts))):
                vetoes[row.revision_id][row.veto_code] = (row.triggered, row.reason)
        rows = []
        for a in assigned:
            conflict, _ = conflicts.get(a.applicant_id, (ConflictState.UNCONFIRMED, ""))
            revision = latest.get(a.applicant_id)
            sheet = SheetState(revision.state) if revision else SheetState.NONE
            complete = False
            rubric = loaded.get(a.carrier_type)
            if sheet == SheetState.DRAFT and rubric is not None:
                complete = not checklist_for(rubric, conflict, scores[revision.id], comments[revision.id],
                                             vetoes[revision.id], revision.recommendation)
            state = applicant_state(conflict, sheet, complete)
            materials, pages = counts.get(a.applicant_id, (0, 0))
            rows.append(ApplicantRow(a.applicant_id, a.name, a.uscc, a.carrier_type, a.industry, a.acceptance,
                                     materials, pages, state,
                                     None if state == ApplicantState.CONFLICT or revision is None else revision.number))
        return Overview(identity, info, expert_id, expert.role, tuple(rows))


@dataclass(frozen=True)
class MaterialRow:
    material_id: int
    position: int
    name: str
    status: str  # ok | encrypted | missing
    pages: int | None
    sha256: str | None


@dataclass(frozen=True)
class ApplicantDetail:
    applicant_id: str
    name: str
    uscc: str
    entity_kind: str
    industry: str
    carrier_type: str
    address: str
    legal_representative: str
    contact: str
    acceptance: str
    findings: tuple[tuple[str, str], ...]  # (material, problem)
    materials: tuple[MaterialRow, ...]


def applicant_detail(home: Home, applicant_id: str) -> ApplicantDetail | None:
    with home.store.read() as session:
        a = session.get(Applicant, applicant_id)
        if a is None:
            return None
        materials = session.scalars(select(Material).filter_by(applicant_id=applicant_id).order_by(Material.position))
        return ApplicantDetail(
            a.applicant_id, a.name, a.uscc, a.entity_kind, a.industry, a.carrier_type, a.address,
            a.legal_representative, a.contact, a.acceptance,
            tuple((f["material"], f["problem"]) for f in json.loads(a.findings or "[]")),
            tuple(MaterialRow(m.id, m.position, m.name, m.status, m.page_count, m.sha256) for m in materials),
        )
