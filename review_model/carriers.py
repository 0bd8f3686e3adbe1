"""The carrier types (载体类型) and the materials each must submit."""
from __future__ import annotations

import json
from typing import Literal

CarrierType = Literal["training_base", "master_studio", "rural_station", "chain_leader"]
CARRIER_TYPES: tuple[CarrierType, ...] = ("training_base", "master_studio", "rural_station", "chain_leader")

# Official names, used in the documents sent to the bureau (always Chinese: they are filed as such).
OFFICIAL_NAMES: dict[str, str] = {
    "training_base": "高技能人才培训基地",
    "master_studio": "技能大师工作室",
    "rural_station": "乡村振兴技能工作站",
    "chain_leader": "产教评技能生态链链主企业培育孵化",
}

ENTITY_KINDS = ("enterprise", "association", "training_institution", "university", "vocational_college", "public_institution")
ENTITY_KIND_NAMES: dict[str, str] = {
    "enterprise": "企业",
    "association": "行业协会",
    "training_institution": "职业培训机构",
    "university": "高等学校",
    "vocational_college": "职业院校（含技工院校）",
    "public_institution": "其他事业单位",
}


def shipped_required_materials() -> dict[str, list[str]]:
    """Material names per carrier type, in submission order (resources/required_materials.json)."""
    # package data is located at call time (frozen and editable installs alike)
    import resources

    data = json.loads(resources.path("required_materials.json").read_text(encoding="utf-8"))
    return {k: list(v) for k, v in data["materials"].items()}
