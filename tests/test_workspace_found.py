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
from tests.support.signing import sign_and_wait
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
        sign_and_wait(qtbot, dialog)
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


def test_the_list_and_the_sheet_follow_changes_made_by_the_command_line(window, qtbot):
    from tests.support.cli import reviewdesk

    ws = window.workspace
    assert window.applicants.model_.row_at(window.applicants.model_.row_of("A02")).state == "not_started"
    home = str(window.home.root)
    for args in (("sheet", "confirm-no-conflict", "A02"), ("sheet", "declare-conflict", "A01", "--reason", "近三年曾任职")):
        done = reviewdesk("--home", home, "--lang", "en", *args)
        assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: ws.view.conflict == "declared", timeout=8000)  # the open sheet re-read itself
    assert ws.banner.isVisible() and ws.panel.rows["1.1"].score.isReadOnly()
    qtbot.waitUntil(lambda: window.applicants.model_.row_at(window.applicants.model_.row_of("A01")).state == "conflict",
                    timeout=8000)


def test_zoom_keys_work_while_typing_a_score(window, qtbot):
    ws = window.workspace
    confirm(window, qtbot)
    qtbot.waitUntil(lambda: window.viewer.pages.material is not None, timeout=8000)
    ws.panel.rows["1.1"].score.setFocus()
    before = window.viewer.zoom()
    qtbot.keyClick(ws.panel.rows["1.1"].score, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    zoomed_in = window.viewer.zoom()
    assert zoomed_in != before and zoomed_in.isdigit()  # a percentage now, no longer "fit width"
    assert ws.panel.rows["1.1"].score.hasFocus(), "zooming never takes the focus from the score"
    qtbot.keyClick(ws.panel.rows["1.1"].score, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert int(window.viewer.zoom()) < int(zoomed_in)


def test_a_photo_opens_large_and_takes_a_caption(window, qtbot, tmp_path):
    from PIL import Image

    from review_model.sheets import ops
    from tests.test_workspace import run_modal

    ws = window.workspace
    confirm(window, qtbot)
    photo = tmp_path / "IMG_0002.jpg"
    Image.new("RGB", (640, 480), (120, 140, 90)).save(photo)
    applied = ws.editor.apply("photo", lambda r: ops.add_photo(r, "A01", "1.1", photo))
    photo_id = applied.value

    def caption(dialog):
        assert dialog.image.pixmap().width() > 240, "larger than the thumbnail"
        dialog.caption.setText("实训车间二楼，数控机床 6 台")
        dialog.accept()

    run_modal(lambda: ws._open_photo(photo_id), caption)
    assert [p.caption for p in ws.view.photos] == ["实训车间二楼，数控机床 6 台"]
    ws.editor.undo_stack.undo()
    assert [p.caption for p in ws.view.photos] == [""]


def test_a_signed_sheet_takes_no_more_evidence_links(window, qtbot):
    from review_model.identity import signing_key
    from review_model.sheets import ops
    from review_model.sheets.ops import OpChanges
    from review_model.signing.sign import sign_sheet

    ws = window.workspace
    confirm(window, qtbot)
    reviewer = ws.editor.reviewer
    rubric = ws.panel.rubric
    ops.SetSheet("A01", tuple((i.code, None if rubric.is_bonus(i.code) else i.max_points, "") for i in rubric.scored_items),
                 (), "条件完备。", "recommend").apply(reviewer)
    ws.reload()
    assert window.viewer.toolbar.whole_page.isEnabled()
    assert all(button.isEnabled() for button in ws.details._link_buttons)
    sign_sheet(reviewer, "A01", signing_key(reviewer.home, person_id="E02"))
    ws.editor.announce(OpChanges("A01", revision=True))
    assert not window.viewer.toolbar.whole_page.isEnabled() and not window.viewer.toolbar.region.isEnabled()
    assert not any(button.isEnabled() for button in ws.details._link_buttons)
    assert not any(button.isEnabled() for button in ws.details._photo_buttons)


def test_a_grade_is_shown_in_the_ui_language(qapp):
    from desktop import i18n
    from ui.sheet_labels import grade_text

    assert grade_text("优秀") == "Excellent (优秀)" and grade_text(None) == "—"
    assert grade_text("A 档") == "A 档", "a district's own grade name shows as written"
    i18n.install_translators("zh_CN")
    try:
        assert grade_text("优秀") == "优秀"
    finally:
        i18n.install_translators("en")
