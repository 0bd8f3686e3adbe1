"""After the review: `bureau notices` (受理 / 补正 per applicant) and `bureau publish` (the chair's
result verified against the package, then the 公示 notice and the 报送 letter to the city bureau).

Every document is written only after everything it rests on has been checked; a refusal writes
nothing. Files are written durably (store/blobs.write_durably), each a whole PDF or none.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from ..carriers import CARRIER_TYPES
from ..chair.result_check import parse_result
from ..errors import Code, Problem
from ..exchange.container import open_container
from ..exchange.package import open_package
from ..exchange.package_build import assemble_spec
from ..store.blobs import write_durably
from ..verification import verify_file
from .letters import Candidate, NoticeFacts, PublicityFacts, render_notice, render_publicity, render_report_letter


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
    issued = issued or datetime.now(UTC).date()
    from ..calendar import WorkCalendar

    WorkCalendar.from_years(list(assembled.round.calendar)).is_working_day(issued)  # a year without data: refused
    scans = {r.applicant_id: r.scans for r in assembled.report}
    documents = []
    for entry in assembled.applicants:
        facts = NoticeFacts(entry.applicant_id, entry.name, entry.uscc, entry.carrier_type, entry.acceptance,
                            tuple(entry.findings), scans.get(entry.applicant_id, ()))
        documents.append((entry, render_notice(assembled.round, facts, issued)))
    _out_dir(outdir)
    written = []
    for entry, data in documents:
        kind = "accepted" if entry.acceptance == "accepted" else "correction"
        path = outdir / f"notice-{entry.applicant_id}-{kind}.pdf"
        write_durably(path, data)
        written.append(NoticeWritten(entry.applicant_id, entry.acceptance, path))
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
                      "—" if a.final_score is None else format(Decimal(a.final_score).quantize(Decimal(1).scaleb(-decimals)), "f"))
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
