"""The states of one expert's score sheet and the rules over them, decided here once.

The applicant list, the workspace header, the sign button and dialog, `reviewdesk status` and
`sheet sign` all ask these functions; none of them decides for itself. The enums are StrEnums whose values are the stored and published
codes (SPEC's `status --json` states), so they compare equal to those strings, print as them and go
into JSON as they are.
"""
from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from ..errors import Code, Problem

if TYPE_CHECKING:  # only for annotations: view.py imports this module
    from .view import ChecklistEntry


class ConflictState(StrEnum):
    """The expert's answer to the 回避 question for one applicant (the newest declaration)."""

    UNCONFIRMED = "unconfirmed"  # not answered yet: no scoring until answered
    NONE = "none"  # confirmed: no conflict of interest
    DECLARED = "declared"  # 回避: no scoring for this applicant from then on


class SheetState(StrEnum):
    """The latest revision of a score sheet (the database's `sheet_revision.state`, plus NONE)."""

    NONE = "none"  # nothing stored yet
    DRAFT = "draft"
    SIGNED = "signed"


class ApplicantState(StrEnum):
    """Where an assigned applicant stands for this expert: the list, the header, `status`."""

    NOT_STARTED = "not_started"
    DRAFT = "draft"  # things left to do before signing
    READY = "ready"  # complete, not signed yet
    SIGNED = "signed"
    CONFLICT = "conflict"


class ChecklistKind(StrEnum):
    """One kind of thing standing between a draft and its signature."""

    CONFLICT_UNCONFIRMED = "conflict_unconfirmed"
    UNSCORED = "unscored"
    COMMENT_MISSING = "comment_missing"
    VETO_REASON_MISSING = "veto_reason_missing"
    RECOMMENDATION_MISSING = "recommendation_missing"


def applicant_state(conflict: ConflictState, sheet: SheetState, checklist_empty: bool) -> ApplicantState:
    if conflict == ConflictState.DECLARED:
        return ApplicantState.CONFLICT
    if sheet == SheetState.SIGNED:
        return ApplicantState.SIGNED
    if sheet == SheetState.NONE:
        return ApplicantState.NOT_STARTED
    return ApplicantState.READY if checklist_empty else ApplicantState.DRAFT


def sign_refusal(applicant_id: str, conflict: ConflictState, sheet: SheetState, revision: int | None,
                 checklist: Sequence[ChecklistEntry]) -> Problem | None:
    """Why this sheet may not be signed now, or None when it may: the one rule for the sign
    button, the sign dialog and `sheet sign`."""
    if conflict == ConflictState.DECLARED:
        return Problem(Code.CONFLICT_DECLARED, applicant=applicant_id)
    if sheet == SheetState.SIGNED:
        return Problem(Code.SHEET_SIGNED, applicant=applicant_id, revision=revision)
    if sheet == SheetState.NONE or checklist:
        return Problem(Code.SHEET_INCOMPLETE, applicant=applicant_id,
                       checklist=tuple((entry.kind.value, entry.code) for entry in checklist))
    return None


def may_edit(conflict: ConflictState, sheet: SheetState) -> bool:
    """Scores, notes and links may change: the 回避 question answered "no conflict", not signed."""
    return conflict == ConflictState.NONE and sheet != SheetState.SIGNED
