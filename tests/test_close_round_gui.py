"""File ▸ Close this round (issue 15's retention) in the real main window, offscreen: offered only
when review_model/retention.py allows it (else disabled, its tooltip says why), asks first saying how
much goes and what stays, removes off the GUI thread and reports what was removed."""
from __future__ import annotations

import os
import re
import shutil

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.main_window import MainWindow
from review_model.dossier.library import DossierLibrary
from review_model.home import Home
from review_model.identity import signing_key
from review_model.importer import import_package
from review_model.retention import round_closed
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.signing.returns import export_returns
from review_model.signing.sign import sign_sheet
from tests.support.sheets import complete_sheet
from tests.support.snapshot import snapshot

pytestmark = pytest.mark.slow
SCREENSHOT = "/tmp/close-round-dialog.png"


def _home(small_round, root, deliver: bool) -> Home:
    """E02 scored and signed A01 (sealed home), declared conflicts with A02 and A03; `deliver`: the
    signed sheets were exported in a return bundle (handed over by USB stick)."""
    shutil.copytree(small_round.homes["E02"], root)
    home = Home(root)  # sealed: its own key, from the (test) keyring
    import_package(home, small_round.package, trust_bureau=small_round.bureau_fingerprint)
    reviewer = Reviewer.open(home)
    complete_sheet(reviewer, "A01")
    sign_sheet(reviewer, "A01", signing_key(home, person_id="E02"))
    for applicant_id in ("A02", "A03"):
        ops.declare_conflict(reviewer, applicant_id, "曾为该单位提供咨询服务")
    if deliver:
        export_returns(reviewer, root.parent / "E02.rvret", signing_key(home, person_id="E02"))
    return home


def _window(qtbot, home: Home) -> MainWindow:
    window = MainWindow(home, "en")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.file_menu.aboutToShow.emit()  # what opening the File menu does
    return window


def _answer(pick, seen: list) -> None:
    """Answer the next modal message box through its real buttons: `pick(box)` returns the button."""
    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append((box.text(), box.informativeText()))
        pick(box).click()
    QTimer.singleShot(0, answer)


def test_closing_the_round_from_the_file_menu_asks_removes_with_progress_and_reports(qtbot, small_round, tmp_path):
    home = _home(small_round, tmp_path / "E02", deliver=True)
    window = _window(qtbot, home)
    action = window.close_round.action
    assert action in window.file_menu.actions() and action.isEnabled()
    assert "signed sheets stay" in action.toolTip()
    materials = [m for m in DossierLibrary(home).all_materials() if m.sha256]
    assert materials and all(home.blobs.has(m.sha256) for m in materials)
    # first: cancelled at the question, nothing removed (once the viewer has opened the text index,
    # which it does for any workspace as soon as it is up: RenderBridge._prepare_search)
    library = window.viewer.library
    qtbot.waitUntil(lambda: "index" in library.__dict__ and library.index.warmed.is_set(), timeout=30_000)
    before = snapshot(home.root)
    seen: list = []
    _answer(lambda box: box.button(QMessageBox.StandardButton.Cancel), seen)
    action.trigger()
    assert seen and "Close round" in seen[0][0]
    assert snapshot(home.root) == before and not round_closed(home)
    # then: confirmed; the question says how much goes and what stays
    shots: list = []

    def confirm(box):
        box.grab().save(SCREENSHOT)
        shots.append(SCREENSHOT)
        return next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)

    # the open viewer draws A01's pages and thumbnails; let it finish first, so that the question's
    # count is what is removed (a thumbnail drawn as the round closes is never kept: test_sealed_close_race.py)
    from tests.support.viewer_driver import wait_drawn

    qtbot.waitUntil(lambda: window.viewer.pages.material is not None, timeout=30_000)
    wait_drawn(qtbot, window.viewer, timeout=30_000)
    counts = []
    qtbot.waitUntil(lambda: counts.append(len(list(home.cache.rglob("*.jpg")))) or counts[-30:] == [counts[-1]] * 30,
                    timeout=30_000)
    seen.clear()
    _answer(confirm, seen)
    action.trigger()
    question = seen[0][1]
    assert re.search(r"\(\d+(\.\d)? (bytes|kB|MB)\)", question) and "What stays: your signed score sheets" in question
    files = int(question.split("This removes ")[1].split(" files")[0])
    assert files >= len(materials)
    # removed off the GUI thread; the result is reported in a second message box
    _answer(lambda box: box.button(QMessageBox.StandardButton.Ok), seen)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=30_000)
    removed = int(seen[1][0].split(": ")[1].split(" files")[0])
    assert removed >= files and "are kept" in seen[1][0]  # the open viewer may have drawn more meanwhile
    assert round_closed(home) and not any(home.blobs.has(m.sha256) for m in materials)
    qtbot.wait(1000)  # the window shows the applicant again: nothing of the dossier comes back into the cache
    assert not list(home.cache.rglob("*.jpg"))
    assert os.path.getsize(shots[0]) > 0
    # closed: not offered again, and the tooltip says why
    window.file_menu.aboutToShow.emit()
    assert not action.isEnabled() and "This round is closed" in action.toolTip()
    window.close()
    home.close()


def test_a_round_not_delivered_is_not_offered_and_the_tooltip_says_why(qtbot, small_round, tmp_path):
    home = _home(small_round, tmp_path / "E02", deliver=False)  # signed, never sent nor exported
    window = _window(qtbot, home)
    action = window.close_round.action
    assert not action.isEnabled()
    assert "cannot be closed yet" in action.toolTip() and "A01" in action.toolTip()
    before = snapshot(home.root)
    action.trigger()  # a disabled action does nothing
    assert snapshot(home.root) == before
    window.close()
    home.close()
