"""The panel on the desk: experts enrolled from the `.pub` files they exported (`keys export`),
their organisation and title, chair or member, and what they review; and a warning wherever an
expert's organisation or name matches an applicant, its legal representative or its contact (the
回避 grounds the panel is told about: the clerk decides, the app only points).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..errors import Code, Problem
from ..exchange.package_schema import APPLICANT_ID
from ..home import Home
from ..identity import PublicIdentity, parse_public_identity
from .desk import actor
from .records import DeskApplicant, DeskExpert

ROLES = ("member", "chair")


@dataclass(frozen=True)
class EnrolledExpert:
    expert_id: str
    name: str
    role: str
    organisation: str
    title: str
    fingerprint: str
    applicants: tuple[str, ...] | None  # None = all applicants


@dataclass(frozen=True)
class ConflictWarning:
    expert_id: str
    applicant_id: str
    what: str  # organisation | legal_representative | contact
    value: str


def read_identity_file(path: Path) -> PublicIdentity:
    try:
        data = path.read_bytes()
    except OSError:
        raise Problem(Code.FILE_UNREADABLE, path=str(path)) from None
    identity = parse_public_identity(data, path.name)
    if identity.role == "bureau":  # a bureau's key cannot sign score sheets
        raise Problem(Code.IDENTITY_FILE_INVALID, file=path.name, detail="role bureau")
    return identity


def enrol_expert(home: Home, pub: Path, *, role: str = "member", organisation: str = "", title: str = "",
                 applicants: list[str] | None = None, expert_id: str = "", name: str = "") -> EnrolledExpert:
    """Enrol the owner of `pub` (its name unless `name` is given). `applicants` None = all of them."""
    identity = read_identity_file(pub)
    data = pub.read_bytes()
    if role not in ROLES:
        raise Problem(Code.TABLE_INVALID, file=pub.name, row=0, column="role", reason="unknown", value=role)
    with home.store.read() as session:
        experts = list(session.scalars(select(DeskExpert)))
        known = {a.applicant_id for a in session.scalars(select(DeskApplicant))}
    same = next((e for e in experts if e.fingerprint == identity.fingerprint), None)
    if same is not None:
        raise Problem(Code.EXPERT_ENROLLED, name=same.name, expert_id=same.expert_id, fingerprint=identity.fingerprint)
    unknown = [a for a in applicants or [] if a not in known]
    if unknown:
        raise Problem(Code.APPLICANT_UNKNOWN, applicant_id=unknown[0])
    if not expert_id:
        numbers = [int(e.expert_id[1:]) for e in experts if re.fullmatch(r"E\d+", e.expert_id)]
        expert_id = f"E{max(numbers, default=0) + 1:02d}"
    if not re.fullmatch(APPLICANT_ID[1:-1], expert_id) or any(e.expert_id == expert_id for e in experts):
        raise Problem(Code.TABLE_INVALID, file=pub.name, row=0, column="expert_id", reason="duplicate", value=expert_id)
    assigned = json.dumps("*" if applicants is None else list(applicants), ensure_ascii=False)
    with home.store.write(actor(home)) as (session, audit):
        session.add(DeskExpert(expert_id=expert_id, position=len(experts) + 1, name=name or identity.name, role=role,
                               organisation=organisation.strip(), title=title.strip(), identity=data,
                               fingerprint=identity.fingerprint, applicants=assigned))
        audit.record("enrol", "desk_expert", expert_id, "fingerprint", None, identity.fingerprint)
    return next(e for e in list_experts(home) if e.expert_id == expert_id)


def update_expert(home: Home, expert_id: str, **fields: object) -> None:
    """Change role, organisation, title or assignments (`applicants`: list, or None for all)."""
    with home.store.write(actor(home)) as (session, audit):
        row = session.get(DeskExpert, expert_id)
        if row is None:
            raise Problem(Code.NOT_FOUND, what=expert_id)
        for field, value in fields.items():
            if field == "applicants":
                known = set(session.scalars(select(DeskApplicant.applicant_id)))
                unknown = [a for a in value or [] if a not in known]
                if unknown:
                    raise Problem(Code.APPLICANT_UNKNOWN, applicant_id=unknown[0])
                value = json.dumps("*" if value is None else list(value), ensure_ascii=False)
            elif field == "role" and value not in ROLES:
                raise Problem(Code.TABLE_INVALID, file="", row=0, column="role", reason="unknown", value=value)
            elif field not in ("organisation", "title", "role", "name"):
                raise Problem(Code.TABLE_INVALID, file="", row=0, column=field, reason="unknown", value=field)
            if getattr(row, field) != value:
                audit.record("edit", "desk_expert", expert_id, field, getattr(row, field), value)
                setattr(row, field, value)


def set_assignment(home: Home, expert_id: str, applicant_id: str | None, assigned: bool) -> EnrolledExpert:
    """Assign an expert all applicants (`applicant_id` None, `assigned` True: applicants added later
    too), or name them one by one (`applicant_id` None, `assigned` False: today's applicants, each
    named), or add or take one applicant. Taking one from "all" leaves every other applicant named;
    an expert left with no applicant is refused (remove the expert instead)."""
    expert = next((e for e in list_experts(home) if e.expert_id == expert_id), None)
    if expert is None:
        raise Problem(Code.NOT_FOUND, what=expert_id)
    with home.store.read() as session:
        known = [a.applicant_id for a in session.scalars(select(DeskApplicant).order_by(DeskApplicant.position))]
    if applicant_id is None:
        wanted = None if assigned else [a for a in known if expert.applicants is None or a in expert.applicants]
    else:
        if applicant_id not in known:
            raise Problem(Code.APPLICANT_UNKNOWN, applicant_id=applicant_id)
        current = set(known if expert.applicants is None else expert.applicants)
        current = current | {applicant_id} if assigned else current - {applicant_id}
        wanted = [a for a in known if a in current]  # in the round's order, as the package lists them
    if wanted == []:
        raise Problem(Code.DESK_ASSIGNMENT_EMPTY, name=expert.name)
    update_expert(home, expert_id, applicants=wanted)
    return next(e for e in list_experts(home) if e.expert_id == expert_id)


def remove_expert(home: Home, expert_id: str) -> None:
    with home.store.write(actor(home)) as (session, audit):
        row = session.get(DeskExpert, expert_id)
        if row is None:
            raise Problem(Code.NOT_FOUND, what=expert_id)
        audit.record("remove", "desk_expert", expert_id, "fingerprint", row.fingerprint, None)
        session.delete(row)


def list_experts(home: Home) -> list[EnrolledExpert]:
    with home.store.read() as session:
        rows = list(session.scalars(select(DeskExpert).order_by(DeskExpert.position)))
    out = []
    for r in rows:
        assigned = json.loads(r.applicants)
        out.append(EnrolledExpert(r.expert_id, r.name, r.role, r.organisation, r.title, r.fingerprint,
                                  None if assigned == "*" else tuple(assigned)))
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# A unit's name minus where it is and what kind it is, so 深圳市光明区先进制造业协会 and
# 光明区先进制造业协会 meet. One core inside the other counts only when the shorter has at least
# six characters: 深圳技师学院 is not 深圳光明科学城技师学院 (技师学院 is only the kind of unit).
_AFFIXES = re.compile(r"^(广东省|深圳市|深圳|光明区|[\u4e00-\u9fff]{2}区|[\u4e00-\u9fff]{2}新区)+")


def _core(name: str) -> str:
    return _AFFIXES.sub("", _norm(name))


def conflict_warnings(home: Home) -> list[ConflictWarning]:
    """Where an expert may be conflicted with an applicant assigned to them."""
    with home.store.read() as session:
        applicants = list(session.scalars(select(DeskApplicant).order_by(DeskApplicant.position)))
    warnings = []
    for expert in list_experts(home):
        organisation, name = _core(expert.organisation), _norm(expert.name)
        for a in applicants:
            if expert.applicants is not None and a.applicant_id not in expert.applicants:
                continue
            applicant = _core(a.name)
            shorter, longer = sorted((organisation, applicant), key=len)
            if shorter and (shorter == longer or (len(shorter) >= 6 and shorter in longer)):
                warnings.append(ConflictWarning(expert.expert_id, a.applicant_id, "organisation", a.name))
            for what in ("legal_representative", "contact"):
                value = _norm(getattr(a, what))
                if len(name) >= 2 and value and name in value:
                    warnings.append(ConflictWarning(expert.expert_id, a.applicant_id, what, getattr(a, what)))
    return warnings
