"""Signing does not freeze the window: the key is unlocked (scrypt for a key file) and the PDF
written (the first official document of a process converts its font) off the GUI thread."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtCore import QTimer

from review_model.home import Home
from review_model.importer import import_package
from review_model.sheets.context import Reviewer
from review_model.sheets.view import sheet_view
from tests.support.sheets import complete_sheet, make_key_file_round
from ui.passphrase import Unlock

PASSPHRASE = "a long passphrase for E02"


@pytest.fixture(scope="module")
def key_file_round(tmp_path_factory):
    return make_key_file_round(tmp_path_factory.mktemp("responsive"), PASSPHRASE)


@pytest.mark.slow
def test_the_window_keeps_processing_events_during_a_first_signature(key_file_round):
    homes, package, bureau = key_file_round
    with Home(homes["E02"]) as home:
        import_package(home, package, trust_bureau=bureau)
        complete_sheet(Reviewer.open(home), "A01")
    # a fresh process: nothing converted or unlocked yet, as when the expert signs their first sheet
    child = subprocess.run([sys.executable, "-m", "tests.support.signing_child", str(homes["E02"]), "A01",
                            PASSPHRASE], capture_output=True, text=True, timeout=120)
    assert child.returncode == 0, child.stderr
    seen = json.loads(child.stdout.strip().splitlines()[-1])
    assert seen["signed"], seen["message"]
    # the 10 ms timer kept ticking while the sheet was being signed: no gap near the signing's length
    assert seen["ticks"] > 0, seen
    assert seen["largest_gap"] < seen["seconds"] / 4, seen
    with Home(homes["E02"]) as home:
        assert sheet_view(Reviewer.open(home), "A01").state == "signed"


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
