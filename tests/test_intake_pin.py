"""Issue 12, transport: the package may pin the intake's TLS certificate (round.json `intake.tls_sha256`,
SHA-256 of its DER). The app then trusts that certificate, self-signed as a bureau's own is, and no
other: a server at the intake's address with another certificate gets no byte of any bundle."""
from __future__ import annotations

import json
import zipfile

import pytest

from review_model.sync.outbox import OutboxState, items
from tests.support.cli import reviewdesk
from tests.support.intake import Backend, start_intake
from tests.support.sync_round import make_sync_round, signed_home
from tests.support.tls import der_sha256, self_signed

pytestmark = pytest.mark.slow  # a real intake process over real TLS, real signing


def _sync(home):
    done = reviewdesk("--home", home.root, "--lang", "en", "sync", "--json")
    return done, json.loads(done.stdout) if done.stdout.strip() else None


def _accepted(intake_home) -> int:
    status = reviewdesk("--home", intake_home, "intake", "status", "--json")
    assert status.returncode == 0, status.stderr
    return sum(len(r["bundles"]) for r in json.loads(status.stdout)["rounds"])


def test_a_pinned_intake_gets_the_bundle_over_tls_and_another_certificate_at_its_address_gets_nothing(tmp_path):
    cert, key = self_signed(tmp_path / "tls")
    pin = der_sha256(cert)
    running = start_intake(tmp_path / "intake", Backend("sqlite"), "--tls-cert", cert, "--tls-key", key)
    try:
        assert running.url.startswith("https://127.0.0.1:")
        # the bureau pins it as `openssl x509 -noout -fingerprint -sha256` prints it
        round_ = make_sync_round(tmp_path / "round", running, tls_sha256=":".join(
            pin[i:i + 2] for i in range(0, 64, 2)).upper())
        with zipfile.ZipFile(round_.package) as package:  # the signed package carries the pin, as hex
            assert json.loads(package.read("round.json"))["intake"]["tls_sha256"] == pin
        home = signed_home(round_, "E02", tmp_path / "E02")
        done, report = _sync(home)
        assert done.returncode == 0, done.stderr
        assert [i["state"] for i in report["items"]] == ["delivered"]  # no CA signs it: the pin does
        assert _accepted(running.home) == 1

        # the same address, the same intake even, now with another certificate (as an impostor would have)
        other_cert, other_key = self_signed(tmp_path / "other", "假冒受理服务")
        port = running.process.port
        assert running.process.stop() == 0
        running.process.extra = ("--tls-cert", str(other_cert), "--tls-key", str(other_key))
        running.process.start(port=port)
        other = signed_home(round_, "E03", tmp_path / "E03")
        done, report = _sync(other)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "is not the bureau's intake" in done.stderr and der_sha256(other_cert) in done.stderr
        assert [i.state for i in items(other)] == [OutboxState.WAITING]  # not delivered, kept to send
        assert _accepted(running.home) == 1  # nothing of E03's arrived
    finally:
        running.process.stop()
    assert "Traceback" not in running.process.errors()


def test_an_unpinned_package_is_as_before_and_syncs_over_plain_http_on_loopback(tmp_path):
    running = start_intake(tmp_path / "intake", Backend("sqlite"))
    try:
        assert running.url.startswith("http://127.0.0.1:")
        round_ = make_sync_round(tmp_path / "round", running)
        with zipfile.ZipFile(round_.package) as package:  # no pin field: apps before issue 12 import it
            assert "tls_sha256" not in json.loads(package.read("round.json"))["intake"]
        done, report = _sync(signed_home(round_, "E02", tmp_path / "E02"))
        assert done.returncode == 0, done.stderr
        assert [i["state"] for i in report["items"]] == ["delivered"]
    finally:
        running.process.stop()


def test_package_build_pins_the_certificate_file_it_is_given_and_refuses_what_is_not_one(tmp_path):
    from tests.support.small_round import make_small_round

    round_ = make_small_round(tmp_path / "round", build=False)
    key = reviewdesk("--home", tmp_path / "intake", "intake", "key", "-o", round_.spec / "identities" / "intake.pub")
    assert key.returncode == 0, key.stderr
    path = round_.spec / "round.json"
    spec = json.loads(path.read_text(encoding="utf-8"))
    spec["intake"] = {"url": "https://intake.gm.example:8443", "identity_file": "intake.pub"}
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    cert, private_key = self_signed(tmp_path / "tls")
    out = tmp_path / "pinned.rvpkg"

    def build(*extra):
        return reviewdesk("--home", round_.homes["B01"], "--lang", "en", "package", "build", round_.spec, "-o", out, *extra)

    wrong = build("--intake-cert", private_key)  # the key file, not the certificate
    assert wrong.returncode == 1 and "not a PEM certificate" in wrong.stderr and "Traceback" not in wrong.stderr
    assert not out.exists()
    built = build("--intake-cert", cert)
    assert built.returncode == 0, built.stderr
    with zipfile.ZipFile(out) as package:
        assert json.loads(package.read("round.json"))["intake"]["tls_sha256"] == der_sha256(cert)
