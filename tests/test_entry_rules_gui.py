"""The workspace keeps the domain's rules on what enters (issues 9 and 11): a control character pasted
into a comment is refused with one sentence and not saved; ticking a veto switches the
recommendation to 不推荐, and choosing 推荐 then is refused."""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.main_window import MainWindow
from review_model.home import Home
from review_model.importer import import_package
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.sheets.view import sheet_view
from tests.support.sheets import complete_sheet
from tests.support.small_round import make_small_round


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    return make_small_round(tmp_path_factory.mktemp("entry_gui"))


@pytest.fixture
def window(qtbot, round_, tmp_path, monkeypatch):
    shutil.copytree(round_.homes["E02"], tmp_path / "E02")
    home = Home(tmp_path / "E02")
    import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
    complete_sheet(Reviewer.open(home), "A01")  # 推荐, everything filled
    window = MainWindow(home, "en")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.applicants.select_applicant("A01")
    window.warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: window.warnings.append(text))
    yield window
    window.close()
    home.close()


def view(window):
    return sheet_view(window.workspace.editor.reviewer, "A01")


def test_a_pasted_control_character_is_refused_and_not_saved(window, qtbot):
    row = window.workspace.panel.rows["1.1"]
    row.comment.show()
    row.comment.setFocus()
    row.comment.setText("")
    row.comment.insert("证书\x01齐全")  # as pasted from another program
    row.comment.textEdited.emit(row.comment.text())
    qtbot.keyClick(row.comment, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: bool(window.warnings), timeout=3000)
    assert window.warnings[-1].startswith("Cannot save the comment on item 1.1") and "U+0001" in window.warnings[-1]
    assert view(window).comments.get("1.1", "") == ""


def test_ticking_a_veto_switches_to_do_not_recommend_and_recommend_is_refused(window, qtbot):
    panel = window.workspace.panel
    assert panel.recommend.isChecked()
    panel.vetoes["V1"].check.click()
    qtbot.keyClicks(panel.vetoes["V1"].reason, "serious safety accident in 2025")  # QTest types Latin only
    qtbot.keyClick(panel.vetoes["V1"].reason, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view(window).vetoes.get("V1", (False, ""))[1] != "", timeout=3000)
    assert view(window).recommendation == "not_recommend"
    assert panel.not_recommend.isChecked() and not panel.recommend.isChecked()
    panel.recommend.click()
    qtbot.waitUntil(lambda: bool(window.warnings), timeout=3000)
    assert window.warnings[-1].startswith("A01 cannot be recommended while veto V1 is ticked")
    assert view(window).recommendation == "not_recommend"
    assert panel.not_recommend.isChecked() and not panel.recommend.isChecked()
    window.workspace.editor.undo_stack.undo()  # the reason, then the tick: 推荐 comes back with it
    window.workspace.editor.undo_stack.undo()
    assert not view(window).vetoed and view(window).recommendation == "recommend"
    assert panel.recommend.isChecked()


def test_the_domain_is_what_refuses(window):
    """The same refusal without the window: the rule does not live in the widget."""
    from review_model.errors import Code, Problem

    reviewer = window.workspace.editor.reviewer
    ops.SetVeto("A01", "V1", True, "事故").apply(reviewer)
    with pytest.raises(Problem) as caught:
        ops.SetOpinion("A01", view(window).opinion, "recommend").apply(reviewer)
    assert caught.value.code == Code.VETO_RECOMMENDED
