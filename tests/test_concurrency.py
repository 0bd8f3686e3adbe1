"""Several processes on one home (the GUI, the command line, soon the sync sender): every write
waits its turn instead of dying with "database is locked", sees what the others committed, and a
check it makes (a form's version stamp) cannot be overtaken by another process's edit."""
from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

import review_model.store.db as db
from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.identity import signing_key
from review_model.importer import import_package
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.sheets.forms import export_form, import_form
from review_model.sheets.view import sheet_view
from review_model.signing.sign import sign_sheet
from review_model.store.models import AuditEntry, ConflictDeclaration, Setting, SheetRevision
from tests.support import rawdb
from tests.support.sheets import complete_sheet
from tests.support.small_round import make_small_round
from tests.support.snapshot import snapshot
from ui.messages import describe


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    return make_small_round(tmp_path_factory.mktemp("concurrency"))


@pytest.fixture
def home(round_, tmp_path):
    shutil.copytree(round_.homes["E02"], tmp_path / "E02")
    with Home(tmp_path / "E02") as home:
        import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
        yield home


def other_process(home: Home):
    """A second connection holding the home's write lock, as another ReviewDesk process would."""
    raw = rawdb.connect(home.root, isolation_level=None, timeout=0, check_same_thread=False)
    raw.execute("BEGIN IMMEDIATE")
    return raw


def commit_later(raw, seconds: float) -> threading.Timer:
    timer = threading.Timer(seconds, raw.execute, ("COMMIT",))
    timer.start()
    return timer


# --- in one process, another connection standing for the other process --------------------------
def test_a_write_waits_for_the_other_process_and_builds_on_its_change(home):
    raw = other_process(home)
    raw.execute("INSERT INTO setting (key, value) VALUES ('counter', '1')")
    with home.store.read() as session:  # reading does not wait for the writer (WAL)
        assert session.get(Setting, "counter") is None
    timer = commit_later(raw, 0.5)
    try:
        with home.store.write("tester") as (session, _audit):  # waits for the lock, then reads
            row = session.get(Setting, "counter")
            session.merge(Setting(key="counter", value=str(int(row.value if row else 0) + 1)))
    finally:
        timer.join()
        raw.close()
    with home.store.read() as session:
        assert session.get(Setting, "counter").value == "2"  # built on the other's 1, not lost


def test_a_home_locked_too_long_is_refused_in_one_sentence_and_left_unchanged(home, monkeypatch):
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(db, "WRITE_BACKOFF", 0.01)
    before = snapshot(home.root)
    raw = other_process(home)
    try:
        with Home(home.root) as busy:  # fresh connections, with the short timeout
            with pytest.raises(Problem) as caught:
                ops.confirm_no_conflict(Reviewer.open(busy), "A01")
    finally:
        raw.execute("ROLLBACK")
        raw.close()
    assert caught.value.code == Code.HOME_BUSY
    assert "\n" not in describe(caught.value) and describe(caught.value)
    assert snapshot(home.root) == before


def _filled_form(reviewer: Reviewer, applicant_id: str, path: Path, opinion: str) -> None:
    export_form(reviewer, applicant_id, path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rubric = sheet_view(reviewer, applicant_id).rubric
    for row in rows[1:]:
        item = rubric.item(row[0])
        if item is not None and not rubric.is_bonus(item.code):
            row[3] = str((item.max_points * Decimal("0.8") / item.step).to_integral_value() * item.step)
        if row[0] == "OPINION":
            row[4] = opinion
        if row[0] == "RECOMMENDATION":
            row[4] = "推荐"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)


def test_a_form_overtaken_by_another_processes_edit_is_refused_as_stale(home, tmp_path):
    reviewer = Reviewer.open(home)
    ops.confirm_no_conflict(reviewer, "A01")
    item = sheet_view(reviewer, "A01").rubric.scored_items[0].code
    ops.SetItem("A01", item, Decimal(1), "").apply(reviewer)
    _filled_form(reviewer, "A01", tmp_path / "form.csv", "纸质评分表意见")
    # Another process edits the sheet (as ops.SetItem does: the score and the version) and commits
    # while this one is importing the form it read before that edit.
    raw = other_process(home)
    raw.execute("UPDATE item_score SET score = '2' WHERE item_code = ?", (item,))
    raw.execute("UPDATE sheet_revision SET version = version + 1")
    outcome: list[object] = []
    importing = threading.Thread(target=lambda: outcome.append(_try(import_form, reviewer, "A01", tmp_path / "form.csv")))
    importing.start()
    time.sleep(1.0)  # the import has read the form and the sheet and waits for the write lock
    raw.execute("COMMIT")
    raw.close()
    importing.join(timeout=60)
    assert isinstance(outcome[0], Problem) and outcome[0].code == Code.FORM_STALE, outcome
    view = sheet_view(reviewer, "A01")
    assert view.scores[item] == Decimal(2) and view.opinion != "纸质评分表意见"  # the other's edit stands


def _try(function, *args):
    try:
        return function(*args)
    except Exception as error:  # noqa: BLE001 - the test reports whatever the import ended with
        return error


# --- real `reviewdesk` processes ----------------------------------------------------------------------
def _launch(home: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "desktop.cli", "--home", str(home), "--lang", "en", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())


def _finish(children: list[tuple[tuple[str, ...], subprocess.Popen]]) -> list[tuple[tuple[str, ...], int, str]]:
    """Each command's (arguments, exit status, message); no traceback, a refusal in one line."""
    results = []
    for args, child in children:
        out, err = child.communicate(timeout=300)
        assert "Traceback" not in err and "locked" not in err, (args, err)
        assert child.returncode in (0, 1), (args, child.returncode, err)
        if child.returncode == 1:
            assert err.strip() and "\n" not in err.strip(), (args, err)
        else:
            assert err.strip() == "", (args, err)
        results.append((args, child.returncode, err.strip()))
    return results


@pytest.mark.slow
def test_ten_processes_confirming_at_once_all_succeed_with_one_declaration(home):
    home.close()
    args = ("sheet", "confirm-no-conflict", "A01")
    results = _finish([(args, _launch(home.root, *args)) for _ in range(10)])
    assert [status for _, status, _ in results] == [0] * 10
    with Home(home.root) as again, again.store.read() as session:
        assert session.scalar(select(func.count()).select_from(ConflictDeclaration)) == 1


@pytest.mark.slow
def test_ten_mixed_writers_on_one_home_lose_no_update(home, tmp_path):
    reviewer = Reviewer.open(home)
    ops.confirm_no_conflict(reviewer, "A01")
    ops.SetItem("A01", sheet_view(reviewer, "A01").rubric.scored_items[0].code, Decimal(1), "").apply(reviewer)
    forms = []
    for k in range(4):  # four copies of the form at the same version, filled differently
        forms.append(tmp_path / f"form{k}.csv")
        _filled_form(reviewer, "A01", forms[-1], f"意见{k}")
    complete_sheet(reviewer, "A02")
    sign_sheet(reviewer, "A02", signing_key(home, person_id="E02"))
    with home.store.read() as session:
        audit_before = session.scalar(select(func.count()).select_from(AuditEntry))
    home.close()

    commands = [("sheet", "import-form", "A01", str(form)) for form in forms]
    commands += [("sheet", "amend", "A02", "--reason", f"复核{k}") for k in range(2)]
    commands += [("sheet", "confirm-no-conflict", "A03")] * 4
    results = _finish([(args, _launch(home.root, *args)) for args in commands])

    imported = [args[3] for args, status, _ in results if args[1] == "import-form" and status == 0]
    stale = [err for args, status, err in results if args[1] == "import-form" and status == 1]
    assert len(imported) == 1 and len(stale) == 3  # the first import wins, the others are stale
    assert all(err.startswith("This form was exported from version") for err in stale)
    amended = [args[4] for args, status, _ in results if args[1] == "amend" and status == 0]
    assert len(amended) == 1
    assert [err for args, status, err in results if args[1] == "amend" and status == 1] == [
        describe(Problem(Code.NOTHING_TO_AMEND, applicant="A02"))]
    assert all(status == 0 for args, status, _ in results if args[1] == "confirm-no-conflict")

    with Home(home.root) as again:
        reviewer = Reviewer.open(again)
        winner = forms.index(Path(imported[0]))
        assert sheet_view(reviewer, "A01").opinion == f"意见{winner}"  # the state is the reported success
        with again.store.read() as session:
            revisions = reviewer.revisions(session, "A02")
            assert [(r.number, r.state) for r in revisions] == [(1, "signed"), (2, "draft")]
            assert revisions[1].amend_reason == amended[0]
            declared = session.scalars(select(ConflictDeclaration).filter_by(applicant_id="A03")).all()
            assert len(declared) == 1
            audit = session.scalars(select(AuditEntry).order_by(AuditEntry.id).offset(audit_before)).all()
            assert [e.action for e in audit].count("opinion") == 1  # one form applied, once
            assert [e.action for e in audit].count("amend") == 1
            assert [e.action for e in audit].count("no_conflict") == 1
            assert session.scalar(select(func.count()).select_from(SheetRevision)) == 3
        assert again.store.integrity_ok()
