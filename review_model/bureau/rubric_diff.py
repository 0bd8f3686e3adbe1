"""What the district changed in the city's rubric (各区可结合实际调整), per carrier type, in the words
the panel reads, and printed for them: 评审细则调整说明, an official document (always Chinese) in the
letters' look (chair/pdf_common.build_pdf: the CJK font, the heading stroke, 第 x 页 共 y 页).

The item-by-item comparison is desk.rubric_changes; this module only says and prints it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from ..carriers import CARRIER_TYPES, OFFICIAL_NAMES
from ..chair.pdf_common import build_pdf, heading, prepare, text_width
from ..chair.words import chinese_day
from ..home import Home
from ..rubric import METHOD_NAMES, shipped_rubrics
from ..signing.document import points
from ..store.blobs import write_durably
from .desk import RubricChange, district_rubric, require_round, rubric_changes
from .records import DeskRubric

WIDTH = text_width(False)
NUMERALS = "一二三四五六七八九十"
WHAT_WORDS = {"added": "新增", "removed": "删除", "title": "名称调整", "max_points": "分值调整",
              "step": "计分步长调整", "method": "评分方式调整", "rule": "评分标准调整"}


@dataclass(frozen=True)
class RubricDifference:
    """One carrier type's rubric against the city's template."""

    carrier_type: str
    city_version: str
    district_version: str
    source_name: str  # the workbook the district's rubric came from; "" = the city's template as published
    total_points: Decimal
    changes: tuple[RubricChange, ...]
    titles: dict[str, str]  # item or veto code -> its title (the district's, else the city's: a removed item)

    def item(self, code: str) -> str:
        """An item as the panel finds it on the score sheet: 1.3 培训管理制度."""
        return f"{code} {self.titles[code]}" if code in self.titles else code


def rubric_differences(home: Home) -> list[RubricDifference]:
    """Every carrier type, in the official order: its rubric for this round and what differs from the city's."""
    city = shipped_rubrics()
    with home.store.read() as session:
        sources = {r.carrier_type: r.source_name for r in session.scalars(select(DeskRubric))}
    out = []
    for carrier_type in CARRIER_TYPES:
        district = district_rubric(home, carrier_type)
        titles = {i.code: i.title for r in (city[carrier_type], district) for i in [*r.scored_items, *r.vetoes]}
        out.append(RubricDifference(carrier_type, city[carrier_type].version, district.version,
                                    sources.get(carrier_type, ""), district.total_points,
                                    tuple(rubric_changes(city[carrier_type], district)), titles))
    return out


def change_value(change: RubricChange, value: str) -> str:
    """A changed field's value as the panel reads it: 材料审核 for a method, 10 for 10.0 points."""
    if not value or value == "None":
        return "—"
    if change.what == "method":
        return METHOD_NAMES.get(value, value)
    if change.what in ("max_points", "step"):
        try:
            return f"{points(Decimal(value))}分"
        except ArithmeticError:
            return value
    return value


def render_rubric_changes(home: Home, issued: date) -> bytes:
    """评审细则调整说明: per carrier type, each change (item, what, the city's, the district's)."""
    # reportlab: only when the changes are printed (the desk's table reads this module too)
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Spacer

    from ..signing.pdf import BoldLine
    from ..signing.pdf_tables import Rows, centre, para

    round_file = require_round(home)
    differences = rubric_differences(home)
    prepare()
    changed = [d for d in differences if d.changes]
    basis = f"根据{round_file.call_reference}“各区可结合实际调整”的规定，" if round_file.call_reference else \
        "根据市评审细则“各区可结合实际调整”的规定，"
    summary = (f"{basis}{round_file.bureau}结合本区实际，对{len(changed)}类载体的评审细则作了调整，其余类型沿用市评审细则。"
               if changed else f"{basis}经研究，本区各类载体均沿用市评审细则，未作调整。")
    story = [Spacer(1, 2 * mm), para(round_file.title, 12.5, align=TA_CENTER), Spacer(1, 2 * mm),
             BoldLine("评审细则调整说明", 19, space_after=4 * mm),
             para(f"　　{summary}调整内容如下，请评审组各位专家按调整后的评审细则评分。", 11, leading=20)]
    for index, d in enumerate(differences):
        kind = OFFICIAL_NAMES.get(d.carrier_type, d.carrier_type)
        story += [CondPageBreak(40 * mm), heading(f"{NUMERALS[index]}、{kind}", 12)]
        if not d.changes:
            story.append(para(f"沿用市评审细则（版本{d.city_version}），未作调整。", 10.5))
            continue
        source = f"，据{d.source_name}导入" if d.source_name else ""
        story.append(para(f"市评审细则版本{d.city_version}，本区调整后版本{d.district_version}{source}；"
                          f"调整后满分{points(d.total_points)}分。", 10.5))
        story.append(Spacer(1, 1.5 * mm))
        rows = Rows([11 * mm, 36 * mm, 24 * mm, (WIDTH - 71 * mm) / 2, (WIDTH - 71 * mm) / 2], text_col=3)
        rows.add([centre(t, 10) for t in ("序号", "指标", "调整事项", "市评审细则", "本区调整后")])
        for number, change in enumerate(d.changes, start=1):
            rows.add([centre(str(number), 10), para(d.item(change.code), 10), centre(WHAT_WORDS[change.what], 10),
                      para(change_value(change, change.city), 10), para(change_value(change, change.district), 10)])
        story.append(rows.table(header_rows=1))
    story += [Spacer(1, 10 * mm), para(round_file.bureau, 11.5, align=TA_RIGHT),
              para(chinese_day(issued), 11.5, align=TA_RIGHT)]
    return build_pdf(story, wide=False, title=f"{round_file.title} 评审细则调整说明", author=round_file.bureau,
                     subject=f"reviewdesk-rubric-changes {round_file.round_id}", header_left=round_file.title,
                     header_right="评审细则调整说明", footer=f"{round_file.bureau}　印发评审组")


def write_rubric_changes(home: Home, out: Path, issued: date | None = None) -> Path:
    """The printout for the panel at `out`: the whole PDF or, if anything is refused, no file."""
    data = render_rubric_changes(home, issued or date.today())
    write_durably(out, data)
    return out
