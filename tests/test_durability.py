"""Kill the process at any moment: nothing it reported as saved is lost, the database stays sound."""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from decimal import Decimal

import pytest

from review_model.home import Home
from review_model.importer import import_package
from review_model.sheets.context import Reviewer
from review_model.sheets.view import sheet_view
from tests.support import rawdb
from tests.support.small_round import make_small_round

pytestmark = pytest.mark.slow
KILLS = 25


def _run_and_kill(home_dir, start: int, delay: float) -> list[str]:
    child = subprocess.Popen([sys.executable, "-m", "tests.support.editing_child", str(home_dir), str(start)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    first = child.stdout.readline()  # the child is up and editing
    assert first.startswith("try"), first + child.stderr.read()
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    # Read on through the same buffered reader: readline() may already hold the next lines
    # ("saved …"), which communicate() would skip (it reads the raw pipe).
    rest = child.stdout.read()
    child.stderr.read()
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    return [first.strip(), *rest.splitlines()]


def test_sigkill_at_random_moments_loses_nothing_reported_as_saved(tmp_path):
    round_ = make_small_round(tmp_path / "round")
    home_dir = tmp_path / "E02"
    shutil.copytree(round_.homes["E02"], home_dir)
    with Home(home_dir) as home:
        import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
    rng = random.Random(20261122)
    expected_scores: dict[str, set[Decimal]] = {}
    saved_notes: set[str] = set()
    maybe_notes: set[str] = set()
    start, total_saved = 0, 0
    for _ in range(KILLS):
        lines = _run_and_kill(home_dir, start, rng.uniform(0.02, 0.5))
        attempts = {}
        saved = set()
        for line in lines:
            parts = line.split()
            if parts[:1] == ["try"] and len(parts) == 5:
                attempts[int(parts[1])] = (parts[2], parts[3], parts[4])
            elif parts[:1] == ["saved"]:
                saved.add(int(parts[1]))
        total_saved += len(saved)
        in_flight = sorted(set(attempts) - saved)
        assert len(in_flight) <= 1  # edits are sequential: at most the one being made when killed
        for seq in sorted(attempts):
            kind, key, value = attempts[seq]
            if kind == "note":
                (saved_notes if seq in saved else maybe_notes).add(key)
            elif seq in saved:
                expected_scores[key] = {Decimal(value)}
            else:  # killed during this edit: either the old value or the new one, never anything else
                expected_scores[key] = expected_scores.get(key, {None}) | {Decimal(value)}
        with rawdb.connect(home_dir) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        with Home(home_dir) as home:
            view = sheet_view(Reviewer.open(home), "A01")
        for code, allowed in expected_scores.items():
            assert view.scores.get(code) in allowed, (code, view.scores.get(code), allowed)
            expected_scores[code] = {view.scores.get(code)}  # settle what the in-flight edit did
        notes = {n.text for n in view.notes}
        assert saved_notes <= notes
        assert notes <= saved_notes | maybe_notes
        saved_notes |= notes & maybe_notes
        maybe_notes.clear()
        start = max(attempts) + 1000  # the next child's sequence numbers never collide
    assert total_saved > KILLS  # the children really were editing when killed
