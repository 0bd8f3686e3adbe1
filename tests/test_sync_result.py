"""The chair's signed panel result goes to the bureau's intake through the chair's outbox (issue 12):
`chair compile` queues it, `reviewdesk sync` in the chair's home delivers it against a real intake
process (receipt checked), the intake's round state shows it, a second sync sends nothing; a newer
signed result supersedes the queued one; a result the intake refuses is marked refused with the
reason, and its file and item stay in the home."""
from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import func, select

from review_model.home import Home
from review_model.identity import signing_key
from review_model.store.sealed import read_kept_file
from tests.support.cli import reviewdesk
from tests.support.sync_round import make_sync_round, signed_home

pytestmark = pytest.mark.slow  # real processes: the intake, the reviewdesk command

APPLICANTS = ("A01", "A02", "A03")


def _sync(home: Home):
    done = reviewdesk("--home", home.root, "--lang", "en", "sync", "--json")
    return done, (json.loads(done.stdout) if done.stdout.strip().startswith("{") else None)


def _intake_results(intake, round_id: str) -> list[str]:
    from service.models import Bundle, Round

    db = intake.database()
    try:
        with db.session() as session:
            return list(session.scalars(select(Bundle.file_sha256).join(Round, Round.id == Bundle.round_pk).where(
                Round.round_id == round_id, Bundle.kind == "result").order_by(Bundle.seq)))
    finally:
        db.close()


def _chair_with_every_sheet(intake, tmp_path):
    round_ = make_sync_round(tmp_path / "round", intake)
    homes = {person: signed_home(round_, person, tmp_path / person, APPLICANTS) for person in ("E01", "E02", "E03")}
    for person, home in homes.items():
        assert _sync(home)[0].returncode == 0, person
    chair = homes["E01"]
    assert reviewdesk("--home", chair.root, "--lang", "en", "chair", "pull").returncode == 0
    round_id = json.loads((round_.spec / "round.json").read_text(encoding="utf-8"))["round_id"]
    return round_, round_id, homes


def _compile(round_, chair: Home, out):
    done = reviewdesk("--home", chair.root, "--lang", "en", "chair", "compile", round_.package, "-o", out)
    assert done.returncode == 0, done.stdout + done.stderr
    return hashlib.sha256((out / "result.rvres").read_bytes()).hexdigest()


def test_the_signed_result_is_delivered_by_sync_shown_on_the_intake_and_not_sent_twice(intake, tmp_path):
    round_, round_id, homes = _chair_with_every_sheet(intake, tmp_path)
    chair = homes["E01"]
    first = _compile(round_, chair, tmp_path / "out1")
    newest = _compile(round_, chair, tmp_path / "out2")  # signed again before any sync: only this one goes
    assert first != newest

    done, report = _sync(chair)
    assert done.returncode == 0, done.stderr
    results = [i for i in report["items"] if i["kind"] == "result"]
    assert [i["state"] for i in results] == ["superseded", "delivered"] and results[1]["receipt_seq"]
    assert report["delivered_now"] == 1 and report["pending"] == 0
    assert _intake_results(intake, round_id) == [newest]  # the superseded one never left the home
    with intake.client() as reader:
        reader.login(signing_key(chair, person_id="E01"))
        state = reader.state(round_id)
    assert state["result"]["file_sha256"] == newest and state["result"]["expert_id"] == "E01"

    again, report = _sync(chair)
    assert again.returncode == 0 and report["delivered_now"] == 0
    assert _intake_results(intake, round_id) == [newest]

    text = reviewdesk("--home", chair.root, "--lang", "en", "sync")
    assert "panel result delivered to the bureau (receipt no." in text.stdout
    assert "panel result replaced by a newer signed result; not sent" in text.stdout


def test_a_result_the_intake_refuses_is_marked_refused_with_its_reason_and_kept(intake, tmp_path):
    from review_model.store.models import OutboxBundle, OutboxItem
    from review_model.sync.result_outbox import queue_result
    from tests.support.tamper import resign

    round_, round_id, homes = _chair_with_every_sheet(intake, tmp_path)
    chair = homes["E01"]
    _compile(round_, chair, tmp_path / "out")
    assert _sync(chair)[0].returncode == 0
    # a result signed by a member who is not the chair (a mix-up of keys on a shared laptop)
    key = signing_key(homes["E02"], person_id="E02")
    forged = resign(tmp_path / "out" / "result.rvres", tmp_path / "by-a-member.rvres", key, lambda members: None)
    data = forged.read_bytes()
    with chair.store.write(actor="test") as (session, audit):
        queue_result(session, chair, data, audit.at)

    done, report = _sync(chair)
    assert done.returncode == 1
    refused = [i for i in report["items"] if i["kind"] == "result"][-1]
    assert refused["state"] == "refused" and refused["reason"] == "not_in_package"
    assert "The bureau's intake refused the bundle" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    digest = hashlib.sha256(data).hexdigest()
    assert bytes(read_kept_file(chair.root / "outbox" / f"{digest}.rvres", chair.blobs.sealer)) == data  # nothing lost (sealed)
    with chair.store.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxItem)) == len(report["items"])
        assert session.scalars(select(OutboxBundle).filter_by(file_sha256=digest)).one().state == "refused"
    assert len(_intake_results(intake, round_id)) == 1  # the chair's real result is still the one

    again, report = _sync(chair)  # refused: not tried again, still said
    assert again.returncode == 1 and [i for i in report["items"] if i["kind"] == "result"][-1]["state"] == "refused"


def test_the_result_signed_at_the_chairs_desk_goes_out_by_the_background_sender(qtbot, intake, tmp_path):
    from desktop.main_window import MainWindow
    from review_model.sync.outbox import OutboxKind, OutboxState, items

    round_, round_id, homes = _chair_with_every_sheet(intake, tmp_path)
    chair = homes["E01"]
    window = MainWindow(chair, "en")
    qtbot.addWidget(window)
    window.show()
    assert window.outbox_sender is not None
    window.show_chair_desk(True)
    exporter = window.chair_desk.export_result()
    with qtbot.waitSignal(window.chair_desk.result_signed, timeout=60_000):
        exporter.run(tmp_path / "out")
    digest = hashlib.sha256((tmp_path / "out" / "result.rvres").read_bytes()).hexdigest()

    def result_state():
        return [i.state for i in items(chair) if i.kind is OutboxKind.RESULT]

    qtbot.waitUntil(lambda: result_state() == [OutboxState.DELIVERED], timeout=60_000)
    qtbot.waitUntil(lambda: window.outbox_sender.pending_label.text()
                    == "Everything signed is delivered to the bureau.", timeout=10_000)
    assert _intake_results(intake, round_id) == [digest]
    window.close()
