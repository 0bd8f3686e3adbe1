"""After the review: `bureau notices` (受理 / 补正 per applicant) and `bureau publish` (the chair's
result verified against the package, then the 公示 notice and the 报送 letter to the city bureau).

Every document is written only after everything it rests on has been checked; a refusal writes
nothing. Files are written durably (store/blobs.write_durably), each a whole PDF or none.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from ..calendar import WorkCalendar
from ..carriers import CARRIER_TYPES
from ..chair.result_check import parse_result
from ..errors import Code, Problem
from ..exchange.container import open_container
from ..exchange.package import open_package
from ..exchange.package_build import assemble_spec
from ..exchange.package_schema import RoundFile
from ..home import Home
from ..progress import Progress, no_progress
from ..store.blobs import sha256_hex, write_durably
from ..verification import verify_file
from .desk import actor, require_round
from .letters import (
    Candidate,
    NoticeFacts,
    PublicityFacts,
    render_final_list,
    render_notice,
    render_publicity,
    render_report_letter,
)
from .portal import list_applicants
from .records import DeskObjection
from .spec import completeness


@dataclass(frozen=True)
class NoticeWritten:
    applicant_id: str
    acceptance: str
    path: Path


def _out_dir(outdir: Path) -> None:
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise Problem(Code.FILE_WRITE_FAILED, path=str(outdir), detail=exc.strerror or str(exc)) from None


def write_notices(spec: Path, outdir: Path, issued: date | None = None) -> list[NoticeWritten]:
    """One 受理通知书 or 补正材料通知书 per applicant of the spec folder, from its completeness check."""
    assembled = assemble_spec(spec)
    scans = {r.applicant_id: r.scans for r in assembled.report}
    return _write_notices(assembled.round, [
        NoticeFacts(e.applicant_id, e.name, e.uscc, e.carrier_type, e.acceptance, tuple(e.findings),
                    scans.get(e.applicant_id, ())) for e in assembled.applicants], outdir, issued)


def write_desk_notices(home: Home, outdir: Path, issued: date | None = None,
                       progress: Progress = no_progress) -> list[NoticeWritten]:
    """The same notices from the bureau's desk, by the same completeness rule (scanned pages
    included), before any expert is enrolled; `progress` per applicant checked."""
    round_file = require_round(home)
    uscc = {a.applicant_id: a.uscc for a in list_applicants(home)}
    return _write_notices(round_file, [
        NoticeFacts(c.applicant_id, c.name, uscc[c.applicant_id], c.carrier_type, c.acceptance, c.findings, c.scans)
        for c in completeness(home, progress)], outdir, issued)


def _write_notices(round_file: RoundFile, applicants: list[NoticeFacts], outdir: Path,
                   issued: date | None) -> list[NoticeWritten]:
    issued = issued or datetime.now(UTC).date()
    WorkCalendar.from_years(list(round_file.calendar)).is_working_day(issued)  # a year without data: refused
    documents = [(facts, render_notice(round_file, facts, issued)) for facts in applicants]
    _out_dir(outdir)
    written = []
    for facts, data in documents:
        kind = "accepted" if facts.acceptance == "accepted" else "correction"
        path = outdir / f"notice-{facts.applicant_id}-{kind}.pdf"
        write_durably(path, data)
        written.append(NoticeWritten(facts.applicant_id, facts.acceptance, path))
    return written


@dataclass(frozen=True)
class Published:
    publicity: Path
    report_letter: Path
    candidates: int
    window: tuple[date, date]
    sent: date
    deadline: date
    late: bool


def publicity_facts(result_path: Path, package_path: Path):
    """The verified result's candidate list and publicity window, with the package's round."""
    verify_file(result_path, package_path)  # signature, chair, package, every number possible
    with open_container(result_path) as container:
        result = parse_result(container.member("result.json"))
    with open_package(package_path) as package:
        round_file = package.round
    by_id = {a.applicant_id: a for a in result.applicants}
    decimals = result.policy.decimals
    order = [t for t in CARRIER_TYPES if t in result.candidates] + [t for t in result.candidates if t not in CARRIER_TYPES]
    candidates = {}
    for carrier_type in order:
        chosen = [by_id[i] for i in result.candidates[carrier_type]]
        candidates[carrier_type] = tuple(
            Candidate(a.rank, a.name, a.uscc,
                      "—" if a.final_score is None else format(Decimal(a.final_score).quantize(Decimal(1).scaleb(-decimals)), "f"),
                      applicant_id=a.applicant_id)
            for a in chosen)
    p = result.publicity
    facts = PublicityFacts(candidates, date.fromisoformat(p.start), date.fromisoformat(p.end), p.working_days,
                           date.fromisoformat(p.report_by), date.fromisoformat(p.deadline), p.late)
    return round_file, facts


def publish(result_path: Path, package_path: Path, outdir: Path, sent: date | None = None) -> Published:
    """Write publicity.pdf (公示) and report-letter.pdf (报送, dated `sent`, by default the first
    working day after the window) once the result verifies against the package."""
    round_file, facts = publicity_facts(result_path, package_path)
    sent = sent or facts.report_by
    created = datetime.now(UTC)
    publicity = render_publicity(round_file, facts)
    letter = render_report_letter(round_file, facts, sent, created)
    _out_dir(outdir)
    write_durably(outdir / "publicity.pdf", publicity)
    write_durably(outdir / "report-letter.pdf", letter)
    return Published(outdir / "publicity.pdf", outdir / "report-letter.pdf",
                     sum(len(c) for c in facts.candidates.values()), (facts.start, facts.end), sent, facts.deadline,
                     sent > facts.deadline)


# --- objections during 公示 and the final list --------------------------------------------------------
class ObjectionVerdict(StrEnum):
    PENDING = "pending"  # received, being looked into
    UPHELD = "upheld"  # 成立: the candidate leaves the final list
    REJECTED = "rejected"  # 不成立: the candidate stays


@dataclass(frozen=True)
class Objection:
    number: int
    received: date
    objector: str
    applicant_id: str
    applicant_name: str
    summary: str
    verdict: ObjectionVerdict
    reason: str


def _objection(row: DeskObjection) -> Objection:
    return Objection(row.id, date.fromisoformat(row.received), row.objector, row.applicant_id, row.applicant_name,
                     row.summary, ObjectionVerdict(row.verdict), row.reason)


def list_objections(home: Home) -> list[Objection]:
    with home.store.read() as session:
        return [_objection(r) for r in session.scalars(select(DeskObjection).order_by(DeskObjection.id))]


def _candidates_by_id(facts: PublicityFacts) -> dict[str, tuple[str, Candidate]]:
    return {c.applicant_id: (t, c) for t, chosen in facts.candidates.items() for c in chosen}


def record_objection(home: Home, result_path: Path, package_path: Path, *, applicant_id: str, received: date,
                     objector: str, summary: str = "") -> Objection:
    """Record an objection to a published candidate, received within the 公示 window (one audit row)."""
    _, facts = publicity_facts(result_path, package_path)
    objector, summary = objector.strip(), summary.strip()
    candidates = _candidates_by_id(facts)
    if applicant_id not in candidates:
        raise Problem(Code.OBJECTION_NOT_CANDIDATE, applicant_id=applicant_id)
    if not (facts.start <= received <= facts.end):
        raise Problem(Code.OBJECTION_OUTSIDE_WINDOW, received=received.isoformat(), start=facts.start.isoformat(),
                      end=facts.end.isoformat())
    if not objector:
        raise Problem(Code.OBJECTION_NO_OBJECTOR, applicant_id=applicant_id)
    name = candidates[applicant_id][1].name
    with home.store.write(actor(home)) as (session, audit):
        row = DeskObjection(received=received.isoformat(), objector=objector, applicant_id=applicant_id,
                            applicant_name=name, summary=summary, verdict=ObjectionVerdict.PENDING.value,
                            reason="", result_sha256=sha256_hex(result_path.read_bytes()), recorded_at=audit.at,
                            decided_at=None)
        session.add(row)
        session.flush()
        audit.record("receive", "desk_objection", row.id, "applicant_id", None,
                     f"{applicant_id} {name}; {received.isoformat()}; {objector}; {summary}")
        return _objection(row)


def decide_objection(home: Home, number: int, verdict: ObjectionVerdict, reason: str) -> Objection:
    """成立 or 不成立, always with the reason the bureau found (one audit row; may be changed later,
    the audit log keeps each finding)."""
    reason = reason.strip()
    if verdict == ObjectionVerdict.PENDING or not reason:
        raise Problem(Code.OBJECTION_REASON_MISSING, number=number)
    with home.store.write(actor(home)) as (session, audit):
        row = session.get(DeskObjection, number)
        if row is None:
            raise Problem(Code.OBJECTION_UNKNOWN, number=number)
        audit.record("decide", "desk_objection", row.id, "verdict", f"{row.verdict} {row.reason}".strip(),
                     f"{verdict.value} {reason}")
        row.verdict, row.reason, row.decided_at = verdict.value, reason, audit.at
        return _objection(row)


@dataclass(frozen=True)
class FinalList:
    path: Path
    letter: Path  # the 报送 letter again, for the final list and how each objection was settled
    candidates: dict[str, tuple[Candidate, ...]]  # carrier type -> the candidates that stay
    removed: tuple[Objection, ...]  # the upheld objections, whose candidates left the list
    dated: date


def write_final_list(home: Home, result_path: Path, package_path: Path, outdir: Path,
                     dated: date | None = None) -> FinalList:
    """After the window: the candidate list less every candidate an upheld objection concerns, as
    final-list.pdf (for the 报送), recorded in the audit log. Refused while an objection is pending
    or before the window has closed; nothing is written then."""
    round_file, facts = publicity_facts(result_path, package_path)
    dated = dated or facts.report_by
    if dated <= facts.end:
        raise Problem(Code.PUBLICITY_NOT_OVER, end=facts.end.isoformat(), date=dated.isoformat())
    digest = sha256_hex(result_path.read_bytes())
    objections = [o for o in list_objections(home) if _result_of(home, o.number) == digest]
    pending = [o for o in objections if o.verdict == ObjectionVerdict.PENDING]
    if pending:
        raise Problem(Code.OBJECTION_PENDING, count=len(pending), number=pending[0].number,
                      name=pending[0].applicant_name)
    removed = tuple(o for o in objections if o.verdict == ObjectionVerdict.UPHELD)
    gone = {o.applicant_id for o in removed}
    final = {t: tuple(c for c in chosen if c.applicant_id not in gone) for t, chosen in facts.candidates.items()}
    data = render_final_list(round_file, facts, final, objections, dated)
    # The letter publish() drafted knew of no objection: the one that goes is this one.
    letter = render_report_letter(round_file, replace(facts, candidates=final), dated, datetime.now(UTC), objections)
    _out_dir(outdir)
    path = outdir / "final-list.pdf"
    write_durably(path, data)
    write_durably(outdir / "report-letter.pdf", letter)
    with home.store.write(actor(home)) as (_session, audit):
        audit.record("final_list", "desk_publicity", 1, "candidates", None,
                     "; ".join(f"{t}: {' '.join(c.applicant_id for c in chosen)}" for t, chosen in final.items())
                     + f"; removed: {' '.join(sorted(gone)) or '-'}; pdf {sha256_hex(data)}; letter {sha256_hex(letter)}")
    return FinalList(path, outdir / "report-letter.pdf", final, removed, dated)


def _result_of(home: Home, number: int) -> str:
    with home.store.read() as session:
        return session.get(DeskObjection, number).result_sha256
