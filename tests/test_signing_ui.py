"""The sign dialog, the return-bundle export action and the key-status label, driven for real (pytest-qt)."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from review_model.exchange.package import open_package
from review_model.home import Home
from review_model.identity import create_identity, require_identity, signing_key
from review_model.importer import import_package
from review_model.sheets.context import Reviewer
from review_model.sheets.view import sheet_view
from review_model.signing.bundle import read_return_bundle
from review_model.signing.document import SheetDocument, points
from review_model.signing.returns import ExportResult
from review_model.signing.sign import sign_sheet
from tests.support.sheets import complete_sheet, expert_home, make_key_file_round
from tests.support.signing import sign_and_wait
from tests.support.small_round import make_small_round
from ui.export_returns import export_return_bundle
from ui.key_status import KeyStatusLabel
from ui.sign_dialog import SignDialog

PASSPHRASE = "a long passphrase for E02"


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    return make_small_round(tmp_path_factory.mktemp("signing-ui"))


@pytest.fixture
def reviewer(round_, tmp_path):
    home = expert_home(round_, "E02", tmp_path / "E02")
    yield Reviewer.open(home)
    home.close()


@pytest.fixture
def key_file_reviewer(tmp_path):
    homes, package, bureau = make_key_file_round(tmp_path / "kf", PASSPHRASE)
    home = Home(homes["E02"])
    import_package(home, package, trust_bureau=bureau)
    yield Reviewer.open(home), package
    home.close()


def test_sign_dialog_shows_the_sheet_and_signs_with_the_keyring(qtbot, reviewer):
    complete_sheet(reviewer, "A01")
    view = sheet_view(reviewer, "A01")
    dialog = SignDialog(reviewer, "A01")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "深圳市光明区精工模具技能大师工作室" in dialog.applicant_label.text()
    assert f"{points(view.total)} points" in dialog.total_label.text() and dialog.grade_label.text() == {"优秀": "Excellent (优秀)", "良好": "Good (良好)", "合格": "Pass (合格)"}[view.grade]  # the English UI
    assert dialog.recommendation_label.text() == "Recommend" and dialog.passphrase is None
    assert dialog.fingerprint_label.text() == require_identity(reviewer.home).fingerprint
    assert dialog.sign_button.isEnabled() and not dialog.message.isVisible()
    with qtbot.waitSignal(dialog.signed) as signal:
        sign_and_wait(qtbot, dialog)
    signed = signal.args[0]
    assert signed.short_hash in dialog.message.text() and dialog.result_revision is signed
    assert not dialog.sign_button.isVisible()
    assert sheet_view(reviewer, "A01").state == "signed"
    assert SheetDocument.model_validate_json(signed.json_bytes).totals.total == points(view.total)


def test_sign_dialog_refuses_an_incomplete_sheet(qtbot, reviewer):
    complete_sheet(reviewer, "A02", recommendation="")
    dialog = SignDialog(reviewer, "A02")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.sign_button.isEnabled() and dialog.message.isVisible()
    assert "choose a recommendation" in dialog.message.text()
    from review_model.sheets import ops

    ops.declare_conflict(reviewer, "A03", "近三年曾任该协会理事")
    recused = SignDialog(reviewer, "A03")
    qtbot.addWidget(recused)
    recused.show()
    assert not recused.sign_button.isEnabled() and "conflict of interest" in recused.message.text()


def test_sign_dialog_asks_the_passphrase_of_a_key_file(qtbot, key_file_reviewer):
    reviewer, _ = key_file_reviewer
    complete_sheet(reviewer, "A01")
    dialog = SignDialog(reviewer, "A01")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.passphrase is not None and dialog.passphrase.isVisible()
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    sign_and_wait(qtbot, dialog)
    assert "passphrase is wrong" in dialog.message.text() and dialog.result_revision is None
    assert sheet_view(reviewer, "A01").state == "draft"
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.signed):
        sign_and_wait(qtbot, dialog)
    assert dialog.result_revision.short_hash in dialog.message.text()
    assert dialog.passphrase.text() == "" and sheet_view(reviewer, "A01").state == "signed"


def _export(qtbot, parent, home: Home, path: Path, passphrase: str | None = None):
    exporter = export_return_bundle(parent, home)
    assert exporter.file_dialog is not None and exporter.file_dialog.isVisible()
    exporter.file_dialog.selectFile(str(path))
    with qtbot.waitSignal(exporter.finished, timeout=30_000) as signal:
        exporter.file_dialog.accept()
        if passphrase is not None:
            qtbot.waitUntil(lambda: exporter.passphrase_dialog is not None and exporter.passphrase_dialog.isVisible())
            exporter.passphrase_dialog.setTextValue(passphrase)
            exporter.passphrase_dialog.accept()
    qtbot.waitUntil(lambda: exporter.message is not None and exporter.message.isVisible())
    return exporter, signal.args[0]


def test_export_action_writes_a_bundle_that_verifies(qtbot, round_, key_file_reviewer, tmp_path):
    from PySide6.QtWidgets import QWidget

    reviewer, package = key_file_reviewer
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    exporter, nothing = _export(qtbot, parent, reviewer.home, tmp_path / "empty.rvret", PASSPHRASE)
    assert nothing.code.value == "nothing_to_export" and exporter.message.icon() == QMessageBox.Icon.Warning
    exporter.message.accept()

    complete_sheet(reviewer, "A01")
    sign_sheet(reviewer, "A01", signing_key(reviewer.home, lambda: PASSPHRASE, person_id="E02"))
    exporter, result = _export(qtbot, parent, reviewer.home, tmp_path / "E02.rvret", PASSPHRASE)
    assert isinstance(result, ExportResult) and result.revisions == 1
    assert str(tmp_path / "E02.rvret") in exporter.message.text()
    with open_package(package) as opened:
        bundle = read_return_bundle(tmp_path / "E02.rvret", opened)
    assert [(s.applicant_id, s.revision, s.current) for s in bundle.sheets] == [("A01", 1, True)]


def test_key_status_label_tells_match_and_mismatch(qtbot, round_, reviewer, tmp_path):
    label = KeyStatusLabel()
    qtbot.addWidget(label)
    assert label.refresh(reviewer.home).state == "match"
    assert "matches" in label.text() and "E02" in label.toolTip() and "#15803d" in label.styleSheet()
    with Home(tmp_path / "second-laptop") as other:
        create_identity(other, "李专家", "expert")
        with open_package(round_.package) as package:
            assert label.refresh(other, package).state == "mismatch"
        assert "differs" in label.text() and "#b91c1c" in label.styleSheet()
        assert label.refresh(other).state == "no_round"
