"""The experts step driven for real (pytest-qt, offscreen, in Chinese): assignments ticked in the
table expert × applicant and saved as ticked, the cells where an expert may be conflicted marked
and warned about, and an expert left with nobody to review refused in one sentence."""
from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from review_model.bureau.desk import save_round
from review_model.bureau.experts import enrol_expert, list_experts, set_assignment, update_expert
from review_model.bureau.portal import import_applicants
from review_model.bureau.spec import write_spec
from review_model.demo.applicants import APPLICANTS
from review_model.demo.cast import PEOPLE, ROUND
from review_model.errors import Code, Problem
from review_model.home import Home
from tests.support.bureau_inputs import make_clerk_inputs
from tests.support.desk import desk_at
from tests.support.snapshot import snapshot

LOOK = Path(os.environ.get("REVIEWDESK_LOOK", "/tmp/reviewdesk-bureau-look"))


@pytest.fixture
def clerk(tmp_path):
    clerk = make_clerk_inputs(tmp_path)
    with Home(clerk.bureau_home) as home:
        save_round(home, ROUND)
        import_applicants(home, clerk.xlsx)
        for p in PEOPLE:
            if p.role != "bureau":
                enrol_expert(home, clerk.identities / f"{p.person_id}.pub", role="chair" if p.role == "chair" else "member",
                             organisation=p.organisation, title=p.title)
    return clerk


@pytest.fixture
def desk(qtbot, chinese, clerk):
    with desk_at(qtbot, clerk.bureau_home, "experts") as widget:
        yield widget


def _click(qtbot, step, expert_id, applicant_id) -> None:
    """A click on the cell's check box, as the clerk ticks it."""
    grid = step.assignments
    item = step.cell(expert_id, applicant_id)
    grid.scrollToItem(item)
    rect = grid.visualItemRect(item)
    grid.setFocus()
    # the check box sits at the cell's left, centred vertically (AlignCenter only moves the text)
    spot = QPoint(rect.left() + rect.width() // 2, rect.center().y())
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=spot)


def _ticked(step, expert_id, applicant_id) -> bool:
    return step.cell(expert_id, applicant_id).checkState() == Qt.CheckState.Checked


def test_assignments_are_ticked_per_applicant_and_saved_as_ticked(qtbot, desk, clerk, tmp_path):
    step = desk.experts
    assert step.assignments.rowCount() == 5 and step.assignments.columnCount() == 1 + len(APPLICANTS)
    assert all(_ticked(step, "E02", a.applicant_id) for a in APPLICANTS) and _ticked(step, "E02", None)
    _click(qtbot, step, "E02", "A05")  # from "all" to everyone but A05
    _click(qtbot, step, "E02", "A07")
    assert not _ticked(step, "E02", None) and not _ticked(step, "E02", "A05") and _ticked(step, "E02", "A06")
    with Home(clerk.bureau_home) as other:  # committed at the click
        e02 = next(e for e in list_experts(other) if e.expert_id == "E02")
    assert e02.applicants == tuple(a.applicant_id for a in APPLICANTS if a.applicant_id not in ("A05", "A07"))
    _click(qtbot, step, "E02", None)  # back to all, applicants added later included
    assert next(e for e in list_experts(desk.home) if e.expert_id == "E02").applicants is None

    _click(qtbot, step, "E03", None)  # "all" off: today's applicants named, one by one
    assert next(e for e in list_experts(desk.home) if e.expert_id == "E03").applicants == tuple(
        a.applicant_id for a in APPLICANTS)
    for a in APPLICANTS[1:]:
        _click(qtbot, step, "E03", a.applicant_id)
    spec = tmp_path / "spec"
    write_spec(desk.home, spec)
    with open(spec / "experts.csv", encoding="utf-8-sig") as handle:
        rows = {r["expert_id"]: r["applicants"] for r in csv.DictReader(handle)}
    assert rows["E03"] == "A01" and rows["E02"] == "*"

    before = snapshot(clerk.bureau_home)
    _click(qtbot, step, "E03", "A01")  # the last one: nobody left to review
    assert snapshot(clerk.bureau_home) == before
    assert desk.last_problem.count("\n") == 0 and "至少保留" in desk.last_problem
    assert _ticked(step, "E03", "A01")  # the table shows what is saved


def test_an_expert_who_may_be_conflicted_is_marked_in_the_table_and_warned_about(qtbot, desk, clerk):
    step = desk.experts
    college = next(a for a in APPLICANTS if a.applicant_id == "A02")
    update_expert(desk.home, "E03", organisation=college.name)
    update_expert(desk.home, "E04", name=APPLICANTS[0].contact.split()[0])
    step.refresh()
    assert step.cell("E03", "A02").background().color() != step.cell("E03", "A01").background().color()
    assert college.name in step.cell("E03", "A02").toolTip()
    assert "A02" in step.warnings.text() and "联系人" in step.warnings.text()
    QApplication.processEvents()
    LOOK.mkdir(parents=True, exist_ok=True)
    desk.grab().save(str(LOOK / "desk-5-experts-assignments.png"))

    _click(qtbot, step, "E03", "A02")  # the clerk takes A02 away from E03: no more warning about it
    assert "A02" not in step.warnings.text() and "A01" in step.warnings.text()


def test_an_assignment_naming_an_applicant_the_round_does_not_have_is_refused(clerk):
    before = snapshot(clerk.bureau_home)
    with Home(clerk.bureau_home) as home:
        with pytest.raises(Problem) as caught:
            set_assignment(home, "E02", "A99", True)
        assert caught.value.code == Code.APPLICANT_UNKNOWN
        with pytest.raises(Problem) as caught:
            update_expert(home, "E02", applicants=["A01", "A99"])
        assert caught.value.code == Code.APPLICANT_UNKNOWN
    assert snapshot(clerk.bureau_home) == before
