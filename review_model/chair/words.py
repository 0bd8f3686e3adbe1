"""The Chinese words of the panel's official documents (汇总表, 候选名单, the XLSX).

These documents are filed with a Chinese bureau, so they are Chinese whatever the UI language;
the GUI shows the same facts through ui/chair/labels.py (translated).
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from ..policy import (
    LEVEL_NAMES,
    VETO_RULE_NAMES,
    AggregationPolicy,
    abnormal_sentence,
    method_phrase,
    tie_phrase,
)
from ..signing.document import points
from .aggregate import ApplicantResult
from .flags import Direction, Flag, FlagGroup, FlagKind, group_by_expert
from .states import SheetStatus

REASON_NAMES = {
    "adding_error": "计分错误",
    "out_of_range": "评分超出该项分值范围",
    "objective_disagreement": "客观评分项认定不一致",
    "abnormal": "评分畸高畸低",
}
STATUS_WORDS = {SheetStatus.CONFLICT: "回避", SheetStatus.MISSING: "未提交"}
DIRECTION = {Direction.HIGH: "畸高", Direction.LOW: "畸低"}


def score_text(value: Decimal | None, decimals: int | None = None) -> str:
    if value is None:
        return "—"
    return format(value, "f") if decimals is not None else points(value)


def gap_points(gap: Decimal) -> str:
    """How far from the others' median, in points to two decimals at most, without the sign: 22.5, 8."""
    return points(abs(gap).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def flag_phrase(flag: Flag) -> str:
    """One flag in the words of the documents, without the expert it is about (see `flags_text`)."""
    kind = flag.kind
    if kind is FlagKind.CONFLICT:
        return "回避"
    if kind is FlagKind.MISSING:
        return "未提交评分表"
    if kind is FlagKind.NO_SCORES:
        return "无有效评分"
    if kind is FlagKind.VETO_VOTES:
        return f"一票否决事项（{flag.votes}名专家认定）"
    size = f"（相差{gap_points(flag.gap)}分）" if flag.gap is not None else ""  # 畸高/畸低 says which way
    if kind is FlagKind.ABNORMAL_TOTAL:
        return f"总分{DIRECTION[flag.direction]}{size}"
    if kind is FlagKind.ABNORMAL_ITEM:
        return f"第{flag.item}项{DIRECTION[flag.direction]}{size}"
    if kind is FlagKind.LOW_WITHOUT_REASON:
        return f"第{flag.item}项低分未说明理由"
    if kind is FlagKind.VETOED:
        return "一票否决，不予排名"
    if kind is FlagKind.BELOW_MIN_SCORE:
        return "低于最低推荐分"
    return "名额线处得分并列，待评审组研究"  # TIE_AT_QUOTA


def group_words(group: FlagGroup, names: dict[str, str] | None = None) -> str:
    """One expert's flags on one line (专家05：总分畸低（−22.5分）、第1.1项畸低…), or the applicant's own."""
    if group.expert is None:
        return "；".join(flag_phrase(f) for f in group.flags)
    return f"{(names or {}).get(group.expert, group.expert)}：" + "、".join(flag_phrase(f) for f in group.flags)


def flags_text(flags: Iterable[Flag], names: dict[str, str] | None = None, separator: str = "；") -> str:
    """Every flag of an applicant, grouped per expert (flags.group_by_expert)."""
    return separator.join(group_words(g, names) for g in group_by_expert(flags))


def sheets_text(result: ApplicantResult) -> str:
    """Sheets counted of the sheets owed, e.g. 4/5 (a declared conflict owes none)."""
    return f"{result.sheets_received}/{result.sheets_expected}"


INCOMPLETE_NOTE = "“4/5”等表示应提交评分表5份、实际收到并计入4份（未提交者不计入评分人数），该得分据实收评分表计算。"


def policy_lines(policy: AggregationPolicy, section_title: str = "") -> list[str]:
    """The policy as the 汇总表 prints it, in the words the desk shows the clerk (policy.py)."""
    return [
        f"汇总方法：{method_phrase(policy)}；{LEVEL_NAMES[policy.level]}。",
        f"结果保留{policy.decimals}位小数，四舍五入；最低推荐分{points(policy.min_score)}分。",
        f"一票否决：{VETO_RULE_NAMES[policy.veto_rule]}；被否决或低于最低推荐分者不予排名。",
        abnormal_sentence(policy),
        f"名次：{tie_phrase(policy, section_title)}；名额线处并列且超出名额的，由评审组研究确定。",
        "回避或未提交评分表的专家不计入该申报单位的评分人数。",
    ]


def chinese_day(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
