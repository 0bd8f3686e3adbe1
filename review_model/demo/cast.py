"""Who takes part in the demo round, and the round's settings (as the bureau would write them)."""
from __future__ import annotations

from dataclasses import dataclass

ROUND_ID = "2026-GM-ZSPX"


@dataclass(frozen=True)
class DemoPerson:
    person_id: str
    name: str
    role: str  # bureau | chair | expert
    organisation: str
    title: str


PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson("B01", "光明区人力资源局职业能力建设科", "bureau", "深圳市光明区人力资源局", ""),
    DemoPerson("E01", "陈志强", "chair", "深圳技师学院", "正高级讲师、高级技师"),
    DemoPerson("E02", "李慧敏", "expert", "深圳职业技术大学", "教授"),
    DemoPerson("E03", "王建国", "expert", "深圳市光明区先进制造业协会", "高级工程师"),
    DemoPerson("E04", "张丽华", "expert", "深圳市职业技能鉴定指导中心", "高级经济师"),
    DemoPerson("E05", "刘洋", "expert", "南方科技大学", "副教授"),
)

ROUND = {
    "schema": "reviewdesk-round/1",
    "round_id": ROUND_ID,
    "year": 2026,
    "district": "光明区",
    "bureau": "深圳市光明区人力资源局",
    "programme": "深圳市终身职业技能培训载体认定",
    "title": "2026年度光明区终身职业技能培训载体认定评审",
    "call_reference": "深人社函〔2026〕73号",
    "deadlines": {"submission": "2026-06-12", "review": "2026-07-03", "report": "2026-07-24"},
    "publicity_days": 5,
    "quotas": {"training_base": 2, "master_studio": 2, "rural_station": 1, "chain_leader": 1},
    "policy": {
        "method": "trimmed_mean", "level": "item", "trim_min_experts": 5, "decimals": 2, "rounding": "half_up",
        "veto_rule": "any", "min_score": "60", "abnormal_ratio": "0.20", "tie_rule": "shared",
    },
}
