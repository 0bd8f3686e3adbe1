"""Signing does not freeze the window: the key is unlocked (scrypt for a key file) and the PDF
written (the first official document of a process converts its font) off the GUI thread."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from review_model.home import Home
from review_model.importer import import_package
from review_model.sheets.context import Reviewer
from review_model.sheets.view import sheet_view
from tests.support.sheets import complete_sheet, make_key_file_round

PASSPHRASE = "a long passphrase for E02"


@pytest.mark.slow
def test_the_window_keeps_processing_events_during_a_first_signature(tmp_path):
    homes, package, bureau = make_key_file_round(tmp_path / "kf", PASSPHRASE)
    with Home(homes["E02"]) as home:
        import_package(home, package, trust_bureau=bureau)
        complete_sheet(Reviewer.open(home), "A01")
    # a fresh process: nothing converted or unlocked yet, as when the expert signs their first sheet
    child = subprocess.run([sys.executable, "-m", "tests.support.signing_child", str(homes["E02"]), "A01",
                            PASSPHRASE], capture_output=True, text=True, timeout=120)
    assert child.returncode == 0, child.stderr
    seen = json.loads(child.stdout.strip().splitlines()[-1])
    print(seen)
    assert seen["signed"], seen["message"]
    # the 10 ms timer kept ticking while the sheet was being signed: no gap near the signing's length
    assert seen["ticks"] > 0, seen
    assert seen["largest_gap"] < seen["seconds"] / 4, seen
    with Home(homes["E02"]) as home:
        assert sheet_view(Reviewer.open(home), "A01").state == "signed"
