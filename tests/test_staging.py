"""A killed import leaves its staged dossiers behind; the next import removes them, and only them:
the staging folder of an import still running in another process stays."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from review_model.home import Home
from review_model.store.scratch import Scratch
from tests.support.cli import reviewdesk
from tests.support.small_round import make_small_round


def staged_files(home_dir) -> list[str]:
    root = home_dir / "staging"
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _import(home_dir, round_) -> list[str]:
    return ["--home", str(home_dir), "import", str(round_.package), "--trust-bureau", round_.bureau_fingerprint]


@pytest.mark.slow
def test_the_next_import_removes_what_a_killed_one_staged_and_spares_a_live_one(tmp_path):
    round_ = make_small_round(tmp_path / "round")
    home_dir = tmp_path / "E02"
    shutil.copytree(round_.homes["E02"], home_dir)
    for _ in range(10):  # kill it while it stages (bounded: a fast machine may finish first)
        child = subprocess.Popen([sys.executable, "-m", "desktop.cli", *_import(home_dir, round_)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=os.environ.copy())
        while child.poll() is None and not any(not f.endswith(".lock") for f in staged_files(home_dir)):
            time.sleep(0.002)
        child.send_signal(signal.SIGKILL)
        child.communicate()
        if child.returncode == -signal.SIGKILL and staged_files(home_dir):
            break
        shutil.rmtree(home_dir)
        shutil.copytree(round_.homes["E02"], home_dir)
    else:
        pytest.fail("the import always finished before it could be killed while staging")
    left = staged_files(home_dir)
    assert [f for f in left if "/" in f], left  # staged dossiers in the killed import's folder
    live = Scratch(home_dir / "staging" / "another-import-still-running")  # held by this process
    live.folder().mkdir()
    (live.folder() / "half.pdf").write_bytes(b"%PDF-1.7 still being written")

    done = reviewdesk(*_import(home_dir, round_))
    assert done.returncode == 0, done.stderr
    assert staged_files(home_dir) == ["another-import-still-running.lock", "another-import-still-running/half.pdf"]
    live.release("")
    assert staged_files(home_dir) == []
    with Home(home_dir) as home:
        assert home.store.integrity_ok()


def test_staging_folders_without_a_lock_go_once_they_have_been_left_for_an_hour(tmp_path):
    """Folders from before staging had locks (or killed between removing a folder and its lock)."""
    from review_model.store.scratch import UNLOCKED_GRACE, remove_abandoned

    old, recent = tmp_path / "staging" / "old", tmp_path / "staging" / "recent"
    for folder in (old, recent):
        folder.mkdir(parents=True)
        (folder / "x.pdf").write_bytes(b"%PDF")
    long_ago = time.time() - UNLOCKED_GRACE - 60
    os.utime(old, (long_ago, long_ago))
    assert remove_abandoned(tmp_path / "staging") == [old]
    assert not old.exists() and (recent / "x.pdf").exists()
