"""The demo round's ten applicants (all fictional): Guangming district, 2026 round.

One applicant (A07) left a material out (the district asks for 补正); one (A04) sent a material as a
password-protected PDF (DEMO_PDF_PASSWORD). Page counts are per material and decide the dossier size.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..uscc import ALPHABET, check_character

DEMO_PDF_PASSWORD = "gm2026"

_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def _org_check(first8: str) -> str:
    """Check digit of the 9-character organisation code inside a USCC (GB 11714)."""
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(first8, _ORG_WEIGHTS))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def make_uscc(registration: str, region: str, org8: str) -> str:
    """registration: '91' firm, '51' social organisation, '52' private non-enterprise unit, '12' public institution."""
    first17 = registration + region + org8 + _org_check(org8)
    assert len(first17) == 17 and all(c in ALPHABET for c in first17), first17
    return first17 + check_character(first17)


@dataclass(frozen=True)
class DemoApplicant:
    applicant_id: str
    name: str
    uscc: str
    entity_kind: str
    industry: str
    carrier_type: str
    address: str
    legal_representative: str
    contact: str
    leader: str = ""
    missing_materials: tuple[str, ...] = ()
    encrypted_material: str | None = None
    pages: dict[str, int] = field(default_factory=dict, hash=False, compare=False)

    @property
    def number(self) -> int:
        return int(self.applicant_id[1:])

    @property
    def total_pages(self) -> int:
        return sum(n for m, n in self.pages.items() if m not in self.missing_materials)


def _pages(materials: tuple[str, ...], counts: tuple[int, ...]) -> dict[str, int]:
    assert len(materials) == len(counts)
    return dict(zip(materials, counts))


_TB = ("申报表", "营业执照或法人证书", "培训场地及设施设备证明", "师资队伍情况", "近三年培训开展情况及佐证", "课程研发与教材成果", "培训管理制度", "信用承诺书")
_MS = ("申报表", "营业执照或法人证书", "领办人身份证明及职业技能等级证书", "工作室场地及设备证明", "工作室管理制度及经费保障", "技艺传承与带徒情况", "技术攻关与革新成果", "信用承诺书")
_RS = ("申报表", "营业执照或法人证书", "工作站场地证明", "涉农技能培训开展情况", "技术推广与技能帮扶成效", "工作站管理制度", "信用承诺书")
_CL = ("链主培育孵化单位申报表", "营业执照", "企业规模及参保人数证明", "技能人才培养评价体系材料", "校企合作协议及成果", "技能生态链建设计划", "信用承诺书")

APPLICANTS: tuple[DemoApplicant, ...] = (
    DemoApplicant(
        "A01", "深圳市擎岳智能机器人有限公司", make_uscc("91", "440300", "MA5FQ8K3"), "enterprise", "智能机器人", "training_base",
        "深圳市光明区玉塘街道田寮社区光侨路高新技术产业园9栋", "周建华", "林晓彤 0755-23418762", leader="陈志远",
        pages=_pages(_TB, (12, 3, 18, 24, 46, 20, 14, 3))),
    DemoApplicant(
        "A02", "深圳光明科学城技师学院", make_uscc("12", "440300", "MB2C7416"), "vocational_college", "新一代电子信息", "training_base",
        "深圳市光明区新湖街道楼村社区科裕路88号", "郑振海", "何嘉欣 0755-27150836", leader="梁国庆",
        pages=_pages(_TB, (9, 3, 14, 18, 26, 12, 10, 3))),
    DemoApplicant(
        "A03", "深圳市光明区低空经济产业促进会", make_uscc("51", "440311", "MJL6N2P0"), "association", "低空经济与空天", "training_base",
        "深圳市光明区凤凰街道塘家社区光明大道与观光路交汇处科创中心B座1205", "许鹏飞", "罗雪 13926847153", leader="杨宇",
        pages=_pages(_TB, (7, 3, 8, 8, 14, 7, 8, 3))),
    DemoApplicant(
        "A04", "深圳市华晟精密模具有限公司", make_uscc("91", "440300", "MA5G2T9R"), "enterprise", "精密仪器设备", "master_studio",
        "深圳市光明区公明街道上村社区松白路3021号华晟工业园A栋", "孙立新", "曾婷 0755-27093318", leader="李国栋",
        encrypted_material="领办人身份证明及职业技能等级证书",
        pages=_pages(_MS, (6, 2, 5, 7, 6, 9, 11, 2))),
    DemoApplicant(
        "A05", "深圳市瑞禾生物医药有限公司", make_uscc("91", "440300", "MA5DJ4W1"), "enterprise", "生物医药与健康", "master_studio",
        "深圳市光明区马田街道将围社区华夏路生物医药产业园12栋", "韩文斌", "谢颖 13751064289", leader="吴秀英",
        pages=_pages(_MS, (5, 2, 3, 4, 4, 5, 5, 2))),
    DemoApplicant(
        "A06", "深圳市光明区智联职业技能培训学校", make_uscc("52", "440311", "MJL0R8D5"), "training_institution", "人工智能", "master_studio",
        "深圳市光明区光明街道碧眼社区华裕路光明云谷3栋401", "邓东旭", "邓佳 0755-23407725", leader="蒋浩然",
        pages=_pages(_MS, (4, 2, 3, 3, 3, 4, 4, 2))),
    DemoApplicant(
        "A07", "深圳市光明区鸽韵农业发展有限公司", make_uscc("91", "440300", "MA5H0KNB"), "enterprise", "现代农业与食品", "rural_station",
        "深圳市光明区光明街道光明社区光明农场大观园东侧", "黄德荣", "黄丽 13823965017", leader="黄德荣",
        missing_materials=("技术推广与技能帮扶成效",),
        pages=_pages(_RS[:4] + _RS[5:], (5, 2, 4, 8, 4, 2))),
    DemoApplicant(
        "A08", "深圳市光明区康乐家政职业培训学校", make_uscc("52", "440311", "MJL3C6A4"), "training_institution", "养老托育与家政", "rural_station",
        "深圳市光明区公明街道合水口社区公常路368号2楼", "覃春燕", "韦芳 13590238846", leader="覃春燕",
        pages=_pages(_RS, (5, 3, 5, 12, 6, 5, 2))),
    DemoApplicant(
        "A09", "深圳市光显超高清显示科技股份有限公司", make_uscc("91", "440300", "79257836"), "enterprise", "超高清视频显示", "chain_leader",
        "深圳市光明区凤凰街道东坑社区观光路光显工业园", "王永强", "刘倩 0755-29716650", leader="赵振宇",
        pages=_pages(_CL, (10, 3, 12, 30, 28, 34, 3))),
    DemoApplicant(
        "A10", "深圳市凯驰新能源汽车部件股份有限公司", make_uscc("91", "440300", "MA5EUB7P"), "enterprise", "新能源汽车", "chain_leader",
        "深圳市光明区玉塘街道长圳社区东长路凯驰科技园1栋", "冯海涛", "苏敏 0755-23365048", leader="潘俊杰",
        pages=_pages(_CL, (8, 2, 8, 18, 16, 20, 3))),
)

BY_ID: dict[str, DemoApplicant] = {a.applicant_id: a for a in APPLICANTS}
