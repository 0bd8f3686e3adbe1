"""An edit costs what it changes: typing one score opens at most 2 database sessions and runs at
most 10 SQL statements, the same for a round of 3 and of 30 applicants (issue 10).

Counted with SQLAlchemy events on the home's real engine and session factory: deterministic,
unlike a timing.
"""
from __future__ import annotations

import shutil
from contextlib import contextmanager
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from review_model.home import Home
from review_model.importer import import_package
from review_model.overview import overview
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.sheets.states import ApplicantState
from review_model.sheets.view import refresh_view, sheet_view
from tests.support.small_round import make_small_round

MAX_SESSIONS, MAX_STATEMENTS = 2, 10


class Cost:
    def __init__(self) -> None:
        self.sessions = 0
        self.statements: list[str] = []


@contextmanager
def counted(home: Home):
    cost = Cost()

    def on_statement(_conn, _cursor, statement, *_args):
        cost.statements.append(statement.split()[0].upper())

    def on_session(*_args):
        cost.sessions += 1

    event.listen(home.store.engine, "before_cursor_execute", on_statement)
    event.listen(home.store._sessions, "after_begin", on_session)
    try:
        yield cost
    finally:
        event.remove(home.store.engine, "before_cursor_execute", on_statement)
        event.remove(home.store._sessions, "after_begin", on_session)


@pytest.fixture(scope="module", params=[0, 27], ids=["3 applicants", "30 applicants"])
def round_(request, tmp_path_factory):
    return make_small_round(tmp_path_factory.mktemp("cost"), extra_applicants=request.param)


@pytest.fixture
def home(round_, tmp_path):
    shutil.copytree(round_.homes["E02"], tmp_path / "E02")
    home = Home(tmp_path / "E02")
    import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
    yield home
    home.close()


def test_one_score_edit_and_its_refresh_in_the_domain(home, round_):
    applicants = len(overview(home).applicants)
    assert applicants in (3, 30)
    reviewer = Reviewer.open(home)
    ops.confirm_no_conflict(reviewer, "A01")
    ops.set_score(reviewer, "A01", "1.1", Decimal("3"))  # the draft revision exists from here on
    view = sheet_view(reviewer, "A01")
    with counted(home) as cost:
        applied = ops.set_score(reviewer, "A01", "1.2", Decimal("2"))
        view = refresh_view(reviewer, view, applied.changes)
    assert view.scores["1.2"] == Decimal("2") and view.scores["1.1"] == Decimal("3")
    assert view == sheet_view(reviewer, "A01"), "the targeted refresh shows what a full read shows"
    assert cost.sessions <= MAX_SESSIONS, cost.statements
    assert len(cost.statements) <= MAX_STATEMENTS, cost.statements


def test_typing_a_score_in_the_workspace(home, round_, qtbot):
    """The whole GUI reaction (store, sheet, checklist, header, applicant list) to one typed score."""
    from desktop.main_window import MainWindow

    reviewer = Reviewer.open(home)
    ops.confirm_no_conflict(reviewer, "A01")
    window = MainWindow(home, "en")
    window.watch_timer.stop()  # its periodic look for other processes' changes is not part of one edit
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.applicants.select_applicant("A01")
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.applicant_id == "A01" and ws.view is not None, timeout=5000)
    first = ws.panel.rows["1.1"].score
    first.setFocus()
    qtbot.keyClicks(first, "3")
    qtbot.keyClick(first, Qt.Key.Key_Tab)  # the first edit creates the draft revision
    qtbot.waitUntil(lambda: ws.view.scores.get("1.1") == Decimal("3"), timeout=3000)
    field = ws.panel.rows["1.2"].score
    field.setFocus()
    qtbot.keyClicks(field, "2")
    with counted(home) as cost:
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: ws.view.scores.get("1.2") == Decimal("2"), timeout=3000)
    row = window.applicants.model_.row_at(window.applicants.model_.row_of("A01"))
    assert row.state == ApplicantState.DRAFT == ws.view.applicant_state
    assert sheet_view(reviewer, "A01").scores["1.2"] == Decimal("2")
    assert cost.sessions <= MAX_SESSIONS, cost.statements
    assert len(cost.statements) <= MAX_STATEMENTS, cost.statements
    window.close()


def test_the_applicant_list_is_read_in_a_fixed_number_of_statements(home, round_):
    """`overview` (the list, `reviewdesk status`) loads in bulk: no query per applicant."""
    reviewer = Reviewer.open(home)
    for applicant in ("A01", "A02"):
        ops.confirm_no_conflict(reviewer, applicant)
        ops.set_score(reviewer, applicant, "1.1", Decimal("1"))
    with counted(home) as cost:
        rows = overview(home).applicants
    assert {r.applicant_id: r.state for r in rows}["A01"] == ApplicantState.DRAFT
    assert len(cost.statements) <= 16, cost.statements  # 3 or 30 applicants alike
