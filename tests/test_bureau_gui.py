"""The bureau's desk driven for real (pytest-qt, offscreen, in Chinese): a round set up tab by tab,
from the portal's XLSX, folders, a binder and .pub files to a signed package built off the GUI
thread; a refusal in one sentence with nothing changed; the desk opened for a bureau identity.
Each step is grabbed at 1366×768 into REVIEWDESK_LOOK to be looked at."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from review_model.bureau.desk import round_body
from review_model.bureau.portal import list_applicants
from review_model.demo.applicants import APPLICANTS
from review_model.demo.cast import PEOPLE
from review_model.home import Home
from review_model.verification import verify_file
from tests.support.bureau_inputs import BINDER_APPLICANT, make_clerk_inputs
from tests.support.desk import desk_at
from tests.support.snapshot import snapshot
from ui.bureau import BureauDesk

LOOK = Path(os.environ.get("REVIEWDESK_LOOK", "/tmp/reviewdesk-bureau-look"))


@pytest.fixture
def clerk(tmp_path):
    return make_clerk_inputs(tmp_path)


@pytest.fixture
def desk(qtbot, chinese, clerk):
    with desk_at(qtbot, clerk.bureau_home) as widget:
        yield widget


def _grab(desk, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # the layout requests a changed text posted, as the event loop would run them
    LOOK.mkdir(parents=True, exist_ok=True)
    desk.grab().save(str(LOOK / f"desk-{name}.png"))


def _set_up_round(qtbot, desk) -> None:
    step = desk.round
    desk.tabs.setCurrentWidget(step)
    step.year.setValue(2026)
    step.round_id.setText("2026-GM-ZSPX")
    step.district.setText("光明区")
    step.bureau.setText("深圳市光明区人力资源局")
    step.title.setText("2026年度光明区终身职业技能培训载体认定评审")
    step.call_reference.setText("深人社函〔2026〕73号")
    step.review.setDate(QDate(2026, 7, 3))
    step.report.setDate(QDate(2026, 7, 24))
    step.address.setText("深圳市光明区华夏路8号")
    step.phone.setText("0755-88211234")
    for code, n in {"training_base": 2, "master_studio": 2, "rural_station": 1, "chain_leader": 1}.items():
        step.quotas[code].setValue(n)
    qtbot.mouseClick(step.save_button, Qt.MouseButton.LeftButton)


def test_a_round_set_up_tab_by_tab_is_built_into_a_signed_package(qtbot, desk, clerk):
    _set_up_round(qtbot, desk)
    saved = round_body(desk.home)
    assert saved["bureau_phone"] == "0755-88211234" and saved["quotas"]["training_base"] == 2
    assert "2026年7月6日" in desk.round.schedule.text() and "按期" in desk.round.schedule.text()
    _grab(desk, "1-round")

    desk.tabs.setCurrentWidget(desk.applicants)
    desk.applicants.import_file(clerk.xlsx)
    table = desk.applicants.table
    assert table.rowCount() == 10 and table.item(0, 1).text() == APPLICANTS[0].name
    assert table.item(0, 5).text() == "高技能人才培训基地"
    table.item(0, 8).setText("林晓彤 0755-23418000")  # the clerk corrects a phone number in the table
    assert list_applicants(desk.home)[0].contact == "林晓彤 0755-23418000"
    _grab(desk, "2-applicants")

    desk.tabs.setCurrentWidget(desk.dossiers)
    for a in APPLICANTS:
        if a.applicant_id == BINDER_APPLICANT:
            desk.dossiers.add_binder(a.applicant_id, clerk.binder)
        else:
            desk.dossiers.add_folder(a.applicant_id, clerk.folders / a.applicant_id)
    rows = {desk.dossiers.table.item(r, 0).text(): [desk.dossiers.table.item(r, c).text() for c in range(6)]
            for r in range(desk.dossiers.table.rowCount())}
    assert rows["A01"][3] == "受理" and rows[BINDER_APPLICANT][3] == "受理"
    assert rows["A07"][3] == "补正" and "技术推广与技能帮扶成效" in rows["A07"][5]
    assert "9" in desk.dossiers.summary.text()
    _grab(desk, "3-dossiers")

    desk.tabs.setCurrentWidget(desk.rubric)
    assert "2026.1" in desk.rubric.version.text()
    _grab(desk, "4-rubric")

    desk.tabs.setCurrentWidget(desk.experts)
    for p in PEOPLE:
        if p.role == "bureau":
            continue
        desk.experts.role.setCurrentIndex(1 if p.role == "chair" else 0)
        desk.experts.organisation.setText(p.organisation)
        desk.experts.job_title.setText(p.title)
        desk.experts.enrol(clerk.identities / f"{p.person_id}.pub")
    assert desk.experts.table.rowCount() == 5 and desk.experts.table.item(0, 2).text() == "组长"
    assert desk.experts.warnings.text() == ""
    _grab(desk, "5-experts")

    desk.tabs.setCurrentWidget(desk.build)
    out = clerk.root / "desk.rvpkg"
    desk.build.output.setText(str(out))
    with qtbot.waitSignal(desk.build.built, timeout=120_000):
        qtbot.mouseClick(desk.build.build_button, Qt.MouseButton.LeftButton)
    assert "9" in desk.build.result.text() and verify_file(out).signer_role == "bureau"
    _grab(desk, "6-build")
    desk.tabs.setCurrentWidget(desk.publish)
    _grab(desk, "7-publish")


def test_cancelling_the_build_writes_no_package(qtbot, desk, clerk):
    _set_up_round(qtbot, desk)
    desk.applicants.import_file(clerk.xlsx)
    for p in PEOPLE[1:3]:
        desk.experts.role.setCurrentIndex(1 if p.role == "chair" else 0)
        desk.experts.enrol(clerk.identities / f"{p.person_id}.pub")
    out = clerk.root / "cancelled.rvpkg"
    desk.build.output.setText(str(out))
    desk.build.start()
    desk.build.task.cancel()
    qtbot.waitUntil(lambda: desk.build.build_button.isEnabled(), timeout=60_000)
    assert desk.build.result.text() == "已取消，未生成评审包。"
    assert not out.exists()


def test_a_spreadsheet_with_wrong_columns_is_one_sentence_and_changes_nothing(qtbot, desk, clerk):
    _set_up_round(qtbot, desk)
    wrong = clerk.root / "wrong.csv"
    wrong.write_text("序号,公司,代码\n1,某公司,914403001922038216\n", encoding="utf-8-sig")
    before = snapshot(clerk.bureau_home)
    desk.applicants.import_file(wrong)
    assert snapshot(clerk.bureau_home) == before
    assert desk.last_problem.startswith("wrong.csv") and "\n" not in desk.last_problem
    assert "缺少该列" in desk.last_problem or "列" in desk.last_problem
    assert desk.applicants.table.rowCount() == 0


def test_a_bureau_identity_opens_the_bureaus_desk(qtbot, chinese, clerk):
    from desktop.main_window import MainWindow

    with Home(clerk.bureau_home) as home:
        window = MainWindow(home, "zh_CN")
        qtbot.addWidget(window)
        window.show()
        assert isinstance(window.pages.currentWidget(), BureauDesk)
        assert window.workspace is None
