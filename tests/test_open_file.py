"""`reviewdesk FILE` (what a double-click on an exchange file runs): the real entry point and real widgets."""
from __future__ import annotations

import shutil
import zipfile

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import i18n
from desktop.cli import _wants_gui, main
from desktop.main_window import MainWindow
from desktop.open_file import open_file
from review_model.errors import Problem
from review_model.home import Home
from review_model.identity import signing_key
from review_model.sheets.context import Reviewer
from review_model.signing.returns import export_returns
from review_model.signing.sign import sign_sheet
from review_model.verification import verify_file
from tests.support.sheets import complete_sheet, expert_home
from tests.support.small_round import make_small_round
from tests.support.tamper import rezip
from ui.messages import describe


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    return make_small_round(tmp_path_factory.mktemp("open-file"))


@pytest.fixture(scope="module")
def return_bundle(round_, tmp_path_factory):
    """E02 signed A01 and exported it: a real .rvret."""
    root = tmp_path_factory.mktemp("open-file-returns")
    home = expert_home(round_, "E02", root / "E02")
    reviewer = Reviewer.open(home)
    key = signing_key(home, person_id="E02")
    complete_sheet(reviewer, "A01")
    sign_sheet(reviewer, "A01", key)
    export_returns(reviewer, root / "E02.rvret", key)
    home.close()
    return root / "E02.rvret"


def _message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_an_exchange_file_alone_opens_the_gui_and_a_command_stays_a_command():
    assert _wants_gui(["/home/li/下载/round.rvpkg"])
    assert _wants_gui(["--home", "h", "--lang", "en", "E02.RVRET"])
    assert _wants_gui(["result.rvres"])
    assert not _wants_gui(["verify", "round.rvpkg"])
    assert not _wants_gui(["notes.pdf"])  # not ours: argparse says "invalid choice" (exit 2)


def test_double_clicked_package_asks_trust_then_imports(qapp, round_, tmp_path):
    home_dir = tmp_path / "E02"
    shutil.copytree(round_.homes["E02"], home_dir)  # identity ready, nothing imported, bureau unknown
    seen: dict[str, object] = {}

    def watch() -> None:
        boxes = _message_boxes()
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
        if boxes and "trust" not in seen:
            seen["trust"] = (boxes[0].windowTitle(), boxes[0].text())
            boxes[0].button(QMessageBox.StandardButton.Yes).click()
        elif window is not None and "trust" in seen and window.applicants.model().rowCount():
            seen["rows"] = window.applicants.model().rowCount()
            window.close()
            return
        seen["ticks"] = int(seen.get("ticks", 0)) + 1
        if int(seen["ticks"]) > 600:  # 30 s: give up, close everything so the test fails instead of hanging
            for widget in QApplication.topLevelWidgets():
                widget.close()
            return
        QTimer.singleShot(50, watch)

    QTimer.singleShot(50, watch)
    try:
        code = main(["--home", str(home_dir), "--lang", "en", str(round_.package)])
    finally:
        i18n.install_translators("en")
    assert code == 0
    title, text = seen["trust"]
    assert title == "Trust this bureau?"
    assert round_.bureau_fingerprint in text
    assert seen["rows"] == 3  # the round's applicants, imported into this home
    with Home(home_dir) as home:
        from review_model.overview import overview

        assert overview(home).round is not None


def _answer(qtbot, window, path) -> tuple[str, str, QMessageBox.Icon]:
    """Open `path` as a double-click would and read the answer the modal message box gives, then close it."""
    seen: list[tuple[str, str, QMessageBox.Icon]] = []

    def read() -> None:
        boxes = _message_boxes()
        if not boxes:
            QTimer.singleShot(50, read)
            return
        seen.append((boxes[0].windowTitle(), boxes[0].text(), boxes[0].icon()))
        boxes[0].accept()

    QTimer.singleShot(50, read)
    open_file(window, path)
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    return seen[0]


def test_double_clicked_return_bundle_shows_the_verifiers_answer(qtbot, round_, return_bundle, tmp_path):
    with Home(tmp_path / "chair") as home:  # any home: verifying needs no round
        window = MainWindow(home, "en")
        qtbot.addWidget(window)
        window.show()
        title, text, _ = _answer(qtbot, window, return_bundle)
        assert title == "Verify a signed file"
        assert "Valid return bundle of round 2026-TEST" in text and "李专家" in text

        def flip(entries: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
            info, data = next(e for e in entries if e[0].filename.endswith(".json") and "manifest" not in e[0].filename)
            entries[entries.index((info, data))] = (info, data.replace(b"A01", b"A02", 1))

        forged = rezip(return_bundle, tmp_path / "forged.rvret", flip)
        with pytest.raises(Problem) as refused:
            verify_file(forged)
        title, text, icon = _answer(qtbot, window, forged)
        assert icon == QMessageBox.Icon.Warning
        assert describe(refused.value) in text
