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
