"""The app's outbox against a real `reviewdesk intake serve` on 127.0.0.1 (SQLite; the forged
receipt on PostgreSQL too): signing queues in
the same transaction, `reviewdesk sync` delivers with a checked receipt, refusals stop retrying,
a forged receipt is never taken as delivery."""
from __future__ import annotations

import json

import pytest

from review_model.errors import Code
from review_model.identity import signing_key
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.sync.outbox import Outbox, OutboxState, intake_target, items
from review_model.sync.receipt import check_receipt
from tests.support.cli import reviewdesk
from tests.support.intake import Backend, start_intake
from tests.support.sheets import complete_sheet, expert_home
from tests.support.sync_round import make_sync_round, signed_home

pytestmark = pytest.mark.slow  # a real intake process and real signing: seconds per test


@pytest.fixture(scope="module")
def sqlite_intake(tmp_path_factory):
    running = start_intake(tmp_path_factory.mktemp("sync-intake"), Backend("sqlite"))
    yield running
    assert running.process.stop() == 0
    assert "Traceback" not in running.process.errors()


def _sync(home, *extra):
    done = reviewdesk("--home", home.root, "--lang", "en", "sync", "--json", *extra)
    return done, json.loads(done.stdout) if done.stdout.strip() else None


def test_signing_queues_in_the_same_transaction_and_sync_delivers_with_a_verified_receipt(sqlite_intake, tmp_path):
    round_ = make_sync_round(tmp_path / "round", sqlite_intake)
    home = signed_home(round_, "E02", tmp_path / "E02", ("A01", "A02"))
    queued = items(home)
    assert [(i.applicant_id, i.revision, i.state) for i in queued] == [("A01", 1, OutboxState.QUEUED),
                                                                      ("A02", 1, OutboxState.QUEUED)]
    done, report = _sync(home)
    assert done.returncode == 0, done.stderr
    assert [(i["applicant_id"], i["state"]) for i in report["items"]] == [("A01", "delivered"), ("A02", "delivered")]
    # the receipt kept in the home checks with the package's intake key, for the very file kept
    from sqlalchemy import select

    from review_model.store.models import OutboxBundle
    with home.store.read() as session:
        bundle = session.scalars(select(OutboxBundle)).one()
    path = home.root / "outbox" / bundle.file_name
    import hashlib

    from review_model.store.sealed import read_kept_file

    kept = bytes(read_kept_file(path, home.blobs.sealer))  # sealed on disk: the plain bundle is what was sent
    receipt = check_receipt(bundle.receipt, bundle.receipt_signature, intake_target(home).public_raw,
                            hashlib.sha256(kept).hexdigest(), len(kept))
    assert [(s.applicant_id, s.revision) for s in receipt.sheets] == [("A01", 1), ("A02", 1)]
    # the bureau's intake shows them delivered
    with sqlite_intake.client() as client:
        client.login(_bureau_key(round_))
        cells = {(c["expert_id"], c["applicant_id"]): c["state"] for c in client.state(_round_id(home))["cells"]}
    assert cells[("E02", "A01")] == cells[("E02", "A02")] == "delivered"
    assert cells[("E02", "A03")] == "missing"
    # a second pass sends nothing and still exits 0; nothing was deleted
    again, report = _sync(home)
    assert again.returncode == 0 and path.is_file() and len(report["items"]) == 2


def test_a_later_revision_goes_in_a_new_bundle_and_supersedes(sqlite_intake, tmp_path):
    round_ = make_sync_round(tmp_path / "round", sqlite_intake)
    home = signed_home(round_, "E02", tmp_path / "E02")
    assert _sync(home)[0].returncode == 0
    reviewer = Reviewer.open(home)
    ops.amend(reviewer, "A01", "复核后调整")
    from review_model.signing.sign import sign_sheet
    sign_sheet(reviewer, "A01", signing_key(home, person_id="E02"))
    done, report = _sync(home)
    assert done.returncode == 0, done.stderr
    assert [(i["revision"], i["state"]) for i in report["items"]] == [(1, "delivered"), (2, "delivered")]
    with sqlite_intake.client() as client:
        client.login(_bureau_key(round_))
        cell = next(c for c in client.state(_round_id(home))["cells"] if (c["expert_id"], c["applicant_id"]) == ("E02", "A01"))
    assert (cell["state"], cell["revision"]) == ("delivered", 2)


def test_a_refusal_stops_retrying_that_item_says_why_and_the_rest_still_goes(sqlite_intake, tmp_path):
    round_ = make_sync_round(tmp_path / "round", sqlite_intake)
    # E02 on another laptop declared a conflict with A01, and that reached the intake first
    other = expert_home(round_, "E02", tmp_path / "E02-laptop")
    ops.declare_conflict(Reviewer.open(other), "A01", "亲属关系")
    assert [i.kind.value for i in items(other)] == ["conflict"]  # queued with the declaration
    assert _sync(other)[0].returncode == 0
    # here, the same expert signed A01 and A02
    home = signed_home(round_, "E02", tmp_path / "E02", ("A01", "A02"))
    done, report = _sync(home)
    assert done.returncode == 1
    states = {i["applicant_id"]: (i["state"], i["reason"]) for i in report["items"]}
    assert states == {"A01": ("refused", "conflict_declared"), "A02": ("delivered", None)}
    assert "conflict of interest" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    # a refused item is not tried again: the next pass sends nothing new, and says the same
    before = _bundles(sqlite_intake, round_, home)
    again, report = _sync(home)
    assert again.returncode == 1 and again.stderr == done.stderr
    assert _bundles(sqlite_intake, round_, home) == before


def test_a_forged_receipt_is_not_taken_as_delivery(intake, tmp_path):
    """The package names the bureau's intake key; an intake answering with another key (an impostor
    at that address, or a forged answer) gets its bundle, but the app does not mark it delivered."""
    from review_model import crypto
    from review_model.identity import IDENTITY_FORMAT

    seed = crypto.new_seed()
    raw = crypto.public_key_of(seed)
    other = json.dumps({"format": IDENTITY_FORMAT, "format_version": 1, "name": "区人社局受理服务", "role": "intake",
                        "public_key_pem": crypto.public_pem(raw), "fingerprint": crypto.fingerprint(raw),
                        "created_at": "2026-06-01T00:00:00+00:00"}).encode()
    round_ = make_sync_round(tmp_path / "round", intake, intake_pub=other)  # the session's intake: SQLite and PostgreSQL
    home = signed_home(round_, "E02", tmp_path / "E02")
    done, report = _sync(home)
    assert done.returncode == 1
    assert report["items"][0]["state"] == "waiting" and report["items"][0]["last_error"] == "receipt_invalid"
    assert "receipt" in done.stderr.lower() and "Traceback" not in done.stderr
    from sqlalchemy import select

    from review_model.store.models import OutboxBundle
    with home.store.read() as session:
        assert session.scalars(select(OutboxBundle)).one().receipt is None


def test_an_unreachable_intake_leaves_items_waiting_with_backoff(sqlite_intake, tmp_path):
    from tests.support.intake import free_port

    round_ = make_sync_round(tmp_path / "round", sqlite_intake, url=f"http://127.0.0.1:{free_port()}")
    home = signed_home(round_, "E02", tmp_path / "E02")
    reviewer = Reviewer.open(home)
    outbox = Outbox(home, intake_target(home), lambda: signing_key(home, person_id=reviewer.expert_id),
                    attempts=1)
    first = outbox.send()
    assert first.problem.code == Code.INTAKE_UNREACHABLE and first.pending == 1
    item = items(home)[0]
    assert item.state is OutboxState.WAITING and item.attempts == 1 and item.next_try_at is not None
    assert outbox.send().delivered == 0 and items(home)[0].attempts == 1  # not due yet: not tried
    outbox.send(force=True)
    later = items(home)[0]
    assert later.attempts == 2 and (later.next_try_at - later.created_at) > (item.next_try_at - item.created_at)
    # the same bundle, through --url to the real intake: delivered
    done, report = _sync(home, "--url", sqlite_intake.url)
    assert done.returncode == 0, done.stderr
    assert report["items"][0]["state"] == "delivered"


def test_sync_without_an_intake_in_the_package_says_so(small_round, tmp_path):
    home = expert_home(small_round, "E02", tmp_path / "E02")
    complete_sheet(Reviewer.open(home), "A01")
    done = reviewdesk("--home", home.root, "--lang", "en", "sync")
    assert done.returncode == 1 and "names no intake" in done.stderr and "Traceback" not in done.stderr


def _bureau_key(round_):
    from review_model.home import Home

    with Home(round_.homes["B01"]) as bureau:
        return signing_key(bureau, person_id="B01")


def _round_id(home) -> str:
    from review_model.imported_round import round_info

    return round_info(home).round_id


def _bundles(intake, round_, home) -> list:
    with intake.client() as client:
        client.login(_bureau_key(round_))
        return client.bundles(_round_id(home))


