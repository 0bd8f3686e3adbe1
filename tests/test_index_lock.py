"""One indexer per home (issue 13): the app's background indexer and a `reviewdesk index` started
beside it never work on the same index at once. A second `index` is refused with one sentence and
changes nothing; `index --wait` waits for the first and then finds nothing left to read."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from tests.support import dossier_pdfs as pdfs
from tests.support.cli import reviewdesk
from tests.support.dossier_home import dossier_home
from tests.support.ocr_pages import scan_page
from tests.support.snapshot import snapshot

_HOLDER = textwrap.dedent("""
    import sys
    from review_model.home import Home
    from review_model.dossier.indexing import IndexLock
    lock = IndexLock(Home(sys.argv[1], create=False)).take()
    print("held", flush=True)
    sys.stdin.readline()
""")


def _hold(home) -> subprocess.Popen:
    """Another process holding the home's indexing lock (as the app's background indexer does)."""
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(home)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=os.environ)
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_index_is_refused_in_one_sentence_and_changes_nothing(tmp_path):
    home, _ = dossier_home(tmp_path / "home", [("申报表", pdfs.text_pdf(["高技能人才培训基地 申报表 光明区 正文共计十二页"]))])
    home.close()
    holder = _hold(tmp_path / "home")
    try:
        before = snapshot(tmp_path / "home")
        refused = reviewdesk("--home", tmp_path / "home", "--lang", "en", "index", "--json")
        assert refused.returncode != 0
        assert "already being brought up to date by another ReviewDesk window or command" in refused.stderr
        assert "Traceback" not in refused.stderr
        assert snapshot(tmp_path / "home") == before  # nothing indexed, nothing started
    finally:
        holder.kill()  # killed, not released: the OS drops the lock with the process
        holder.wait()
    indexed = reviewdesk("--home", tmp_path / "home", "--lang", "en", "index", "--json")
    assert indexed.returncode == 0, indexed.stderr
    assert json.loads(indexed.stdout)["materials"][0]["text_pages_done"] == 1


def test_the_gui_s_indexer_gives_way_to_a_running_command(tmp_path):
    """The app's background indexer calls index_pending: while a command indexes, it is told so."""
    from review_model.dossier.indexing import index_pending
    from review_model.errors import Code, Problem

    home, _ = dossier_home(tmp_path / "home", [("申报表", pdfs.text_pdf(["高技能人才培训基地 申报表 光明区 正文共计十二页"]))])
    holder = _hold(tmp_path / "home")
    try:
        with pytest.raises(Problem) as refused:
            index_pending(home)
        assert refused.value.code == Code.INDEX_BUSY
    finally:
        holder.stdin.write("\n")  # released the ordinary way this time
        holder.stdin.flush()
        holder.wait()
    assert index_pending(home).pages_indexed == 1
    home.close()


@pytest.mark.slow
def test_two_index_wait_commands_read_each_scan_once(tmp_path):
    page, _ = scan_page(["职业技能培训基地申报表", "学徒 合同 场地 91440300MA5F"], ["合同"])
    home, _ = dossier_home(tmp_path / "home", [("场地证明", page)])
    home.close()
    command = [sys.executable, "-m", "desktop.cli", "--home", str(tmp_path / "home"), "--lang", "en", "index", "--wait"]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ)
    try:
        # the first is reading the scan (and holds the lock) once it has printed its first progress line
        assert first.stdout.readline().startswith("Reading scanned pages: 0/1")
        second = reviewdesk("--home", tmp_path / "home", "--lang", "en", "index", "--wait", "--json")
    finally:
        out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert "Reading scanned pages: 1/1" in out
    assert second.returncode == 0, second.stderr
    assert "is indexing this workspace; waiting for it to finish" in second.stderr
    assert "Reading scanned pages" not in second.stderr  # the first had read it: nothing left for the second
    state = json.loads(second.stdout)["materials"][0]
    assert state["ocr"] == {"done": 1, "pending": 0, "failed": 0}
    found = reviewdesk("--home", tmp_path / "home", "--lang", "en", "search", "合同", "--json")
    assert [h["source"] for h in json.loads(found.stdout)["hits"]] == ["ocr"]
