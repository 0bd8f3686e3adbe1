"""The sheet's states and the signing rule, decided once in review_model/sheets/states.py."""
from __future__ import annotations

from decimal import Decimal

import pytest

from review_model.errors import Code
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.sheets.states import (
    ApplicantState,
    ChecklistKind,
    ConflictState,
    SheetState,
    applicant_state,
    sign_refusal,
)
from review_model.sheets.view import ChecklistEntry, sheet_view
from tests.support.sheets import complete_sheet, expert_home

MISSING = (ChecklistEntry(ChecklistKind.UNSCORED, "1.1"),)


@pytest.mark.parametrize(("conflict", "sheet", "complete", "expected"), [
    (ConflictState.DECLARED, SheetState.SIGNED, True, ApplicantState.CONFLICT),  # 回避 wins over everything
    (ConflictState.NONE, SheetState.SIGNED, True, ApplicantState.SIGNED),
    (ConflictState.UNCONFIRMED, SheetState.NONE, False, ApplicantState.NOT_STARTED),
    (ConflictState.NONE, SheetState.DRAFT, False, ApplicantState.DRAFT),
    (ConflictState.NONE, SheetState.DRAFT, True, ApplicantState.READY),
])
def test_applicant_state(conflict, sheet, complete, expected):
    assert applicant_state(conflict, sheet, complete) == expected
    assert str(expected) == expected.value, "prints and serialises as the published code"


def test_the_signing_rule():
    assert sign_refusal("A01", ConflictState.DECLARED, SheetState.DRAFT, 1, ()).code == Code.CONFLICT_DECLARED
    assert sign_refusal("A01", ConflictState.NONE, SheetState.SIGNED, 1, ()).code == Code.SHEET_SIGNED
    incomplete = sign_refusal("A01", ConflictState.NONE, SheetState.DRAFT, 1, MISSING)
    assert incomplete.code == Code.SHEET_INCOMPLETE and incomplete.params["checklist"] == (("unscored", "1.1"),)
    assert sign_refusal("A01", ConflictState.NONE, SheetState.NONE, None, ()).code == Code.SHEET_INCOMPLETE
    assert sign_refusal("A01", ConflictState.NONE, SheetState.DRAFT, 1, ()) is None


def test_the_view_and_the_list_agree_with_the_rule(small_round, tmp_path):
    from review_model.overview import overview

    with expert_home(small_round, "E02", tmp_path / "E02") as home:
        reviewer = Reviewer.open(home)
        ops.confirm_no_conflict(reviewer, "A01")
        ops.set_score(reviewer, "A01", "1.1", Decimal("1"))
        view = sheet_view(reviewer, "A01")
        assert view.applicant_state == ApplicantState.DRAFT and view.sign_refusal.code == Code.SHEET_INCOMPLETE
        complete_sheet(reviewer, "A01")
        view = sheet_view(reviewer, "A01")
        assert view.applicant_state == ApplicantState.READY and view.sign_refusal is None
        rows = {r.applicant_id: r.state for r in overview(home).applicants}
        assert rows["A01"] == view.applicant_state
