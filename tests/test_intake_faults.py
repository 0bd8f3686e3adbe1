"""Real faults between an expert's laptop and the bureau's intake, each on SQLite and on PostgreSQL:
the server SIGKILLed mid-upload and restarted, connections cut at random byte offsets, 500/503
answers, a full disk, a client that goes silent. Nothing lost, nothing duplicated."""
from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import threading
import time

import httpx
import pytest

from review_model.errors import Code, Problem
from review_model.sync.receipt import check_receipt
from tests.support.intake import FaultyProxy, make_intake_round, start_intake, with_photos
from tests.support.panel_round import Sheet

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def own_intake(intake_backend, tmp_path_factory):
    """An intake of this module's own (it gets killed), pausing silent transfers after 2 s."""
    running = start_intake(tmp_path_factory.mktemp(f"own-{intake_backend.name}"), intake_backend,
                           "--idle-timeout", "2")
    yield running
    assert running.process.stop() == 0  # SIGTERM: a clean stop
    assert "Traceback" not in running.process.errors()


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A 50 MB return bundle (site photos) and a small one, for a round of their own."""
    root = tmp_path_factory.mktemp("big")
    round_ = make_intake_round(root / "round", f"2026-BIG-{os.getpid()}")
    small = round_.bundle("E02", {"A01": [Sheet("35", "25", "20")]}, name="E02-small.rvret")
    plain = round_.bundle("E03", {"A01": [Sheet("30", "25", "20")]}, name="E03.rvret")
    large = with_photos(plain, root / "E03-photos.rvret", round_.panel.keys["E03"], round_.package, 50)
    return round_, small, large


def _round_id(round_) -> str:
    from review_model.exchange.package import open_package

    with open_package(round_.package) as package:
        return package.round.round_id


def _held(running, round_) -> list[dict]:
    with running.client() as client:
        client.login(round_.bureau)
        return client.bundles(_round_id(round_))


def test_the_server_killed_mid_upload_resumes_after_restart_and_loses_nothing(own_intake, big):
    round_, small, large = big
    own_intake.add(round_)
    with own_intake.client() as client:
        kept = client.deliver(small)
    port = own_intake.process.port
    first_pid = own_intake.process.process.pid
    pieces = [0]  # progress is told once per piece written (256 KiB)
    killed = threading.Event()

    def progress(sent: int, size: int) -> None:
        pieces[0] += 1
        if sent > size * 0.4 and not killed.is_set():
            killed.set()
            own_intake.process.kill()  # as the OOM killer or a power cut would
            threading.Thread(target=lambda: (time.sleep(1.5), own_intake.process.start(port=port)), daemon=True).start()

    with own_intake.client(attempts=40, backoff=0.2, backoff_cap=1.0) as client:
        delivery = client.deliver(large, progress=progress)
    assert killed.is_set() and own_intake.process.process.pid != first_pid and delivery.status == "accepted"
    assert delivery.receipt.file_sha256 == hashlib.sha256(large.read_bytes()).hexdigest()
    from review_model.sync.client import PIECE

    assert pieces[0] * PIECE < large.stat().st_size * 1.25  # resumed: not sent again from 0 (that is ≥ 1.4×)
    held = {b["file_sha256"]: b for b in _held(own_intake, round_)}
    assert set(held) == {kept.receipt.file_sha256, delivery.receipt.file_sha256}  # nothing lost, nothing twice
    with own_intake.client() as client:
        again = client.receipt(kept.receipt.file_sha256)
    assert again.receipt_bytes == kept.receipt_bytes


def test_a_silent_client_is_paused_and_does_not_hold_the_server(own_intake, big):
    round_, small, _ = big
    own_intake.add(round_)
    data = small.read_bytes()
    created = httpx.post(f"{own_intake.url}/v1/uploads", json={"sha256": hashlib.sha256(data).hexdigest(),
                                                                "size": len(data)})
    if created.status_code == 200:  # delivered by the test before: any upload of new bytes will do
        data = data + b"\0"
        created = httpx.post(f"{own_intake.url}/v1/uploads", json={"sha256": hashlib.sha256(data).hexdigest(),
                                                                    "size": len(data)})
    path = created.json()["upload_url"]
    with socket.create_connection(("127.0.0.1", own_intake.process.port), timeout=15) as slow:
        slow.sendall(f"PATCH {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/offset+octet-stream\r\n"
                     f"Upload-Offset: 0\r\nContent-Length: {len(data)}\r\n\r\n".encode() + data[:1000])
        assert httpx.get(f"{own_intake.url}/v1/health", timeout=5).status_code == 200  # others are served meanwhile
        started = time.monotonic()
        answer = slow.recv(4096)  # the intake answers (or closes) after its idle timeout, not never
        assert time.monotonic() - started < 10
    assert answer == b"" or answer.startswith(b"HTTP/1.1 ")
    assert httpx.head(f"{own_intake.url}{path}").headers["Upload-Offset"] == "1000"  # what came is kept


def test_a_50_mb_bundle_gets_through_a_link_that_drops_every_few_mb(intake, big):
    round_, _, large = big
    intake.add(round_)
    proxy = FaultyProxy(intake.process.port, cut=(1 << 20, 4 << 20), seed=7)
    try:
        with intake.client(url=proxy.url, attempts=10) as client:
            delivery = client.deliver(large)
    finally:
        proxy.close()
    assert proxy.cuts >= 10  # 50 MB in pieces of 1–4 MB
    assert delivery.receipt.file_sha256 == hashlib.sha256(large.read_bytes()).hexdigest()
    with intake.client() as client:
        client.login(round_.bureau)
        assert client.download(_round_id(round_), delivery.receipt.file_sha256) == large.read_bytes()


@pytest.mark.parametrize("status", [500, 503])
def test_500_and_503_answers_are_retried_and_the_bundle_is_kept_once(intake, intake_round, status):
    bundle = intake_round.bundle("E02", {"A01": [Sheet("35", "25", "20")]})
    proxy = FaultyProxy(intake.process.port, fail_first=4, status=status)
    try:
        with intake.client(url=proxy.url) as client:
            delivery = client.deliver(bundle)
    finally:
        proxy.close()
    assert proxy.failed == 4 and delivery.status == "accepted"
    with intake.client() as client:
        assert client.deliver(bundle).receipt_bytes == delivery.receipt_bytes
    assert len(_held(intake, intake_round)) == 1


def test_an_intake_that_keeps_failing_is_reported_not_taken_for_delivered(intake, intake_round):
    bundle = intake_round.bundle("E02", {"A01": [Sheet("35", "25", "20")]})
    proxy = FaultyProxy(intake.process.port, fail_first=1000, status=503)
    try:
        with intake.client(url=proxy.url, attempts=3) as client, pytest.raises(Problem) as caught:
            client.deliver(bundle)
    finally:
        proxy.close()
    assert caught.value.code == Code.INTAKE_UNREACHABLE and "503" in caught.value.params["detail"]


@pytest.fixture
def small_disk(tmp_path):
    if os.geteuid() != 0:
        if os.environ.get("REVIEWDESK_REQUIRE_TOOLS") == "1":
            pytest.fail("the full-disk test mounts a tmpfs and needs root in CI")
        pytest.skip("mounting a small tmpfs needs root")
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96m", "tmpfs", str(mount)], check=True)
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_refuses_cleanly_and_loses_nothing_already_accepted(intake_backend, small_disk, tmp_path):
    round_ = make_intake_round(tmp_path / "round", f"2026-DISK-{os.getpid()}")
    kept_path = round_.bundle("E02", {"A01": [Sheet("35", "25", "20")]})
    plain = round_.bundle("E03", {"A01": [Sheet("30", "25", "20")]}, name="E03.rvret")
    later = with_photos(plain, tmp_path / "E03-photos.rvret", round_.panel.keys["E03"], round_.package, 8)
    running = start_intake(small_disk / "home", intake_backend)
    try:
        running.add(round_)
        with running.client() as client:
            kept = client.deliver(kept_path)
        data = later.read_bytes()
        created = httpx.post(f"{running.url}/v1/uploads",
                             json={"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
        assert created.status_code == 201
        filler = small_disk / "filler"
        with open(filler, "wb") as handle:  # the disk fills up meanwhile (logs, another program)
            try:
                while True:
                    handle.write(b"\0" * (1 << 20))
                    handle.flush()
            except OSError:
                pass
        answer = httpx.patch(f"{running.url}{created.json()['upload_url']}", content=data,
                             headers={"Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"})
        assert answer.status_code == 507 and answer.json()["error"] == "disk_full"
        with running.client(attempts=2, backoff_cap=0.2) as client, pytest.raises(Problem) as caught:
            client.deliver(later)
        assert caught.value.code == Code.INTAKE_DISK_FULL
        # what was accepted before is all there: its receipt now, the file once there is room to log in
        served = httpx.get(f"{running.url}/v1/receipts/{kept.receipt.file_sha256}.json").content
        assert served == kept.receipt_bytes
        check_receipt(served, kept.signature, running.public_key(), kept.receipt.file_sha256)
        filler.unlink()
        with running.client() as client:
            client.login(round_.bureau)
            assert client.download(_round_id(round_), kept.receipt.file_sha256) == kept_path.read_bytes()
        with running.client() as client:
            assert client.deliver(later).status == "accepted"
        assert len(_held(running, round_)) == 2
    finally:
        running.process.stop()


SENDER = """
import sys, time
from pathlib import Path
from review_model.sync.client import IntakeClient
url, key, bundle, note = sys.argv[1], bytes.fromhex(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
with IntakeClient(url, key) as client:
    client.deliver(bundle, progress=lambda done, total: time.sleep(0.02),  # a slow link
                   on_upload=lambda upload: note.write_text(upload))
"""


def test_a_client_killed_while_sending_resumes_its_transfer_after_restart(intake, big, tmp_path):
    import sys

    round_, _, _ = big
    intake.add(round_)
    plain = round_.bundle("E02", {"A02": [Sheet("30", "25", "20")]}, name="E02-for-photos.rvret")
    large = with_photos(plain, tmp_path / "E02-photos.rvret", round_.panel.keys["E02"], round_.package, 30)
    note = tmp_path / "upload-url"
    sender = subprocess.Popen([sys.executable, "-c", SENDER, intake.url, intake.public_key().hex(), str(large),
                               str(note)], env=os.environ.copy())
    deadline = time.monotonic() + 60
    offset = 0
    while offset < large.stat().st_size // 3:
        assert time.monotonic() < deadline and sender.poll() is None, "the sender finished or stalled"
        time.sleep(0.2)
        if note.exists():
            offset = int(httpx.head(f"{intake.url}{note.read_text()}").headers["Upload-Offset"])
    sender.kill()  # SIGKILL: the laptop's battery, or the app killed by the OS
    sender.wait(10)
    held = int(httpx.head(f"{intake.url}{note.read_text()}").headers["Upload-Offset"])
    starts: list[int] = []
    with intake.client() as client:
        delivery = client.deliver(large, progress=lambda done, total: starts.append(done) if not starts else None,
                                  upload_url=note.read_text())
    assert delivery.status == "accepted" and delivery.receipt.file_sha256 == hashlib.sha256(large.read_bytes()).hexdigest()
    assert starts[0] > held  # went on from what the intake held, not from 0
