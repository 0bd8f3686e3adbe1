"""What a home holds, as plain data for the shell and `reviewdesk status`: the identity, the round,
and per applicant assigned to this person, its state (not_started, draft, ready, signed, conflict).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .exchange.package_schema import RoundFile
from .home import Home
from .identity import IdentityInfo, get_identity
from .rubric import Rubric, parse_rubric
from .store.models import Applicant, Assignment, Expert, Material, Round, RubricRecord, ScoreSheet, SheetRevision

STATES = ("not_started", "draft", "ready", "signed", "conflict")


@dataclass(frozen=True)
class RoundInfo:
    round_id: str
    title: str
    district: str
    bureau: str
    year: int
    package_sha256: str
    file: RoundFile


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
    state: str
    revision: int | None


@dataclass(frozen=True)
class Overview:
    identity: IdentityInfo | None
    round: RoundInfo | None
    expert_id: str | None  # this identity's id on the round's panel
    expert_role: str | None
    applicants: tuple[ApplicantRow, ...]


def round_info(home: Home) -> RoundInfo | None:
    with home.store.read() as session:
        row = session.scalars(select(Round)).first()
        if row is None:
            return None
        return RoundInfo(row.round_id, row.title, row.district, row.bureau_name, row.year, row.package_sha256,
                         RoundFile.model_validate_json(row.round_json))


def rubrics(home: Home) -> dict[str, Rubric]:
    with home.store.read() as session:
        return {r.carrier_type: parse_rubric(r.body, f"{r.carrier_type}.json") for r in session.scalars(select(RubricRecord))}


def my_expert(session: Session, identity: IdentityInfo | None) -> Expert | None:
    if identity is None:
        return None
    compact = "".join(identity.fingerprint.split())
    return next((e for e in session.scalars(select(Expert)) if "".join(e.fingerprint.split()) == compact), None)


def _state(session: Session, rubric: Rubric | None, applicant_id: str, expert_id: str) -> tuple[str, int | None]:
    from .sheets.ops import conflict_state
    from .sheets.view import checklist_for, load_contents

    conflict, _ = conflict_state(session, expert_id, applicant_id)
    if conflict == "declared":
        return "conflict", None
    sheet = session.scalars(select(ScoreSheet).filter_by(applicant_id=applicant_id, expert_id=expert_id)).first()
    revision = None if sheet is None else session.scalars(
        select(SheetRevision).filter_by(sheet_id=sheet.id).order_by(SheetRevision.number.desc())).first()
    if revision is None:
        return "not_started", None
    if revision.state == "signed":
        return "signed", revision.number
    scores, comments, vetoes, *_ = load_contents(session, revision)
    missing = checklist_for(rubric, conflict, scores, comments, vetoes, revision.recommendation) if rubric else (1,)
    return ("draft" if missing else "ready"), revision.number


def overview(home: Home) -> Overview:
    identity = get_identity(home)
    info = round_info(home)
    loaded = rubrics(home) if info else {}
    with home.store.read() as session:
        expert = my_expert(session, identity)
        rows: list[ApplicantRow] = []
        if expert is not None:
            assigned = select(Assignment.applicant_id).filter_by(expert_id=expert.expert_id)
            query = select(Applicant).where(Applicant.applicant_id.in_(assigned)).order_by(Applicant.position)
            for a in session.scalars(query):
                materials = list(session.scalars(select(Material).filter_by(applicant_id=a.applicant_id)))
                state, revision = _state(session, loaded.get(a.carrier_type), a.applicant_id, expert.expert_id)
                rows.append(ApplicantRow(
                    a.applicant_id, a.name, a.uscc, a.carrier_type, a.industry, a.acceptance,
                    sum(1 for m in materials if m.status != "missing"), sum(m.page_count or 0 for m in materials),
                    state, revision,
                ))
        return Overview(identity, info, expert.expert_id if expert else None, expert.role if expert else None, tuple(rows))


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
    import json

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
