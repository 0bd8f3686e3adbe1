"""The desk's step 7 driven for real (pytest-qt, offscreen, in Chinese): the result verified and
published, an objection recorded during the window, found 成立 with its reason, and the final list
written without that candidate; a late objection is one sentence and changes nothing. Grabbed at
1366×768 into REVIEWDESK_LOOK."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt

from review_model.bureau.publish import list_objections
from review_model.home import Home
from tests.support.snapshot import snapshot
from tests.test_bureau_documents import _text, signed_result  # noqa: F401  (fixture)
from tests.test_bureau_gui import _grab
from ui.bureau import BureauDesk


@pytest.fixture
def publish_desk(qtbot, chinese, signed_result, tmp_path):  # noqa: F811
    panel, result = signed_result
    home = Home(tmp_path / "bureau-home")
    widget = BureauDesk(home)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.tabs.setCurrentWidget(widget.publish)
    step = widget.publish
    step.result_file.setText(str(result))
    step.package_file.setText(str(panel.package))
    step.outdir.setText(str(tmp_path / "documents"))
    yield widget, tmp_path
    home.close()


def _day(d):
    return QDate(d.year, d.month, d.day)


def test_an_objection_found_upheld_leaves_the_candidate_off_the_final_list(qtbot, publish_desk):
    desk, tmp_path = publish_desk
    step = desk.publish
    with qtbot.waitSignal(step.attempted, timeout=30_000):  # written in the background
        qtbot.mouseClick(step.publish_button, Qt.MouseButton.LeftButton)
    assert "publicity.pdf" in step.done.text()
    assert step.candidate.count() >= 2  # loaded from the verified result after publishing
    first_id, first_name = step.candidate.itemData(0), step.candidate.itemText(0).split(" ", 1)[1]
    step.received.setDate(step.received.minimumDate())
    step.objector.setText("深圳市某职业培训学校（加盖公章）")
    step.about.setText("反映其培训场地面积不实")
    qtbot.mouseClick(step.record_button, Qt.MouseButton.LeftButton)
    assert step.table.rowCount() == 1 and step.table.item(0, 4).text() == "核查中"
    step.table.selectRow(0)
    step.reason.setText("经实地核查，培训场地实际面积不足申报面积的一半")
    qtbot.mouseClick(step.upheld_button, Qt.MouseButton.LeftButton)
    assert step.table.item(0, 4).text() == "成立"
    with qtbot.waitSignal(step.attempted, timeout=30_000):  # written in the background
        qtbot.mouseClick(step.final_button, Qt.MouseButton.LeftButton)
    assert "final-list.pdf" in step.final_done.text(), desk.last_problem
    final = _text(tmp_path / "documents" / "final-list.pdf").replace("\n", "")
    assert f"关于{first_name}的异议成立" in final
    _grab(desk, "7-publish-objections")
    assert [o.applicant_id for o in list_objections(desk.home)] == [first_id]


def test_a_finding_without_a_reason_is_one_sentence_and_changes_nothing(qtbot, publish_desk):
    desk, tmp_path = publish_desk
    step = desk.publish
    qtbot.mouseClick(step.load_button, Qt.MouseButton.LeftButton)
    step.objector.setText("李某，13800000000")
    qtbot.mouseClick(step.record_button, Qt.MouseButton.LeftButton)
    step.table.selectRow(0)
    before = snapshot(desk.home.root)
    qtbot.mouseClick(step.upheld_button, Qt.MouseButton.LeftButton)  # no reason typed
    assert "理由" in desk.last_problem and "\n" not in desk.last_problem
    assert snapshot(desk.home.root) == before and step.table.item(0, 4).text() == "核查中"
