"""Signing does not freeze the window: the key is unlocked (scrypt for a key file) and the PDF
written (the first official document of a process converts its font) off the GUI thread."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt, QTimer

from review_model.home import Home
from review_model.importer import import_package
from review_model.sheets.context import Reviewer
from review_model.sheets.view import sheet_view
from tests.support.sheets import complete_sheet, make_key_file_round
from tests.support.signing import sign_and_wait
from ui.passphrase import Unlock
from ui.sign_dialog import SignDialog

PASSPHRASE = "a long passphrase for E02"


@pytest.fixture(scope="module")
def key_file_round(tmp_path_factory):
    return make_key_file_round(tmp_path_factory.mktemp("responsive"), PASSPHRASE)


@pytest.fixture
def ready(key_file_round, tmp_path):
    """E02's home (the key in a passphrase-protected file), the package imported and A01 ready to sign."""
    homes, package, bureau = key_file_round
    path = tmp_path / "E02"
    shutil.copytree(homes["E02"], path)
    with Home(path) as home:
        import_package(home, package, trust_bureau=bureau)
        complete_sheet(Reviewer.open(home), "A01")
    return path


@pytest.mark.slow
def test_the_window_keeps_processing_events_during_a_first_signature(ready):
    # a fresh process: nothing converted or unlocked yet, as when the expert signs their first sheet
    child = subprocess.run([sys.executable, "-m", "tests.support.signing_child", str(ready), "A01",
                            PASSPHRASE], capture_output=True, text=True, timeout=120)
    assert child.returncode == 0, child.stderr
    seen = json.loads(child.stdout.strip().splitlines()[-1])
    assert seen["signed"], seen["message"]
    # the 10 ms timer kept ticking while the sheet was being signed: no gap near the signing's length
    assert seen["ticks"] > 0, seen
    assert seen["largest_gap"] < seen["seconds"] / 4, seen
    with Home(ready) as home:
        assert sheet_view(Reviewer.open(home), "A01").state == "signed"


def test_while_signing_the_dialog_says_so_and_cannot_be_closed_or_signed_twice(qtbot, ready):
    home = Home(ready)
    reviewer = Reviewer.open(home)
    dialog = SignDialog(reviewer, "A01")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase.setText(PASSPHRASE)
    signed: list[object] = []
    dialog.signed.connect(signed.append)
    with qtbot.waitSignal(dialog.attempted, timeout=30_000) as ended:
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        # the work's outcome comes through the event loop: the dialog is still signing here
        assert dialog.message.text() == "Signing…" and dialog.message.isVisible()
        cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
        assert not dialog.sign_button.isEnabled() and not cancel.isEnabled()
        dialog.reject()  # Escape, or the window's close button
        dialog.close()
        assert dialog.isVisible()
        dialog.sign()  # a second click cannot start a second signature
    assert ended.args == [True] and len(signed) == 1 and dialog.isVisible()
    assert dialog.result_revision.short_hash in dialog.message.text()
    assert sheet_view(reviewer, "A01").state == "signed" and sheet_view(reviewer, "A01").revision == 1
    dialog.reject()  # idle again: it closes (Close accepts once signed; Escape still rejects)
    assert not dialog.isVisible()
    home.close()


def test_a_wrong_passphrase_ends_the_attempt_with_the_form_usable_again(qtbot, ready):
    with Home(ready) as home:
        reviewer = Reviewer.open(home)
        dialog = SignDialog(reviewer, "A01")
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.passphrase.setText("not the passphrase")
        assert sign_and_wait(qtbot, dialog) is False
        assert "passphrase is wrong" in dialog.message.text() and dialog.result_revision is None
        cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
        assert dialog.sign_button.isEnabled() and cancel.isEnabled() and dialog.passphrase.isEnabled()
        assert dialog.passphrase.selectedText() == "not the passphrase"  # selected, to type over
        assert sheet_view(reviewer, "A01").state == "draft"


def test_the_window_keeps_processing_events_while_the_sessions_passphrase_is_tried_on_the_key_file(
        qtbot, key_file_round):
    """Before an export signs with the passphrase typed at start, it is tried once on the key file (scrypt)."""
    homes, _, _ = key_file_round
    unlock = Unlock(ask=lambda: PASSPHRASE)
    unlock()  # typed at start
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    with Home(homes["E02"]) as home:
        timer.start()
        assert unlock.opens(home)
        timer.stop()
    assert ticks  # the timer ticked while the key file was being opened
