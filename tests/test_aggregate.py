"""The panel's arithmetic, against expectations computed by hand (shown in the comments)."""
from __future__ import annotations

import json
from datetime import date
from decimal import Decimal as D

import pytest

from review_model.calendar import shipped_calendar
from review_model.chair.aggregate import ExpertSheet, aggregate
from review_model.chair.flags import Direction, Flag, FlagKind, group_by_expert
from review_model.chair.ranking import publicity_window, rank
from review_model.chair.states import SheetStatus
from review_model.policy import AggregationPolicy
from review_model.rubric import parse_rubric

RUBRIC = parse_rubric(json.dumps({
    "schema": "reviewdesk-rubric/1", "rubric_id": "t", "carrier_type": "master_studio", "version": "1",
    "title": "测试细则", "total_points": 100, "comment_required_below": "0.6",
    "sections": [
        {"code": "S1", "title": "基础", "items": [
            {"code": "1.1", "title": "场地", "max_points": 40, "method": "site_visit", "rule": "r"},
            {"code": "1.2", "title": "设备", "max_points": 30, "method": "site_visit", "rule": "r"}]},
        {"code": "S2", "title": "成效", "items": [
            {"code": "2.1", "title": "带徒", "max_points": 30, "method": "document_review", "rule": "r"}]}],
    "bonus": {"cap": 3, "items": [{"code": "B1", "title": "荣誉", "max_points": 5, "step": 1, "method": "document_review", "rule": "r"}]},
    "vetoes": [{"code": "V1", "title": "失信", "rule": "r"}],
}), "test.json")


def sheet(expert: str, a: str, b: str, c: str, bonus: str = "0", veto: bool = False) -> ExpertSheet:
    scores = {"1.1": D(a), "1.2": D(b), "2.1": D(c), "B1": D(bonus)}
    reasons = {code: "理由" for code, v in scores.items() if RUBRIC.needs_comment(code, v)}
    return ExpertSheet(expert, "scored", scores, reasons, {"V1": "失信记录"} if veto else {}, 1)


def policy(**kw) -> AggregationPolicy:
    return AggregationPolicy(**{"method": "mean", "level": "item", "decimals": 2, "veto_rule": "any", **kw})


def codes(result) -> set[str]:
    """The flags as result.json writes them."""
    return {f.code for f in result.flags}


def test_three_experts_mean():
    # 1.1: (30+35+32)/3 = 32.333…, 1.2: (20+25+21)/3 = 22, 2.1: (25+20+27)/3 = 24 → 78.333… → 78.33
    sheets = [sheet("E1", "30", "20", "25"), sheet("E2", "35", "25", "20"), sheet("E3", "32", "21", "27")]
    result = aggregate(policy(), RUBRIC, "A1", sheets)
    assert result.final_score == D("78.33")
    assert result.expert_totals == {"E1": D(75), "E2": D(80), "E3": D(80)}
    assert aggregate(policy(level="total"), RUBRIC, "A1", sheets).final_score == D("78.33")  # (75+80+80)/3


FIVE = [sheet("E1", "40", "10", "20"), sheet("E2", "20", "30", "20"), sheet("E3", "30", "20", "30"),
        sheet("E4", "35", "25", "10"), sheet("E5", "25", "15", "25")]


def test_five_experts_trimmed_mean_per_item_differs_from_on_totals():
    # Per item, dropping the single highest and lowest:
    #   1.1: 40 20 30 35 25 → 30 35 25 → 30;  1.2: 10 30 20 25 15 → 20 25 15 → 20
    #   2.1: 20 20 30 10 25 → 20 20 25 → 21.666…;  sum 71.666… → 71.67
    # On totals: 70 70 80 70 65 → 70 70 70 → 70.00
    trimmed = policy(method="trimmed_mean", trim_min_experts=5)
    assert aggregate(trimmed, RUBRIC, "A1", FIVE).final_score == D("71.67")
    assert aggregate(trimmed.model_copy(update={"level": "total"}), RUBRIC, "A1", FIVE).final_score == D("70.00")
    # with 7 required to trim, five experts are simply averaged: (70+70+80+70+65)/5 = 71
    assert aggregate(policy(method="trimmed_mean", trim_min_experts=7), RUBRIC, "A1", FIVE).final_score == D("71.00")


def test_seven_experts_trimmed_mean_and_median():
    seven = [sheet("E1", "40", "30", "30"), sheet("E2", "38", "28", "29"), sheet("E3", "36", "27", "25"),
             sheet("E4", "35", "26", "24"), sheet("E5", "30", "20", "20"), sheet("E6", "20", "15", "18"),
             sheet("E7", "10", "5", "6")]
    # 1.1: drop 40,10 → 38+36+35+30+20 = 159 /5 = 31.8
    # 1.2: drop 30,5  → 28+27+26+20+15 = 116 /5 = 23.2
    # 2.1: drop 30,6  → 29+25+24+20+18 = 116 /5 = 23.2   → 78.2
    assert aggregate(policy(method="trimmed_mean", trim_min_experts=7), RUBRIC, "A1", seven).final_score == D("78.20")
    # median per item: 35 + 26 + 24 = 85; median of totals (100 95 88 85 70 53 21) = 85
    assert aggregate(policy(method="median"), RUBRIC, "A1", seven).final_score == D("85.00")
    assert aggregate(policy(method="median", level="total"), RUBRIC, "A1", seven).final_score == D("85.00")


def test_rounding_is_half_up_as_the_office_expects():
    # (78.25 + 78) / 2 = 78.125 → 78.13 (banker's rounding would give 78.12)
    two = [sheet("E1", "40", "20", "18.25"), sheet("E2", "40", "20", "18")]
    assert aggregate(policy(level="total"), RUBRIC, "A1", two).final_score == D("78.13")
    assert aggregate(policy(level="total", decimals=0), RUBRIC, "A1", two).final_score == D("78")


def test_bonus_is_capped_after_aggregation():
    # B1 mean (5+5+2)/3 = 4 → capped at 3; base (30+20+25) each → 75 + 3 = 78
    sheets = [sheet("E1", "30", "20", "25", "5"), sheet("E2", "30", "20", "25", "5"), sheet("E3", "30", "20", "25", "2")]
    assert aggregate(policy(), RUBRIC, "A1", sheets).final_score == D("78.00")
    assert aggregate(policy(level="total"), RUBRIC, "A1", sheets).final_score == D("77.67")  # (78+78+77)/3


def test_one_veto_under_both_rules():
    sheets = [sheet(f"E{i}", "30", "20", "25", veto=(i == 1)) for i in range(1, 6)]
    assert aggregate(policy(veto_rule="any"), RUBRIC, "A1", sheets).vetoed is True
    assert aggregate(policy(veto_rule="majority"), RUBRIC, "A1", sheets).vetoed is False  # 1 of 5
    three = [sheet(f"E{i}", "30", "20", "25", veto=(i <= 3)) for i in range(1, 6)]
    assert aggregate(policy(veto_rule="majority"), RUBRIC, "A1", three).vetoed is True  # 3 of 5
    assert "veto_votes:3/5" in codes(aggregate(policy(veto_rule="majority"), RUBRIC, "A1", three))


def test_conflicted_and_missing_experts_leave_the_count():
    sheets = [sheet("E1", "30", "20", "25"), sheet("E2", "35", "25", "20"), sheet("E3", "32", "21", "27"),
              ExpertSheet("E4", SheetStatus.CONFLICT), ExpertSheet("E5", SheetStatus.MISSING)]
    # five assigned, three scored: trimming needs 5, so a plain mean of three (78.33), not a trim
    result = aggregate(policy(method="trimmed_mean", trim_min_experts=5), RUBRIC, "A1", sheets)
    assert result.final_score == D("78.33")
    assert result.scorers == ("E1", "E2", "E3")
    assert result.excluded == {"E4": "conflict", "E5": "missing"}
    assert result.expert_totals["E4"] is None and result.expert_totals["E5"] is None
    assert {"conflict:E4", "missing:E5"} <= codes(result)
    # the count of sheets: four owed (E4 declared a conflict, so owes none), three received
    assert (result.sheets_received, result.sheets_expected, result.incomplete, result.missing) == (3, 4, True, ("E5",))
    assert not result.trimmed  # trimming needs five scorers


def test_a_declared_conflict_leaves_the_panel_complete_and_five_scorers_are_trimmed():
    sheets = [sheet(f"E{i}", "30", "20", "25") for i in range(1, 6)] + [ExpertSheet("E6", SheetStatus.CONFLICT)]
    result = aggregate(policy(method="trimmed_mean", trim_min_experts=5), RUBRIC, "A1", sheets)
    assert (result.sheets_received, result.sheets_expected, result.incomplete) == (5, 5, False)
    assert result.trimmed


def test_abnormal_scores_are_flagged():
    # totals 80 80 79 40: the 40 is 40 below the others' median 80, more than 20 % of 103 (= 20.6);
    # E1's 80 is 1 above the median of 80, 79, 40 (= 79): normal, though the low 40 drags the mean down
    sheets = [sheet("E1", "35", "25", "20"), sheet("E2", "35", "25", "20"), sheet("E3", "34", "25", "20"),
              sheet("E4", "10", "10", "20")]
    result = aggregate(policy(), RUBRIC, "A1", sheets)
    [flag] = result.flags  # on totals only, by default
    assert (flag.code, flag.gap, flag.alarming) == ("abnormal_total:E4:low", D(-40), True)
    # E4's items 1.1 (10 vs 35: 25 > 0.2 × 40) and 1.2 (10 vs 25: 15 > 6) pull the total down: proposed for 复核
    assert result.to_reconsider == {"E4": ("1.1", "1.2")}
    per_item = aggregate(policy(abnormal_items=True), RUBRIC, "A1", sheets)
    assert codes(per_item) == {"abnormal_total:E4:low", "abnormal_item:E4:1.1:low", "abnormal_item:E4:1.2:low"}
    assert not any(f.expert == "E1" for f in per_item.flags)


# 20 items of 5 points, as district rubrics have them (场地 5, 制度 5, 台账 5, …)
SMALL = parse_rubric(json.dumps({
    "schema": "reviewdesk-rubric/1", "rubric_id": "small", "carrier_type": "training_base", "version": "1",
    "title": "小分值细则", "total_points": 100, "comment_required_below": "0.3",
    "sections": [{"code": "S1", "title": "条件", "items": [
        {"code": f"1.{i}", "title": f"第{i}项", "max_points": 5, "method": "site_visit", "rule": "r"}
        for i in range(1, 21)]}],
}), "small.json")


def _even(expert: str, value: str) -> ExpertSheet:
    return ExpertSheet(expert, SheetStatus.SCORED, {f"1.{i}": D(value) for i in range(1, 21)}, {}, {}, 1)


def test_a_strict_expert_on_small_items_carries_one_flag_not_twenty_one():
    # four experts give 4 of 5 on every item, E5 gives 2: 2 points (40 % of 5) below on each of 20 items,
    # 40 below on the total (more than 20 % of 100). The old rule raised 21 flags (a wall of red).
    sheets = [_even(f"E{i}", "4") for i in range(1, 5)] + [_even("E5", "2")]
    result = aggregate(policy(), SMALL, "A1", sheets)
    assert codes(result) == {"abnormal_total:E5:low"}
    # per item, past the default minimum of 5 points: a 2-point difference is not an anomaly
    assert codes(aggregate(policy(abnormal_items=True), SMALL, "A1", sheets)) == {"abnormal_total:E5:low"}
    # a round that wants every item judged may say so (minimum 0): the 21 flags, in one line per expert
    every = aggregate(policy(abnormal_items=True, abnormal_item_min_points=D(0)), SMALL, "A1", sheets)
    assert len(every.flags) == 21
    [group] = group_by_expert(every.flags)
    assert group.expert == "E5" and len(group.flags) == 21 and group.alarming
    # the 复核 dialog proposes E5's twenty items
    assert result.to_reconsider == {"E5": tuple(f"1.{i}" for i in range(1, 21))}


def test_a_policy_from_an_older_package_judges_totals_only():
    old = AggregationPolicy.model_validate({"method": "trimmed_mean", "level": "item", "trim_min_experts": 5,
                                            "decimals": 2, "rounding": "half_up", "veto_rule": "any",
                                            "min_score": "60", "abnormal_ratio": "0.20", "tie_rule": "shared"})
    assert (old.abnormal_items, old.abnormal_item_min_points) == (False, D(5))


@pytest.mark.parametrize("flag, code", [
    (Flag(FlagKind.CONFLICT, "E03"), "conflict:E03"),
    (Flag(FlagKind.MISSING, "E02"), "missing:E02"),
    (Flag(FlagKind.NO_SCORES), "no_scores"),
    (Flag(FlagKind.VETO_VOTES, votes=1, scorers=5), "veto_votes:1/5"),
    (Flag(FlagKind.ABNORMAL_TOTAL, "E05", direction=Direction.LOW), "abnormal_total:E05:low"),
    (Flag(FlagKind.ABNORMAL_ITEM, "E05", "1.1", Direction.HIGH), "abnormal_item:E05:1.1:high"),
    (Flag(FlagKind.LOW_WITHOUT_REASON, "E02", "2.1"), "low_without_reason:E02:2.1"),
    (Flag(FlagKind.VETOED), "vetoed"), (Flag(FlagKind.BELOW_MIN_SCORE), "below_min_score"),
    (Flag(FlagKind.TIE_AT_QUOTA), "tie_at_quota"),
])
def test_a_flag_is_a_record_with_a_stable_machine_string(flag, code):
    assert flag.code == code and Flag.parse(code) == flag


def test_which_flags_are_alarming_is_decided_by_the_flag():
    assert not Flag(FlagKind.CONFLICT, "E03").alarming  # a declared conflict is a fact
    assert not Flag(FlagKind.BELOW_MIN_SCORE).alarming
    assert Flag(FlagKind.MISSING, "E02").alarming  # the panel is incomplete
    assert Flag(FlagKind.ABNORMAL_TOTAL, "E05", direction=Direction.LOW).alarming
    assert Flag(FlagKind.TIE_AT_QUOTA).about_ranking and Flag(FlagKind.MISSING, "E02").about_ranking
    assert not Flag(FlagKind.ABNORMAL_TOTAL, "E05", direction=Direction.LOW).about_ranking
    with pytest.raises(ValueError):
        Flag(FlagKind.ABNORMAL_ITEM, "E05")  # an item flag needs its item and direction
    with pytest.raises(ValueError):
        Flag.parse("abnormal_item:E05:1.1:sideways")


def test_flags_are_grouped_per_expert_the_applicant_s_own_first():
    flags = [Flag(FlagKind.CONFLICT, "E03"), Flag(FlagKind.VETO_VOTES, votes=1, scorers=4),
             Flag(FlagKind.ABNORMAL_TOTAL, "E05", direction=Direction.LOW),
             Flag(FlagKind.ABNORMAL_ITEM, "E05", "1.1", Direction.LOW), Flag(FlagKind.VETOED)]
    groups = group_by_expert(flags)
    assert [(g.expert, [f.code for f in g.flags]) for g in groups] == [
        (None, ["veto_votes:1/4", "vetoed"]), ("E03", ["conflict:E03"]),
        ("E05", ["abnormal_total:E05:low", "abnormal_item:E05:1.1:low"])]
    assert [g.alarming for g in groups] == [True, False, True]


def _result(applicant: str, final: str, carrier: str = "master_studio", vetoed: bool = False, s2: str = "0"):
    from review_model.chair.aggregate import ApplicantResult

    return ApplicantResult(applicant, carrier, ("E1",), {}, {}, {}, D(final), vetoed, int(vetoed), (), {"S2": D(s2)})


def test_ties_share_a_rank_and_the_quota_line_never_splits_a_tie():
    results = [_result("A1", "85"), _result("A2", "80"), _result("A3", "80"), _result("A4", "70"),
               _result("A5", "90", vetoed=True), _result("A6", "55")]
    ranked = {r.applicant_id: r for r in rank(policy(min_score=D(60)), results, {"master_studio": 2})}
    assert [ranked[a].rank for a in ("A1", "A2", "A3", "A4")] == [1, 2, 2, 4]
    assert ranked["A1"].recommended
    assert not ranked["A2"].recommended and not ranked["A3"].recommended  # the quota (2) cuts through the tie
    assert "tie_at_quota" in codes(ranked["A2"]) and "tie_at_quota" in codes(ranked["A3"])
    assert ranked["A5"].rank is None and "vetoed" in codes(ranked["A5"]) and not ranked["A5"].recommended
    assert ranked["A6"].rank is None and "below_min_score" in codes(ranked["A6"])
    wider = {r.applicant_id: r for r in rank(policy(), results, {"master_studio": 3})}
    assert wider["A2"].recommended and wider["A3"].recommended and not wider["A4"].recommended


def test_a_named_section_breaks_ties_when_the_policy_says_so():
    results = [_result("A1", "80", s2="20"), _result("A2", "80", s2="25"), _result("A3", "70")]
    rule = policy(tie_rule="section_then_shared", tie_section="S2")
    ranked = {r.applicant_id: r for r in rank(rule, results, {"master_studio": 1})}
    assert (ranked["A2"].rank, ranked["A1"].rank, ranked["A3"].rank) == (1, 2, 3)
    assert ranked["A2"].recommended and not ranked["A1"].recommended


def test_ranking_is_per_carrier_type():
    results = [_result("A1", "75"), _result("B1", "95", carrier="training_base"), _result("A2", "85")]
    ranked = {r.applicant_id: r for r in rank(policy(), results, {"master_studio": 1, "training_base": 1})}
    assert (ranked["A2"].rank, ranked["A1"].rank, ranked["B1"].rank) == (1, 2, 1)


@pytest.mark.parametrize("start, end, report_by, late", [
    (date(2026, 6, 29), date(2026, 7, 3), date(2026, 7, 6), False),
    (date(2026, 7, 20), date(2026, 7, 24), date(2026, 7, 27), True),  # ends on the deadline: too late to send
    # 中秋 (9/25–27) and 国庆 (10/1–7) fall inside: 9/24, 9/28, 9/29, 9/30, 10/8; report 10/9
    (date(2026, 9, 24), date(2026, 10, 8), date(2026, 10, 9), False),
])
def test_publicity_window_uses_the_working_day_calendar(start, end, report_by, late):
    deadline = date(2026, 7, 24) if start.month == 7 or start.month == 6 else date(2026, 10, 30)
    window = publicity_window(shipped_calendar(), start, 5, deadline)
    assert (window.end, window.report_by, window.late) == (end, report_by, late)
    assert len(window.days) == 5
