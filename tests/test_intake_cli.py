"""`reviewdesk intake …` as the bureau runs it: the receipt key file, opening rounds, TLS served by the
intake itself, plain HTTP only on loopback, and one clear sentence for every refusal."""
from __future__ import annotations

import json
import stat

import httpx
import pytest

from review_model.identity import parse_public_identity
from tests.support.cli import reviewdesk
from tests.support.intake import IntakeProcess, free_port, make_intake_round
from tests.support.panel_round import Sheet
from tests.support.tls import self_signed

pytestmark = pytest.mark.slow  # real processes: the intake, the reviewdesk command


def test_the_receipt_key_file_is_a_public_identity_of_the_intake(intake, tmp_path):
    out = tmp_path / "intake.pub"
    made = reviewdesk("--home", intake.home, "intake", "key", "-o", out)
    assert made.returncode == 0, made.stderr
    identity = parse_public_identity(out.read_bytes(), out.name)
    assert identity.role == "intake" and identity.public_raw() == intake.public_key()
    assert json.loads(httpx.get(f"{intake.url}/v1/key").content)["fingerprint"] == identity.fingerprint
    assert "-----BEGIN" not in made.stdout  # nothing secret printed; the seed stays in the keyring
    again = reviewdesk("--home", intake.home, "intake", "key", "-o", tmp_path / "again.pub")
    assert (tmp_path / "again.pub").read_bytes() == out.read_bytes()  # one key per intake, not a new one
    assert again.returncode == 0
    folder = intake.home / "intake"  # the operator's only, as a home is
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "key.json").stat().st_mode) == 0o600
    if intake.db_url.startswith("sqlite"):
        assert stat.S_IMODE((folder / "intake.db").stat().st_mode) == 0o600


def test_a_round_opens_once_and_a_changed_package_for_it_is_refused(tmp_path):
    round_ = make_intake_round(tmp_path / "round", "2026-CLI")
    home = tmp_path / "bureau"
    first = reviewdesk("--home", home, "intake", "add-package", round_.package)
    assert first.returncode == 0 and "2026-CLI" in first.stdout, first.stderr
    again = reviewdesk("--home", home, "intake", "add-package", round_.package)
    assert again.returncode == 0 and again.stdout != first.stdout and "2026-CLI" in again.stdout
    other = make_intake_round(tmp_path / "other", "2026-CLI")  # the same round id, another package
    refused = reviewdesk("--home", home, "intake", "add-package", other.package)
    assert refused.returncode == 1 and "2026-CLI" in refused.stderr and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    damaged = tmp_path / "damaged.rvpkg"
    damaged.write_bytes(b"not a package")
    bad = reviewdesk("--home", home, "intake", "add-package", damaged)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr


def test_plain_http_is_refused_off_loopback_and_an_unusable_database_is_one_sentence(tmp_path):
    off = reviewdesk("--home", tmp_path / "h", "intake", "serve", "--host", "0.0.0.0", "--port", "0")
    assert off.returncode == 1 and "127.0.0.1" in off.stderr and "--tls-cert" in off.stderr
    half = reviewdesk("--home", tmp_path / "h", "intake", "serve", "--tls-cert", tmp_path / "x.pem", "--port", "0")
    assert half.returncode == 1 and "Traceback" not in half.stderr
    nowhere = f"postgresql+psycopg://intake:secret@127.0.0.1:{free_port()}/none"
    db = reviewdesk("--home", tmp_path / "h", "intake", "status", "--db", nowhere)
    assert db.returncode == 1 and "Traceback" not in db.stderr and "secret" not in db.stderr
    link = reviewdesk("--home", tmp_path / "h", "intake", "login-link")
    assert link.returncode == 1 and "--url" in link.stderr


def test_tls_is_served_by_the_intake_itself(tmp_path):
    cert, key = self_signed(tmp_path)
    round_ = make_intake_round(tmp_path / "round", "2026-TLS")
    home = tmp_path / "bureau"
    assert reviewdesk("--home", home, "intake", "add-package", round_.package).returncode == 0
    process = IntakeProcess(home, None, ("--tls-cert", str(cert), "--tls-key", str(key))).start()
    try:
        assert process.url.startswith("https://127.0.0.1:")
        from review_model.sync.client import IntakeClient
        from service.home import IntakeHome, public_key

        bundle = round_.bundle("E02", {"A01": [Sheet("35", "25", "20")]})
        with IntakeClient(process.url, public_key(IntakeHome(home)), verify=str(cert)) as client:
            assert client.deliver(bundle).status == "accepted"
        with pytest.raises(httpx.ConnectError):  # a certificate nobody vouched for is not trusted
            httpx.get(f"{process.url}/v1/health")
        with pytest.raises(httpx.HTTPError):  # and nothing is served in the clear on that port
            httpx.get(process.url.replace("https://", "http://") + "/v1/health")
        import ssl

        login = httpx.get(f"{process.url}/login/nothing", verify=ssl.create_default_context(cafile=str(cert)))
        assert login.status_code == 403
    finally:
        assert process.stop() == 0


def test_the_service_never_imports_qt_the_ui_or_the_desktop_even_lazily():
    """import-linter checks the imports it sees (pyproject.toml); this also catches local imports."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "service"
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
            assert not any(n.split(".")[0] in ("PySide6", "shiboken6", "ui", "desktop") for n in names), (path, names)


def test_every_refusal_of_the_intake_reads_as_one_sentence_in_chinese():
    from PySide6.QtCore import QCoreApplication

    from desktop import i18n
    from review_model.errors import Code, Problem
    from service.intake import Reason
    from ui.messages import describe

    app = QCoreApplication.instance() or QCoreApplication([])
    i18n.install_translators("zh_CN")
    facts = dict(url="https://intake.example", detail="x", fingerprint="1", host="0.0.0.0", round="R", reason="",
                 expected="e", actual="a")
    codes = [c for c in Code if c.value.startswith(("intake_", "receipt_"))]
    assert len(codes) == 13  # + intake_cert_mismatch (issue 12, the certificate pin)
    for code in codes:
        text = describe(Problem(code, **facts))
        assert "{" not in text and "refused (" not in text and len(text.splitlines()) == 1, code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), code
    for reason in Reason:  # the intake's reason codes, as the app will show a refusal
        text = describe(Problem(Code.INTAKE_REFUSED, reason=reason.value, detail="", applicant="", revision=""))
        assert reason.value not in text, reason
    assert app is not None
