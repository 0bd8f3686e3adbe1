"""The chair's desk, driven for real (pytest-qt): intake off the GUI thread, the matrix with its marks,
the drill-down, discussion, reasons for changed scores, the publicity window, export and sign."""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from review_model.chair.discussion import request_reconsideration, set_change_reason
from review_model.chair.result import ResultWritten
from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.verification import verify_file
from tests.support.panel_round import Sheet as S
from tests.support.panel_round import make_panel_round
from ui.chair import ChairDesk
from ui.chair.matrix_view import HIGH, LOW

SHEETS = {
    "E01": {"A01": [S("30", "20", "25")], "A02": [S("30", "20", "20")]},
    "E02": {"A01": [S("35", "25", "20"), S("30", "25", "20", amend_reason="自行复核")], "A02": [S("31", "21", "20")]},
    "E03": {"A01": [S("32", "21", "27")], "A02": [S("32", "20", "21")]},
    "E04": {"A01": [S("10", "8", "6")], "A02": [S("30", "22", "20")]},
}


@pytest.fixture(scope="module")
def panel(tmp_path_factory):
    round_ = make_panel_round(tmp_path_factory.mktemp("desk"), experts=4, policy={"method": "mean"}, applicants=2)
    round_.files = [round_.bundle(e, s) for e, s in SHEETS.items()]
    return round_


@pytest.fixture
def desk(qtbot, panel, tmp_path):
    shutil.copytree(panel.chair_home, tmp_path / "chair")
    home = Home(tmp_path / "chair")
    widget = ChairDesk(home, panel.package)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    yield widget
    home.close()


def _import(qtbot, desk, paths):
    with qtbot.waitSignal(desk.data_changed, timeout=60_000):
        desk.add_bundles(paths)


def test_bundles_come_in_off_the_gui_thread_and_the_matrix_marks_what_matters(qtbot, desk, panel, tmp_path):
    junk = tmp_path / "junk.rvret"
    junk.write_bytes(b"not a bundle")
    _import(qtbot, desk, [*panel.files, junk])
    bundles = desk.intake.bundles
    rows = [[bundles.item(r, c).text() for c in range(6)] for r in range(bundles.rowCount())]
    assert rows[0][0] == "junk.rvret" and "ReviewDesk" in rows[0][5]  # the refusal, in words
    assert sorted(r[0] for r in rows[1:]) == ["E01.rvret", "E02.rvret", "E03.rvret", "E04.rvret"]
    matrix = desk.matrix
    headers = [matrix.horizontalHeaderItem(c).text() for c in range(matrix.columnCount())]
    e04 = headers.index("专家04\nE04")
    a01 = next(r for r in range(matrix.rowCount()) if matrix.item(r, 0).text() == "A01")
    row = [matrix.item(a01, c).text() for c in range(matrix.columnCount())]
    assert row[e04].startswith("24 ↓")  # 畸低 on the total
    assert matrix.item(a01, e04).background().color() == LOW
    assert "※" in row[headers.index("专家02\nE02")]  # a changed sheet
    assert "total abnormally low" in row[-1]
    assert desk.notice.isVisible() and "without a permitted reason" in desk.notice.text()
    desk.select_applicant("A01")
    assert "A01" in desk.detail.title.text()
    items = desk.detail.items
    assert items.item(0, 0).text().startswith("1.1") and items.item(0, 5).background().color() in (LOW, HIGH)


def test_a_reason_picked_for_a_changed_score_unblocks_signing(qtbot, desk, panel):
    _import(qtbot, desk, panel.files)
    assert desk.tabs.tabText(2).endswith("1 without reason)")
    picker = desk.changes.pickers[0]
    index = picker.findData("adding_error")
    picker.setCurrentIndex(index)
    picker.activated.emit(index)
    assert desk.compilation.can_sign and not desk.notice.isVisible()
    assert desk.changes.table.item(0, 3).text() == "35 → 30"


def test_notes_and_reconsideration_requests_are_recorded(qtbot, desk, panel):
    _import(qtbot, desk, panel.files)
    desk.select_applicant("A01")
    desk.discussion.editor.setPlainText("评审组讨论：专家04评分明显偏低。")
    desk.discussion.add_button.click()
    assert desk.discussion.notes.count() == 1 and "专家04" in desk.discussion.notes.item(0).text()
    desk.discussion.ask_button.click()
    dialog = desk.discussion.dialog
    for box, key in ((dialog.experts, "E04"), (dialog.items, "1.1")):
        for i in range(box.count()):
            if box.item(i).data(Qt.ItemDataRole.UserRole) == key:
                box.item(i).setCheckState(Qt.CheckState.Checked)
    dialog.reason.setCurrentIndex(dialog.reason.findData("abnormal"))
    dialog.accept()
    assert desk.discussion.requests.count() == 1
    assert "waiting for a new revision" in desk.discussion.requests.item(0).text()
    desk.discussion.editor.clear()
    desk.discussion.add_button.click()  # an empty note: one clear message, nothing recorded
    assert desk.discussion.message is not None and "empty" in desk.discussion.message.text()
    assert desk.discussion.notes.count() == 1


def test_the_publicity_window_follows_the_chosen_start_and_warns_when_late(qtbot, desk, panel):
    _import(qtbot, desk, panel.files)
    assert "2026-07-06 to 2026-07-10" in desk.ranking.window.text()
    desk.ranking.start.setDate(desk.ranking.start.date().addDays(14))  # 07-20 … 07-24: sent 07-27
    assert "Too late" in desk.ranking.warning.text() and desk.compilation.window.late
    assert "master_studio" in desk.ranking.tables


def test_export_signs_a_result_that_verifies(qtbot, desk, panel, tmp_path):
    _import(qtbot, desk, panel.files)
    refused = desk.export_result()  # blocked: the change has no reason yet
    assert isinstance(refused.message, QMessageBox) and "without a permitted reason" in refused.message.text()
    # a request made now asks for a future revision: it does not explain the change that already came in
    request_reconsideration(desk.home, "A01", ["E02"], ["1.1"], "adding_error")
    assert not desk.refresh().can_sign
    set_change_reason(desk.home, "E02", "A01", "1.1", 2, "adding_error")
    desk.refresh()
    exporter = desk.export_result()
    assert exporter.file_dialog is not None
    with qtbot.waitSignal(desk.result_signed, timeout=60_000) as signed:
        exporter.run(tmp_path / "out")
    written = signed.args[0]
    assert isinstance(written, ResultWritten)
    assert verify_file(tmp_path / "out" / "result.rvres", panel.package).signer_role == "chair"


def test_drop_of_bundles_and_folders_starts_the_intake(qtbot, desk, panel, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    shutil.copy(panel.files[0], folder / "E01.rvret")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    drop = QDropEvent(QPointF(desk.rect().center()), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    assert ChairDesk._dropped(drop) == [folder]  # what drag-enter accepts too; other files are ignored
    with qtbot.waitSignal(desk.data_changed, timeout=60_000):
        desk.dropEvent(drop)
    assert [b.file_name for b in desk.intake._state.bundles] == ["E01.rvret"]


def test_a_home_that_is_not_the_chair_s_says_so(qtbot, small_round):
    home = Home(small_round.homes["E02"])
    widget = ChairDesk(home, small_round.package)
    qtbot.addWidget(widget)
    assert not widget.tabs.isEnabled() and "review round" in widget.notice.text()
    home.close()



def test_a_key_file_chair_is_asked_for_the_passphrase(qtbot, tmp_path):
    panel = make_panel_round(tmp_path / "kf", experts=3, policy={"method": "mean"}, applicants=1,
                             passphrase="组长的口令 2026")
    files = [panel.bundle(e, {"A01": [S("30", "20", "25")]}) for e in ("E01", "E02", "E03")]
    with Home(panel.chair_home) as home:
        widget = ChairDesk(home, panel.package)
        qtbot.addWidget(widget)
        _import(qtbot, widget, files)
        exporter = widget.export_result()
        exporter._chosen(str(tmp_path / "out"))
        dialog = exporter.passphrase_dialog
        assert dialog is not None and dialog.textEchoMode().name == "Password"
        with qtbot.waitSignal(exporter.finished, timeout=60_000) as wrong:
            dialog.textValueSelected.emit("not it")
        assert isinstance(wrong.args[0], Problem) and wrong.args[0].code == Code.PASSPHRASE_WRONG
        assert not (tmp_path / "out" / "result.rvres").exists()
        exporter._chosen(str(tmp_path / "out"))
        with qtbot.waitSignal(widget.result_signed, timeout=60_000):
            exporter.passphrase_dialog.textValueSelected.emit("组长的口令 2026")
    assert verify_file(tmp_path / "out" / "result.rvres", panel.package).signer_name == "陈组长"
