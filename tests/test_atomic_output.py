"""The chair's result is one unit: OUTDIR holds the earlier complete set or the new complete set,
never a mix, whatever kills the export or fills the disk, and the audit row that records a result
exists only when that result is in place."""
from __future__ import annotations

import hashlib
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from review_model.chair.compile import compile_panel
from review_model.chair.intake import import_returns
from review_model.chair.result import RESULT_FILES, write_result
from review_model.errors import Code, Problem
from review_model.exchange.package import open_package
from review_model.home import Home
from review_model.identity import signing_key
from review_model.store import folder_set
from review_model.store.folder_set import FolderSet
from review_model.store.models import AuditEntry
from review_model.verification import verify_file
from tests.support import rawdb
from tests.support.panel_round import Sheet as S
from tests.support.panel_round import make_panel_round
from tests.support.snapshot import snapshot

KILLS = 12
SHEETS = {
    "E01": {"A01": [S("30", "20", "25")], "A02": [S("35", "25", "20")]},
    "E02": {"A01": [S("35", "25", "20")], "A02": [S("30", "25", "25")]},
    "E03": {"A01": [S("32", "21", "27")], "A02": [S("33", "24", "22")]},
}


@pytest.fixture(scope="module")
def panel(tmp_path_factory):
    panel = make_panel_round(tmp_path_factory.mktemp("atomic"), experts=3, applicants=2)
    panel.bundles = [panel.bundle(e, s) for e, s in SHEETS.items()]
    with panel.home() as home, open_package(panel.package) as package:
        import_returns(home, package, panel.bundles)
    return panel


@pytest.fixture
def chair(panel, tmp_path):
    """A copy of the chair's home with every bundle imported, and an earlier result in OUTDIR."""
    shutil.copytree(panel.chair_home, tmp_path / "chair")
    out = tmp_path / "results" / "out"
    with Home(tmp_path / "chair") as home:
        write_result(home, compile_panel(home), out, signing_key(home, person_id="E01"))
    return tmp_path / "chair", out


@pytest.fixture(params=["exchange", "rename"])
def mode(request, monkeypatch):
    """Both ways of putting a set in place: one exchange (Linux, macOS) or two renames (Windows)."""
    if request.param == "exchange" and folder_set.exchange_folders is None:
        pytest.skip("no atomic folder exchange on this system")
    if request.param == "rename":
        monkeypatch.setattr(folder_set, "exchange_folders", None)
    return request.param


def complete_set(out: Path, package: Path) -> str:
    """Assert OUTDIR holds one whole result (the files the signed container holds, byte for byte);
    return the digest of its manifest."""
    assert sorted(p.name for p in out.iterdir()) == sorted(RESULT_FILES)
    verify_file(out / "result.rvres", package)
    with zipfile.ZipFile(out / "result.rvres") as archive:
        for name in RESULT_FILES[:3]:
            assert archive.read(name) == (out / name).read_bytes(), f"{name} is not the one signed with result.rvres"
        return hashlib.sha256(archive.read("manifest.json")).hexdigest()


def audited(home_dir: Path) -> list[str]:
    with Home(home_dir) as home, home.store.read() as session:
        return list(session.scalars(select(AuditEntry.entity_id).filter_by(action="sign", entity="panel_result")
                                    .order_by(AuditEntry.id)))


def beside(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p != out)


# --- in one process --------------------------------------------------------------------------------
def test_a_new_result_replaces_the_earlier_set_whole(panel, chair, mode):
    home_dir, out = chair
    first = complete_set(out, panel.package)
    with Home(home_dir) as home:
        later = compile_panel(home, compile_panel(home).publicity_start + timedelta(days=7))
        written = write_result(home, later, out, signing_key(home, person_id="E01"))
    assert complete_set(out, panel.package) == written.result_sha256 != first
    assert audited(home_dir) == [first, written.result_sha256]
    assert beside(out) == []  # no staging folder, no earlier set, no lock left


def test_a_folder_holding_other_files_is_refused_before_anything_is_written(panel, chair):
    home_dir, out = chair
    (out / "会议纪要.docx").write_bytes(b"the chair's own notes")
    before, home_before = snapshot(out.parent), snapshot(home_dir)
    with Home(home_dir) as home, pytest.raises(Problem) as caught:
        write_result(home, compile_panel(home), out, signing_key(home, person_id="E01"))
    assert caught.value.code == Code.OUTPUT_FOLDER_IN_USE and "会议纪要.docx" in caught.value.params["files"]
    assert snapshot(out.parent) == before and snapshot(home_dir) == home_before


# --- real processes, killed or out of disk -------------------------------------------------------
def _child(home_dir: Path, out: Path, mode: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.support.result_child", str(home_dir), str(out), mode],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())


def _until(child: subprocess.Popen, word: str) -> float:
    """Read the child's lines up to the one starting with `word`; return when it came."""
    while True:
        line = child.stdout.readline()
        assert line, child.stderr.read()
        if line.startswith(word):
            return time.monotonic()


def _seconds_writing(home_dir: Path, out: Path, mode: str) -> float:
    """How long an export takes from its last rendering to its return: the files and the commit."""
    child = _child(home_dir, out, mode)
    took = -_until(child, "files") + _until(child, "done")
    child.kill()
    child.wait()
    return took


def test_the_windows_way_killed_between_its_two_renames_gets_the_earlier_set_back(panel, chair):
    home_dir, out = chair
    first = complete_set(out, panel.package)
    child = _child(home_dir, out, "die-after-aside")
    child.communicate(timeout=300)
    assert child.returncode == 9 and not out.exists()  # the earlier set is aside, the new one not in
    assert audited(home_dir) == [first]  # the commit comes after the renames
    FolderSet(out, RESULT_FILES).recover()  # what the next export does first
    assert complete_set(out, panel.package) == first and beside(out) == []


@pytest.mark.slow
def test_an_export_killed_at_any_moment_leaves_the_old_set_or_the_new_one(panel, chair, mode):
    home_dir, out = chair
    writing = _seconds_writing(home_dir, out, mode)
    rng = random.Random(20261201)
    unrecorded = 0
    for _ in range(KILLS):
        child = _child(home_dir, out, mode)
        _until(child, "files")  # kill while the files are written, or just before or after
        killer = threading.Timer(rng.uniform(0, 1.5 * writing), child.send_signal, (signal.SIGKILL,))
        killer.start()
        lines = child.stdout.read().splitlines()  # up to the kill
        killer.join()
        child.stderr.read()
        assert child.wait(timeout=30) == -signal.SIGKILL
        if mode == "rename":  # two renames: the next export first puts an earlier set back
            FolderSet(out, RESULT_FILES).recover()
        digest = complete_set(out, panel.package)
        recorded = audited(home_dir)
        reported = [line.split()[2] for line in lines if line.startswith("done")]
        assert set(reported) <= set(recorded)  # every export reported done has its audit row
        # The set in place is the last one recorded, or (killed between its rename and its
        # commit) a newer complete one without a row; never an older one after a newer row.
        assert digest == recorded[-1] or digest not in recorded
        unrecorded += digest not in recorded
    FolderSet(out, RESULT_FILES).recover()
    assert beside(out) == []
    print(f"writing took {writing:.3f} s; {unrecorded} of {KILLS} kills landed between a rename and its commit")


def _compile(home_dir: Path, panel, out: Path, file_limit: int | None = None) -> subprocess.CompletedProcess:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))

    return subprocess.run([sys.executable, "-m", "desktop.cli", "--home", str(home_dir), "--lang", "en", "chair",
                           "compile", str(panel.package), *map(str, panel.bundles), "-o", str(out)],
                          capture_output=True, text=True, env=os.environ.copy(), timeout=300,
                          preexec_fn=limit if file_limit else None)


def _refused_in_one_sentence(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr.strip()


@pytest.mark.slow
def test_a_full_disk_while_writing_the_files_leaves_the_earlier_set_and_no_audit_row(panel, chair):
    home_dir, out = chair
    first = complete_set(out, panel.package)
    before, home_before = snapshot(out.parent), snapshot(home_dir)
    size = (out / "result.rvres").stat().st_size  # no file of the new set may grow past half of it
    message = _refused_in_one_sentence(_compile(home_dir, panel, out, file_limit=size // 2))
    assert message.startswith("The file ") and "cannot be written" in message
    assert snapshot(out.parent) == before and snapshot(home_dir) == home_before
    assert complete_set(out, panel.package) == first and audited(home_dir) == [first]


@pytest.mark.slow
def test_a_full_disk_at_the_commit_puts_the_earlier_set_back_and_records_nothing(panel, chair):
    home_dir, out = chair
    first = complete_set(out, panel.package)
    limit = 4 * (out / "result.rvres").stat().st_size  # room for every file of the set
    # Make the database's next write land past the limit: grow its log (WAL) beyond it and keep a
    # reader on it, so that it cannot start over from the beginning.
    raw = rawdb.connect(home_dir, isolation_level=None)
    raw.execute("INSERT INTO setting (key, value) VALUES ('ballast', ?)", ("x" * (3 * limit),))
    raw.execute("BEGIN")
    raw.execute("SELECT count(*) FROM setting").fetchall()
    try:
        assert (home_dir / "reviewdesk.db-wal").stat().st_size > limit
        before, home_before = snapshot(out.parent), snapshot(home_dir)
        message = _refused_in_one_sentence(_compile(home_dir, panel, out, file_limit=limit))
        assert message.startswith("The file ") and "reviewdesk.db" in message
    finally:
        raw.execute("COMMIT")
        raw.close()
    assert snapshot(out.parent) == before and snapshot(home_dir) == home_before
    assert complete_set(out, panel.package) == first and audited(home_dir) == [first]
