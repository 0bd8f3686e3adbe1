"""Words for the chair's desk: flags, permitted reasons, the policy, in the UI language.

The official documents use review_model/chair/words.py (always Chinese); these are the same facts
for the screen and the command line.
"""
from __future__ import annotations

from collections.abc import Iterable

from review_model.chair.aggregate import ApplicantResult
from review_model.chair.flags import Direction, Flag, FlagGroup, FlagKind, group_by_expert
from review_model.chair.states import BundleStatus, SheetStatus
from review_model.chair.words import gap_points
from review_model.signing.document import points

from ..text import QT_TRANSLATE_NOOP, tr, translate

CTX = "ChairLabels"

REASONS = {
    "adding_error": QT_TRANSLATE_NOOP("ChairLabels", "Adding-up error"),
    "out_of_range": QT_TRANSLATE_NOOP("ChairLabels", "Score outside the item's range"),
    "objective_disagreement": QT_TRANSLATE_NOOP("ChairLabels", "Disagreement on an objective item"),
    "abnormal": QT_TRANSLATE_NOOP("ChairLabels", "Abnormally high or low"),
}
STATUSES = {
    SheetStatus.SCORED: QT_TRANSLATE_NOOP("ChairLabels", "Scored"),
    SheetStatus.CONFLICT: QT_TRANSLATE_NOOP("ChairLabels", "Conflict"),
    SheetStatus.MISSING: QT_TRANSLATE_NOOP("ChairLabels", "Missing"),
}
OUTCOMES = {
    BundleStatus.IMPORTED: QT_TRANSLATE_NOOP("ChairLabels", "Valid, imported"),
    BundleStatus.ALREADY: QT_TRANSLATE_NOOP("ChairLabels", "Valid, already imported"),
    BundleStatus.INVALID: QT_TRANSLATE_NOOP("ChairLabels", "Invalid, left out"),
    "current": QT_TRANSLATE_NOOP("ChairLabels", "Valid, current"),
    "superseded": QT_TRANSLATE_NOOP("ChairLabels", "Valid, superseded by a newer bundle"),
}
METHODS = {
    "mean": QT_TRANSLATE_NOOP("ChairLabels", "mean"),
    "trimmed_mean": QT_TRANSLATE_NOOP("ChairLabels", "trimmed mean (drop the single highest and lowest when at least {n} experts scored)"),
    "median": QT_TRANSLATE_NOOP("ChairLabels", "median"),
}
LEVELS = {
    "item": QT_TRANSLATE_NOOP("ChairLabels", "per item, then summed"),
    "total": QT_TRANSLATE_NOOP("ChairLabels", "on the experts' totals"),
}
VETO_RULES = {
    "any": QT_TRANSLATE_NOOP("ChairLabels", "one expert's veto excludes"),
    "majority": QT_TRANSLATE_NOOP("ChairLabels", "a majority of the scoring experts must veto"),
}
TIE_RULES = {
    "shared": QT_TRANSLATE_NOOP("ChairLabels", "equal scores share a rank"),
    "section_then_shared": QT_TRANSLATE_NOOP("ChairLabels", "equal scores are ordered by section {section}, then share a rank"),
}
_PHRASES = {
    FlagKind.CONFLICT: QT_TRANSLATE_NOOP("ChairLabels", "conflict"),
    FlagKind.MISSING: QT_TRANSLATE_NOOP("ChairLabels", "no sheet"),
    FlagKind.NO_SCORES: QT_TRANSLATE_NOOP("ChairLabels", "no scores"),
    FlagKind.VETO_VOTES: QT_TRANSLATE_NOOP("ChairLabels", "veto by {votes} of {scorers} experts"),
    (FlagKind.ABNORMAL_TOTAL, Direction.HIGH): QT_TRANSLATE_NOOP("ChairLabels", "total abnormally high ({gap})"),
    (FlagKind.ABNORMAL_TOTAL, Direction.LOW): QT_TRANSLATE_NOOP("ChairLabels", "total abnormally low ({gap})"),
    (FlagKind.ABNORMAL_ITEM, Direction.HIGH): QT_TRANSLATE_NOOP("ChairLabels", "item {item} abnormally high ({gap})"),
    (FlagKind.ABNORMAL_ITEM, Direction.LOW): QT_TRANSLATE_NOOP("ChairLabels", "item {item} abnormally low ({gap})"),
    FlagKind.LOW_WITHOUT_REASON: QT_TRANSLATE_NOOP("ChairLabels", "item {item} low without a reason"),
    FlagKind.VETOED: QT_TRANSLATE_NOOP("ChairLabels", "vetoed, not ranked"),
    FlagKind.BELOW_MIN_SCORE: QT_TRANSLATE_NOOP("ChairLabels", "below the minimum score"),
    FlagKind.TIE_AT_QUOTA: QT_TRANSLATE_NOOP("ChairLabels", "tied at the quota line: for the panel to decide"),
}
_GROUP = QT_TRANSLATE_NOOP("ChairLabels", "{expert}: {flags}")
_LIST = QT_TRANSLATE_NOOP("ChairLabels", ", ")  # between the flags of one expert, the experts missing
_CLAUSES = QT_TRANSLATE_NOOP("ChairLabels", "; ")  # between the applicant's own flags, and between experts
_SHEETS_MISSING = QT_TRANSLATE_NOOP("ChairLabels", "{received} of {expected} sheets counted; not received from {experts}")


def text(table: dict[str, str], code: str | None) -> str:
    if code is None:
        return ""
    source = table.get(code)
    return translate(CTX, source) if source else code


def expert_name(expert_id: str, names: dict[str, str] | None) -> str:
    return f"{names[expert_id]}（{expert_id}）" if names and expert_id in names else expert_id


def flag_phrase(flag: Flag) -> str:
    """One flag in the UI language, without the expert it is about (see `flags_text`)."""
    key = (flag.kind, flag.direction) if flag.direction is not None else flag.kind
    template = translate(CTX, _PHRASES[key])
    gap = ("+" if flag.gap > 0 else "−") + gap_points(flag.gap) if flag.gap is not None else ""
    return template.format(item=flag.item or "", votes=flag.votes, scorers=flag.scorers, gap=gap)


def group_text(group: FlagGroup, names: dict[str, str] | None = None) -> str:
    """One expert's flags on one line ("Liu Yang (E05): total abnormally low (−35), …"), or the applicant's own."""
    if group.expert is None:  # the applicant's own facts, each a clause of its own
        return translate(CTX, _CLAUSES).join(flag_phrase(f) for f in group.flags)
    phrases = translate(CTX, _LIST).join(flag_phrase(f) for f in group.flags)
    return translate(CTX, _GROUP).format(expert=expert_name(group.expert, names), flags=phrases)


def flags_text(flags: Iterable[Flag], names: dict[str, str] | None = None, separator: str | None = None) -> str:
    """Every flag of an applicant in words, one group per expert (review_model.chair.flags.group_by_expert)."""
    separator = translate(CTX, _CLAUSES) if separator is None else separator
    return separator.join(group_text(g, names) for g in group_by_expert(flags))


def sheets_label(result: ApplicantResult) -> str:
    """Sheets counted of those owed, e.g. 4/5."""
    return f"{result.sheets_received}/{result.sheets_expected}"


def sheets_tip(result: ApplicantResult, names: dict[str, str] | None = None) -> str:
    """Why a score rests on fewer sheets than owed (empty when none is missing)."""
    if not result.incomplete:
        return ""
    return translate(CTX, _SHEETS_MISSING).format(
        received=result.sheets_received, expected=result.sheets_expected,
        experts=translate(CTX, _LIST).join(expert_name(e, names) for e in result.missing))


def policy_text(policy, section_title: str = "") -> list[str]:
    """The round's aggregation policy as lines of text (shown above the matrix)."""

    method = text(METHODS, policy.method).format(n=policy.trim_min_experts)
    ratio = format((policy.abnormal_ratio * 100).normalize(), "f")
    abnormal = tr("Abnormal (畸高畸低): a total more than {ratio}% of the maximum away from the other experts' "
                  "median.").format(ratio=ratio)
    if policy.abnormal_items:
        abnormal += " " + tr("Items too, where also at least {points} points away.").format(
            points=points(policy.abnormal_item_min_points))
    return [
        tr("Method: {method}, {level}.").format(method=method, level=text(LEVELS, policy.level)),
        tr("Rounding: {decimals} decimals, half up. Minimum score for a candidate: {min_score}.").format(
            decimals=policy.decimals, min_score=policy.min_score),
        tr("Veto: {rule}. Ties: {tie}.").format(rule=text(VETO_RULES, policy.veto_rule), tie=text(
            TIE_RULES, policy.tie_rule).format(section=section_title or policy.tie_section or "")),
        abnormal,
    ]
