"""Compilation from real signed bundles, against expectations computed by hand (in the comments).

Rubric (tests/support/panel_round.py): 1.1 of 40, 1.2 of 30, 2.1 of 30, bonus B1 (cap 3), veto V1.
Sheet(a, b, c) is an expert's 1.1, 1.2, 2.1.
"""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from review_model.chair.compile import compile_panel
from review_model.chair.discussion import add_note, request_reconsideration, set_change_reason
from review_model.chair.intake import import_returns
from review_model.errors import Code, Problem
from review_model.exchange.package import open_package
from tests.support.panel_round import Sheet as S
from tests.support.panel_round import make_panel_round


def compiled(root, experts: int, policy: dict, sheets: dict[str, dict[str, list[S]]], conflicts=None, quotas=None,
             applicants: int = 1, before=None):
    """Build the round, sign and import every expert's bundle, compile in the chair's home."""
    panel = make_panel_round(root, experts=experts, policy=policy, quotas=quotas, applicants=applicants)
    files = [panel.bundle(e, s, (conflicts or {}).get(e)) for e, s in sheets.items()]
    with panel.home() as home:
        with open_package(panel.package) as package:
            report = import_returns(home, package, files)
        assert all(o.status == "imported" for o in report.outcomes)
        if before:
            before(home)
        return compile_panel(home)


def codes(result) -> set[str]:
    """The flags as result.json writes them."""
    return {f.code for f in result.flags}


FIVE = [S("40", "10", "20"), S("20", "30", "20"), S("30", "20", "30"), S("35", "25", "10"), S("25", "15", "25")]


def _five(level: str):
    return {"method": "trimmed_mean", "level": level, "trim_min_experts": 5}


def test_three_experts_mean(tmp_path):
    # 1.1 (30+35+32)/3 = 32.333…, 1.2 (20+25+21)/3 = 22, 2.1 (25+20+27)/3 = 24 → 78.333… → 78.33
    sheets = {"E01": {"A01": [S("30", "20", "25")]}, "E02": {"A01": [S("35", "25", "20")]},
              "E03": {"A01": [S("32", "21", "27")]}}
    comp = compiled(tmp_path, 3, {"method": "mean"}, sheets)
    a01 = comp.applicant("A01")
    assert a01.result.final_score == D("78.33")
    assert a01.result.expert_totals == {"E01": D(75), "E02": D(80), "E03": D(80)}
    assert [(e.expert_id, e.status, e.revision) for e in a01.experts] == [("E01", "scored", 1), ("E02", "scored", 1),
                                                                       ("E03", "scored", 1)]
    assert comp.policy.method == "mean" and comp.can_sign


@pytest.mark.parametrize("level, final", [
    # per item, dropping the single highest and lowest: 1.1 → 30, 1.2 → 20, 2.1 (20 20 25) → 21.666… ; 71.666… → 71.67
    ("item", D("71.67")),
    # on totals 70 70 80 70 65 → 70 70 70 → 70.00
    ("total", D("70.00")),
])
def test_five_experts_trimmed_mean_per_item_or_on_totals(tmp_path, level, final):
    sheets = {f"E{i:02d}": {"A01": [FIVE[i - 1]]} for i in range(1, 6)}
    comp = compiled(tmp_path, 5, _five(level), sheets)
    assert comp.applicant("A01").result.final_score == final
    assert comp.policy.level == level


SEVEN = [S("40", "30", "30"), S("38", "28", "29"), S("36", "27", "25"), S("35", "26", "24"), S("30", "20", "20"),
         S("20", "15", "18"), S("10", "5", "6")]


@pytest.mark.parametrize("policy, final", [
    # 1.1 drop 40,10 → 159/5 = 31.8; 1.2 drop 30,5 → 116/5 = 23.2; 2.1 drop 30,6 → 116/5 = 23.2 → 78.20
    ({"method": "trimmed_mean", "trim_min_experts": 7}, D("78.20")),
    # median per item 35 + 26 + 24 = 85
    ({"method": "median"}, D("85.00")),
])
def test_seven_experts(tmp_path, policy, final):
    sheets = {f"E{i:02d}": {"A01": [SEVEN[i - 1]]} for i in range(1, 8)}
    comp = compiled(tmp_path, 7, policy, sheets)
    a01 = comp.applicant("A01")
    assert a01.result.final_score == final and len(a01.result.scorers) == 7
    # E07 (totals 21 against the others' mean ≈ 82.2) is flagged 畸低 on the total
    assert "abnormal_total:E07:low" in codes(a01.result)


@pytest.mark.parametrize("rule, vetoed, candidates", [("any", True, []), ("majority", False, ["A01"])])
def test_one_expert_s_veto_under_both_rules(tmp_path, rule, vetoed, candidates):
    sheets = {"E01": {"A01": [S("30", "20", "25")]}, "E02": {"A01": [S("35", "25", "20", veto=True)]},
              "E03": {"A01": [S("32", "21", "27")]}}
    comp = compiled(tmp_path, 3, {"method": "mean", "veto_rule": rule}, sheets, quotas={"master_studio": 1})
    result = comp.applicant("A01").result
    assert (result.vetoed, result.veto_votes) == (vetoed, 1)  # 1 of 3 is no majority
    assert [a.applicant_id for a in comp.candidates("master_studio")] == candidates
    assert (result.rank is None) == vetoed and ("vetoed" in codes(result)) == vetoed


def test_a_conflicted_expert_and_a_missing_sheet_leave_the_count(tmp_path):
    # A01: E03 declared a conflict → (30+35)/2 = 32.5, (20+25)/2 = 22.5, (25+20)/2 = 22.5 → 77.50
    # A02: E02 sent nothing → E01 (30,20,20) and E03 (34,20,20): 32 + 20 + 20 = 72.00
    sheets = {"E01": {"A01": [S("30", "20", "25")], "A02": [S("30", "20", "20")]},
              "E02": {"A01": [S("35", "25", "20")]},
              "E03": {"A02": [S("34", "20", "20")]}}
    comp = compiled(tmp_path, 3, {"method": "mean"}, sheets, conflicts={"E03": {"A01": "曾任该单位顾问"}}, applicants=2)
    a01, a02 = comp.applicant("A01"), comp.applicant("A02")
    assert a01.result.final_score == D("77.50") and a01.result.excluded == {"E03": "conflict"}
    assert a01.expert("E03").conflict_reason == "曾任该单位顾问" and a01.result.expert_totals["E03"] is None
    assert a02.result.final_score == D("72.00") and a02.result.excluded == {"E02": "missing"}
    assert comp.missing == (("E02", "A02"),)
    assert "conflict:E03" in codes(a01.result) and "missing:E02" in codes(a02.result)
    # A01's panel is complete (a declared conflict owes no sheet); A02's score rests on 2 of 3 sheets
    assert (a01.result.sheets_received, a01.result.sheets_expected, a01.result.incomplete) == (2, 2, False)
    assert (a02.result.sheets_received, a02.result.sheets_expected, a02.result.incomplete) == (2, 3, True)


def test_a_quota_cutting_through_a_tie_lists_only_those_above_it(tmp_path):
    # every expert gives the same: A01 85, A02 80, A03 80, A04 70 → ranks 1, 2, 2, 4; quota 2 cuts the tie
    same = {"A01": [S("35", "25", "25")], "A02": [S("30", "25", "25")], "A03": [S("30", "20", "30")],
            "A04": [S("30", "20", "20")]}
    comp = compiled(tmp_path, 3, {"method": "mean"}, {e: same for e in ("E01", "E02", "E03")},
                    quotas={"master_studio": 2}, applicants=4)
    ranks = {a.applicant_id: (a.result.final_score, a.result.rank, a.result.recommended) for a in comp.applicants}
    assert ranks == {"A01": (D("85.00"), 1, True), "A02": (D("80.00"), 2, False), "A03": (D("80.00"), 2, False),
                     "A04": (D("70.00"), 4, False)}
    assert [a.applicant_id for a in comp.candidates("master_studio")] == ["A01"]
    assert all("tie_at_quota" in codes(comp.applicant(a).result) for a in ("A02", "A03"))
    assert [a.applicant_id for a in comp.of_type("master_studio")][:2] == ["A01", "A02"]


def test_an_unexplained_changed_score_blocks_signing_until_the_chair_gives_a_permitted_reason(tmp_path):
    # E02 amended on its own: 2.1 20 → 24 (r2). Nobody asked: the chair must name a permitted reason.
    sheets = {"E01": {"A01": [S("30", "20", "25")]},
              "E02": {"A01": [S("35", "25", "20"), S("35", "25", "24", amend_reason="发现加总错误")]},
              "E03": {"A01": [S("32", "21", "27")]}}
    def keep(home):
        add_note(home, "A01", "E02自行修订第2.1项，组长核实为计分错误。")
        comp = compile_panel(home)
        [change] = comp.changes
        assert (change.item_code, change.old, change.new, change.reason) == ("2.1", D(20), D(24), None)
        assert [p.code for p in comp.blockers] == [Code.CHANGE_UNEXPLAINED]
        with pytest.raises(Problem) as refused:
            set_change_reason(home, "E02", "A01", "2.1", 2, "they asked nicely")
        assert refused.value.code == Code.REASON_NOT_PERMITTED
        with pytest.raises(Problem) as refused:
            request_reconsideration(home, "A01", ["E02"], ["9.9"], "abnormal")
        assert refused.value.code == Code.REQUEST_INVALID
        set_change_reason(home, "E02", "A01", "2.1", 2, "adding_error", "核对原始评分表")

    comp = compiled(tmp_path, 3, {"method": "mean"}, sheets, before=keep)
    [change] = comp.changes
    assert (change.reason, change.source, change.note) == ("adding_error", "chair", "核对原始评分表")
    assert comp.can_sign and comp.applicant("A01").notes[0].text.startswith("E02自行修订")
    # 1.1 (30+35+32)/3 + 1.2 (20+25+21)/3 + 2.1 (25+24+27)/3 = (97 + 66 + 76)/3 = 239/3 = 79.666… → 79.67
    assert comp.applicant("A01").result.final_score == D("79.67")


def test_the_policy_and_the_publicity_window_come_from_the_package(tmp_path):
    comp = compiled(tmp_path, 3, {"method": "median", "decimals": 1}, {"E01": {"A01": [S("30", "20", "25")]}})
    assert (comp.policy.method, comp.policy.decimals) == ("median", 1)
    assert comp.applicant("A01").result.final_score == D("75.0")
    # review deadline 2026-07-03 (Fri): publicity 07-06 … 07-10, list sent 07-13, deadline 07-24
    w = comp.window
    assert (str(w.start), str(w.end), str(w.report_by), str(w.deadline), w.late) == (
        "2026-07-06", "2026-07-10", "2026-07-13", "2026-07-24", False)
