"""The rules behind the desk's set-up steps, without the GUI: a loaded holiday year goes into the
package's calendar; the intake the desk names is the one `package build --intake-cert` pins from a
spec folder; the policy is said in one wording for the desk and the panel's documents; each change
is audited in its own transaction."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from review_model.bureau.desk import load_calendar, save_round, set_intake, set_policy
from review_model.bureau.experts import enrol_expert, set_assignment
from review_model.bureau.portal import import_applicants
from review_model.bureau.spec import write_spec
from review_model.chair.words import policy_lines
from review_model.demo.cast import ROUND
from review_model.errors import Code, Problem
from review_model.exchange.package_build import assemble_spec
from review_model.home import Home
from review_model.policy import AggregationPolicy, choice_sentences
from review_model.store.models import AuditEntry
from tests.support.bureau_inputs import make_clerk_inputs
from tests.support.holidays import holiday_xlsx
from tests.support.snapshot import snapshot
from tests.support.tls import self_signed


@pytest.fixture
def clerk(tmp_path):
    clerk = make_clerk_inputs(tmp_path)
    with Home(clerk.bureau_home) as home:
        save_round(home, ROUND)
        import_applicants(home, clerk.xlsx)
        enrol_expert(home, clerk.identities / "E01.pub", role="chair")
        enrol_expert(home, clerk.identities / "E02.pub")
    return clerk


def _intake_key(folder):
    from service.home import IntakeHome, public_identity, receipt_key

    intake = IntakeHome(folder / "intake-home")
    key = folder / "intake.pub"
    key.write_bytes(public_identity(intake, receipt_key(intake)))
    return key


def test_a_loaded_year_goes_into_the_packages_calendar(clerk, tmp_path):
    with Home(clerk.bureau_home) as home:
        load_calendar(home, holiday_xlsx(tmp_path / "2027.xlsx"))
        save_round(home, {**ROUND, "year": 2027, "deadlines": {"submission": None, "review": "2027-07-02",
                                                               "report": "2027-07-23"}})
        write_spec(home, tmp_path / "spec")
    calendar = {y["year"]: y for y in json.loads(assemble_spec(tmp_path / "spec").members["round.json"])["calendar"]}
    assert sorted(calendar) == [2026, 2027] and calendar[2027]["adjusted_workdays"] == ["2027-02-14"]


def test_the_desks_intake_is_what_package_build_pins_from_a_spec_folder(clerk, tmp_path):
    key = _intake_key(tmp_path)
    cert, _ = self_signed(tmp_path / "tls")
    with Home(clerk.bureau_home) as home:
        set_intake(home, "https://127.0.0.1:8443", key, cert)
        write_spec(home, tmp_path / "desk")
        write_spec(home, tmp_path / "hand")
    # the hand-made spec: round.json names the intake and its key file; the pin comes from --intake-cert
    hand = tmp_path / "hand"
    raw = json.loads((hand / "round.json").read_text(encoding="utf-8"))
    raw["intake"] = {"url": "https://127.0.0.1:8443", "identity_file": "intake.pub"}
    (hand / "round.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    (hand / "intake.pub").write_bytes(key.read_bytes())
    from_desk = json.loads(assemble_spec(tmp_path / "desk").members["round.json"])["intake"]
    by_hand = json.loads(assemble_spec(hand, intake_cert=cert).members["round.json"])["intake"]
    assert from_desk == by_hand and len(from_desk["tls_sha256"]) == 64


def test_the_desk_and_the_panels_documents_say_the_policy_alike():
    policy = AggregationPolicy(method="trimmed_mean", abnormal_items=True, min_score=Decimal("62.5"))
    words, lines = choice_sentences(policy), policy_lines(policy)
    assert words["method"].rstrip("。") in lines[0]
    assert words["abnormal"] == lines[3]
    assert "62.5分" in words["min_score"] and "62.5分" in lines[1]


def test_each_set_up_change_is_one_audited_transaction(clerk):
    with Home(clerk.bureau_home) as home:
        set_policy(home, min_score=Decimal("65"))
        set_assignment(home, "E02", "A03", False)
        with home.store.read() as session:
            rows = [(a.entity, a.field, a.new_value) for a in session.scalars(select(AuditEntry))]
    assert any(e == "desk_round" and f == "policy" and '"min_score": "65"' in v for e, f, v in rows)
    assert any(e == "desk_expert" and f == "applicants" and "A03" not in v and "A04" in v for e, f, v in rows)


def test_bad_set_up_input_changes_nothing(clerk, tmp_path):
    before = snapshot(clerk.bureau_home)
    key = _intake_key(tmp_path)
    with Home(clerk.bureau_home) as home:
        for action, code in ((lambda: set_intake(home, "ftp://intake", key), Code.DESK_INTAKE_URL_INVALID),
                             (lambda: set_intake(home, "https://127.0.0.1:8443"), Code.DESK_INTAKE_KEY_MISSING),
                             (lambda: set_policy(home, method="vote"), Code.POLICY_INVALID)):
            with pytest.raises(Problem) as caught:
                action()
            assert caught.value.code == code
    assert snapshot(clerk.bureau_home) == before
