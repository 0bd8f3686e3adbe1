"""Checking a panel result (.rvres) against its package: `reviewdesk verify R.rvres --package P.rvpkg`.

verify.py has already checked the container, its signature, that it names the package, and that its
signer is the package's chair (by key). Here: result.json is valid against its schema (numbers are
exact decimals, at most the policy's decimals for a final score), names the package's round, hash
and chair, lists exactly the package's applicants as the package gives them and its experts, uses
the package's policy and quotas, lists the SHA-256 of every input bundle from the panel's experts,
and the PDFs and the XLSX are present. The first failure is the reason.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from .. import crypto
from ..errors import Code, Problem
from ..exchange.container import OpenedContainer
from ..exchange.package import Package
from ..exchange.verify import CONTENT_CHECKS
from .result import load_result_json

SHA256 = r"^[0-9a-f]{64}$"


def _number(value: object) -> Decimal:
    """Points are JSON numbers (read as exact decimals), never strings, booleans or floats."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)) or not Decimal(value).is_finite():
        raise ValueError("a JSON number is required")
    return Decimal(value)


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
    abnormal_items: bool = False  # results written before 畸高畸低 per item became optional: the old defaults
    abnormal_item_min_points: Number = Decimal("5")
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
    sheets_received: int | None = None  # sheets counted of those owed (a missing one makes it 4/5)
    sheets_expected: int | None = None
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
    signed_with_missing_sheets: bool = False  # the chair confirmed signing while `missing` is not empty
    applicants: list[ApplicantEntry]
    candidates: dict[str, list[str]]
    changes: list[Change]
    requests: list[RequestEntry]


def parse_result(data: bytes) -> ResultFile:
    try:
        return ResultFile.model_validate(load_result_json(data))
    except (ValueError, UnicodeDecodeError) as exc:
        raise Problem(Code.SCHEMA_INVALID, member="result.json", detail=str(exc).splitlines()[0]) from None
    except ValidationError as exc:
        error = exc.errors()[0]
        raise Problem(Code.SCHEMA_INVALID, member="result.json",
                      detail=f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}") from None


def _refuse(detail: str) -> Problem:
    return Problem(Code.RESULT_INVALID, detail=detail)


def check_result(result: ResultFile, package: Package) -> None:
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


def _content_check(container: OpenedContainer, package: Package) -> None:
    for name in ("result.json", "panel-summary.pdf", "candidates.pdf", "panel-scores.xlsx"):
        if name not in container.names:
            raise Problem(Code.MEMBER_MISSING, member=name)
    check_result(parse_result(container.member("result.json")), package)


CONTENT_CHECKS["result"] = _content_check  # `reviewdesk verify R.rvres --package P.rvpkg`
