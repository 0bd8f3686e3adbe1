"""The round step of the bureau's desk driven for real (pytest-qt, offscreen, in Chinese): loading the
State Council's holiday list for a new year, the aggregation policy editor with the panel's sentence
beside each choice, and the intake service the package names (address, receipt key, certificate
pin). Bad input is one sentence and leaves the home as it was; what is saved survives a new desk."""
from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from review_model.bureau.desk import round_body, round_calendar_years, round_policy
from review_model.bureau.spec import write_spec
from review_model.exchange.package_build import assemble_spec
from review_model.home import Home
from review_model.policy import AggregationPolicy, choice_sentences
from tests.support.desk import clerk_with_round
from tests.support.holidays import holiday_xlsx
from tests.support.snapshot import snapshot
from tests.support.tls import der_sha256, self_signed
from ui.bureau import BureauDesk

LOOK = Path(os.environ.get("REVIEWDESK_LOOK", "/tmp/reviewdesk-bureau-look"))

@pytest.fixture
def clerk(tmp_path):
    return clerk_with_round(tmp_path)


def _open(qtbot, clerk) -> BureauDesk:
    home = Home(clerk.bureau_home)
    widget = BureauDesk(home)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.destroyed.connect(home.close)
    return widget


@pytest.fixture
def desk(qtbot, chinese, clerk):
    widget = _open(qtbot, clerk)
    widget.tabs.setCurrentWidget(widget.round)
    yield widget
    widget.home.close()


def _grab(widget, name: str) -> Path:
    QApplication.processEvents()
    LOOK.mkdir(parents=True, exist_ok=True)
    out = LOOK / f"desk-{name}.png"
    widget.grab().save(str(out))
    return out


def _refused_unchanged(desk, clerk, action) -> str:
    before = snapshot(clerk.bureau_home)
    desk.last_problem = ""
    action()
    assert snapshot(clerk.bureau_home) == before
    text = desk.last_problem
    assert text and "\n" not in text and "{" not in text, text
    return text


# --- calendar years -------------------------------------------------------------------------------
def test_a_new_year_is_refused_until_its_holiday_list_is_loaded(qtbot, desk, clerk, tmp_path):
    step = desk.round
    step.year.setValue(2027)
    text = _refused_unchanged(desk, clerk, lambda: qtbot.mouseClick(step.save_button, Qt.MouseButton.LeftButton))
    assert "2027" in text and "节假日" in text  # what to do: load the State Council's list for 2027
    assert round_body(desk.home)["year"] == 2026

    step.pages.setCurrentIndex(2)
    shown = [step.calendar_years.item(i).text() for i in range(step.calendar_years.count())]
    assert len(shown) == 1 and shown[0].startswith("2026") and "随软件提供" in shown[0]
    step.load_calendar_file(holiday_xlsx(tmp_path / "2027年节假日安排.xlsx"))
    shown = [step.calendar_years.item(i).text() for i in range(step.calendar_years.count())]
    assert [s[:4] for s in shown] == ["2026", "2027"] and "2027年节假日安排.xlsx" in shown[1]
    _grab(desk, "1c-calendar")

    step.pages.setCurrentIndex(0)
    step.year.setValue(2027)
    step.review.setDate(step.review.date().addYears(1))
    step.report.setDate(step.report.date().addYears(1))
    qtbot.mouseClick(step.save_button, Qt.MouseButton.LeftButton)
    assert round_body(desk.home)["year"] == 2027
    assert "2027年" in step.schedule.text()

    spec = tmp_path / "spec"
    write_spec(desk.home, spec, with_experts=False)
    kept = json.loads((spec / "calendars" / "2027.json").read_text(encoding="utf-8"))
    assert {"name": "春节", "first": "2027-02-05", "last": "2027-02-13"} in kept["holidays"]
    assert kept["adjusted_workdays"] == ["2027-02-14"]


@pytest.mark.parametrize(("name", "content", "words"), [
    ("2027.json", b"{not json", "JSON"),
    ("2027.json", json.dumps({"year": 2027, "holidays": [{"name": "元旦", "first": "2027-01-01"}]}).encode(),
     "holidays.0.last"),
    ("2027.json", json.dumps({"year": 2027, "holidays": [{"name": "元旦", "first": "2027-01-01",
                                                         "last": "2028-01-02"}]}).encode(), "2028-01-02"),
    ("2027.json", json.dumps({"year": 2027, "holidays": [{"name": "春节", "first": "2027-02-13",
                                                         "last": "2027-02-05"}]}).encode(), "春节"),
])
def test_a_bad_holiday_list_is_one_sentence_naming_what_is_wrong(qtbot, desk, clerk, tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    text = _refused_unchanged(desk, clerk, lambda: desk.round.load_calendar_file(path))
    assert text.startswith(name) and words in text, text
    assert [d.year for d in round_calendar_years(desk.home)] == [2026]


def test_a_holiday_xlsx_with_a_bad_date_names_its_row(qtbot, desk, clerk, tmp_path):
    path = holiday_xlsx(tmp_path / "2027.xlsx", [("元旦", "2027-01-01", "2027-01-03"), ("春节", "二月五日", "")])
    text = _refused_unchanged(desk, clerk, lambda: desk.round.load_calendar_file(path))
    assert "第3行" in text and "日期" in text, text


# --- the aggregation policy -------------------------------------------------------------------------
def _type(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def _pick(qtbot, box, data) -> None:
    box.setCurrentIndex(box.findData(data))
    box.activated.emit(box.currentIndex())  # as a click on the item in the open list does


def test_each_policy_choice_is_saved_as_made_with_the_panels_sentence(qtbot, desk, clerk):
    step = desk.round
    step.pages.setCurrentIndex(1)
    assert step.words["method"].text() == choice_sentences(AggregationPolicy())["method"]
    assert "去掉一个最高分和一个最低分" in step.words["method"].text()

    _pick(qtbot, step.method, "median")
    assert round_policy(desk.home).method == "median" and step.words["method"].text() == "汇总方法：取中位数。"
    assert not step.trim_min.isVisible()
    _pick(qtbot, step.level, "total")
    assert "先计算每位专家的总分" in step.words["level"].text()
    _type(qtbot, step.decimals, "1")
    _type(qtbot, step.min_score, "65")
    assert "低于65分者不予排名" in step.words["min_score"].text()
    _pick(qtbot, step.veto_rule, "majority")
    _type(qtbot, step.abnormal_ratio, "25")
    qtbot.mouseClick(step.abnormal_items, Qt.MouseButton.LeftButton)
    _type(qtbot, step.item_min_points, "3")
    assert "超过满分的25%" in step.words["abnormal"].text() and "不少于3分的" in step.words["abnormal"].text()
    _pick(qtbot, step.tie_rule, "section_then_shared")
    assert step.tie_section.isVisible()
    _pick(qtbot, step.tie_section, "S2")
    assert "按一级指标S2得分排序" in step.words["ties"].text()  # S2 is named differently per carrier type
    _grab(desk, "1b-policy")

    expected = AggregationPolicy(method="median", level="total", decimals=1, min_score=Decimal("65"),
                                 veto_rule="majority", abnormal_ratio=Decimal("0.25"), abnormal_items=True,
                                 abnormal_item_min_points=Decimal("3"), tie_rule="section_then_shared",
                                 tie_section="S2")
    desk.close()
    desk.deleteLater()
    QApplication.processEvents()
    with Home(clerk.bureau_home) as home:  # another process's view: committed, nothing held in the window
        assert round_policy(home) == expected
    again = _open(qtbot, clerk)
    again.round.pages.setCurrentIndex(1)
    assert again.round.method.currentData() == "median" and again.round.min_score.value() == 65
    assert again.round.words["ties"].text() == choice_sentences(expected, "一级指标S2")["ties"]
    again.home.close()


def test_saving_the_round_keeps_the_policy_chosen_since(qtbot, desk, clerk):
    step = desk.round
    _pick(qtbot, step.method, "mean")
    step.phone.setText("0755-88210000")
    qtbot.mouseClick(step.save_button, Qt.MouseButton.LeftButton)
    assert round_body(desk.home)["bureau_phone"] == "0755-88210000"
    assert round_policy(desk.home).method == "mean"


def test_a_minimum_score_the_policy_cannot_take_is_refused(qtbot, desk, clerk):
    from review_model.bureau.desk import set_policy
    from review_model.errors import Code, Problem

    before = snapshot(clerk.bureau_home)
    for bad in ({"abnormal_ratio": Decimal("1.5")}, {"decimals": 9}, {"tie_rule": "section_then_shared",
                                                                    "tie_section": "S9"}):
        with pytest.raises(Problem) as caught:
            set_policy(desk.home, **bad)
        assert caught.value.code == Code.POLICY_INVALID
    assert snapshot(clerk.bureau_home) == before


# --- the intake -------------------------------------------------------------------------------------
@pytest.fixture
def intake_files(tmp_path):
    from service.home import IntakeHome, public_identity, receipt_key

    key = tmp_path / "intake.pub"
    intake = IntakeHome(tmp_path / "intake-home")
    key.write_bytes(public_identity(intake, receipt_key(intake)))  # as `intake key -o` writes it
    cert, _ = self_signed(tmp_path / "tls")
    return key, cert


def test_the_intake_address_key_and_pin_go_into_the_package(qtbot, desk, clerk, tmp_path, intake_files):
    key, cert = intake_files
    step = desk.round
    step.pages.setCurrentIndex(2)
    step.intake_url.setText("https://127.0.0.1:8443")
    step.save_intake(identity=key)
    step.save_intake(certificate=cert)
    assert der_sha256(cert) in step.intake_state.text()
    _grab(desk, "1d-intake")

    spec = tmp_path / "spec"
    write_spec(desk.home, spec)
    intake = json.loads(assemble_spec(spec).members["round.json"])["intake"]  # as the package holds it
    from review_model.identity import parse_public_identity

    assert intake["url"] == "https://127.0.0.1:8443" and intake["tls_sha256"] == der_sha256(cert)
    assert intake["fingerprint"] == parse_public_identity(key.read_bytes(), key.name).fingerprint

    qtbot.mouseClick(step.unpin_button, Qt.MouseButton.LeftButton)
    assert round_body(desk.home)["intake"]["tls_sha256"] == ""
    step.intake_url.setText("")
    qtbot.mouseClick(step.save_intake_button, Qt.MouseButton.LeftButton)
    assert round_body(desk.home)["intake"] is None


def test_bad_intake_input_is_one_sentence_and_changes_nothing(qtbot, desk, clerk, tmp_path, intake_files):
    key, cert = intake_files
    step = desk.round
    step.intake_url.setText("https://127.0.0.1:8443")
    step.save_intake(identity=key)
    step.intake_url.setText("127.0.0.1:8443")
    assert "https://" in _refused_unchanged(desk, clerk, lambda: step.save_intake())
    step.intake_url.setText("https://127.0.0.1:8443")
    not_pem = tmp_path / "cert.pem"
    not_pem.write_text("hello", encoding="ascii")
    assert "PEM" in _refused_unchanged(desk, clerk, lambda: step.save_intake(certificate=not_pem))
    step.intake_url.setText("http://127.0.0.1:8080")
    assert "https://" in _refused_unchanged(desk, clerk, lambda: step.save_intake(certificate=cert))
    step.intake_url.setText("https://127.0.0.1:8443")
    assert "E01.pub" in _refused_unchanged(desk, clerk, lambda: step.save_intake(identity=clerk.identities / "E01.pub"))
    assert step.intake_url.text() == "https://127.0.0.1:8443"  # the saved intake shown again
