"""From the experts' signatures to the chair's signed result without a file carried by hand:
`sync` from every member, `chair pull`, `chair compile` (SQLite and PostgreSQL intakes); and a
client SIGKILLed while sending resumes the same transfer after restart."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import threading
import time
import zipfile

import httpx
import pytest
from sqlalchemy import select

from review_model.home import Home
from review_model.store.models import OutboxBundle
from tests.support.cli import reviewdesk
from tests.support.intake import ROOT, reviewdesk_command, start_intake
from tests.support.sync_round import make_sync_round, signed_home

pytestmark = pytest.mark.slow

APPLICANTS = ("A01", "A02", "A03")


def test_sync_from_every_member_then_chair_pull_then_compile_gives_a_result_that_verifies(intake, tmp_path):
    round_ = make_sync_round(tmp_path / "round", intake)
    homes = {person: signed_home(round_, person, tmp_path / person, APPLICANTS) for person in ("E01", "E02", "E03")}
    for person, home in homes.items():
        done = reviewdesk("--home", home.root, "--lang", "en", "sync")
        assert done.returncode == 0, (person, done.stderr)
    chair = homes["E01"].root
    pulled = reviewdesk("--home", chair, "--lang", "en", "chair", "pull")
    assert pulled.returncode == 0, pulled.stderr
    assert "3 bundles on the intake, 3 fetched now, 3 imported" in pulled.stdout
    again = reviewdesk("--home", chair, "--lang", "en", "chair", "pull")
    assert again.returncode == 0 and "0 fetched now, 0 imported" in again.stdout
    out = tmp_path / "result"
    compiled = reviewdesk("--home", chair, "--lang", "en", "chair", "compile", round_.package, "-o", out)
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    result = next(out.glob("*.rvres"))
    verified = reviewdesk("--lang", "en", "verify", result, "--package", round_.package)
    assert verified.returncode == 0, verified.stderr
    with zipfile.ZipFile(result) as zf:
        data = json.loads(zf.read("result.json"))
    totals = {a["applicant_id"]: a["expert_totals"] for a in data["applicants"]}
    assert all(v is not None for t in totals.values() for v in t.values()) and len(totals["A01"]) == 3


class SlowProxy:
    """Forwards to the intake at `rate` bytes/s from the client (a poor hotel link), counting them."""

    def __init__(self, upstream_port: int, rate: int | None) -> None:
        self.upstream_port, self.rate, self.sent = upstream_port, rate, 0
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.upstream_port))

        def back() -> None:
            try:
                while data := upstream.recv(65536):
                    client.sendall(data)
            except OSError:
                pass
            client.close()

        threading.Thread(target=back, daemon=True).start()
        try:
            while data := client.recv(4096 if self.rate else 65536):
                self.sent += len(data)
                upstream.sendall(data)
                if self.rate:
                    time.sleep(len(data) / self.rate)
        except OSError:
            pass
        upstream.close()

    def close(self) -> None:
        self._server.close()


def test_the_client_sigkilled_while_sending_resumes_the_same_transfer_after_restart(intake_backend, tmp_path_factory,
                                                                                   tmp_path):
    intake = start_intake(tmp_path_factory.mktemp(f"kill-intake-{intake_backend.name}"), intake_backend)
    try:
        round_ = make_sync_round(tmp_path / "round", intake)
        home = signed_home(round_, "E02", tmp_path / "E02", APPLICANTS)
        slow = SlowProxy(intake.process.port, rate=24_000)
        sender = subprocess.Popen(reviewdesk_command("--home", home.root, "sync", "--url", slow.url), cwd=ROOT,
                                  env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True)
        size, url, offset = 0, None, 0
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and sender.poll() is None:
            with home.store.read() as session:
                bundle = session.scalars(select(OutboxBundle)).first()
            if bundle is not None and bundle.upload_url:
                size, url = bundle.size, bundle.upload_url
                offset = int(httpx.head(intake.url + url).headers.get("upload-offset", "0"))
                if offset >= size // 2:
                    break
            time.sleep(0.05)
        assert url and size // 2 <= offset < size, (offset, size)
        os.killpg(sender.pid, signal.SIGKILL)  # the laptop's lid closed mid-transfer
        sender.wait(10)
        slow.close()
        counted = SlowProxy(intake.process.port, rate=None)
        done = reviewdesk("--home", home.root, "--lang", "en", "sync", "--url", counted.url, "--json")
        assert done.returncode == 0, done.stderr
        assert {i["state"] for i in json.loads(done.stdout)["items"]} == {"delivered"}
        with Home(home.root) as reopened, reopened.store.read() as session:
            bundles = list(session.scalars(select(OutboxBundle)))
        assert len(bundles) == 1 and bundles[0].upload_url == url  # the same file, the same transfer
        assert counted.sent < size - offset + 4096  # only the rest went over the wire again
        counted.close()
    finally:
        assert intake.process.stop() == 0
