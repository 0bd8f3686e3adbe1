"""The candidate list (拟认定候选名单), ready to publish: per carrier type the recommended applicants
in rank order with their credit code and score, and the publicity window (公示期). Portrait A4,
always Chinese. Internal matters (flags, expert scores, discussion) stay in the panel summary; only a
score resting on fewer sheets than the panel owes says so beside it (（4/5）, with a note)."""
from __future__ import annotations

from datetime import datetime

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

from ..carriers import OFFICIAL_NAMES
from ..signing.pdf import BoldLine
from ..signing.pdf_tables import GREY, Rows, centre, para
from .compile import Compilation
from .pdf_common import build_pdf, china_day, heading, prepare, text_width
from .words import INCOMPLETE_NOTE, chinese_day, score_text, sheets_text

NUMERALS = "一二三四五六七八九十"
WIDTH = text_width(False)


def _window_text(comp: Compilation) -> str:
    w = comp.window
    return f"{chinese_day(w.start)}至{chinese_day(w.end)}（{len(w.days)}个工作日）"


def _type_table(comp: Compilation, carrier_type: str) -> list:
    chosen = comp.candidates(carrier_type)
    if not chosen:
        return [para("本类型无拟认定候选单位。", 10)]
    rows = Rows([14 * mm, 78 * mm, 50 * mm, WIDTH - 142 * mm], text_col=1)
    rows.add([centre(t, 10) for t in ("排名", "申报单位", "统一社会信用代码", "评审得分")])
    for a in chosen:
        score = score_text(a.result.final_score, comp.policy.decimals)
        if a.result.incomplete:  # fewer sheets than the panel owes: the list says so beside the score
            score += f"（{sheets_text(a.result)}）"
        rows.add([centre(str(a.result.rank)), para(a.name, 10.5), centre(a.uscc, 10), centre(score, 10.5)])
    out = [rows.table(header_rows=1)]
    if any(a.result.incomplete for a in chosen):
        out += [Spacer(1, 1.5 * mm), para("注：" + INCOMPLETE_NOTE, 9, colour=GREY)]
    return out


def render_candidates(comp: Compilation, created: datetime) -> bytes:
    prepare()
    r = comp.round
    basis = f"根据《{r.programme}》有关规定（{r.call_reference}）" if r.call_reference else f"根据《{r.programme}》有关规定"
    intro = (f"{basis}，经申报、受理和专家评审，现将{r.title}拟认定候选名单予以公示。"
             f"公示期为{_window_text(comp)}。")
    story: list = [Spacer(1, 2 * mm), para(r.title, 12.5, align=TA_CENTER), Spacer(1, 2.5 * mm),
                   BoldLine("拟认定候选名单", 19, space_after=4 * mm), para(intro, 10.5, leading=17), Spacer(1, 2 * mm)]
    for index, carrier_type in enumerate(comp.carrier_types()):
        count = len(comp.candidates(carrier_type))
        story += [CondPageBreak(35 * mm),
                  heading(f"{NUMERALS[index]}、{OFFICIAL_NAMES.get(carrier_type, carrier_type)}（{count}个）", 11.5),
                  *_type_table(comp, carrier_type)]
    closing = ("公示期间，任何单位或个人对公示名单有异议的，可以书面形式向" f"{r.bureau}反映。"
               "反映问题应当实事求是，并提供真实姓名和有效联系方式，以便核实。")
    story.append(KeepTogether([Spacer(1, 5 * mm), para(closing, 10.5, leading=17), Spacer(1, 8 * mm),
                               para(r.bureau, 11, align=TA_RIGHT), para(chinese_day(comp.window.start), 11, align=TA_RIGHT)]))
    return build_pdf(story, wide=False, title=f"{r.title} 拟认定候选名单", author=r.bureau,
                     subject=f"reviewdesk-candidates {r.round_id}", header_left=f"{r.title}　{r.district}",
                     header_right="拟认定候选名单", footer=f"公示期：{_window_text(comp)}　生成日期 {china_day(created)}")
