"""The GUI's background sender, with real widgets (offscreen) and a real intake: a signed sheet
goes out by itself off the GUI thread and the list shows it delivered; a refusal shows its reason;
the status bar says how many are pending; "Send now" is in the File menu."""
from __future__ import annotations

import pytest

from desktop.main_window import MainWindow
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.sync.outbox import OutboxState, items
from tests.support.intake import Backend, free_port, start_intake
from tests.support.sheets import expert_home
from tests.support.sync_round import make_sync_round, signed_home

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gui_intake(tmp_path_factory):
    running = start_intake(tmp_path_factory.mktemp("gui-intake"), Backend("sqlite"))
    yield running
    assert running.process.stop() == 0


def _state_cell(window, applicant_id: str, role=None) -> str:
    from PySide6.QtCore import Qt

    model = window.applicants.model_
    return model.data(model.index(model.row_of(applicant_id), 2), role or Qt.ItemDataRole.DisplayRole)


def _state_column_in_sight(window) -> bool:
    """The whole state column lies inside the list's visible width (no scrolling to see it)."""
    table = window.applicants
    return table.columnViewportPosition(2) >= 0 and \
        table.columnViewportPosition(2) + table.columnWidth(2) <= table.viewport().width()


def test_a_signed_sheet_is_delivered_in_the_background_and_a_refusal_shows_its_reason(qtbot, gui_intake, tmp_path):
    round_ = make_sync_round(tmp_path / "round", gui_intake)
    other = expert_home(round_, "E02", tmp_path / "E02-laptop")  # a conflict with A02 reached the intake first
    ops.declare_conflict(Reviewer.open(other), "A02", "亲属关系")
    from review_model.identity import signing_key
    from review_model.sync.outbox import Outbox, intake_target
    Outbox(other, intake_target(other), lambda: signing_key(other, person_id="E02")).send(force=True)
    home = signed_home(round_, "E02", tmp_path / "E02", ("A01", "A02"))
    window = MainWindow(home, "en")
    qtbot.addWidget(window)
    window.show()
    assert window.outbox_sender is not None
    assert "Send signed sheets to the bureau &now" in [a.text() for a in window.file_menu.actions()]
    qtbot.waitUntil(lambda: "delivered to the bureau (receipt no." in _state_cell(window, "A01"), timeout=60_000)
    qtbot.waitUntil(lambda: "refused by the bureau's intake: the expert declared a conflict of interest"
                    in _state_cell(window, "A02"), timeout=60_000)
    assert {i.applicant_id: i.state for i in items(home)} == {"A01": OutboxState.DELIVERED, "A02": OutboxState.REFUSED}
    window.applicants.resize(240, window.applicants.height())  # the list's width on a 1366-px laptop
    qtbot.waitUntil(lambda: _state_column_in_sight(window))
    qtbot.waitUntil(lambda: window.outbox_sender.pending_label.text() == "Everything signed is delivered to the bureau.")
    window.close()


def test_an_unreachable_intake_shows_waiting_and_the_pending_count(qtbot, gui_intake, tmp_path):
    round_ = make_sync_round(tmp_path / "round", gui_intake, url=f"http://127.0.0.1:{free_port()}")
    home = signed_home(round_, "E02", tmp_path / "E02")
    window = MainWindow(home, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "waiting to send: next try at" in _state_cell(window, "A01"), timeout=60_000)
    # the last error is a long sentence: in the row's tooltip, so the state stays in sight in a narrow list
    from PySide6.QtCore import Qt

    assert "cannot be reached" in _state_cell(window, "A01", Qt.ItemDataRole.ToolTipRole)
    assert "cannot be reached" not in _state_cell(window, "A01")
    window.applicants.resize(240, window.applicants.height())
    qtbot.waitUntil(lambda: _state_column_in_sight(window))
    assert window.outbox_sender.pending_label.text() == "1 signed items waiting to be sent to the bureau."
    window.close()
