"""What using the app found in the expert's workspace (issue 11), driven through the real widgets."""
from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from review_model import round_time
from review_model.home import Home
from review_model.sheets.context import Reviewer
from review_model.sheets.drafts import note_draft
from tests.test_workspace import confirm, round_, stored, window  # noqa: F401  (round_ and window are fixtures)


def test_a_site_note_draft_stays_with_its_applicant_and_survives_the_process(window, qtbot):
    ws = window.workspace
    confirm(window, qtbot)
    ws.details.setCurrentIndex(1)
    ws.details.note_text.insertPlainText("车间门口无标识牌")
    window.applicants.select_applicant("A02")  # switching saves the draft typed so far, under A01
    qtbot.waitUntil(lambda: ws.applicant_id == "A02", timeout=3000)
    assert ws.details.note_text.toPlainText() == "", "the draft did not follow the expert to A02"
    # what a killed process leaves on disk: a fresh Reviewer on a fresh Home reads it back
    with Home(window.home.root) as other:
        assert note_draft(Reviewer.open(other), "A01") == "车间门口无标识牌"
        assert note_draft(Reviewer.open(other), "A02") == ""
    window.applicants.select_applicant("A01")
    qtbot.waitUntil(lambda: ws.applicant_id == "A01", timeout=3000)
    assert ws.details.note_text.toPlainText() == "车间门口无标识牌"
    ws.details.findChild(type(ws.sign_button), "addNote").click()
    assert [n.text for n in ws.view.notes] == ["车间门口无标识牌"]
    assert note_draft(ws.editor.reviewer, "A01") == "", "adding the note cleared its draft"


def test_a_draft_is_saved_after_a_pause_without_leaving_the_box(window, qtbot):
    ws = window.workspace
    confirm(window, qtbot)
    ws.details.setCurrentIndex(1)
    ws.details.note_text.setFocus()
    qtbot.keyClicks(ws.details.note_text, "training room 60 m2")
    qtbot.waitUntil(lambda: note_draft(ws.editor.reviewer, "A01") == "training room 60 m2", timeout=2000)


def test_ctrl_z_in_a_score_field_undoes_the_sheet(window, qtbot):
    ws = window.workspace
    confirm(window, qtbot)
    rows = ws.panel.rows
    rows["1.1"].score.setFocus()
    qtbot.keyClicks(rows["1.1"].score, "4")
    qtbot.keyClick(rows["1.1"].score, Qt.Key.Key_Tab)
    assert stored(window, "1.1") == Decimal("4")
    assert QApplication.focusWidget() is rows["1.2"].score
    qtbot.keyClicks(rows["1.2"].score, "3")  # typed, not yet saved: Ctrl+Z saves it, then undoes it
    qtbot.keyClick(rows["1.2"].score, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window, "1.2") is None and rows["1.2"].score.text() == ""
    assert rows["1.2"].score.hasFocus()
    qtbot.keyClick(rows["1.2"].score, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window, "1.1") is None and rows["1.1"].score.text() == ""
    qtbot.keyClick(rows["1.2"].score, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(window, "1.1") == Decimal("4")


def test_times_are_shown_on_the_rounds_clock_whatever_the_laptops_zone():
    stored_utc = datetime(2026, 7, 15, 1, 53, tzinfo=UTC)  # 09:53 in Shenzhen
    assert round_time.short(stored_utc) == "07-15 09:53"
    assert round_time.short(stored_utc.replace(tzinfo=None)) == "07-15 09:53", "the store's naive times are UTC"
    assert round_time.clock(datetime(2026, 7, 15, 16, 0, 1, tzinfo=UTC)) == "00:00:01"


def test_the_expert_keeps_their_signed_pdf_from_the_sign_dialog_and_the_sheet_menu(window, qtbot, tmp_path,
                                                                                    monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from review_model.sheets import ops
    from review_model.signing.sign import signed_pdf
    from tests.test_workspace import run_modal

    confirm(window, qtbot)
    ws = window.workspace
    rubric = ws.panel.rubric
    actions = window.sheet_actions
    actions.update()
    assert not actions.save_pdf.isEnabled() and not actions.open_pdf.isEnabled()
    ops.SetSheet("A01", tuple((i.code, None if rubric.is_bonus(i.code) else i.max_points, "") for i in rubric.scored_items),
                 (), "条件完备，建议认定。", "recommend").apply(ws.editor.reviewer)
    ws.reload()
    target = tmp_path / "kept.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))

    def sign_then_save(dialog):
        dialog.sign_button.click()
        assert dialog.result_revision is not None
        dialog.save_pdf_button.click()
        dialog.accept()

    run_modal(ws.sign_button.click, sign_then_save)
    kept = signed_pdf(ws.editor.reviewer, "A01")
    assert target.read_bytes() == kept.data and kept.data.startswith(b"%PDF")
    assert kept.file_name.startswith("A01-") and kept.file_name.endswith("第1版.pdf")
    actions.update()
    assert actions.save_pdf.isEnabled() and actions.open_pdf.isEnabled()
    again = tmp_path / "again.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(again), "PDF (*.pdf)"))
    actions.save_pdf.trigger()
    assert again.read_bytes() == kept.data
