"""The Chinese words of the panel's official documents (汇总表, 候选名单, the XLSX).

These documents are filed with a Chinese bureau, so they are Chinese whatever the UI language;
the GUI shows the same facts through ui/chair/labels.py (translated).
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from ..policy import AggregationPolicy
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
METHOD_NAMES = {"mean": "算术平均", "trimmed_mean": "去掉一个最高分和一个最低分后算术平均", "median": "取中位数"}
LEVEL_NAMES = {"item": "逐项汇总后求和", "total": "按各专家总分汇总"}
VETO_RULE_NAMES = {"any": "任一评分专家认定即否决", "majority": "过半数评分专家认定方否决"}
TIE_RULE_NAMES = {"shared": "得分相同者名次并列", "section_then_shared": "得分相同者按{section}得分排序，仍相同者名次并列"}
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
    method = METHOD_NAMES[policy.method]
    if policy.method == "trimmed_mean":
        method += f"（评分专家不少于{policy.trim_min_experts}人时；不足时取算术平均）"
    tie = TIE_RULE_NAMES[policy.tie_rule].format(section=section_title or policy.tie_section or "")
    ratio = (policy.abnormal_ratio * 100).normalize()
    return [
        f"汇总方法：{method}；{LEVEL_NAMES[policy.level]}。",
        f"结果保留{policy.decimals}位小数，四舍五入；最低推荐分{points(policy.min_score)}分。",
        f"一票否决：{VETO_RULE_NAMES[policy.veto_rule]}；被否决或低于最低推荐分者不予排名。",
        _abnormal_line(policy, ratio),
        f"名次：{tie}；名额线处并列且超出名额的，由评审组研究确定。",
        "回避或未提交评分表的专家不计入该申报单位的评分人数。",
    ]


def _abnormal_line(policy: AggregationPolicy, ratio: Decimal) -> str:
    line = f"畸高畸低：某专家总分与其他专家总分中位数之差超过满分的{format(ratio, 'f')}%（评分专家不少于3人时）"
    if policy.abnormal_items:
        line += (f"；单项评分与其他专家该项中位数之差超过该项分值的{format(ratio, 'f')}%且不少于"
                 f"{points(policy.abnormal_item_min_points)}分的，亦予标注")
    return line + "。"


def chinese_day(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
