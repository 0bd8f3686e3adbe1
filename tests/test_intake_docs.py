"""docs/formats.md's curl + OpenSSL check of an intake receipt, run as written against a real intake."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require_tool
from tests.support.panel_round import Sheet

pytestmark = pytest.mark.slow  # real processes: the intake, the reviewdesk command

DOCS = Path(__file__).resolve().parent.parent / "docs" / "formats.md"


def _block() -> str:
    text = DOCS.read_text(encoding="utf-8")
    found = re.search(r"<!-- receipt-check[^>]*-->\n```sh\n(.*?)```", text, re.S)
    assert found, "the receipt-check block is gone from docs/formats.md"
    return found.group(1)


def test_a_receipt_checks_with_curl_and_openssl_alone(intake, intake_round, tmp_path):
    for tool in ("curl", "openssl", "python3", "sha256sum", "base64"):
        require_tool(tool)
    from service.home import IntakeHome, public_identity

    bundle = intake_round.bundle("E02", {"A01": [Sheet("35", "25", "20")]})
    with intake.client() as client:
        delivery = client.deliver(bundle)
    work = tmp_path / "check"
    work.mkdir()
    (work / "E02.rvret").write_bytes(bundle.read_bytes())
    (work / "intake.pub").write_bytes(public_identity(IntakeHome(intake.home)))
    run = subprocess.run(["bash", "-euo", "pipefail", "-c", _block()], cwd=work, capture_output=True, text=True,
                         env={"PATH": "/usr/local/bin:/usr/bin:/bin", "INTAKE": intake.url}, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "Signature Verified Successfully" in run.stdout
    assert f'"file_sha256":"{delivery.receipt.file_sha256}"' in run.stdout
    # and a receipt changed by one byte fails the same check
    (work / "receipt.json").write_bytes((work / "receipt.json").read_bytes().replace(b'"seq":', b'"seq": '))
    tampered = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "intake.pem", "-rawin", "-in",
                               "receipt.json", "-sigfile", "receipt.sig.bin"], cwd=work, capture_output=True, text=True)
    assert tampered.returncode != 0
