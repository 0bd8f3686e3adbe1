"""One passphrase per session in the GUI: where no secure keyring holds the home key, the passphrase
typed at start (one prompt) also signs, so neither the sign dialog nor an export asks again; a keyring
home is as before; a wrong passphrase at start is one sentence, asked again, nothing changed; a key
file sealed with another passphrase falls back to asking. Real widgets (pytest-qt, offscreen)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from desktop.app import Shell, _unlocked
from desktop.main_window import MainWindow
from review_model import home_key
from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.importer import import_package
from review_model.keys import TEST_KEYRING_VARIABLE
from review_model.sheets.context import Reviewer
from review_model.sheets.view import sheet_view
from review_model.signing.returns import ExportResult
from tests.support import rawdb
from tests.support.sheets import complete_sheet, make_key_file_round
from tests.support.signing import sign_and_wait
from tests.support.snapshot import snapshot
from ui.export_returns import export_return_bundle
from ui.messages import describe
from ui.passphrase import Unlock
from ui.sign_dialog import SignDialog

pytestmark = pytest.mark.slow  # scrypt (128 MiB, ~0.3 s) for every unlock and signature

PASSPHRASE = "one passphrase for E02's laptop"
OTHER = "the workspace's other passphrase"


@pytest.fixture(scope="module")
def homes(tmp_path_factory):
    """E02's homes after importing the round, its key in a file sealed by PASSPHRASE: `keyring` keeps
    the home key in the keyring; `same` and `other` have no secure keyring, the home key sealed by
    PASSPHRASE and by OTHER."""
    root = tmp_path_factory.mktemp("session-unlock")
    made, package, bureau = make_key_file_round(root / "round", PASSPHRASE)
    result = {"keyring": root / "keyring"}
    shutil.copytree(made["E02"], result["keyring"])
    with Home(result["keyring"]) as home:
        import_package(home, package, trust_bureau=bureau)
    for name, sealed_by in (("same", PASSPHRASE), ("other", OTHER)):
        result[name] = root / name
        shutil.copytree(made["E02"], result[name])
        rawdb.decrypt_home(result[name])  # then given a home key as a home without a secure keyring does
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv(TEST_KEYRING_VARIABLE, "")
            with Home(result[name], passphrase=lambda p=sealed_by: p) as home:
                import_package(home, package, trust_bureau=bureau)
        assert home_key.key_store(result[name]) == home_key.KeyStore.FILE
    return result


@pytest.fixture
def home_copy(homes, tmp_path):
    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(homes[name], target)
        return target
    return copy


def _watch(answers: list[str], seen: dict) -> None:
    """Answer each passphrase prompt with the next of `answers` and accept each warning, recording both."""
    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QInputDialog) and widget.isVisible():
                seen.setdefault("prompts", []).append(widget.labelText())
                widget.setTextValue(answers.pop(0) if answers else "")
                widget.accept()
            elif isinstance(widget, QMessageBox) and widget.isVisible():
                seen.setdefault("warnings", []).append(widget.text())
                if "check" in seen:
                    seen["check"]()
                widget.accept()
        if not seen.get("stop"):
            QTimer.singleShot(20, look)
    QTimer.singleShot(0, look)


def _open(qtbot, path: Path, answers: list[str], seen: dict) -> tuple[Home, Unlock]:
    unlock = Unlock()
    _watch(answers, seen)
    try:
        home = _unlocked(path, unlock)
    finally:
        seen["stop"] = True
    qtbot.wait(50)  # the watcher's last look
    return home, unlock


def _sign_in_window(qtbot, window: MainWindow, applicant_id: str) -> dict:
    """Sign through the window's own path (Sheet → Sign, a modal dialog): what the dialog showed."""
    shown: dict = {}

    def drive() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, SignDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, drive)
            return
        shown["passphrase_visible"] = dialog.passphrase is not None and dialog.passphrase.isVisible()
        sign_and_wait(qtbot, dialog)
        shown["message"] = dialog.message.text()
        shown["revision"] = dialog.result_revision
        dialog.reject()
    QTimer.singleShot(0, drive)
    window.sign_sheet(applicant_id)
    return shown


def _export(qtbot, window: MainWindow, path: Path):
    window.export_returns()
    exporter = window._export
    exporter.file_dialog.selectFile(str(path))
    with qtbot.waitSignal(exporter.finished, timeout=60_000) as signal:
        exporter.file_dialog.accept()
    exporter.message.accept()
    return exporter, signal.args[0]


def test_a_passphrase_home_asks_once_at_start_and_then_signs_and_exports_without_asking(qtbot, home_copy, tmp_path):
    path = home_copy("same")
    seen: dict = {}
    home, unlock = _open(qtbot, path, [PASSPHRASE], seen)
    assert len(seen["prompts"]) == 1 and "warnings" not in seen and unlock.held
    shell = Shell(QApplication.instance(), home, "en", unlock)
    window = shell.window
    qtbot.addWidget(window)
    complete_sheet(Reviewer.open(home), "A01")
    window.show_applicant("A01")

    shown = _sign_in_window(qtbot, window, "A01")
    assert not shown["passphrase_visible"] and shown["revision"] is not None
    assert shown["revision"].short_hash in shown["message"]
    assert sheet_view(Reviewer.open(home), "A01").state == "signed"

    exporter, result = _export(qtbot, window, tmp_path / "E02.rvret")  # no prompt before writing
    assert exporter.passphrase_dialog is None
    assert isinstance(result, ExportResult) and result.revisions == 1 and (tmp_path / "E02.rvret").is_file()

    window.close()
    shell.close()  # quitting: the passphrase is forgotten and the home locked
    assert not unlock.held and home.key is None


def test_a_keyring_home_asks_nothing_at_start_and_signing_asks_as_before(qtbot, home_copy):
    path = home_copy("keyring")
    seen: dict = {}
    home, unlock = _open(qtbot, path, [], seen)
    assert "prompts" not in seen and not unlock.held
    reviewer = Reviewer.open(home)
    complete_sheet(reviewer, "A01")
    dialog = SignDialog(reviewer, "A01", unlock=unlock)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.passphrase is not None and dialog.passphrase.isVisible()  # the key file's own prompt
    sign_and_wait(qtbot, dialog)
    assert dialog.message.text() == describe(Problem(Code.PASSPHRASE_REQUIRED)) and dialog.result_revision is None
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.signed):
        sign_and_wait(qtbot, dialog)
    assert sheet_view(reviewer, "A01").state == "signed"
    home.close()


def test_a_wrong_passphrase_at_start_is_one_sentence_asked_again_and_changes_nothing(qtbot, home_copy, monkeypatch):
    path = home_copy("same")
    with monkeypatch.context() as patch:  # the snapshot's own look inside the database
        patch.setenv("REVIEWDESK_PASSPHRASE", PASSPHRASE)
        before = snapshot(path)
    seen: dict = {"check": lambda: seen.setdefault("after_wrong", _snapshot_with(path, PASSPHRASE))}
    home, unlock = _open(qtbot, path, ["not my passphrase", PASSPHRASE], seen)
    assert len(seen["prompts"]) == 2
    assert seen["warnings"] == [describe(Problem(Code.PASSPHRASE_WRONG))]
    assert "\n" not in seen["warnings"][0] and "Traceback" not in seen["warnings"][0]
    assert seen["after_wrong"] == before
    assert unlock.held and unlock.for_signing(home) == PASSPHRASE  # the right one is kept, not the wrong one
    home.close()


def test_the_passphrase_scripts_give_opens_the_home_without_a_prompt_and_a_wrong_one_then_asks(qtbot, home_copy):
    """REVIEWDESK_PASSPHRASE (what scripts and the installed app's smoke test set) is tried first, once."""
    asked: list[str] = []
    unlock = Unlock(ask=lambda: asked.append("prompt") or PASSPHRASE, given=PASSPHRASE)
    home = _unlocked(home_copy("same"), unlock)
    assert asked == [] and unlock.for_signing(home) == PASSPHRASE
    home.close()
    wrong = Unlock(ask=lambda: asked.append("prompt") or OTHER, given="not my passphrase")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
        home = _unlocked(home_copy("other"), wrong)  # its home key is sealed by OTHER
    assert asked == ["prompt"] and home.key is not None
    home.close()


def _snapshot_with(path: Path, passphrase: str) -> dict:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REVIEWDESK_PASSPHRASE", passphrase)
        return snapshot(path)


def test_a_key_file_sealed_with_another_passphrase_falls_back_to_asking(qtbot, home_copy, tmp_path):
    path = home_copy("other")
    seen: dict = {}
    home, unlock = _open(qtbot, path, [OTHER], seen)
    assert len(seen["prompts"]) == 1
    reviewer = Reviewer.open(home)
    complete_sheet(reviewer, "A01")
    dialog = SignDialog(reviewer, "A01", unlock=unlock)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.passphrase.isVisible()  # the session's passphrase is tried first
    sign_and_wait(qtbot, dialog)
    assert dialog.message.text() == describe(Problem(Code.PASSPHRASE_WRONG)) and dialog.result_revision is None
    assert dialog.passphrase.isVisible() and sheet_view(reviewer, "A01").state == "draft"
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.signed):
        sign_and_wait(qtbot, dialog)
    assert sheet_view(reviewer, "A01").state == "signed"

    # known not to open the key now: the export asks at once, without trying it again
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    exporter = export_return_bundle(parent, home, unlock=unlock)
    exporter.file_dialog.selectFile(str(tmp_path / "E02.rvret"))
    exporter.file_dialog.accept()
    qtbot.waitUntil(lambda: exporter.passphrase_dialog is not None and exporter.passphrase_dialog.isVisible())
    with qtbot.waitSignal(exporter.finished, timeout=60_000) as signal:
        exporter.passphrase_dialog.setTextValue(PASSPHRASE)
        exporter.passphrase_dialog.accept()
    assert isinstance(signal.args[0], ExportResult)
    home.close()


def test_an_export_first_finds_the_session_s_passphrase_wrong_and_says_so_in_the_prompt(qtbot, home_copy, tmp_path):
    path = home_copy("other")
    home, unlock = _open(qtbot, path, [OTHER], {})
    from review_model.identity import signing_key
    from review_model.signing.sign import sign_sheet

    reviewer = Reviewer.open(home)
    complete_sheet(reviewer, "A01")
    sign_sheet(reviewer, "A01", signing_key(home, lambda: PASSPHRASE, person_id="E02"))
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    exporter = export_return_bundle(parent, home, unlock=unlock)
    exporter.file_dialog.selectFile(str(tmp_path / "E02.rvret"))
    exporter.file_dialog.accept()
    qtbot.waitUntil(lambda: exporter.passphrase_dialog is not None and exporter.passphrase_dialog.isVisible())
    label = exporter.passphrase_dialog.labelText()
    assert label.startswith(describe(Problem(Code.PASSPHRASE_WRONG)) + "\n") and "passphrase of your key file" in label
    assert not (tmp_path / "E02.rvret").exists()
    with qtbot.waitSignal(exporter.finished, timeout=60_000) as signal:
        exporter.passphrase_dialog.setTextValue(PASSPHRASE)
        exporter.passphrase_dialog.accept()
    assert isinstance(signal.args[0], ExportResult) and (tmp_path / "E02.rvret").is_file()
    home.close()


@pytest.fixture(scope="module")
def intake(tmp_path_factory):
    from tests.support.intake import Backend, start_intake

    running = start_intake(tmp_path_factory.mktemp("unlock-intake"), Backend("sqlite"))
    yield running
    assert running.process.stop() == 0


def test_the_background_sender_signs_and_sends_with_the_session_s_passphrase(qtbot, intake, tmp_path):
    """A passphrase-file expert's signed sheet goes to the bureau by itself: the bundle is signed with
    the passphrase typed at start (before, it waited until sent from the command line)."""
    import json
    import os
    from types import SimpleNamespace

    from review_model.exchange.package_build import build_package
    from review_model.identity import signing_key
    from review_model.signing.sign import sign_sheet
    from review_model.sync.outbox import OutboxState, items
    from service.home import IntakeHome, public_identity

    made, package, bureau = make_key_file_round(tmp_path / "round", PASSPHRASE)
    spec = tmp_path / "round" / "spec"  # the package names the intake (as tests/support/sync_round.py does)
    (spec / "identities" / "intake.pub").write_bytes(public_identity(IntakeHome(intake.home)))
    round_json = json.loads((spec / "round.json").read_text(encoding="utf-8"))
    round_json["round_id"] = f"2026-U{os.getpid()}"
    round_json["intake"] = {"url": intake.url, "identity_file": "intake.pub"}
    (spec / "round.json").write_text(json.dumps(round_json, ensure_ascii=False), encoding="utf-8")
    with Home(made["B01"]) as bureau_home:
        build_package(spec, package, signing_key(bureau_home, person_id="B01"))
    intake.add(SimpleNamespace(package=package))
    path = made["E02"]
    rawdb.decrypt_home(path)
    with pytest.MonkeyPatch.context() as patch:  # no secure keyring: the home key sealed by the one passphrase
        patch.setenv(TEST_KEYRING_VARIABLE, "")
        with Home(path, passphrase=lambda: PASSPHRASE) as home:
            import_package(home, package, trust_bureau=bureau)
            reviewer = Reviewer.open(home)
            complete_sheet(reviewer, "A01")
            sign_sheet(reviewer, "A01", signing_key(home, lambda: PASSPHRASE, person_id="E02"))

    home, unlock = _open(qtbot, path, [PASSPHRASE], seen := {})
    assert len(seen["prompts"]) == 1
    window = MainWindow(home, "en", unlock=unlock)
    qtbot.addWidget(window)
    window.show()
    assert window.outbox_sender is not None
    qtbot.waitUntil(lambda: {i.applicant_id: i.state for i in items(home)} == {"A01": OutboxState.DELIVERED},
                    timeout=60_000)
    window.close()
    home.close()
