"""Ranking per carrier type against the quota (名额), and the publicity window (公示).

Vetoed applicants and those under the minimum score are not ranked. Equal final scores share a
rank (1, 2, 2, 4), or with `section_then_shared` are first ordered by the named section's
aggregated points. A tie that the quota line cuts through is not decided by the app: those
applicants are flagged TIE_AT_QUOTA and left for the panel's discussion, so the list never
exceeds the quota.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..calendar import WorkCalendar
from ..policy import AggregationPolicy
from .aggregate import ApplicantResult
from .flags import Flag, FlagKind


def _key(policy: AggregationPolicy, result: ApplicantResult) -> tuple:
    if policy.tie_rule == "section_then_shared" and policy.tie_section:
        return (result.final_score, result.section_scores.get(policy.tie_section))
    return (result.final_score,)


def rank(policy: AggregationPolicy, results: list[ApplicantResult], quotas: dict[str, int]) -> list[ApplicantResult]:
    ranked: list[ApplicantResult] = []
    for carrier_type in sorted({r.carrier_type for r in results}):
        group = [r for r in results if r.carrier_type == carrier_type]
        eligible = [r for r in group if r.final_score is not None and not r.vetoed and r.final_score >= policy.min_score]
        eligible.sort(key=lambda r: _key(policy, r), reverse=True)
        quota = quotas.get(carrier_type, 0)
        position = 0
        previous = None
        ranks: dict[str, int] = {}
        for index, result in enumerate(eligible):
            if _key(policy, result) != previous:
                position = index + 1
                previous = _key(policy, result)
            ranks[result.applicant_id] = position
        tied = {key: sum(1 for r in eligible if _key(policy, r) == key) for key in {_key(policy, r) for r in eligible}}
        for result in group:
            flags = list(result.flags)
            if result.applicant_id not in ranks:
                if result.vetoed:
                    flags.append(Flag(FlagKind.VETOED))
                elif result.final_score is not None and result.final_score < policy.min_score:
                    flags.append(Flag(FlagKind.BELOW_MIN_SCORE))
                ranked.append(replace(result, rank=None, recommended=False, flags=tuple(flags)))
                continue
            position = ranks[result.applicant_id]
            last_of_tie = position + tied[_key(policy, result)] - 1
            recommended = last_of_tie <= quota
            if position <= quota < last_of_tie:
                flags.append(Flag(FlagKind.TIE_AT_QUOTA))
            ranked.append(replace(result, rank=position, recommended=recommended, flags=tuple(flags)))
    return ranked


@dataclass(frozen=True)
class PublicityWindow:
    start: date
    end: date
    days: tuple[date, ...]
    report_by: date  # the first working day after the window: when the list can be sent
    deadline: date
    late: bool


def publicity_window(calendar: WorkCalendar, start: date, working_days: int, deadline: date,
                     reporting_days: int = 1) -> PublicityWindow:
    """公示 for `working_days` working days from `start`; then `reporting_days` to send the list."""
    days = calendar.working_days_from(start, working_days)
    report = calendar.working_days_from(days[-1] + timedelta(days=1), reporting_days)[-1]
    return PublicityWindow(days[0], days[-1], tuple(days), report, deadline, report > deadline)
