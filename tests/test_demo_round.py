"""`reviewdesk demo --out D` makes a round that verifies, also with OpenSSL alone."""
from __future__ import annotations

import json

import pytest

from tests.support.cli import reviewdesk
from tests.test_package_build import run_documented_openssl_check

pytestmark = pytest.mark.slow


def test_demo_round_verifies_and_every_home_is_ready(demo_round, tmp_path):
    out = demo_round.out
    assert sorted(demo_round.homes) == ["B01", "E01", "E02", "E03", "E04", "E05"]
    assert len(list((out / "identities").glob("*.pub"))) == 6
    assert (out / "spec" / "round.json").exists() and (out / "spec" / "applicants.csv").exists()
    verified = reviewdesk("verify", demo_round.package)
    assert verified.returncode == 0, verified.stderr
    assert "评审包" in verified.stdout
    run_documented_openssl_check(demo_round.package, tmp_path)
    status = json.loads(reviewdesk("--home", demo_round.homes["E02"], "status", "--json").stdout)
    assert status["round_id"] == "2026-GM-ZSPX" and status["identity"]["name"] == "李慧敏"
    applicants = status["applicants"]
    assert len(applicants) >= 8
    assert {a["carrier_type"] for a in applicants} == {"training_base", "master_studio", "rural_station", "chain_leader"}
    chair = json.loads(reviewdesk("--home", demo_round.homes["E01"], "status", "--json").stdout)
    assert chair["identity"]["role"] == "chair" and chair["round_id"] == "2026-GM-ZSPX"


def test_demo_has_an_incomplete_dossier_and_a_password_protected_pdf(demo_round):
    from review_model.exchange.package import open_package

    with open_package(demo_round.package) as package:
        corrections = [a for a in package.applicants if a.acceptance == "correction"]
        problems = {f.problem for a in corrections for f in a.findings}
        pages = {a.applicant_id: sum(m.pages or 0 for m in a.materials) for a in package.applicants}
        experts = package.experts
    assert {"missing", "encrypted"} <= problems
    assert all(20 <= n <= 150 for n in pages.values()), pages
    assert sum(1 for e in experts if e.role == "chair") == 1 and sum(1 for e in experts if e.role == "member") == 4
