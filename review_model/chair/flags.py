"""What the compilation flags about one applicant, as data: a `Flag` per fact or concern.

aggregate.py and ranking.py make them; the panel summary, the XLSX, result.json, the command line
and the chair's desk each render them (words.py in Chinese for the documents, ui/chair/labels.py in
the UI language). Nobody parses words back: what a flag means is decided here, once.

`Flag.code` is the stable machine string written into result.json's `flags` (docs/formats.md):

    conflict:E03              missing:E02                 no_scores
    veto_votes:1/5            abnormal_total:E05:low      abnormal_item:E05:1.1:high
    low_without_reason:E02:2.1                            vetoed  below_min_score  tie_at_quota

`Flag.parse(code)` reads one back (without the size, which the string does not carry).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class FlagKind(StrEnum):
    CONFLICT = "conflict"  # an assigned expert declared a conflict (回避): a fact
    MISSING = "missing"  # an assigned expert's sheet has not arrived: the panel is incomplete
    NO_SCORES = "no_scores"  # nobody scored this applicant
    VETO_VOTES = "veto_votes"  # scoring experts who triggered a 一票否决 item
    ABNORMAL_TOTAL = "abnormal_total"  # 畸高畸低 on the expert's total
    ABNORMAL_ITEM = "abnormal_item"  # 畸高畸低 on one item (only where the round's policy asks for it)
    LOW_WITHOUT_REASON = "low_without_reason"  # a low item score with no written reason
    VETOED = "vetoed"  # excluded by the veto rule: not ranked
    BELOW_MIN_SCORE = "below_min_score"  # under the policy's minimum: not ranked
    TIE_AT_QUOTA = "tie_at_quota"  # the quota line cuts through equal scores: for the panel to decide


class Direction(StrEnum):
    HIGH = "high"  # 畸高
    LOW = "low"  # 畸低


# Concerns the chair must look at before signing; the others are plain facts of the count.
_ALARMING = frozenset({FlagKind.MISSING, FlagKind.NO_SCORES, FlagKind.VETO_VOTES, FlagKind.ABNORMAL_TOTAL,
                       FlagKind.ABNORMAL_ITEM, FlagKind.LOW_WITHOUT_REASON, FlagKind.VETOED, FlagKind.TIE_AT_QUOTA})
# What decides or qualifies the applicant's place on the list (shown beside the ranking), as opposed to how
# it was scored: a missing sheet belongs here, since the place then rests on fewer experts than the panel.
_RANKING = frozenset({FlagKind.NO_SCORES, FlagKind.VETOED, FlagKind.BELOW_MIN_SCORE, FlagKind.TIE_AT_QUOTA,
                      FlagKind.MISSING})
# Flags about one expert's sheet, grouped under that expert.
_PER_EXPERT = frozenset({FlagKind.CONFLICT, FlagKind.MISSING, FlagKind.ABNORMAL_TOTAL, FlagKind.ABNORMAL_ITEM,
                         FlagKind.LOW_WITHOUT_REASON})


@dataclass(frozen=True)
class Flag:
    kind: FlagKind
    expert: str | None = None  # the expert it is about (per-expert kinds)
    item: str | None = None  # the rubric item (abnormal_item, low_without_reason)
    direction: Direction | None = None  # abnormal_*: high or low
    gap: Decimal | None = None  # abnormal_*: points from the median of the other experts (signed)
    votes: int | None = None  # veto_votes: experts who vetoed …
    scorers: int | None = None  # … of this many scoring experts

    def __post_init__(self) -> None:
        if (self.kind in _PER_EXPERT) != (self.expert is not None):
            raise ValueError(f"{self.kind}: expert")
        if (self.kind in (FlagKind.ABNORMAL_ITEM, FlagKind.LOW_WITHOUT_REASON)) != (self.item is not None):
            raise ValueError(f"{self.kind}: item")
        if (self.kind in (FlagKind.ABNORMAL_TOTAL, FlagKind.ABNORMAL_ITEM)) != (self.direction is not None):
            raise ValueError(f"{self.kind}: direction")
        if (self.kind is FlagKind.VETO_VOTES) != (self.votes is not None and self.scorers is not None):
            raise ValueError(f"{self.kind}: votes")

    @property
    def code(self) -> str:
        """The stable machine string (module docstring)."""
        if self.kind is FlagKind.VETO_VOTES:
            return f"{self.kind}:{self.votes}/{self.scorers}"
        parts = [self.kind.value, self.expert, self.item, self.direction.value if self.direction else None]
        return ":".join(p for p in parts if p is not None)

    @classmethod
    def parse(cls, code: str) -> Flag:
        """The flag a machine string stands for; ValueError for anything else."""
        kind, *rest = code.split(":")
        kind = FlagKind(kind)
        if kind is FlagKind.VETO_VOTES:
            votes, scorers = rest[0].split("/")
            return cls(kind, votes=int(votes), scorers=int(scorers))
        if kind is FlagKind.ABNORMAL_TOTAL:
            expert, direction = rest
            return cls(kind, expert, direction=Direction(direction))
        if kind is FlagKind.ABNORMAL_ITEM:
            expert, item, direction = rest
            return cls(kind, expert, item, Direction(direction))
        if kind is FlagKind.LOW_WITHOUT_REASON:
            expert, item = rest
            return cls(kind, expert, item)
        if kind in _PER_EXPERT:
            (expert,) = rest
            return cls(kind, expert)
        if rest:
            raise ValueError(code)
        return cls(kind)

    @property
    def alarming(self) -> bool:
        """A concern the chair must look at (shown in red), not a plain fact such as a declared conflict."""
        return self.kind in _ALARMING

    @property
    def about_ranking(self) -> bool:
        """It decides or qualifies the applicant's place on the list (vetoed, under the minimum, tied at the
        quota, unscored, a sheet missing)."""
        return self.kind in _RANKING

    @property
    def abnormal(self) -> bool:
        return self.kind in (FlagKind.ABNORMAL_TOTAL, FlagKind.ABNORMAL_ITEM)


@dataclass(frozen=True)
class FlagGroup:
    """The flags about one expert (or, with `expert` None, about the applicant as a whole)."""

    expert: str | None
    flags: tuple[Flag, ...]

    @property
    def alarming(self) -> bool:
        return any(f.alarming for f in self.flags)


def group_by_expert(flags: Iterable[Flag]) -> tuple[FlagGroup, ...]:
    """The applicant's own flags first, then one group per expert (by expert id), each in the given order:
    one line per expert instead of a wall of single flags."""
    flags = tuple(flags)
    own = tuple(f for f in flags if f.expert is None)
    experts = sorted({f.expert for f in flags if f.expert is not None})
    groups = [FlagGroup(e, tuple(f for f in flags if f.expert == e)) for e in experts]
    return ((FlagGroup(None, own),) if own else ()) + tuple(groups)


def abnormal_totals(flags: Iterable[Flag]) -> dict[str, Direction]:
    """expert id → high | low where the expert's total is abnormal (畸高畸低)."""
    return {f.expert: f.direction for f in flags if f.kind is FlagKind.ABNORMAL_TOTAL}


def abnormal_items(flags: Iterable[Flag]) -> dict[tuple[str, str], Direction]:
    """(expert id, item code) → high | low where that item score is abnormal."""
    return {(f.expert, f.item): f.direction for f in flags if f.kind is FlagKind.ABNORMAL_ITEM}


def unexplained_lows(flags: Iterable[Flag]) -> set[tuple[str, str]]:
    """(expert id, item code) of low scores given without a reason."""
    return {(f.expert, f.item) for f in flags if f.kind is FlagKind.LOW_WITHOUT_REASON}
