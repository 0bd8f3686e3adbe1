"""The panel's arithmetic for one applicant: from each expert's signed scores to one final score.

Policy (review_model/policy.py, from the round's package):
- who counts: experts who scored; a declared conflict or a missing sheet leaves the count (and says so)
- method: mean | trimmed_mean (drop the single highest and lowest when at least trim_min_experts
  scored) | median; level: per item then summed, or on the experts' totals
- the bonus is capped after aggregating; the final score is rounded half-up to `decimals` only at
  the end (intermediate values keep 28 significant digits)
- veto: any scoring expert, or a majority of them
- flags: abnormal totals or items (畸高畸低: farther than abnormal_ratio × maximum from the median
  of the others, with at least 3 scorers — the median, so that one outlier does not make the
  normal experts look abnormal too), low items without a reason, conflicts and missing sheets
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from ..policy import AggregationPolicy
from ..rubric import Rubric


@dataclass(frozen=True)
class ExpertSheet:
    """What one expert's counting (newest valid signed) revision says about one applicant."""

    expert_id: str
    status: str  # scored | conflict | missing
    scores: dict[str, Decimal] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    vetoes: dict[str, str] = field(default_factory=dict)  # triggered veto code -> reason
    revision: int | None = None

    def total(self, rubric: Rubric) -> Decimal:
        return rubric.total(self.scores)


@dataclass(frozen=True)
class ApplicantResult:
    applicant_id: str
    carrier_type: str
    scorers: tuple[str, ...]
    excluded: dict[str, str]  # expert id -> conflict | missing
    expert_totals: dict[str, Decimal | None]
    item_scores: dict[str, Decimal]  # aggregated per item (item level), unrounded
    final_score: Decimal | None  # rounded; None when nobody scored
    vetoed: bool
    veto_votes: int
    flags: tuple[str, ...]
    section_scores: dict[str, Decimal]
    rank: int | None = None
    recommended: bool = False


def _combine(values: list[Decimal], policy: AggregationPolicy) -> Decimal:
    ordered = sorted(values)
    if policy.method == "median":
        return Decimal(median(ordered))
    if policy.method == "trimmed_mean" and len(ordered) >= policy.trim_min_experts:
        ordered = ordered[1:-1]  # 去掉一个最高分和一个最低分
    return sum(ordered, Decimal(0)) / len(ordered)


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def aggregate(policy: AggregationPolicy, rubric: Rubric, applicant_id: str, sheets: list[ExpertSheet]) -> ApplicantResult:
    scoring = [s for s in sheets if s.status == "scored"]
    excluded = {s.expert_id: s.status for s in sheets if s.status != "scored"}
    totals = {s.expert_id: (s.total(rubric) if s.status == "scored" else None) for s in sheets}
    flags = [f"{status}:{expert}" for expert, status in sorted(excluded.items())]
    items = [i.code for i in rubric.scored_items]
    item_scores: dict[str, Decimal] = {}
    if not scoring:
        return ApplicantResult(applicant_id, rubric.carrier_type, (), excluded, totals, {}, None, False, 0,
                               tuple(flags + ["no_scores"]), {})
    for code in items:
        item_scores[code] = _combine([s.scores.get(code, Decimal(0)) for s in scoring], policy)
    base = {s.code: sum((item_scores[i.code] for i in s.items), Decimal(0)) for s in rubric.sections}
    if policy.level == "item":
        bonus = Decimal(0)
        if rubric.bonus:
            bonus = min(sum((item_scores[i.code] for i in rubric.bonus.items), Decimal(0)), rubric.bonus.cap)
        raw = sum(base.values(), Decimal(0)) + bonus
    else:
        raw = _combine([totals[s.expert_id] for s in scoring], policy)
    veto_votes = sum(1 for s in scoring if s.vetoes)
    vetoed = veto_votes > 0 if policy.veto_rule == "any" else veto_votes * 2 > len(scoring)
    if veto_votes:
        flags.append(f"veto_votes:{veto_votes}/{len(scoring)}")
    flags += _abnormal(policy, rubric, scoring, totals)
    flags += [f"low_without_reason:{s.expert_id}:{code}" for s in scoring for code, value in sorted(s.scores.items())
              if rubric.needs_comment(code, value) and not s.comments.get(code, "").strip()]
    return ApplicantResult(applicant_id, rubric.carrier_type, tuple(s.expert_id for s in scoring), excluded, totals,
                           item_scores, round_half_up(raw, policy.decimals), vetoed, veto_votes, tuple(flags), base)


def _abnormal(policy: AggregationPolicy, rubric: Rubric, scoring: list[ExpertSheet],
              totals: dict[str, Decimal | None]) -> list[str]:
    """畸高畸低: an expert far from the median of the others, on the total or on an item."""
    if len(scoring) < 3:
        return []
    flags = []
    maximum = rubric.total_points + (rubric.bonus.cap if rubric.bonus else 0)
    for sheet in scoring:
        others = [totals[s.expert_id] for s in scoring if s is not sheet]
        gap = totals[sheet.expert_id] - Decimal(median(others))
        if abs(gap) > policy.abnormal_ratio * maximum:
            flags.append(f"abnormal_total:{sheet.expert_id}:{'high' if gap > 0 else 'low'}")
    for item in rubric.scored_items:
        for sheet in scoring:
            others = [s.scores.get(item.code, Decimal(0)) for s in scoring if s is not sheet]
            gap = sheet.scores.get(item.code, Decimal(0)) - Decimal(median(others))
            if abs(gap) > policy.abnormal_ratio * item.max_points:
                flags.append(f"abnormal_item:{sheet.expert_id}:{item.code}:{'high' if gap > 0 else 'low'}")
    return flags
