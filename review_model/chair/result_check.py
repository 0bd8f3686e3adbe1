"""Checking a panel result (.rvres) against its package: `reviewdesk verify R.rvres --package P.rvpkg`.

verify.py has already checked the container, its signature, that it names the package, and that its
signer is the package's chair (by key). Here: result.json is bounded JSON (signed_json.py) valid
against its schema (numbers are exact decimals within what a sheet can hold, at most the policy's
decimals for a final score), names the package's round, hash and chair, lists exactly the package's
applicants as the package gives them and its experts, uses the package's policy and quotas, lists
the SHA-256 of every input bundle from the panel's experts, and the PDFs and the XLSX are present.
Then every number must be possible: totals and scores within the rubric, a final score among its
experts' totals (when the policy combines totals), veto votes from scoring experts, ranks that follow
the final scores, candidates that are the recommended ones. The first failure is the reason.

Given the experts' return bundles (`bundles`), the panel is computed again (`_recompute`) from the
signed sheets the result names, with aggregate.py and ranking.py, for every applicant whose sheets
are all at hand: each expert's total, the final score, the veto, and the ranks. Flags are not
compared (their words belong to the chair's desk).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from .. import crypto
from ..errors import Code, Problem
from ..exchange import signed_json
from ..exchange.container import OpenedContainer
from ..exchange.package import Package
from ..signing.bundle import ReturnBundle, VerifiedSheet
from .aggregate import ApplicantResult, ExpertSheet, aggregate
from .ranking import rank

SHA256 = r"^[0-9a-f]{64}$"
# The largest and finest points a signed sheet can hold (document.POINTS: 9 digits, 6 decimals).
MAX_POINTS = Decimal(10) ** 9
MAX_DECIMALS = 6
MAX_REVISION = 999  # as SheetListing.revision


def _number(value: object) -> Decimal:
    """Points are JSON numbers (read as exact decimals), never strings, booleans or floats, and never
    beyond what a sheet can hold (1e999999 would overflow every later quantize)."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise ValueError("a JSON number is required")
    number = Decimal(value)
    if not number.is_finite() or abs(number) >= MAX_POINTS or (number and number.as_tuple().exponent < -MAX_DECIMALS):
        raise ValueError("a JSON number below 1e9 with at most 6 decimals is required")
    return number


Number = Annotated[Decimal, BeforeValidator(_number)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class ChairRef(_Strict):
    expert_id: str
    name: str
    fingerprint: str


class PolicyUsed(_Strict):
    method: Literal["mean", "trimmed_mean", "median"]
    level: Literal["item", "total"]
    trim_min_experts: int
    decimals: int
    rounding: Literal["half_up"]
    min_score: Number
    veto_rule: Literal["any", "majority"]
    abnormal_ratio: Number
    tie_rule: Literal["shared", "section_then_shared"]
    tie_section: str | None


class Publicity(_Strict):
    start: str
    end: str
    working_days: int
    days: list[str]
    report_by: str
    deadline: str
    late: bool


class ExpertEntry(_Strict):
    expert_id: str
    name: str
    role: Literal["member", "chair"]
    fingerprint: str


class InputEntry(_Strict):
    bundle_sha256: str = Field(pattern=SHA256)
    file_sha256: str = Field(pattern=SHA256)
    file_name: str
    expert_id: str
    created_at: str
    current: bool


class Missing(_Strict):
    expert_id: str
    applicant_id: str


class ApplicantEntry(_Strict):
    applicant_id: str
    name: str
    uscc: str
    carrier_type: str
    final_score: Number | None
    rank: int | None
    recommended: bool
    vetoed: bool
    veto_votes: int
    expert_totals: dict[str, Number | None]
    excluded: dict[str, Literal["conflict", "missing"]]
    revisions: dict[str, int]
    sheet_sha256: dict[str, str]
    flags: list[str]
    discussion: list[str]


class Change(_Strict):
    expert_id: str
    applicant_id: str
    item_code: str
    old: Number | None
    new: Number | None
    from_revision: int
    to_revision: int
    reason: Literal["adding_error", "out_of_range", "objective_disagreement", "abnormal"]
    source: Literal["request", "chair"]


class RequestEntry(_Strict):
    applicant_id: str
    expert_id: str
    items: list[str]
    reason: str
    answered_by: int | None


class ResultFile(_Strict):
    schema_: Literal["reviewdesk-result/1"] = Field(alias="schema")
    round_id: str
    title: str
    district: str
    bureau: str
    package_sha256: str = Field(pattern=SHA256)
    created_at: str
    chair: ChairRef
    policy: PolicyUsed
    quotas: dict[str, int]
    publicity: Publicity
    experts: list[ExpertEntry]
    inputs: list[InputEntry] = Field(min_length=1)
    missing: list[Missing]
    applicants: list[ApplicantEntry]
    candidates: dict[str, list[str]]
    changes: list[Change]
    requests: list[RequestEntry]


def parse_result(data: bytes) -> ResultFile:
    document = signed_json.decimal_member(data, "result.json")
    try:
        return ResultFile.model_validate(document)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise Problem(Code.SCHEMA_INVALID, member="result.json",
                      detail=f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}") from None


def _refuse(detail: str) -> Problem:
    return Problem(Code.RESULT_INVALID, detail=detail)


def check_result(result: ResultFile, package: Package, bundles: Sequence[ReturnBundle] | None = None) -> int:
    """Raise RESULT_INVALID unless `result` agrees with `package` (module docstring); return how many
    applicants were computed again from `bundles` (0 without them)."""
    r = package.round
    if (result.round_id, result.package_sha256) != (r.round_id, package.sha256):
        raise _refuse("round_id / package_sha256")
    chair = package.chair()
    if result.chair.expert_id != chair.expert_id or not crypto.same_fingerprint(result.chair.fingerprint, chair.fingerprint):
        raise _refuse("chair")
    if result.policy.model_dump() != {k: v for k, v in r.policy.model_dump().items() if k in PolicyUsed.model_fields}:
        raise _refuse("policy")
    if result.quotas != dict(r.quotas):
        raise _refuse("quotas")
    days = result.publicity
    try:
        parsed = [date.fromisoformat(d) for d in (days.start, days.end, days.report_by, days.deadline, *days.days)]
    except ValueError:
        raise _refuse("publicity") from None
    if len(days.days) != days.working_days or parsed[3] != r.deadlines.report or not parsed[0] <= parsed[1] < parsed[2]:
        raise _refuse("publicity")
    experts = {e.expert_id: e for e in package.experts}
    if [(e.expert_id, e.name, e.role) for e in result.experts] != [(e.expert_id, e.name, e.role) for e in
                                                                    sorted(package.experts, key=lambda e: e.expert_id)]:
        raise _refuse("experts")
    for entry in result.inputs:
        if entry.expert_id not in experts:
            raise _refuse(f"inputs: {entry.expert_id}")
    listed = {a.applicant_id: a for a in package.applicants}
    if sorted(a.applicant_id for a in result.applicants) != sorted(listed):
        raise _refuse("applicants")
    step = Decimal(1).scaleb(-result.policy.decimals)
    for a in result.applicants:
        given = listed[a.applicant_id]
        if (a.name, a.uscc, a.carrier_type) != (given.name, given.uscc, given.carrier_type):
            raise _refuse(f"applicants: {a.applicant_id}")
        assigned = {e for e, entry in experts.items() if a.applicant_id in entry.applicants}
        if set(a.expert_totals) != assigned or not set(a.excluded) <= assigned:
            raise _refuse(f"expert_totals: {a.applicant_id}")
        if a.final_score is not None and a.final_score != a.final_score.quantize(step):
            raise _refuse(f"final_score: {a.applicant_id}")
        if any(not re.fullmatch(SHA256, h) for h in a.sheet_sha256.values()):
            raise _refuse(f"sheet_sha256: {a.applicant_id}")
    for carrier_type, ids in result.candidates.items():
        if len(ids) > r.quotas.get(carrier_type, 0) or any(listed.get(i) is None or listed[i].carrier_type != carrier_type
                                                           for i in ids):
            raise _refuse(f"candidates: {carrier_type}")
    _check_numbers(result, package)
    return 0 if bundles is None else _recompute(result, package, bundles)


def _check_numbers(result: ResultFile, package: Package) -> None:
    """Every number possible and consistent with the others (the arithmetic itself: `_recompute`)."""
    policy = package.round.policy
    step = Decimal(1).scaleb(-policy.decimals)
    for a in sorted(result.applicants, key=lambda a: a.applicant_id):
        rubric = package.rubrics[a.carrier_type]
        top = rubric.total_points + (rubric.bonus.cap if rubric.bonus else 0)
        scored = {e: t for e, t in a.expert_totals.items() if t is not None}
        if (any(not 0 <= t <= top for t in scored.values()) or set(scored) != set(a.revisions)
                or set(scored) != set(a.sheet_sha256) or set(a.expert_totals) - set(scored) != set(a.excluded)
                or any(not 1 <= n <= MAX_REVISION for n in a.revisions.values())):
            raise _refuse(f"expert_totals: {a.applicant_id}")
        final = a.final_score
        if (final is None) != (not scored) or (final is not None and not 0 <= final <= top):
            raise _refuse(f"final_score: {a.applicant_id}")
        # a mean or a median of the totals lies among them (give or take the final rounding)
        if final is not None and policy.level == "total" and not (
                min(scored.values()) - step / 2 <= final <= max(scored.values()) + step / 2):
            raise _refuse(f"final_score: {a.applicant_id}")
        if not 0 <= a.veto_votes <= len(scored) or (a.vetoed and not a.veto_votes):
            raise _refuse(f"veto_votes: {a.applicant_id}")
        quota = package.round.quotas.get(a.carrier_type, 0)
        if (a.rank is not None and (a.vetoed or final is None or final < policy.min_score or a.rank < 1)) or (
                a.recommended and (a.rank is None or a.rank > quota)):
            raise _refuse(f"rank: {a.applicant_id}")
    for carrier_type in sorted({a.carrier_type for a in result.applicants}):
        group = sorted((a for a in result.applicants if a.carrier_type == carrier_type), key=lambda a: a.applicant_id)
        ranked = [a for a in group if a.rank is not None]
        for a in ranked:  # ranks follow the final scores; equal scores may share a rank or be split by a section
            higher = sum(1 for b in ranked if b.final_score > a.final_score)
            level = sum(1 for b in ranked if b.final_score >= a.final_score)
            if not higher + 1 <= a.rank <= level:
                raise _refuse(f"rank: {a.applicant_id}")
        if set(result.candidates.get(carrier_type, [])) != {a.applicant_id for a in group if a.recommended}:
            raise _refuse(f"candidates: {carrier_type}")
    applicants = {a.applicant_id: a for a in result.applicants}
    for change in result.changes:
        a = applicants.get(change.applicant_id)
        item = package.rubrics[a.carrier_type].item(change.item_code) if a else None
        if (item is None or change.expert_id not in a.expert_totals
                or any(v is not None and not 0 <= v <= item.max_points for v in (change.old, change.new))
                or not 1 <= change.from_revision < change.to_revision <= MAX_REVISION):
            raise _refuse(f"changes: {change.applicant_id}")


def _recompute(result: ResultFile, package: Package, bundles: Sequence[ReturnBundle]) -> int:
    """The panel computed again from the signed sheets the result names (module docstring)."""
    named = {i.bundle_sha256: i.expert_id for i in result.inputs}
    sheets: dict[str, tuple[str, VerifiedSheet]] = {}
    for bundle in bundles:
        if bundle.bundle_sha256 not in named:
            continue  # not one the chair counted
        if named[bundle.bundle_sha256] != bundle.expert_id:
            raise _refuse(f"inputs: {bundle.expert_id}")
        sheets.update({s.json_sha256: (bundle.expert_id, s) for s in bundle.sheets})
    policy = package.round.policy
    done: dict[str, ApplicantResult] = {}
    for a in sorted(result.applicants, key=lambda a: a.applicant_id):
        if any(digest not in sheets for digest in a.sheet_sha256.values()):
            continue  # not every sheet at hand: the bounds above are all that can be said
        columns = []
        for expert_id, digest in sorted(a.sheet_sha256.items()):
            signer, sheet = sheets[digest]
            if (signer, sheet.applicant_id, sheet.revision) != (expert_id, a.applicant_id, a.revisions[expert_id]):
                raise _refuse(f"sheet_sha256: {a.applicant_id}")
            doc = sheet.document
            if a.expert_totals[expert_id] != Decimal(doc.totals.total):
                raise _refuse(f"expert_totals: {a.applicant_id}")
            columns.append(ExpertSheet(expert_id, "scored", doc.scores(), {i.code: i.comment for i in doc.items if i.comment},
                                       {v.code: v.reason for v in doc.vetoes if v.triggered}, sheet.revision))
        columns += [ExpertSheet(expert_id, status) for expert_id, status in sorted(a.excluded.items())]
        again = aggregate(policy, package.rubrics[a.carrier_type], a.applicant_id, columns)
        if again.final_score != a.final_score:
            raise _refuse(f"final_score: {a.applicant_id}")
        if (again.vetoed, again.veto_votes) != (a.vetoed, a.veto_votes):
            raise _refuse(f"vetoed: {a.applicant_id}")
        done[a.applicant_id] = again
    given = {a.applicant_id: a for a in result.applicants}
    for carrier_type in sorted({a.carrier_type for a in result.applicants}):
        group = [a.applicant_id for a in result.applicants if a.carrier_type == carrier_type]
        if not all(applicant_id in done for applicant_id in group):
            continue
        for again in rank(policy, [done[i] for i in group], dict(package.round.quotas)):
            if (again.rank, again.recommended) != (given[again.applicant_id].rank, given[again.applicant_id].recommended):
                raise _refuse(f"rank: {again.applicant_id}")
    return len(done)


def check_result_container(container: OpenedContainer, package: Package,
                           bundles: Sequence[ReturnBundle] | None = None) -> int:
    """`reviewdesk verify R.rvres --package P.rvpkg [--returns …]` (wired in review_model/verification.py)."""
    for name in ("result.json", "panel-summary.pdf", "candidates.pdf", "panel-scores.xlsx"):
        if name not in container.names:
            raise Problem(Code.MEMBER_MISSING, member=name)
    return check_result(parse_result(container.member("result.json")), package, bundles)
