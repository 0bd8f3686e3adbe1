"""The Chinese words of the panel's official documents (汇总表, 候选名单, the XLSX).

These documents are filed with a Chinese bureau, so they are Chinese whatever the UI language;
the GUI shows the same facts through ui/chair/labels.py (translated).
"""
from __future__ import annotations

from decimal import Decimal

from ..policy import AggregationPolicy
from ..signing.document import points

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
STATUS_WORDS = {"conflict": "回避", "missing": "未提交"}
DIRECTION = {"high": "畸高", "low": "畸低"}


def score_text(value: Decimal | None, decimals: int | None = None) -> str:
    if value is None:
        return "—"
    return format(value, "f") if decimals is not None else points(value)


def flag_words(flag: str, names: dict[str, str] | None = None) -> str:
    """One flag code (aggregate.py, ranking.py) in the words of the documents."""
    names = names or {}
    parts = flag.split(":")
    who = names.get(parts[1], parts[1]) if len(parts) > 1 else ""
    kind = parts[0]
    if kind == "conflict":
        return f"{who}回避"
    if kind == "missing":
        return f"{who}未提交评分表"
    if kind == "no_scores":
        return "无有效评分"
    if kind == "veto_votes":
        return f"一票否决事项（{parts[1]}名专家认定）"
    if kind == "abnormal_total":
        return f"{who}总分{DIRECTION.get(parts[2], '')}"
    if kind == "abnormal_item":
        return f"{who}第{parts[2]}项{DIRECTION.get(parts[3], '')}"
    if kind == "low_without_reason":
        return f"{who}第{parts[2]}项低分未说明理由"
    if kind == "vetoed":
        return "一票否决，不予排名"
    if kind == "below_min_score":
        return "低于最低推荐分"
    if kind == "tie_at_quota":
        return "名额线处得分并列，待评审组研究"
    return flag


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
        f"畸高畸低：某专家评分与其他专家评分中位数之差超过满分的{format(ratio, 'f')}%（评分专家不少于3人时）。",
        f"名次：{tie}；名额线处并列且超出名额的，由评审组研究确定。",
        "回避或未提交评分表的专家不计入该申报单位的评分人数。",
    ]


def chinese_day(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
