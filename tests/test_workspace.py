"""The expert's workspace, driven offscreen through its real widgets (pytest-qt)."""
from __future__ import annotations

import shutil
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.main_window import MainWindow
from review_model.home import Home
from review_model.importer import import_package
from review_model.overview import overview
from review_model.sheets.view import sheet_view
from tests.support.signing import sign_and_wait
from tests.support.small_round import make_small_round


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    return make_small_round(tmp_path_factory.mktemp("workspace"))


@pytest.fixture
def window(qtbot, round_, tmp_path):
    shutil.copytree(round_.homes["E02"], tmp_path / "E02")
    home = Home(tmp_path / "E02")
    import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
    window = MainWindow(home, "en")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitActive(window):  # keyboard focus (Tab between fields) needs the active window
        window.show()
        window.activateWindow()
    window.applicants.select_applicant("A01")
    yield window
    window.close()
    home.close()


def answer_conflict_dialog(declare: bool = False, reason: str = "") -> None:
    """Answer the modal conflict dialog as soon as it opens, through its real controls."""
    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        if declare:
            dialog.conflict.click()
            dialog.reason.insertPlainText(reason)
        else:
            dialog.no_conflict.click()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    QTimer.singleShot(0, answer)


def stored(window, code: str):
    return sheet_view(window.workspace.editor.reviewer, "A01").scores.get(code)


def state_of(window, applicant: str) -> str:
    return next(a.state for a in overview(window.home).applicants if a.applicant_id == applicant)


def confirm(window, qtbot) -> None:
    answer_conflict_dialog()
    window.workspace.banner.button.click()
    qtbot.waitUntil(lambda: window.workspace.view.conflict == "none", timeout=3000)
    with qtbot.waitActive(window):  # offscreen has no window manager to hand activation back after the dialog
        window.activateWindow()


def test_score_by_keyboard_tab_to_next_and_comment_asked_on_the_spot(window, qtbot):
    ws = window.workspace
    assert ws.banner.isVisible() and ws.panel.rows["1.1"].score.isReadOnly()
    confirm(window, qtbot)
    rows = ws.panel.rows
    rows["1.1"].score.setFocus()
    qtbot.keyClicks(rows["1.1"].score, "4.5")
    qtbot.keyClick(rows["1.1"].score, Qt.Key.Key_Tab)
    assert stored(window, "1.1") == Decimal("4.5")
    assert QApplication.focusWidget() is rows["1.2"].score
    qtbot.keyClicks(rows["1.2"].score, "1")  # 1 of 5 is under 60 %: the comment box appears at once
    assert rows["1.2"].comment.isVisible()
    qtbot.keyClick(rows["1.2"].score, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is rows["1.2"].comment
    qtbot.keyClicks(rows["1.2"].comment, "no master certificate on file")
    qtbot.keyClick(rows["1.2"].comment, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is rows["1.3"].score
    view = sheet_view(ws.editor.reviewer, "A01")
    assert view.scores["1.2"] == Decimal("1") and view.comments["1.2"] == "no master certificate on file"
    assert "Saved" in ws.saved_label.text()


def test_invalid_score_is_shown_and_not_saved(window, qtbot):
    confirm(window, qtbot)
    row = window.workspace.panel.rows["1.1"]
    messages = []
    window.workspace.message.connect(messages.append)
    row.score.setFocus()
    qtbot.keyClicks(row.score, "7")  # the item is worth 5
    assert row.score.property("invalid") is True
    qtbot.keyClick(row.score, Qt.Key.Key_Tab)
    assert stored(window, "1.1") is None
    assert messages and "1.1" in messages[-1]


def test_typing_is_saved_within_a_second_without_leaving_the_field(window, qtbot):
    confirm(window, qtbot)
    row = window.workspace.panel.rows["2.1"]
    row.score.setFocus()
    qtbot.keyClicks(row.score, "8")
    qtbot.waitUntil(lambda: stored(window, "2.1") == Decimal("8"), timeout=1000)
    assert row.score.hasFocus()


def test_undo_and_redo_across_scores_and_notes(window, qtbot):
    confirm(window, qtbot)
    ws = window.workspace
    row = ws.panel.rows["2.1"]
    row.score.setFocus()
    qtbot.keyClicks(row.score, "6")
    qtbot.keyClick(row.score, Qt.Key.Key_Tab)
    ws.panel.rows["2.1"].score.setFocus()
    ws.panel.rows["2.1"].score.selectAll()
    qtbot.keyClicks(ws.panel.rows["2.1"].score, "9")
    qtbot.keyClick(ws.panel.rows["2.1"].score, Qt.Key.Key_Tab)
    ws.details.setCurrentIndex(1)
    ws.details.note_text.insertPlainText("workshop sign at the door")
    ws.details.findChild(type(ws.sign_button), "addNote").click()
    assert [n.text for n in ws.view.notes] == ["workshop sign at the door"]
    stack = ws.editor.undo_stack
    stack.undo()
    assert ws.view.notes == ()
    stack.undo()
    assert stored(window, "2.1") == Decimal("6") and ws.panel.rows["2.1"].score.text() == "6"
    stack.redo()
    assert stored(window, "2.1") == Decimal("9")
    stack.redo()
    assert [n.text for n in ws.view.notes] == ["workshop sign at the door"]


def test_declaring_a_conflict_disables_scoring(window, qtbot):
    ws = window.workspace
    answer_conflict_dialog(declare=True, reason="employed there until 2024")
    ws.banner.button.click()
    qtbot.waitUntil(lambda: ws.view.conflict == "declared", timeout=3000)
    assert ws.panel.rows["1.1"].score.isReadOnly()
    assert "employed there until 2024" in ws.banner.text.text()
    assert not ws.sign_button.isVisible()
    assert state_of(window, "A01") == "conflict"
    assert window.applicants.model().index(0, 2).data() == "Conflict (recused)"


def test_checklist_empties_out_and_signing_becomes_possible(window, qtbot):
    confirm(window, qtbot)
    ws = window.workspace
    rubric = ws.panel.rubric
    assert ws.checklist.count() == len([i for i in rubric.scored_items if not rubric.is_bonus(i.code)]) + 1
    assert not ws.sign_button.isEnabled()
    for item in rubric.scored_items:
        if rubric.is_bonus(item.code):
            continue
        row = ws.panel.rows[item.code]
        row.score.setFocus()
        qtbot.keyClicks(row.score, str(item.max_points - item.step))
        qtbot.keyClick(row.score, Qt.Key.Key_Tab)
    assert [ws.checklist.item(i).text() for i in range(ws.checklist.count())] == ["choose a recommendation"]
    assert state_of(window, "A01") == "draft"
    ws.panel.recommend.click()
    assert ws.checklist.count() == 0
    assert ws.sign_button.isEnabled()
    assert state_of(window, "A01") == "ready"
    assert window.applicants.model().index(0, 2).data() == "Ready to sign"


def run_modal(action, answer) -> None:
    """Run `action` (which opens a modal dialog) and let `answer(dialog)` drive the dialog."""
    def drive():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, drive)
            return
        answer(dialog)
    QTimer.singleShot(0, drive)
    action()


def test_sign_from_the_workspace_then_amend(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from review_model.sheets import ops

    confirm(window, qtbot)
    ws = window.workspace
    rubric = ws.panel.rubric
    reviewer = ws.editor.reviewer
    ops.SetSheet("A01", tuple((i.code, None if rubric.is_bonus(i.code) else i.max_points, "") for i in rubric.scored_items),
                 (), "条件完备，建议认定。", "recommend").apply(reviewer)
    ws.reload()
    assert ws.sign_button.isEnabled()

    def sign_and_close(dialog):
        sign_and_wait(qtbot, dialog)
        assert dialog.result_revision is not None
        dialog.accept()

    run_modal(ws.sign_button.click, sign_and_close)
    assert ws.view.state == "signed" and ws.panel.rows["1.1"].score.isReadOnly()
    assert state_of(window, "A01") == "signed"
    assert not ws.sign_button.isVisible() and ws.amend_button.isVisible()
    assert ws.editor.undo_stack.count() == 0  # a signature cannot be undone
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("专家组要求复议第 1.1 项", True))
    ws.amend_button.click()
    assert ws.view.state == "draft" and ws.view.revision == 2 and ws.view.amend_reason == "专家组要求复议第 1.1 项"
    assert not ws.panel.rows["1.1"].score.isReadOnly()
    assert ws.view.scores["1.1"] == rubric.item("1.1").max_points  # the new revision starts from the signed one


def test_link_a_region_of_a_dossier_page_to_the_item_in_focus(window, qtbot):
    from tests.support.viewer_driver import drag, open_and_wait

    confirm(window, qtbot)
    ws = window.workspace
    viewer = ws.viewer
    row = ws.panel.rows["2.1"]
    row.score.setFocus()  # the item the evidence is for
    material = viewer.materials[3]
    open_and_wait(qtbot, viewer, material.material_id, page=1)
    assert row.score.hasFocus()  # flipping to a page never takes the focus from the score box
    ws.details.setCurrentIndex(3)
    ws.details.select_region.click()
    assert viewer.region_mode()
    pages = viewer.pages
    box = pages.to_view(1, (80.0, 100.0, 300.0, 220.0)).translated(-pages.offset())
    drag(qtbot, pages.viewport(), box.topLeft(), box.bottomRight())
    links = ws.view.links_for("2.1")
    assert len(links) == 1 and links[0].material_id == material.material_id and links[0].page_index == 1
    assert links[0].rect == pytest.approx((80.0, 100.0, 300.0, 220.0), abs=1.0)
    assert not viewer.region_mode() and not ws.details.select_region.isChecked()
    assert "2" in ws.details.links.item(0).text() and ws.details.links.count() == 1
    assert [o.key for o in viewer._overlays] == [links[0].id]  # drawn on the page
    assert "evidence 1" in row.evidence.text() or "佐证 1" in row.evidence.text()
    viewer.go_to(material.material_id, 0)
    ws.details.links.itemClicked.emit(ws.details.links.item(0))  # a click in the rubric panel jumps there
    qtbot.waitUntil(lambda: viewer.location()[:2] == (material.material_id, 1), timeout=5000)
    ws.editor.undo_stack.undo()
    assert ws.view.links_for("2.1") == ()


def test_after_a_crash_the_app_reopens_on_the_same_applicant_material_page_and_zoom(window, qtbot):
    from tests.support.viewer_driver import open_and_wait

    viewer = window.workspace.viewer
    window.applicants.select_applicant("A02")
    material = viewer.materials[2]
    open_and_wait(qtbot, viewer, material.material_id, page=1)
    viewer.set_zoom("150")
    qtbot.wait(600)  # within the half second the location is saved; no clean shutdown follows
    reopened = MainWindow(window.home, "en")  # as after a kill: the first window never saved on close
    qtbot.addWidget(reopened)
    reopened.show()
    again = reopened.workspace.viewer
    assert reopened.applicants.current_applicant() == "A02"
    qtbot.waitUntil(lambda: again.location() == (material.material_id, 1, "150"), timeout=5000)
    reopened.close()


def test_notes_photos_and_comments_are_found_later_across_applicants(window, qtbot, tmp_path):
    from PIL import Image

    from review_model.sheets import ops
    from ui.workspace.notes_search import NotesSearchDialog

    reviewer = window.workspace.editor.reviewer
    for applicant in ("A01", "A02"):
        ops.confirm_no_conflict(reviewer, applicant)
    ops.add_note(reviewer, "A01", "2.1", "实训车间面积约 300 平方米，门口有标牌")
    ops.add_note(reviewer, "A02", "", "现场查看了标牌和学徒花名册")
    photo = tmp_path / "IMG_0001.jpg"
    Image.new("RGB", (64, 48), (90, 90, 90)).save(photo)
    ops.add_photo(reviewer, "A02", "1.1", photo, "工作室标牌")
    ops.set_score(reviewer, "A01", "1.2", __import__("decimal").Decimal("1"))
    ops.set_comment(reviewer, "A01", "1.2", "未见标牌，设备陈旧")
    dialog = NotesSearchDialog(reviewer, window)
    qtbot.addWidget(dialog)
    dialog.query.setText("标牌")  # two Chinese characters
    hits = dialog.search()
    assert {(h.applicant_id, h.item_code, h.kind) for h in hits} == {
        ("A01", "2.1", "note"), ("A02", "", "note"), ("A02", "1.1", "photo"), ("A01", "1.2", "comment")}
    chosen = []
    dialog.hitChosen.connect(lambda a, i: chosen.append((a, i)))
    dialog.results.itemActivated.emit(dialog.results.item(0))
    assert chosen == [(hits[0].applicant_id, hits[0].item_code)]
    window.sheet_actions._go_to_hit("A02", "1.1")
    assert window.workspace.applicant_id == "A02" and window.workspace.panel.current_item == "1.1"
    dialog.query.setText("100%_")  # wildcards are text, not patterns
    assert dialog.search() == []


def test_the_applicants_facts_and_the_bureaus_corrections_are_at_hand(window, qtbot):
    window.applicants.select_applicant("A03")
    facts = window.workspace.facts
    assert facts.heading.text() == "光明区农业科技协会"
    assert "工作站场地证明" in facts.findings.text()  # the material the bureau asked to correct (补正)
    assert any("51440300MJL0000318" == facts.facts.itemAt(i).widget().text()
               for i in range(facts.facts.count()) if facts.facts.itemAt(i).widget() is not None)
