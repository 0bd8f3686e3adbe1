"""Long work runs off the GUI thread and can be cancelled; cancelling changes nothing."""
from __future__ import annotations

import shutil

from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.importer import import_package
from tests.support.small_round import make_small_round
from tests.support.snapshot import snapshot
from ui.tasks import BackgroundTask


def test_cancelling_an_import_leaves_the_home_as_it_was(qtbot, qapp, tmp_path):
    round_ = make_small_round(tmp_path / "r")
    shutil.copytree(round_.homes["E02"], tmp_path / "E02")
    before = snapshot(tmp_path / "E02")
    outcome = []
    with Home(tmp_path / "E02") as home:
        def work(progress):
            def halfway(done, total):  # the user presses Cancel when half the dossiers are staged
                if done * 2 >= total > 0:
                    task.cancel()
                progress(done, total)
            return import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint, progress=halfway)

        task = BackgroundTask(work)
        task.succeeded.connect(outcome.append)
        task.failed.connect(outcome.append)
        task.start()
        qtbot.waitUntil(lambda: bool(outcome), timeout=20000)
    assert isinstance(outcome[0], Problem) and outcome[0].code == Code.CANCELLED
    assert snapshot(tmp_path / "E02") == before


def test_closing_the_window_stops_background_indexing(qtbot, qapp, tmp_path):
    from desktop.main_window import MainWindow

    round_ = make_small_round(tmp_path / "r")
    shutil.copytree(round_.homes["E02"], tmp_path / "E02")
    with Home(tmp_path / "E02") as home:
        import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
        window = MainWindow(home, "en")
        qtbot.addWidget(window)
        window.show()
        window.index_dossiers()
        task = window._indexing
        assert task is not None
        window.close()  # while indexing: cancelled and waited for, not left running
        assert task._thread.isFinished()
