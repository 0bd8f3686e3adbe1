"""Display names for a score sheet's codes: the recommendation and what the checklist asks for."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from .labels import label

RECOMMENDATIONS = {
    "recommend": QT_TRANSLATE_NOOP("Labels", "Recommend"),
    "not_recommend": QT_TRANSLATE_NOOP("Labels", "Do not recommend"),
}
CHECKLIST = {
    "conflict_unconfirmed": QT_TRANSLATE_NOOP("Labels", "confirm there is no conflict of interest"),
    "unscored": QT_TRANSLATE_NOOP("Labels", "score item {code}"),
    "comment_missing": QT_TRANSLATE_NOOP("Labels", "give a reason for the low score of item {code}"),
    "veto_reason_missing": QT_TRANSLATE_NOOP("Labels", "give a reason for veto {code}"),
    "recommendation_missing": QT_TRANSLATE_NOOP("Labels", "choose a recommendation"),
}

SEPARATOR = QT_TRANSLATE_NOOP("Labels", "; ")


def checklist_text(entries: tuple[tuple[str, str], ...] | list[tuple[str, str]], limit: int = 6) -> str:
    """'score item 1.2; choose a recommendation' for (kind, code) pairs, the first `limit` of them."""
    parts = [label(CHECKLIST, kind).format(code=code) for kind, code in list(entries)[:limit]]
    if len(entries) > limit:
        parts.append("…")
    return QCoreApplication.translate("Labels", SEPARATOR).join(parts)
