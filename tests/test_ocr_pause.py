"""Reading the scans can be paused and resumed from the status bar: a pause stops the OCR worker at
once and nothing more is read; what was read stays; resume reads the rest. A pause is not kept:
the next start of the app reads on (issue 13)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from review_model.dossier.indexing import index_pending
from review_model.dossier.library import DossierLibrary
from review_model.dossier.ocr import engine_id
from tests.support.dossier_home import dossier_home
from tests.support.ocr_pages import join, scan_page
from ui.ocr_status import ScanStatus

PAGES = 4


def _read(home) -> int:
    library = DossierLibrary(home)
    try:
        material = library.indexable()[0]
        return library.index.ocr_counts(material.sha256, engine_id()).done
    finally:
        library.close()


@pytest.mark.slow
def test_pausing_stops_reading_at_once_and_resuming_reads_the_rest(qtbot, tmp_path):
    pages = [scan_page([f"第{n}页 职业技能培训基地", "学徒 合同 场地"])[0] for n in range(PAGES)]
    home, _ = dossier_home(tmp_path / "home", [("场地证明", join(*pages))])
    index_pending(home)
    status = ScanStatus()
    qtbot.addWidget(status)
    try:
        assert status.button.text() == "Pause"
        status.start(home)
        qtbot.waitUntil(lambda: status.bar.value() >= 1, timeout=120_000)  # the first page is read
        assert status.isVisible() and status.bar.maximum() == PAGES
        qtbot.mouseClick(status.button, Qt.MouseButton.LeftButton)
        assert status.paused and status.button.text() == "Resume"
        qtbot.waitUntil(lambda: status.task is None, timeout=10_000)  # stopped mid-page, not after it
        paused_at = _read(home)
        assert 1 <= paused_at < PAGES
        assert status.isVisible() and "paused" in status.bar.text()
        qtbot.wait(2500)  # a page takes about a second: none is read while paused
        assert _read(home) == paused_at
        assert status.start(home) is None  # nothing (the window's index timer) starts it while paused

        qtbot.mouseClick(status.button, Qt.MouseButton.LeftButton)
        assert not status.paused and status.task is not None
        qtbot.waitUntil(lambda: status.task is None, timeout=120_000)
        assert _read(home) == PAGES
        assert not status.isVisible()  # all read: the piece leaves the status bar
    finally:
        if status.task is not None:
            status.task.cancel()
            status.task.wait(10_000)
        home.close()


def test_a_pause_is_not_kept_the_next_start_reads_on(qtbot, tmp_path):
    home, _ = dossier_home(tmp_path / "home", [("场地证明", scan_page(["学徒 合同"])[0])])
    first = ScanStatus()
    qtbot.addWidget(first)
    first.pause()
    assert first.start(home) is None
    restarted = ScanStatus()  # the app started again
    qtbot.addWidget(restarted)
    assert not restarted.paused and restarted.button.text() == "Pause"
    task = restarted.start(home)
    assert task is not None
    with qtbot.waitSignal(restarted.finished, timeout=30_000):
        pass
    home.close()
