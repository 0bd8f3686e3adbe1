"""The command line under real faults (issue 9): an output path that cannot exist, a damaged or
truncated database, a home from a newer version, a full disk, arguments that are not UTF-8, a closed
output pipe. Each: one sentence on stderr in the UI language, exit 1, no traceback, the home as it was."""
from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import rawdb
from tests.support.cli import reviewdesk
from tests.support.signed_round import make_signed_round
from tests.support.snapshot import snapshot


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    return make_signed_round(tmp_path_factory.mktemp("robust"))


@pytest.fixture
def home(signed, tmp_path):
    """A copy of the expert's home: A01 signed, A02 and A03 untouched."""
    return Path(shutil.copytree(signed.expert_home, tmp_path / "home"))


def refused(done: subprocess.CompletedProcess, *said: str) -> None:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and "Exception" not in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    for words in said:
        assert words in done.stderr, done.stderr


def file_bytes(folder: Path) -> dict[str, str]:
    """Every file's bytes, the database's included (a damaged one cannot be dumped)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# -- an output the OS cannot create ---------------------------------------------------------------

def _impossible_outputs(tmp_path: Path) -> list[Path]:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    outputs = [blocker / "x"]
    if Path("/dev/null").exists():
        outputs.append(Path("/dev/null/x"))  # what the issue tried
    return outputs


@pytest.mark.parametrize("command", [("export", "-o", "{out}.rvret"), ("keys", "export", "-o", "{out}.pub"),
                                     ("sheet", "export-form", "A02", "-o", "{out}.csv"),
                                     ("sheet", "export-form", "A02", "-o", "{out}.xlsx"),
                                     ("demo", "--out", "{out}")])
def test_an_output_path_that_cannot_be_made(home, tmp_path, command):
    before = snapshot(home)
    for out in _impossible_outputs(tmp_path):
        done = reviewdesk("--home", home, *(part.format(out=out) for part in command))
        refused(done, "无法写入", str(out))
    assert snapshot(home) == before


# -- a damaged database ---------------------------------------------------------------------------

def _overwrite_header(db: Path) -> None:
    with open(db, "r+b") as handle:
        handle.write(b"\x00garbage" * 12)


def _truncate(size) -> callable:
    def cut(db: Path) -> None:
        os.truncate(db, size(db.stat().st_size))
    return cut


@pytest.mark.slow
@pytest.mark.parametrize("damage", [_overwrite_header, _truncate(lambda n: n // 2), _truncate(lambda n: 100),
                                    _truncate(lambda n: 0)], ids=["header", "half", "100 bytes", "empty"])
def test_a_damaged_or_truncated_database(home, damage):
    damage(home / "reviewdesk.db")
    before = file_bytes(home)
    for command in (("status",), ("sheet", "confirm-no-conflict", "A02")):
        refused(reviewdesk("--home", home, *command), "数据库已损坏", str(home))
    assert reviewdesk("--home", home, "--help").returncode == 0  # help needs no database
    assert file_bytes(home) == before


def test_another_program_s_database_is_not_taken_for_ours(tmp_path):
    (tmp_path / "h").mkdir()
    with sqlite3.connect(tmp_path / "h" / "reviewdesk.db") as db:
        db.execute("CREATE TABLE notes (body TEXT)")
        db.execute("INSERT INTO notes VALUES ('someone else''s')")
    refused(reviewdesk("--home", tmp_path / "h", "status"), "不是评审台数据库")
    with sqlite3.connect(tmp_path / "h" / "reviewdesk.db") as db:
        assert [row[0] for row in db.execute("SELECT name FROM sqlite_master")] == ["notes"]


@pytest.mark.slow
def test_a_home_written_by_a_newer_version(home):
    with rawdb.connect(home) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    before = snapshot(home)
    for command in (("status",), ("sheet", "confirm-no-conflict", "A02")):
        refused(reviewdesk("--home", home, *command), "更新版本", "9999")
    refused(reviewdesk("--home", home, "--lang", "en", "status"), "newer version of ReviewDesk")
    assert snapshot(home) == before


# -- a full disk ----------------------------------------------------------------------------------

FULL_DISK = r"""
set -u
mount -t tmpfs -o size=16m tmpfs "$MNT"
cp -a "$HOME_DIR" "$MNT/home"
dd if=/dev/zero of="$MNT/fill" bs=64k >/dev/null 2>&1 || true   # until the disk is full
i=0
for command in "status" "keys show" "sheet confirm-no-conflict A02" "export -o $MNT/x.rvret"; do
    i=$((i + 1))
    "$PY" -m desktop.cli --home "$MNT/home" $command >"$OUT/$i.out" 2>"$OUT/$i.err"
    echo $? >"$OUT/$i.rc"
done
rm "$MNT/fill"
cp -a "$MNT/home" "$OUT/after"
"""


def _private_mounts() -> bool:
    """A tmpfs in a private user and mount namespace: no privilege, invisible outside, gone after."""
    if sys.platform != "linux" or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", "mount -t tmpfs tmpfs /mnt"],
                           capture_output=True)
    return probe.returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not _private_mounts(), reason="needs Linux with unprivileged user namespaces (unshare -rm)")
def test_a_full_disk(home, tmp_path):
    (tmp_path / "mnt").mkdir()
    (tmp_path / "out").mkdir()
    env = {**os.environ, "MNT": str(tmp_path / "mnt"), "HOME_DIR": str(home), "OUT": str(tmp_path / "out"),
           "PY": sys.executable}
    subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", FULL_DISK], env=env, check=True,
                   timeout=600)
    for i in range(1, 5):
        done = subprocess.CompletedProcess([], int((tmp_path / "out" / f"{i}.rc").read_text()),
                                           (tmp_path / "out" / f"{i}.out").read_text(),
                                           (tmp_path / "out" / f"{i}.err").read_text())
        refused(done, "磁盘已满")
    assert snapshot(tmp_path / "out" / "after") == snapshot(home)


# -- arguments that are not UTF-8 -----------------------------------------------------------------

NOT_UTF8 = os.fsdecode(b"\xff\xfe\xe6")  # as Python hands such bytes to the program: surrogates


@pytest.mark.skipif(os.name == "nt", reason="Windows passes arguments as UTF-16, never as raw bytes")
def test_text_arguments_that_are_not_utf8_are_refused_paths_used_as_given(signed, home, tmp_path):
    before = snapshot(home)
    refused(reviewdesk("--home", home, "sheet", "declare-conflict", "A02", "--reason", NOT_UTF8), "参数 --reason", "UTF-8")
    refused(reviewdesk("--home", home, "sheet", "amend", "A01", "--reason", "理由" + NOT_UTF8), "参数 --reason")
    refused(reviewdesk("--home", home, "sheet", "sign", "A0" + NOT_UTF8), "参数 APPLICANT_ID")
    assert snapshot(home) == before
    refused(reviewdesk("--home", tmp_path / "new", "keys", "init", "--name", NOT_UTF8, "--role", "expert"), "参数 --name")
    assert not (tmp_path / "new").exists()
    # a file name is bytes to the OS: such a path is opened as given, and printed escaped
    odd = tmp_path / f"{NOT_UTF8}.rvret"
    shutil.copyfile(signed.bundle, odd)
    done = reviewdesk("verify", odd)
    assert done.returncode == 0 and "验证通过" in done.stdout, done.stderr
    refused(reviewdesk("verify", tmp_path / f"missing{NOT_UTF8}.rvret"), "无法读取文件", "missing")


# -- a closed output ------------------------------------------------------------------------------

@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("command", [("status",), ("status", "--json")])
def test_output_closed_by_the_reader(home, command, buffered):
    """`reviewdesk status | head`: the reader is gone before everything is written. (argparse
    itself ignores a closed output for --help.)"""
    before = snapshot(home)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    proc = subprocess.Popen([sys.executable, "-m", "desktop.cli", "--home", str(home), *command],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdout.close()  # long before the command prints its first line
    stderr = proc.stderr.read().decode("utf-8")
    proc.wait(timeout=300)
    refused(subprocess.CompletedProcess([], proc.returncode, "", stderr), "输出在全部打印完之前已被关闭")
    assert snapshot(home) == before
