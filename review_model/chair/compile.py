"""Compiling the panel's scores: everything the chair's home received, through the round's policy.

`compile_panel(home, publicity_start)` returns plain data: per applicant each expert's counting
sheet (or why there is none), the aggregated result (aggregate.py), the rank and candidate status
per carrier type (ranking.py), the discussion, every changed score with its reason, the publicity
window, and the blockers that keep the result from being signed:
- a score that changed between an expert's first signed revision and the counting one without a
  permitted reason (from a reconsideration request naming that item, or set by the chair);
- no applicant has any score.
A change counts as explained by a request when the request named that expert and item and the
counting revision is newer than the one counting when the request was made.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from ..calendar import WorkCalendar
from ..carriers import CARRIER_TYPES
from ..errors import Code, Problem
from ..exchange.package_schema import Deadlines, RoundFile
from ..home import Home
from ..imported_round import round_info, rubrics
from ..policy import AggregationPolicy
from ..rubric import Rubric
from ..signing.document import SheetDocument
from .aggregate import ApplicantResult, ExpertSheet, aggregate
from .discussion import Discussion, NoteRow, RequestRow, discussion
from .intake import Chair, IntakeState, PanelMember, counted_documents, intake_state, require_chair
from .ranking import PublicityWindow, publicity_window, rank


@dataclass(frozen=True)
class ExpertColumn:
    """One expert's counting sheet for one applicant (or why there is none)."""

    expert_id: str
    status: str  # scored | conflict | missing
    revision: int | None
    total: Decimal | None
    scores: dict[str, Decimal | None]
    comments: dict[str, str]
    vetoes: dict[str, str]  # triggered veto code -> reason
    recommendation: str
    opinion: str
    conflict_reason: str = ""
    sheet_sha256: str = ""  # SHA-256 of the counting revision's signed JSON


@dataclass(frozen=True)
class ScoreChange:
    expert_id: str
    applicant_id: str
    item_code: str
    item_title: str
    old: Decimal | None
    new: Decimal | None
    from_revision: int
    to_revision: int
    amend_reason: str  # the expert's own words when amending
    reason: str | None  # a permitted reason, or None: unexplained
    source: str | None  # request | chair
    note: str = ""


@dataclass(frozen=True)
class RequestStatus:
    request: RequestRow
    answered_by: int | None  # the newer revision that answers it


@dataclass(frozen=True)
class ApplicantCompiled:
    applicant_id: str
    name: str
    uscc: str
    carrier_type: str
    result: ApplicantResult
    experts: tuple[ExpertColumn, ...]
    notes: tuple[NoteRow, ...]
    requests: tuple[RequestStatus, ...]

    def expert(self, expert_id: str) -> ExpertColumn | None:
        return next((e for e in self.experts if e.expert_id == expert_id), None)


@dataclass(frozen=True)
class InputBundle:
    bundle_sha256: str
    file_sha256: str
    file_name: str
    expert_id: str
    created_at: datetime
    current: bool


@dataclass(frozen=True)
class RoundFacts:
    round_id: str
    title: str
    district: str
    bureau: str
    programme: str
    call_reference: str
    package_sha256: str
    deadlines: Deadlines
    publicity_days: int


@dataclass(frozen=True)
class Compilation:
    round: RoundFacts
    chair: Chair
    policy: AggregationPolicy
    quotas: dict[str, int]
    rubrics: dict[str, Rubric]
    members: tuple[PanelMember, ...]
    applicants: tuple[ApplicantCompiled, ...]  # by carrier type, then rank, then final score
    changes: tuple[ScoreChange, ...]
    inputs: tuple[InputBundle, ...]
    missing: tuple[tuple[str, str], ...]  # (expert_id, applicant_id) with no sheet and no conflict
    publicity_start: date | None
    window: PublicityWindow | None
    window_problem: Problem | None  # e.g. no calendar for that year
    blockers: tuple[Problem, ...]

    @property
    def can_sign(self) -> bool:
        return not self.blockers

    def carrier_types(self) -> list[str]:
        present = {a.carrier_type for a in self.applicants}
        return [t for t in CARRIER_TYPES if t in present]

    def of_type(self, carrier_type: str) -> list[ApplicantCompiled]:
        return [a for a in self.applicants if a.carrier_type == carrier_type]

    def candidates(self, carrier_type: str) -> list[ApplicantCompiled]:
        return [a for a in self.of_type(carrier_type) if a.result.recommended]

    def applicant(self, applicant_id: str) -> ApplicantCompiled | None:
        return next((a for a in self.applicants if a.applicant_id == applicant_id), None)


def round_calendar(file: RoundFile) -> WorkCalendar:
    return WorkCalendar.from_years(list(file.calendar))


def default_publicity_start(file: RoundFile, today: date | None = None) -> date:
    """The first working day after the review deadline (or after today when the round names none)."""
    after = file.deadlines.review or today or datetime.now(UTC).date()
    return round_calendar(file).working_days_from(after + timedelta(days=1), 1)[0]


def _column(expert_id: str, state, documents) -> tuple[ExpertColumn, ExpertSheet, SheetDocument | None, SheetDocument | None]:
    if state.status != "scored":
        column = ExpertColumn(expert_id, state.status, None, None, {}, {}, {}, "", "", state.conflict_reason)
        return column, ExpertSheet(expert_id, state.status), None, None
    counting_bytes, first_bytes = documents[(expert_id, state.applicant_id)]
    doc = SheetDocument.model_validate_json(counting_bytes)
    first = SheetDocument.model_validate_json(first_bytes)
    scores = {i.code: (None if i.score is None else Decimal(i.score)) for i in doc.items}
    comments = {i.code: i.comment for i in doc.items if i.comment}
    vetoes = {v.code: v.reason for v in doc.vetoes if v.triggered}
    column = ExpertColumn(expert_id, "scored", state.revision, Decimal(doc.totals.total), scores, comments, vetoes,
                          doc.recommendation, doc.opinion, "", next(r.json_sha256 for r in state.history if r.counts))
    sheet = ExpertSheet(expert_id, "scored", doc.scores(), comments, vetoes, state.revision)
    return column, sheet, doc, first


def _changes(expert_id: str, applicant_id: str, doc: SheetDocument, first: SheetDocument, talk: Discussion,
             requests: list[RequestRow]) -> list[ScoreChange]:
    if doc.revision.number == first.revision.number:
        return []
    before = {i.code: i.score for i in first.items}
    out = []
    for item in doc.items:
        old, new = before.get(item.code), item.score
        if Decimal(old or 0) == Decimal(new or 0):
            continue
        reason, source, note = None, None, ""
        chosen = talk.reasons.get((expert_id, applicant_id, item.code, doc.revision.number))
        asked = [r for r in requests if r.expert_id == expert_id and item.code in r.items
                 and (r.asked_revision or 0) < doc.revision.number]
        if chosen is not None:
            reason, source, note = chosen.reason, "chair", chosen.note
        elif asked:
            reason, source, note = asked[-1].reason, "request", asked[-1].note
        out.append(ScoreChange(expert_id, applicant_id, item.code, item.title,
                               None if old is None else Decimal(old), None if new is None else Decimal(new),
                               first.revision.number, doc.revision.number, doc.revision.amend_reason, reason, source, note))
    return out


def compile_panel(home: Home, publicity_start: date | None = None) -> Compilation:
    chair = require_chair(home)
    info = round_info(home)
    file = info.file
    policy, loaded = file.policy, rubrics(home)
    state: IntakeState = intake_state(home)
    documents = counted_documents(home, state)
    talk = discussion(home)
    results: list[ApplicantResult] = []
    parts: dict[str, tuple[tuple[ExpertColumn, ...], list[RequestStatus]]] = {}
    changes: list[ScoreChange] = []
    for ref in state.applicants:
        applicant_id, rubric = ref.applicant_id, loaded[ref.carrier_type]
        columns, sheets = [], []
        requests = [r for r in talk.requests if r.applicant_id == applicant_id]
        for member in state.members:
            assignment = state.assignments.get((member.expert_id, applicant_id))
            if assignment is None:
                continue
            column, sheet, doc, first = _column(member.expert_id, assignment, documents)
            columns.append(column)
            sheets.append(sheet)
            if doc is not None:
                changes += _changes(member.expert_id, applicant_id, doc, first, talk, requests)
        results.append(aggregate(policy, rubric, applicant_id, sheets))
        statuses = [RequestStatus(r, _answer(r, state)) for r in requests]
        parts[applicant_id] = (tuple(columns), statuses)
    ranked = {r.applicant_id: r for r in rank(policy, results, dict(file.quotas))}
    compiled = [ApplicantCompiled(a.applicant_id, a.name, a.uscc, a.carrier_type, ranked[a.applicant_id],
                                  parts[a.applicant_id][0], tuple(n for n in talk.notes if n.applicant_id == a.applicant_id),
                                  tuple(parts[a.applicant_id][1]))
                for a in state.applicants]
    order = {t: i for i, t in enumerate(CARRIER_TYPES)}
    compiled.sort(key=lambda a: (order.get(a.carrier_type, 99), a.result.rank is None, a.result.rank or 0,
                                 -(a.result.final_score or Decimal(-1)), a.applicant_id))
    window, window_problem, start = None, None, publicity_start
    try:
        start = start or default_publicity_start(file)
        window = publicity_window(round_calendar(file), start, file.publicity_days, file.deadlines.report)
    except Problem as problem:
        window_problem = problem
    blockers = [Problem(Code.CHANGE_UNEXPLAINED, expert=c.expert_id, applicant=c.applicant_id, item=c.item_code,
                        old=c.old, new=c.new) for c in changes if c.reason is None]
    if not any(r.final_score is not None for r in results):
        blockers.append(Problem(Code.NO_SCORES))
    if window_problem is not None:
        blockers.append(window_problem)
    facts = RoundFacts(file.round_id, file.title, file.district, file.bureau, file.programme, file.call_reference,
                       info.package_sha256, file.deadlines, file.publicity_days)
    inputs = tuple(InputBundle(b.bundle_sha256, b.file_sha256, b.file_name, b.expert_id, b.created_at, b.current)
                   for b in state.bundles)
    missing = tuple((a.expert_id, a.applicant_id) for a in state.missing())
    return Compilation(facts, chair, policy, dict(file.quotas), loaded, state.members, tuple(compiled), tuple(changes),
                       inputs, missing, start, window, window_problem, tuple(blockers))


def _answer(request: RequestRow, state: IntakeState) -> int | None:
    assignment = state.assignments.get((request.expert_id, request.applicant_id))
    if assignment is None or assignment.revision is None:
        return None
    return assignment.revision if assignment.revision > (request.asked_revision or 0) else None
