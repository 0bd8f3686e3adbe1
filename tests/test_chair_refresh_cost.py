"""What a refresh of the chair's desk costs the database: a bounded number of sessions and statements,
the same for a round of 3 applicants as for one of 30 (it was 12 sessions and one query per scored
sheet). Counted with SQLAlchemy's own events on the home's engine: deterministic, not timing."""
from __future__ import annotations

import pytest
from sqlalchemy import event

from review_model.chair.intake import import_returns
from review_model.exchange.package import open_package
from tests.support.panel_round import APPLICANTS, make_panel_round
from tests.support.panel_round import Sheet as S
from ui.chair import ChairDesk

pytestmark = pytest.mark.slow  # 90 signed sheets for the larger round

SESSIONS, STATEMENTS = 10, 30  # the bound (today 9 and 24; before, 13 and 44 for 3 applicants, 125 for 30)


def _counted(qtbot, tmp_path, applicants: int) -> tuple[int, int]:
    panel = make_panel_round(tmp_path / f"r{applicants}", experts=3, policy={"method": "mean"}, applicants=applicants)
    ids = [a for a, _, _ in APPLICANTS[:applicants]]
    files = [panel.bundle(e, {a: [S("30", "20", "25")] for a in ids}) for e in ("E01", "E02", "E03")]
    # E02 amends every sheet: the first and the counting revision are both read, as with real panels
    files.append(panel.bundle("E02", {a: [S("30", "20", "25"), S("31", "20", "25", amend_reason="复核")] for a in ids},
                              name="E02-b.rvret"))
    with panel.home() as home:
        with open_package(panel.package) as package:
            import_returns(home, package, files)
        desk = ChairDesk(home)
        qtbot.addWidget(desk)
        assert len(desk.compilation.applicants) == applicants and len(desk.compilation.changes) == applicants
        sessions, statements = [0], [0]

        def checkout(*_args) -> None:
            sessions[0] += 1

        def statement(*_args) -> None:
            statements[0] += 1

        engine = home.store.engine
        event.listen(engine, "checkout", checkout)
        event.listen(engine, "before_cursor_execute", statement)
        try:
            desk.refresh()
        finally:
            event.remove(engine, "checkout", checkout)
            event.remove(engine, "before_cursor_execute", statement)
        desk.close()
    return sessions[0], statements[0]


def test_a_refresh_of_the_chair_s_desk_costs_the_same_for_3_and_30_applicants(qtbot, tmp_path):
    small = _counted(qtbot, tmp_path, 3)
    large = _counted(qtbot, tmp_path, 30)
    assert small == large, (small, large)
    sessions, statements = large
    assert sessions <= SESSIONS and statements <= STATEMENTS, large
