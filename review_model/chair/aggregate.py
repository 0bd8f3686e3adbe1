"""The panel's arithmetic for one applicant: from each expert's signed scores to one final score.

Policy (review_model/policy.py, from the round's package):
- who counts: experts who scored; a declared conflict or a missing sheet leaves the count (and says so:
  a missing sheet makes the panel incomplete, `sheets_received`/`sheets_expected`, e.g. 4/5)
- method: mean | trimmed_mean (drop the single highest and lowest when at least trim_min_experts
  scored) | median; level: per item then summed, or on the experts' totals
- the bonus is capped after aggregating; the final score is rounded half-up to `decimals` only at
  the end (intermediate values keep 28 significant digits)
- veto: any scoring expert, or a majority of them
- flags (flags.py): 畸高畸低 on totals (farther than abnormal_ratio × maximum from the median of the
  others, with at least 3 scorers — the median, so that one outlier does not make the normal experts
  look abnormal too); per item only when the policy asks for it and the difference is also at least
  abnormal_item_min_points; low items without a reason, conflicts and missing sheets
- what to reconsider (`to_reconsider`): per abnormal expert, the flagged items, and where the total is
  abnormal the items that pull it that way by more than abnormal_ratio of their maximum — what the
  复核 dialog proposes
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from ..policy import AggregationPolicy
from ..rubric import Rubric
from .flags import Direction, Flag, FlagKind
from .states import SheetStatus


@dataclass(frozen=True)
class ExpertSheet:
    """What one expert's counting (newest valid signed) revision says about one applicant."""

    expert_id: str
    status: SheetStatus
    scores: dict[str, Decimal] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    vetoes: dict[str, str] = field(default_factory=dict)  # triggered veto code -> reason
    revision: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", SheetStatus(self.status))

    def total(self, rubric: Rubric) -> Decimal:
        return rubric.total(self.scores)


@dataclass(frozen=True)
class ApplicantResult:
    applicant_id: str
    carrier_type: str
    scorers: tuple[str, ...]
    excluded: dict[str, SheetStatus]  # expert id -> conflict | missing
    expert_totals: dict[str, Decimal | None]
    item_scores: dict[str, Decimal]  # aggregated per item (item level), unrounded
    final_score: Decimal | None  # rounded; None when nobody scored
    vetoed: bool
    veto_votes: int
    flags: tuple[Flag, ...]
    section_scores: dict[str, Decimal]
    rank: int | None = None
    recommended: bool = False
    trimmed: bool = False  # the single highest and lowest were dropped
    to_reconsider: dict[str, tuple[str, ...]] = field(default_factory=dict)  # abnormal expert -> item codes

    @property
    def missing(self) -> tuple[str, ...]:
        """Experts whose sheet has not arrived."""
        return tuple(e for e, s in self.excluded.items() if s is SheetStatus.MISSING)

    @property
    def sheets_received(self) -> int:
        return len(self.scorers)

    @property
    def sheets_expected(self) -> int:
        """Every assigned expert who did not declare a conflict owes a sheet."""
        return len(self.scorers) + len(self.missing)

    @property
    def incomplete(self) -> bool:
        """Some sheets are missing: the score rests on fewer experts than the panel (e.g. 4/5)."""
        return bool(self.missing)


def panel_maximum(rubric: Rubric) -> Decimal:
    """The most an expert's total can be: the rubric's points and the bonus cap."""
    return rubric.total_points + (rubric.bonus.cap if rubric.bonus else 0)


def _trims(policy: AggregationPolicy, count: int) -> bool:
    return policy.method == "trimmed_mean" and count >= policy.trim_min_experts


def _combine(values: list[Decimal], policy: AggregationPolicy) -> Decimal:
    ordered = sorted(values)
    if policy.method == "median":
        return Decimal(median(ordered))
    if _trims(policy, len(ordered)):
        ordered = ordered[1:-1]  # 去掉一个最高分和一个最低分
    return sum(ordered, Decimal(0)) / len(ordered)


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def aggregate(policy: AggregationPolicy, rubric: Rubric, applicant_id: str, sheets: list[ExpertSheet]) -> ApplicantResult:
    scoring = [s for s in sheets if s.status is SheetStatus.SCORED]
    excluded = {s.expert_id: s.status for s in sheets if s.status is not SheetStatus.SCORED}
    totals = {s.expert_id: (s.total(rubric) if s.status is SheetStatus.SCORED else None) for s in sheets}
    flags = [Flag(FlagKind(status.value), expert) for expert, status in sorted(excluded.items())]
    items = [i.code for i in rubric.scored_items]
    item_scores: dict[str, Decimal] = {}
    if not scoring:
        return ApplicantResult(applicant_id, rubric.carrier_type, (), excluded, totals, {}, None, False, 0,
                               tuple(flags + [Flag(FlagKind.NO_SCORES)]), {})
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
        flags.append(Flag(FlagKind.VETO_VOTES, votes=veto_votes, scorers=len(scoring)))
    abnormal, reconsider = _abnormal(policy, rubric, scoring, totals)
    flags += abnormal
    flags += [Flag(FlagKind.LOW_WITHOUT_REASON, s.expert_id, code) for s in scoring
              for code, value in sorted(s.scores.items())
              if rubric.needs_comment(code, value) and not s.comments.get(code, "").strip()]
    return ApplicantResult(applicant_id, rubric.carrier_type, tuple(s.expert_id for s in scoring), excluded, totals,
                           item_scores, round_half_up(raw, policy.decimals), vetoed, veto_votes, tuple(flags), base,
                           trimmed=_trims(policy, len(scoring)), to_reconsider=reconsider)


def _gap(value: Decimal, others: list[Decimal]) -> Decimal:
    return value - Decimal(median(others))


def _direction(gap: Decimal) -> Direction:
    return Direction.HIGH if gap > 0 else Direction.LOW


def _abnormal(policy: AggregationPolicy, rubric: Rubric, scoring: list[ExpertSheet],
              totals: dict[str, Decimal | None]) -> tuple[list[Flag], dict[str, tuple[str, ...]]]:
    """畸高畸低: an expert far from the median of the others, on the total (and on items if the policy says so)."""
    if len(scoring) < 3:
        return [], {}
    flags: list[Flag] = []
    gaps: dict[tuple[str, str], Decimal] = {}  # (expert, item) -> gap
    for item in rubric.scored_items:
        for sheet in scoring:
            others = [s.scores.get(item.code, Decimal(0)) for s in scoring if s is not sheet]
            gaps[(sheet.expert_id, item.code)] = _gap(sheet.scores.get(item.code, Decimal(0)), others)
    for sheet in scoring:
        gap = _gap(totals[sheet.expert_id], [totals[s.expert_id] for s in scoring if s is not sheet])
        if abs(gap) > policy.abnormal_ratio * panel_maximum(rubric):
            flags.append(Flag(FlagKind.ABNORMAL_TOTAL, sheet.expert_id, direction=_direction(gap), gap=gap))
    if policy.abnormal_items:
        for item in rubric.scored_items:
            for sheet in scoring:
                gap = gaps[(sheet.expert_id, item.code)]
                if abs(gap) > policy.abnormal_ratio * item.max_points and abs(gap) >= policy.abnormal_item_min_points:
                    flags.append(Flag(FlagKind.ABNORMAL_ITEM, sheet.expert_id, item.code, _direction(gap), gap))
    reconsider: dict[str, tuple[str, ...]] = {}
    for sheet in scoring:
        mine = [f for f in flags if f.expert == sheet.expert_id]
        if not mine:
            continue
        chosen = {f.item for f in mine if f.kind is FlagKind.ABNORMAL_ITEM}
        for f in mine:
            if f.kind is FlagKind.ABNORMAL_TOTAL:
                chosen |= {i.code for i in rubric.scored_items
                           if _direction(gaps[(sheet.expert_id, i.code)]) is f.direction
                           and abs(gaps[(sheet.expert_id, i.code)]) > policy.abnormal_ratio * i.max_points}
        reconsider[sheet.expert_id] = tuple(i.code for i in rubric.scored_items if i.code in chosen)
    return flags, reconsider
