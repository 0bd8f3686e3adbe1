"""A panel result (.rvres) validly signed by the chair but with impossible or invented numbers is
refused by `reviewdesk verify --package`: every number is bounded by the rubric and consistent with
the others, and where the experts' return bundles are at hand the panel is computed again from them."""
from __future__ import annotations

import re
import shutil
import zipfile
from decimal import Decimal as D
from types import SimpleNamespace

import pytest

from review_model.chair.compile import compile_panel
from review_model.chair.intake import import_returns
from review_model.chair.result import load_result_json, result_json_bytes, write_result
from review_model.errors import Code, Problem
from review_model.exchange.package import open_package
from review_model.identity import signing_key
from review_model.verification import verify_file
from tests.support.hostile_round import run
from tests.support.panel_round import Sheet as S
from tests.support.panel_round import make_panel_round
from tests.support.tamper import duplicate_key, nested, resign

SHEETS = {
    "E01": {"A01": [S("30", "20", "25")], "A02": [S("35", "25", "20", "2")], "A03": [S("28", "20", "20")]},
    "E02": {"A01": [S("35", "25", "20")], "A02": [S("30", "25", "25", veto=True)], "A03": [S("25", "20", "20")]},
    "E03": {"A01": [S("32", "21", "27")], "A02": [S("40", "30", "28")], "A03": [S("30", "18", "19")]},
}


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    """Three experts, three applicants, the mean of the experts' totals: A01 78.33 (rank 1), A02 86.67 but
    vetoed by E02, A03 66.67 (rank 2); the quota is 2."""
    root = tmp_path_factory.mktemp("result")
    panel = make_panel_round(root, experts=3, policy={"method": "mean", "level": "total"})
    files = [panel.bundle(e, s) for e, s in SHEETS.items()]
    with panel.home() as home:
        with open_package(panel.package) as package:
            import_returns(home, package, files)
        written = write_result(home, compile_panel(home), root / "out", signing_key(home, person_id="E01"))
    return SimpleNamespace(panel=panel, result=written.files[-1], returns=root / "returns", root=root)


def _forge(signed, tmp_path, change=None, text=None):
    """The result with result.json changed (as data, or as text), signed again by the chair's own key."""
    def rewrite(members):
        if change:
            data = load_result_json(members["result.json"])
            change(data)
            members["result.json"] = result_json_bytes(data)
        if text:
            members["result.json"] = text(members["result.json"])
    return resign(signed.result, tmp_path / "forged.rvres", signed.panel.keys["E01"], rewrite)


def _applicant(data, applicant_id):
    return next(a for a in data["applicants"] if a["applicant_id"] == applicant_id)


def _refused(path, signed, returns=()) -> Problem:
    with pytest.raises(Problem) as caught:
        verify_file(path, signed.panel.package, returns=list(returns))
    return caught.value


def test_the_honest_result_verifies_and_is_computed_again_from_the_bundles(signed, capsys):
    assert verify_file(signed.result, signed.panel.package).recomputed == 0
    report = verify_file(signed.result, signed.panel.package, returns=[signed.returns])
    assert report.recomputed == 3  # every applicant, from the sheets the result names
    code, out, err = run(capsys, "verify", signed.result, "--package", signed.panel.package, "--returns", signed.returns)
    assert code == 0, err
    assert "Computed again from the return bundles: 3 of 3 applicants agree." in out


def test_a_final_score_of_1e999999_is_refused_not_a_traceback(signed, tmp_path, capsys):
    forged = _forge(signed, tmp_path, text=lambda b: re.sub(rb'"final_score": [0-9.]+', b'"final_score": 1e999999', b, count=1))
    problem = _refused(forged, signed)
    assert (problem.code, problem.params["member"]) == (Code.SCHEMA_INVALID, "result.json")
    code, _out, err = run(capsys, "verify", forged, "--package", signed.panel.package)
    assert code == 1 and err.count("\n") == 1


def test_a_result_nested_200000_deep_or_naming_a_field_twice_is_refused(signed, tmp_path):
    deep = _forge(signed, tmp_path, text=lambda b: b.rstrip()[:-1] + b', "x": ' + nested(200_000).encode() + b"}")
    assert (_refused(deep, signed).code, _refused(deep, signed).params["reason"]) == (Code.JSON_REFUSED, "too_deep")
    twice = _forge(signed, tmp_path, text=lambda b: duplicate_key(b, "round_id", "2026-OTHER"))
    problem = _refused(twice, signed)
    assert (problem.code, problem.params["member"], problem.params["reason"]) == (
        Code.JSON_REFUSED, "result.json", "duplicate_key")


IMPOSSIBLE = {
    "final_score -5": (lambda d: _applicant(d, "A01").update(final_score=D("-5")), "final_score: A01"),
    "final_score 999": (lambda d: _applicant(d, "A01").update(final_score=D("999")), "final_score: A01"),
    "an expert total of 999": (lambda d: _applicant(d, "A03")["expert_totals"].update(E02=D("999")),
                               "expert_totals: A03"),
    "a final score outside the experts' totals": (lambda d: _applicant(d, "A03").update(final_score=D("90")),
                                                  "final_score: A03"),
    "more veto votes than experts": (lambda d: _applicant(d, "A02").update(veto_votes=7), "veto_votes: A02"),
    "a vetoed applicant ranked": (lambda d: _applicant(d, "A01").update(vetoed=True, veto_votes=1), "rank: A01"),
    "ranks against the scores": (lambda d: (_applicant(d, "A01").update(rank=2), _applicant(d, "A03").update(rank=1)),
                                 "rank: A01"),
    "a candidate not recommended": (lambda d: _applicant(d, "A01").update(recommended=False), "candidates: master_studio"),
    "a change outside the item's range": (lambda d: d["changes"].append(
        {"expert_id": "E02", "applicant_id": "A01", "item_code": "1.1", "old": D("35"), "new": D("41"), "from_revision": 1,
         "to_revision": 2, "reason": "adding_error", "source": "chair"}), "changes: A01"),
}


@pytest.mark.parametrize("name", list(IMPOSSIBLE))
def test_impossible_numbers_are_refused_without_the_bundles(signed, tmp_path, name):
    change, detail = IMPOSSIBLE[name]
    problem = _refused(_forge(signed, tmp_path, change), signed)
    assert (problem.code, problem.params["detail"]) == (Code.RESULT_INVALID, detail)


PLAUSIBLE = {
    "an expert total that is not the sheet's": (lambda d: _applicant(d, "A01")["expert_totals"].update(E02=D("79")),
                                                "expert_totals: A01"),
    "a final score that is not the panel's": (lambda d: _applicant(d, "A01").update(final_score=D("76.00")),
                                              "final_score: A01"),
    "a veto nobody cast": (lambda d: (_applicant(d, "A03").update(vetoed=True, veto_votes=1, rank=None, recommended=False),
                                      d["candidates"]["master_studio"].remove("A03")), "vetoed: A03"),
}


@pytest.mark.parametrize("name", list(PLAUSIBLE))
def test_numbers_that_look_possible_are_checked_against_the_experts_own_sheets(signed, tmp_path, capsys, name):
    change, detail = PLAUSIBLE[name]
    forged = _forge(signed, tmp_path, change)
    problem = _refused(forged, signed, [signed.returns])
    assert (problem.code, problem.params["detail"]) == (Code.RESULT_INVALID, detail)
    code, _out, err = run(capsys, "verify", forged, "--package", signed.panel.package, "--returns", signed.returns)
    assert code == 1 and err.count("\n") == 1 and detail in err


def test_bundles_the_result_does_not_name_or_that_do_not_verify_are_not_used(signed, tmp_path):
    folder = tmp_path / "returns"
    shutil.copytree(signed.returns, folder)
    (folder / "junk.rvret").write_bytes(b"PK junk")
    extra = signed.panel.bundle("E02", {"A01": [S("10", "10", "10")]}, name="E02-later.rvret")
    shutil.move(extra, folder / "E02-later.rvret")  # signed, valid, but not one the chair counted
    assert verify_file(signed.result, signed.panel.package, returns=[folder]).recomputed == 3


def test_the_numbers_the_forgeries_start_from(signed):
    with zipfile.ZipFile(signed.result) as archive:
        data = load_result_json(archive.read("result.json"))
    assert [(a["applicant_id"], a["final_score"], a["rank"], a["vetoed"]) for a in
            sorted(data["applicants"], key=lambda a: a["applicant_id"])] == [
        ("A01", D("78.33"), 1, False), ("A02", D("86.67"), None, True), ("A03", D("66.67"), 2, False)]
    assert data["candidates"] == {"master_studio": ["A01", "A03"]}
