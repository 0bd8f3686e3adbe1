"""Words for the chair's desk: flags, permitted reasons, the policy, in the UI language.

The official documents use review_model/chair/words.py (always Chinese); these are the same facts
for the screen and the command line.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CTX = "ChairLabels"

REASONS = {
    "adding_error": QT_TRANSLATE_NOOP("ChairLabels", "Adding-up error"),
    "out_of_range": QT_TRANSLATE_NOOP("ChairLabels", "Score outside the item's range"),
    "objective_disagreement": QT_TRANSLATE_NOOP("ChairLabels", "Disagreement on an objective item"),
    "abnormal": QT_TRANSLATE_NOOP("ChairLabels", "Abnormally high or low"),
}
STATUSES = {
    "scored": QT_TRANSLATE_NOOP("ChairLabels", "Scored"),
    "conflict": QT_TRANSLATE_NOOP("ChairLabels", "Conflict"),
    "missing": QT_TRANSLATE_NOOP("ChairLabels", "Missing"),
}
OUTCOMES = {
    "imported": QT_TRANSLATE_NOOP("ChairLabels", "Valid, imported"),
    "already": QT_TRANSLATE_NOOP("ChairLabels", "Valid, already imported"),
    "invalid": QT_TRANSLATE_NOOP("ChairLabels", "Invalid, left out"),
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
_FLAGS = {
    "conflict": QT_TRANSLATE_NOOP("ChairLabels", "{expert}: conflict"),
    "missing": QT_TRANSLATE_NOOP("ChairLabels", "{expert}: no sheet"),
    "no_scores": QT_TRANSLATE_NOOP("ChairLabels", "no scores"),
    "veto_votes": QT_TRANSLATE_NOOP("ChairLabels", "veto by {votes} experts"),
    "abnormal_total:high": QT_TRANSLATE_NOOP("ChairLabels", "{expert}: total abnormally high"),
    "abnormal_total:low": QT_TRANSLATE_NOOP("ChairLabels", "{expert}: total abnormally low"),
    "abnormal_item:high": QT_TRANSLATE_NOOP("ChairLabels", "{expert}: item {item} abnormally high"),
    "abnormal_item:low": QT_TRANSLATE_NOOP("ChairLabels", "{expert}: item {item} abnormally low"),
    "low_without_reason": QT_TRANSLATE_NOOP("ChairLabels", "{expert}: item {item} low without a reason"),
    "vetoed": QT_TRANSLATE_NOOP("ChairLabels", "vetoed, not ranked"),
    "below_min_score": QT_TRANSLATE_NOOP("ChairLabels", "below the minimum score"),
    "tie_at_quota": QT_TRANSLATE_NOOP("ChairLabels", "tied at the quota line: for the panel to decide"),
}


def text(table: dict[str, str], code: str | None) -> str:
    if code is None:
        return ""
    source = table.get(code)
    return QCoreApplication.translate(CTX, source) if source else code


def flag_text(flag: str, names: dict[str, str] | None = None) -> str:
    """One flag code of the compilation (conflict:E03, abnormal_item:E04:1.1:low, …) in words."""
    parts = flag.split(":")
    kind = parts[0]
    key = f"{kind}:{parts[-1]}" if kind in ("abnormal_total", "abnormal_item") else kind
    template = _FLAGS.get(key)
    if template is None:
        return flag
    expert = parts[1] if len(parts) > 1 else ""
    who = f"{(names or {}).get(expert, '')}（{expert}）" if names and expert in names else expert
    item = parts[2] if kind in ("abnormal_item", "low_without_reason") else ""
    return QCoreApplication.translate(CTX, template).format(expert=who, item=item, votes=expert)


def is_alarming(flag: str) -> bool:
    """Flags the chair must look at (coloured on screen), as opposed to plain facts."""
    return flag.split(":")[0] in ("abnormal_total", "abnormal_item", "low_without_reason", "veto_votes", "vetoed",
                                  "tie_at_quota", "no_scores")


def policy_text(policy, section_title: str = "") -> list[str]:
    """The round's aggregation policy as lines of text (shown above the matrix)."""
    from ui.text import tr

    method = text(METHODS, policy.method).format(n=policy.trim_min_experts)
    return [
        tr("Method: {method}, {level}.").format(method=method, level=text(LEVELS, policy.level)),
        tr("Rounding: {decimals} decimals, half up. Minimum score for a candidate: {min_score}.").format(
            decimals=policy.decimals, min_score=policy.min_score),
        tr("Veto: {rule}. Ties: {tie}.").format(rule=text(VETO_RULES, policy.veto_rule), tie=text(
            TIE_RULES, policy.tie_rule).format(section=section_title or policy.tie_section or "")),
        tr("Abnormal (畸高畸低): more than {ratio}% of the maximum away from the other experts' median.").format(
            ratio=format((policy.abnormal_ratio * 100).normalize(), "f")),
    ]
