"""The bureau's intake service, a real `reviewdesk intake serve` process on SQLite and on PostgreSQL:
bundles accepted with a signed receipt, superseded, kept as history, refused with a reason; reads
only for the round's chair and bureau; bounds on what an upload may cost."""
from __future__ import annotations

import hashlib
import io
import json
import struct
import zipfile

import httpx
import pytest

from review_model import crypto
from review_model.errors import Code, Problem
from review_model.exchange.container import SigningKey
from review_model.sync.client import IntakeClient
from review_model.sync.receipt import check_receipt
from tests.support.cli import reviewdesk
from tests.support.panel_round import Sheet
from tests.support.tamper import resign


def _refusal(client: IntakeClient, path) -> Problem:
    with pytest.raises(Problem) as caught:
        client.deliver(path)
    assert caught.value.code == Code.INTAKE_REFUSED, caught.value
    return caught.value


def _state(intake, round_, reader: SigningKey | None = None) -> dict:
    with intake.client() as client:
        client.login(reader or round_.bureau)
        view = client.state(round_.panel.package and _round_id(round_))
    return {(c["expert_id"], c["applicant_id"]): c for c in view["cells"]}


def _round_id(round_) -> str:
    from review_model.exchange.package import open_package

    with open_package(round_.package) as package:
        return package.round.round_id


def test_a_signed_bundle_is_accepted_with_a_receipt_signed_over_its_hash(intake, intake_round):
    bundle = intake_round.bundle("E02", {"A01": [Sheet("35", "25", "20")], "A02": [Sheet("30", "20", "20")]})
    with intake.client() as client:
        delivery = client.deliver(bundle)
    receipt = delivery.receipt
    assert delivery.status == "accepted"
    assert receipt.file_sha256 == hashlib.sha256(bundle.read_bytes()).hexdigest()
    assert receipt.size == bundle.stat().st_size and receipt.signer_id == "E02" and receipt.seq >= 1
    assert [(s.applicant_id, s.revision) for s in receipt.sheets] == [("A01", 1), ("A02", 1)]
    assert receipt.disposition == "current"
    # the receipt checks with the intake's public key alone, byte for byte as served
    served = httpx.get(f"{intake.url}/v1/receipts/{receipt.file_sha256}.json").content
    signature = httpx.get(f"{intake.url}/v1/receipts/{receipt.file_sha256}.sig").text.strip()
    assert served == delivery.receipt_bytes
    assert check_receipt(served, signature, intake.public_key(), receipt.file_sha256) == receipt
    cells = _state(intake, intake_round)
    assert (cells[("E02", "A01")]["state"], cells[("E02", "A01")]["revision"]) == ("delivered", 1)
    assert cells[("E02", "A03")]["state"] == "missing"
    # the stored file is the very bytes sent, readable by the bureau
    with intake.client() as client:
        client.login(intake_round.bureau)
        assert client.download(_round_id(intake_round), receipt.file_sha256) == bundle.read_bytes()


def test_the_same_bytes_twice_get_the_same_receipt(intake, intake_round):
    bundle = intake_round.bundle("E02", {"A01": [Sheet("35", "25", "20")]})
    with intake.client() as client:
        first = client.deliver(bundle)
        second = client.deliver(bundle)
    assert (first.status, second.status) == ("accepted", "already")
    assert second.receipt_bytes == first.receipt_bytes and second.signature == first.signature
    with intake.client() as client:
        client.login(intake_round.bureau)
        assert len(client.bundles(_round_id(intake_round))) == 1


def test_an_amendment_supersedes_and_an_older_bundle_arriving_late_is_kept_as_history(intake, intake_round):
    r1 = Sheet("35", "25", "20")
    older = intake_round.bundle("E02", {"A01": [r1]}, name="E02-first.rvret")
    newer = intake_round.bundle("E02", {"A01": [r1, Sheet("30", "25", "20", amend_reason="按组长要求复核第1.1项")]},
                                name="E02-second.rvret")
    with intake.client() as client:
        assert client.deliver(newer).receipt.disposition == "current"
        late = client.deliver(older)  # the outbox of a second laptop, or a replay
    assert late.status == "accepted" and late.receipt.disposition == "history"
    cell = _state(intake, intake_round)[("E02", "A01")]
    assert (cell["state"], cell["revision"], cell["revisions"]) == ("delivered", 2, [1, 2])
    with intake.client() as client:
        client.login(intake_round.bureau)
        listed = client.bundles(_round_id(intake_round))
    assert sorted((b["current"], b["seq"]) for b in listed)[0][0] is False  # the late one is history


def test_different_bytes_claiming_a_revision_already_received_are_refused_as_a_conflict(intake, intake_round):
    sent = intake_round.bundle("E02", {"A01": [Sheet("35", "25", "20")]}, name="E02-a.rvret")
    other = intake_round.bundle("E02", {"A01": [Sheet("20", "25", "20")]}, name="E02-b.rvret")  # r1 again, other scores
    with intake.client() as client:
        client.deliver(sent)
        problem = _refusal(client, other)
        assert (problem.params["reason"], problem.params["applicant"], problem.params["revision"]) == (
            "revision_conflict", "A01", "1")
        assert _refusal(client, other).params == problem.params  # the same bytes: the same answer
    cell = _state(intake, intake_round)[("E02", "A01")]
    assert (cell["state"], cell["revision"]) == ("delivered", 1)
    assert [r["reason"] for r in cell["refusals"]] == ["revision_conflict"]


def test_a_sheet_for_an_applicant_not_assigned_is_refused(intake, intake_round):
    bundle = intake_round.bundle("E03", {"A03": [Sheet("35", "25", "20")]})  # E03 scores A01 and A02 only
    with intake.client() as client:
        problem = _refusal(client, bundle)
    assert (problem.params["reason"], problem.params["applicant"]) == ("not_assigned", "A03")
    with intake.client() as client:
        client.login(intake_round.bureau)
        view = client.state(_round_id(intake_round))
    assert [(r["expert_id"], r["reason"]) for r in view["refusals"]] == [("E03", "not_assigned")]


def test_a_bundle_from_someone_not_in_the_package_is_refused(intake, intake_round, tmp_path):
    bundle = intake_round.bundle("E02", {"A01": [Sheet("35", "25", "20")]})
    stranger = SigningKey("E02", "专家02", "expert", crypto.new_seed())  # the same name and id, another key
    forged = resign(bundle, tmp_path / "forged.rvret", stranger, lambda members: None)
    with intake.client() as client:
        assert _refusal(client, forged).params["reason"] == "not_in_package"
    assert _state(intake, intake_round)[("E02", "A01")]["state"] == "missing"


def test_a_sheet_after_a_declared_conflict_is_refused(intake, intake_round):
    declared = intake_round.bundle("E03", {"A01": [Sheet("35", "25", "20")]}, conflicts={"A02": "近三年曾任该单位技术顾问"},
                                   name="E03-a.rvret")
    later = intake_round.bundle("E03", {"A01": [Sheet("35", "25", "20")], "A02": [Sheet("30", "20", "20")]},
                                name="E03-b.rvret")  # a sheet for A02 after all, the declaration left out
    with intake.client() as client:
        assert client.deliver(declared).receipt.conflicts == ["A02"]
        problem = _refusal(client, later)
    assert (problem.params["reason"], problem.params["applicant"]) == ("conflict_declared", "A02")
    cells = _state(intake, intake_round)
    assert cells[("E03", "A02")]["state"] == "conflict"
    assert cells[("E03", "A01")]["state"] == "delivered"


def test_damaged_files_bad_signatures_and_unknown_rounds_are_refused_with_their_reason(intake, intake_round, tmp_path):
    from tests.support.intake import make_intake_round

    garbage = tmp_path / "garbage.rvret"
    garbage.write_bytes(b"PK\x03\x04 not really a zip" * 100)
    bundle = intake_round.bundle("E02", {"A01": [Sheet("35", "25", "20")]})
    signature = tmp_path / "badsig.rvret"
    with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(signature, "w") as out:
        for info in source.infolist():
            data = source.read(info) if info.filename != "manifest.sig" else crypto.b64(b"\0" * 64).encode()
            out.writestr(info, data)
    elsewhere = make_intake_round(tmp_path / "other", "2026-NOT-HERE").bundle("E02", {"A01": [Sheet("35", "25", "20")]})
    with intake.client() as client:
        assert _refusal(client, garbage).params["reason"] == "not_a_bundle"
        assert _refusal(client, signature).params["reason"] == "signature_bad"
        assert _refusal(client, elsewhere).params["reason"] == "unknown_round"


# --- receipts the app must not believe -------------------------------------------------------------
def test_a_forged_or_misdirected_receipt_is_never_taken_for_delivery(intake, intake_round, tmp_path):
    """A hostile or broken 'intake' answers with receipts that are not the intake's own for this file."""
    bundle = intake_round.bundle("E02", {"A01": [Sheet("35", "25", "20")]})
    other = intake_round.bundle("E02", {"A02": [Sheet("30", "20", "20")]}, name="other.rvret")
    with intake.client() as client:
        genuine_other = client.deliver(other)  # a real receipt, for another file
    impostor = crypto.new_seed()
    forged = json.loads(genuine_other.receipt_bytes)
    forged["file_sha256"] = hashlib.sha256(bundle.read_bytes()).hexdigest()
    forged["size"] = bundle.stat().st_size
    from review_model.signing.document import canonical_bytes

    forged_bytes = canonical_bytes(forged)
    answers = {
        "replayed receipt for another file": (genuine_other.receipt_bytes, genuine_other.signature),
        "signed by another key": (forged_bytes, crypto.b64(crypto.sign(impostor, forged_bytes))),
        "altered after signing": (forged_bytes, genuine_other.signature),
    }
    for label, (receipt, signature) in answers.items():
        def hostile(request: httpx.Request, receipt=receipt, signature=signature) -> httpx.Response:
            return httpx.Response(200, json={"outcome": "accepted", "receipt": receipt.decode(), "signature": signature})

        client = IntakeClient("http://intake.invalid", intake.public_key(), transport=httpx.MockTransport(hostile))
        with pytest.raises(Problem) as caught:
            client.deliver(bundle)
        assert caught.value.code == Code.RECEIPT_INVALID, label


# --- reads ----------------------------------------------------------------------------------------
def test_only_the_rounds_chair_and_bureau_read_its_bundles(intake, intake_round):
    bundle = intake_round.bundle("E02", {"A01": [Sheet("35", "25", "20")]})
    with intake.client() as client:
        digest = client.deliver(bundle).receipt.file_sha256
    round_id = _round_id(intake_round)
    with intake.client() as chair:
        assert round_id in chair.login(intake_round.panel.keys["E01"])
        assert [b["file_sha256"] for b in chair.bundles(round_id)] == [digest]
    with intake.client() as member:
        with pytest.raises(Problem) as caught:
            member.login(intake_round.panel.keys["E02"])  # an expert reads nothing, not even their own
        assert caught.value.code == Code.INTAKE_READ_DENIED
    # no token, a made-up token, a replayed challenge: nothing
    assert httpx.get(f"{intake.url}/v1/rounds/{round_id}/bundles").status_code == 403
    headers = {"Authorization": "Bearer " + "A" * 43}
    assert httpx.get(f"{intake.url}/v1/rounds/{round_id}/bundles/{digest}", headers=headers).status_code == 403
    challenge = httpx.post(f"{intake.url}/v1/challenge").json()["challenge"]
    from service.auth import read_message

    key = intake_round.bureau
    body = {"public_key_pem": crypto.public_pem(key.public_raw), "challenge": challenge,
            "signature": crypto.b64(crypto.sign(key.seed, read_message(crypto.fingerprint(intake.public_key()),
                                                                        challenge)))}
    assert httpx.post(f"{intake.url}/v1/session", json=body).status_code == 200
    assert httpx.post(f"{intake.url}/v1/session", json=body).status_code == 403  # single use


# --- bounds ---------------------------------------------------------------------------------------
def _zip(entries: list[tuple[str, bytes]], compress=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compress) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.slow
def test_bounds_refuse_oversized_uploads_member_floods_and_zip_bombs_before_reading_them(intake, tmp_path):
    with intake.client() as client:
        answer = httpx.post(f"{intake.url}/v1/uploads", json={"sha256": "0" * 64, "size": 10 << 30})
        assert answer.status_code == 413  # 10 GiB announced: refused before a byte is sent
        flood = tmp_path / "flood.rvret"
        flood.write_bytes(_zip([("manifest.json", b"{}"), ("manifest.sig", b"")] +
                               [(f"photos/{i:064x}.jpg", b"x") for i in range(6000)]))
        assert _refusal(client, flood).params["reason"] == "too_large"
        bomb = tmp_path / "bomb.rvret"
        bomb.write_bytes(_zip([("manifest.json", b"{}"), ("manifest.sig", b""), ("return.json", b"\0" * (300 << 20))]))
        assert bomb.stat().st_size < 1 << 20
        assert _refusal(client, bomb).params["reason"] == "too_large"
        # sizes that lie: a small deflated member whose directory entry claims 400 MB (ratio under 200:1),
        # ten of them: 4 GB to hold in memory if the reader believed it
        liar = tmp_path / "liar.rvret"
        data = bytearray(_zip([("manifest.json", b"{}"), ("manifest.sig", b"")] +
                              [(f"photos/{i:064x}.jpg", bytes(range(256)) * 9000) for i in range(10)]))
        at = 0
        while (at := data.find(b"PK\x01\x02", at)) >= 0:
            if data[at + 46:at + 52] == b"photos":
                struct.pack_into("<I", data, at + 24, 400_000_000)  # uncompressed size in the central directory
            at += 4
        liar.write_bytes(bytes(data))
        assert _refusal(client, liar).params["reason"] == "too_large"
    health = httpx.get(f"{intake.url}/v1/health")
    assert health.status_code == 200  # still serving


def test_more_bytes_than_announced_are_refused_and_not_written(intake):
    created = httpx.post(f"{intake.url}/v1/uploads", json={"sha256": "1" * 64, "size": 1000}).json()
    url = f"{intake.url}{created['upload_url']}"
    answer = httpx.patch(url, content=b"x" * 5000, headers={"Content-Type": "application/offset+octet-stream",
                                                            "Upload-Offset": "0"})
    assert answer.status_code == 413
    assert int(httpx.head(url).headers["Upload-Offset"]) <= 1000
    wrong = httpx.patch(url, content=b"x", headers={"Content-Type": "application/offset+octet-stream",
                                                    "Upload-Offset": "7"})
    assert wrong.status_code == 409 and wrong.headers["Upload-Offset"] == httpx.head(url).headers["Upload-Offset"]


# --- the bureau's command line ---------------------------------------------------------------------
@pytest.mark.slow
def test_intake_status_lists_each_applicant_and_expert(intake, intake_round):
    with intake.client() as client:
        client.deliver(intake_round.bundle("E02", {"A01": [Sheet("35", "25", "20")]}))
        client.deliver(intake_round.bundle("E03", {"A01": [Sheet("35", "25", "20")]}, conflicts={"A02": "亲属关系"}))
        with pytest.raises(Problem):
            client.deliver(intake_round.bundle("E03", {"A03": [Sheet("35", "25", "20")]}, name="E03-bad.rvret"))
    shown = reviewdesk("--home", intake.home, "intake", "status", "--db", intake.db_url, "--json")
    assert shown.returncode == 0, shown.stderr
    view = next(r for r in json.loads(shown.stdout)["rounds"] if r["round_id"] == _round_id(intake_round))
    cells = {(c["expert_id"], c["applicant_id"]): c["state"] for c in view["cells"]}
    assert cells[("E02", "A01")] == "delivered" and cells[("E03", "A02")] == "conflict"
    assert cells[("E01", "A01")] == "missing"
    assert [r["reason"] for r in view["refusals"]] == ["not_assigned"]
    text = reviewdesk("--home", intake.home, "intake", "status", "--db", intake.db_url)
    assert "E03" in text.stdout and "未分配" in text.stdout  # Chinese by default


def test_concurrent_uploads_get_one_receipt_each_numbered_without_gaps_and_a_race_on_a_revision_has_one_winner(
        intake, intake_round):
    from concurrent.futures import ThreadPoolExecutor

    distinct = [intake_round.bundle(e, {a: [Sheet("35", "25", "20")]}, name=f"{e}-{a}-{n}.rvret")
                for n, (e, a) in enumerate([("E01", "A01"), ("E01", "A02"), ("E01", "A03"), ("E02", "A02"),
                                            ("E02", "A03"), ("E03", "A01")])]
    twice = intake_round.bundle("E03", {"A02": [Sheet("30", "20", "20")]}, name="E03-A02.rvret")
    rival_a = intake_round.bundle("E02", {"A01": [Sheet("35", "25", "20")]}, name="E02-A01-a.rvret")
    rival_b = intake_round.bundle("E02", {"A01": [Sheet("25", "25", "20")]}, name="E02-A01-b.rvret")

    def send(path):
        with intake.client() as client:
            try:
                return client.deliver(path)
            except Problem as problem:
                return problem

    jobs = distinct + [twice] * 3 + [rival_a, rival_b]
    with ThreadPoolExecutor(len(jobs)) as pool:
        results = list(pool.map(send, jobs))
    receipts = [r for r in results[:len(distinct)]]
    assert all(not isinstance(r, Problem) for r in receipts), receipts
    same = results[len(distinct):len(distinct) + 3]
    assert len({r.receipt_bytes for r in same}) == 1  # the same bytes three times at once: one receipt
    rivals = results[-2:]
    winners = [r for r in rivals if not isinstance(r, Problem)]
    losers = [r for r in rivals if isinstance(r, Problem)]
    assert len(winners) == 1 and losers[0].params["reason"] == "revision_conflict"
    numbers = sorted(r.receipt.seq for r in receipts + same[:1] + winners)
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))  # distinct, no gaps
    with intake.client() as client:
        client.login(intake_round.bureau)
        assert len(client.bundles(_round_id(intake_round))) == len(numbers)  # nothing twice
