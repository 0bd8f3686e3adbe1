"""The round's aggregation policy: how the panel's scores become one final score per applicant.

Packages made before a field existed still import: every field has the default the app used (or,
for 畸高畸低 per item, the one the panels asked for: totals only).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class AggregationPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # mean | trimmed_mean (去掉一个最高分和一个最低分 when at least trim_min_experts scored) | median
    method: Literal["mean", "trimmed_mean", "median"] = "trimmed_mean"
    # item: aggregate each item across experts, then sum; total: aggregate the experts' totals
    level: Literal["item", "total"] = "item"
    trim_min_experts: int = Field(default=5, ge=3)
    decimals: int = Field(default=2, ge=0, le=4)
    rounding: Literal["half_up"] = "half_up"  # 四舍五入, as the district office expects
    # any: one expert's veto excludes the applicant; majority: more than half of the scoring experts
    veto_rule: Literal["any", "majority"] = "any"
    min_score: Decimal = Decimal("60")  # below this an applicant is not recommended
    # 畸高畸低: an expert's total (or item) this far from the median of the others, as a share of the maximum
    abnormal_ratio: Decimal = Decimal("0.20")
    # 畸高畸低 is judged on the experts' totals; per item only when the round asks for it, and then only
    # where the difference is also at least `abnormal_item_min_points`: on items of 3–5 points a
    # difference of one or two points is judgement, not an anomaly, and flagged every such item
    abnormal_items: bool = False
    abnormal_item_min_points: Decimal = Field(default=Decimal("5"), ge=0)
    # how equal final scores are ordered: by a named section's aggregated points, then shared rank
    tie_rule: Literal["shared", "section_then_shared"] = "shared"
    tie_section: str | None = None


# --- the policy in the panel's words -----------------------------------------------------------------
# One wording for every place the panel reads the policy: the chair's 汇总表 and workbook
# (chair/words.policy_lines) and the bureau's desk, which shows each choice's sentence as it is made.
METHOD_NAMES = {"mean": "算术平均", "trimmed_mean": "去掉一个最高分和一个最低分后算术平均", "median": "取中位数"}
LEVEL_NAMES = {"item": "逐项汇总后求和", "total": "按各专家总分汇总"}
VETO_RULE_NAMES = {"any": "任一评分专家认定即否决", "majority": "过半数评分专家认定方否决"}
TIE_RULE_NAMES = {"shared": "得分相同者名次并列", "section_then_shared": "得分相同者按{section}得分排序，仍相同者名次并列"}
LEVEL_MEANING = {"item": "先将各专家对同一评分项的分数汇总，再将各项得分相加为总分",
                 "total": "先计算每位专家的总分，再将各专家总分汇总为最终得分"}


def _points(value: Decimal) -> str:
    normal = value.normalize()  # 7.50 -> 7.5, 60 -> 60 (as signing.document.points prints points)
    return "0" if normal.is_zero() else format(normal, "f")


def method_phrase(policy: AggregationPolicy) -> str:
    method = METHOD_NAMES[policy.method]
    if policy.method == "trimmed_mean":
        method += f"（评分专家不少于{policy.trim_min_experts}人时；不足时取算术平均）"
    return method


def tie_phrase(policy: AggregationPolicy, section_title: str = "") -> str:
    return TIE_RULE_NAMES[policy.tie_rule].format(section=section_title or policy.tie_section or "")


def abnormal_sentence(policy: AggregationPolicy) -> str:
    ratio = format((policy.abnormal_ratio * 100).normalize(), "f")
    line = f"畸高畸低：某专家总分与其他专家总分中位数之差超过满分的{ratio}%（评分专家不少于3人时）"
    if policy.abnormal_items:
        line += (f"；单项评分与其他专家该项中位数之差超过该项分值的{ratio}%且不少于"
                 f"{_points(policy.abnormal_item_min_points)}分的，亦予标注")
    return line + "。"


def choice_sentences(policy: AggregationPolicy, section_title: str = "") -> dict[str, str]:
    """Each choice of the policy as one sentence the panel reads, keyed by what the clerk chooses:
    method (with trimming), level, decimals, veto_rule, min_score, abnormal, ties."""
    return {
        "method": f"汇总方法：{method_phrase(policy)}。",
        "level": f"汇总层级：{LEVEL_NAMES[policy.level]}，即{LEVEL_MEANING[policy.level]}。",
        "decimals": f"最终得分保留{policy.decimals}位小数，四舍五入。",
        "veto_rule": f"一票否决：{VETO_RULE_NAMES[policy.veto_rule]}；被否决者不予排名。",
        "min_score": f"最低推荐分{_points(policy.min_score)}分：最终得分低于{_points(policy.min_score)}分者不予排名、不予推荐。",
        "abnormal": abnormal_sentence(policy),
        "ties": f"名次：{tie_phrase(policy, section_title)}；名额线处并列且超出名额的，由评审组研究确定。",
    }
