"""Display names for a score sheet's codes: the recommendation and what the checklist asks for."""
from __future__ import annotations

from .labels import label
from .text import QT_TRANSLATE_NOOP, translate

RECOMMENDATIONS = {
    "recommend": QT_TRANSLATE_NOOP("Labels", "Recommend"),
    "not_recommend": QT_TRANSLATE_NOOP("Labels", "Do not recommend"),
}
CHECKLIST = {
    "conflict_unconfirmed": QT_TRANSLATE_NOOP("Labels", "confirm there is no conflict of interest"),
    "unscored": QT_TRANSLATE_NOOP("Labels", "score item {code} {title}"),
    "comment_missing": QT_TRANSLATE_NOOP("Labels", "give a reason for the low score of item {code} {title}"),
    "veto_reason_missing": QT_TRANSLATE_NOOP("Labels", "give a reason for veto {code} {title}"),
    "recommendation_missing": QT_TRANSLATE_NOOP("Labels", "choose a recommendation"),
    "vetoed_recommended": QT_TRANSLATE_NOOP("Labels", "choose Do not recommend, as veto {code} is ticked: {title}"),
}

# The grades published rubrics use (rubric data, Chinese); a district's own grade names show as written.
GRADES = {
    "优秀": QT_TRANSLATE_NOOP("Labels", "Excellent (优秀)"),
    "良好": QT_TRANSLATE_NOOP("Labels", "Good (良好)"),
    "合格": QT_TRANSLATE_NOOP("Labels", "Pass (合格)"),
    "不合格": QT_TRANSLATE_NOOP("Labels", "Fail (不合格)"),
}

SEPARATOR = QT_TRANSLATE_NOOP("Labels", "; ")


def checklist_entry(kind: str, code: str, title: str = "") -> str:
    """One thing left to do before signing, e.g. 'score item 1.2 绝技绝活与专长' (the one wording for the
    workspace's to-do list, the sign dialog and the command line)."""
    return label(CHECKLIST, kind).format(code=code, title=title).strip().rstrip("：:")  # no title, no dangling colon


def checklist_text(entries: tuple[tuple[str, str], ...] | list[tuple[str, str]], limit: int = 6,
                   titles: dict[str, str] | None = None) -> str:
    """'score item 1.2; choose a recommendation' for (kind, code) pairs, the first `limit` of them."""
    titles = titles or {}
    parts = [checklist_entry(kind, code, titles.get(code, "")) for kind, code in list(entries)[:limit]]
    if len(entries) > limit:
        parts.append("…")
    return translate("Labels", SEPARATOR).join(parts)


def grade_text(grade: str | None) -> str:
    """A rubric grade in the UI language ('—' for none)."""
    return "—" if not grade else label(GRADES, grade)
