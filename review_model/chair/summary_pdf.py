"""The panel summary (专家评审汇总表): every applicant, every expert's total, the final score, rank,
flags, the changed scores with their reasons, the discussion, and signature lines for every member
with room for a dissent. Landscape A4, always Chinese (it is filed with the bureau)."""
from __future__ import annotations

from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

from ..carriers import OFFICIAL_NAMES
from ..signing.pdf import BoldLine
from ..signing.pdf_tables import GREY, SHADE_LIGHT, Rows, centre, para
from .compile import Compilation
from .flags import abnormal_totals
from .pdf_common import build_pdf, china_day, heading, prepare, text_width
from .words import (
    DIRECTION,
    INCOMPLETE_NOTE,
    REASON_NAMES,
    STATUS_WORDS,
    flags_text,
    policy_lines,
    score_text,
    sheets_text,
)

NUMERALS = "一二三四五六七八九十"
MARK = colors.HexColor("#FBE3E3")  # a flagged cell: light enough to photocopy
WIDTH = text_width(True)


def _names(comp: Compilation) -> dict[str, str]:
    return {m.expert_id: m.name for m in comp.members}


def _info(comp: Compilation, created: datetime) -> list:
    rows = Rows([28 * mm, 100 * mm, 28 * mm, WIDTH - 156 * mm], text_col=1)
    rows.add([centre("评审轮次"), para(comp.round.round_id, 10), centre("所在区"), para(comp.round.district, 10)])
    rows.add([centre("评审组长"), para(comp.chair.name, 10), centre("汇总日期"), para(china_day(created), 10)])
    members = "、".join(f"{m.name}（{'组长' if m.role == 'chair' else '成员'}）" for m in comp.members)
    rows.add([centre("评审专家"), para(members, 10), "", ""], spans=((1, 3),))
    rows.cmds += [("BACKGROUND", (0, 0), (0, -1), SHADE_LIGHT), ("BACKGROUND", (2, 0), (2, 1), SHADE_LIGHT)]
    return [rows.table()]


def _score_table(comp: Compilation, carrier_type: str, changed: set[tuple[str, str]]) -> list:
    names = _names(comp)
    experts = [m.expert_id for m in comp.members]
    fixed = 11 * mm + 66 * mm + 17 * mm + 12 * mm
    each = min(19 * mm, (WIDTH - fixed - 50 * mm) / max(len(experts), 1))
    rows = Rows([11 * mm, 66 * mm] + [each] * len(experts) + [17 * mm, 12 * mm, WIDTH - fixed - each * len(experts)],
                text_col=1)
    rows.add([centre("排名", 9), centre("申报单位", 9)] + [centre(f"{names[e]}\n{e}", 8.5) for e in experts]
             + [centre("最终得分", 9), centre("推荐", 9), centre("标记", 9)])
    decimals = comp.policy.decimals
    for a in comp.of_type(carrier_type):
        marks = {e: DIRECTION[d] for e, d in abnormal_totals(a.result.flags).items()}
        cells = [centre(str(a.result.rank) if a.result.rank else "—"), para(f"{a.name}\n{a.applicant_id}", 9)]
        for index, expert_id in enumerate(experts):
            column = a.expert(expert_id)
            if column is None:
                cells.append(centre("—", 9))
                continue
            text = STATUS_WORDS.get(column.status) or score_text(column.total)
            if (expert_id, a.applicant_id) in changed:
                text += "※"
            if expert_id in marks:
                text += f"\n{marks[expert_id]}"
                rows.cmds.append(("BACKGROUND", (2 + index, len(rows.data)), (2 + index, len(rows.data)), MARK))
            cells.append(centre(text, 9))
        final = score_text(a.result.final_score, decimals) if a.result.final_score is not None else "—"
        here = len(rows.data)
        if a.result.incomplete:  # the score rests on fewer sheets than the panel owes: say so beside it
            final += f"\n（{sheets_text(a.result)}）"
            rows.cmds.append(("BACKGROUND", (len(cells), here), (len(cells), here), MARK))
        flags = flags_text(a.result.flags, names, "\n")  # one line per expert
        cells += [centre(final, 10), centre("是" if a.result.recommended else "否", 9.5), para(flags or "—", 8.5)]
        if any(f.alarming for f in a.result.flags):  # a declared conflict is a fact, not a concern
            rows.cmds.append(("BACKGROUND", (len(cells) - 1, here), (len(cells) - 1, here), MARK))
        rows.add(cells)
    return [rows.table(header_rows=1)]


def _changes(comp: Compilation) -> list:
    if not comp.changes:
        return [para("（无）", 9.5)]
    names = _names(comp)
    rows = Rows([52 * mm, 22 * mm, 44 * mm, 26 * mm, 22 * mm, 44 * mm, WIDTH - 210 * mm], text_col=6)
    rows.add([centre(t, 9) for t in ("申报单位", "专家", "评分项", "原分 → 新分", "版本", "变更理由", "专家修订说明")])
    for c in comp.changes:
        applicant = comp.applicant(c.applicant_id)
        source = "（组长认定）" if c.source == "chair" else "（复核请求）" if c.source == "request" else ""
        reason = REASON_NAMES.get(c.reason or "", "未说明理由") + source
        rows.add([para(f"{applicant.name if applicant else c.applicant_id}", 9), centre(names.get(c.expert_id, c.expert_id), 9),
                  para(f"{c.item_code} {c.item_title}", 9), centre(f"{score_text(c.old)} → {score_text(c.new)}", 9.5),
                  centre(f"第{c.from_revision}→{c.to_revision}版", 9), para(reason, 9), para(c.amend_reason, 8.5)])
    return [rows.table(header_rows=1)]


def _discussion(comp: Compilation) -> list:
    names = _names(comp)
    out = []
    for a in comp.applicants:
        lines = [n.text for n in a.notes]
        for status in a.requests:
            r = status.request
            answer = f"已提交第{status.answered_by}版" if status.answered_by else "尚未修订"
            lines.append(f"请{names.get(r.expert_id, r.expert_id)}复核第{'、'.join(r.items)}项"
                         f"（{REASON_NAMES.get(r.reason, r.reason)}）{('：' + r.note.rstrip('。；，')) if r.note else ''}，{answer}。")
        if lines:
            out.append(para(f"{a.name}（{a.applicant_id}）：" + "　".join(lines), 9.5))
            out.append(Spacer(1, 1.5 * mm))
    return out or [para("（无）", 9.5)]


def _signatures(comp: Compilation) -> list:
    rows = Rows([11 * mm, 26 * mm, 14 * mm, 66 * mm, 36 * mm, 34 * mm, WIDTH - 187 * mm], text_col=3)
    rows.add([centre(t, 9) for t in ("序号", "姓名", "角色", "工作单位及职称", "签名", "意见", "不同意见及理由")])
    for index, m in enumerate(comp.members, start=1):
        rows.add([centre(str(index)), centre(m.name, 10), centre("组长" if m.role == "chair" else "成员", 9),
                  para("　".join(x for x in (m.organisation, m.title) if x) or "", 9), "",
                  centre("□ 同意　□ 不同意", 9), ""])
    rows.cmds += [("TOPPADDING", (0, 1), (-1, -1), 9), ("BOTTOMPADDING", (0, 1), (-1, -1), 9)]
    note = para("注：持不同意见的专家应在“不同意见及理由”栏书面说明理由并签名。本表数据与组长电子签名的评审结果文件"
                "（result.rvres）一致；纸质件经全体评审专家签名后报送。", 8.5, colour=GREY)
    chair = para("评审组长（签名）：＿＿＿＿＿＿＿＿　　　　日期：＿＿＿＿年＿＿月＿＿日", 10.5)
    return [rows.table(header_rows=1), Spacer(1, 2 * mm), note, Spacer(1, 5 * mm), chair]


def _missing_line(comp: Compilation) -> str:
    names = _names(comp)
    applicants = {a.applicant_id: a.name for a in comp.applicants}
    listed = "；".join(f"{names.get(e, e)}（{e}）对{applicants.get(a, a)}（{a}）" for e, a in comp.missing)
    return (f"有{len(comp.missing)}份评分表未收到：{listed}。经评审组长确认，按已收到的评分表汇总，"
            "未提交者不计入该申报单位的评分人数。")


def render_panel_summary(comp: Compilation, created: datetime, *, signed_incomplete: bool = False) -> bytes:
    """The summary; `signed_incomplete`: the chair confirmed signing while sheets are missing (it says so)."""
    prepare()
    changed = {(c.expert_id, c.applicant_id) for c in comp.changes}
    section_titles = {s.code: s.title for r in comp.rubrics.values() for s in r.sections}
    story: list = [Spacer(1, 1 * mm), para(comp.round.title, 12.5, align=TA_CENTER), Spacer(1, 2 * mm),
                   BoldLine("专家评审汇总表", 19, space_after=3 * mm), *_info(comp, created),
                   heading("一、汇总规则")]
    story += [para(f"{i}. {line}", 9.5) for i, line in enumerate(policy_lines(
        comp.policy, section_titles.get(comp.policy.tie_section or "", "")), start=1)]
    story.append(heading("二、评审得分汇总"))
    for index, carrier_type in enumerate(comp.carrier_types()):
        quota = comp.quotas.get(carrier_type, 0)
        story += [CondPageBreak(28 * mm),
                  heading(f"（{NUMERALS[index]}）{OFFICIAL_NAMES.get(carrier_type, carrier_type)}（名额 {quota} 个）", 10.5),
                  *_score_table(comp, carrier_type, changed)]
    note = ("注：表中为各专家评分表总分；“回避”指专家声明回避，“未提交”指未收到该专家的评分表，均不计入评分人数；"
            "“※”为经复核修订的评分，见“三、评分变更记录”；标红为畸高畸低或其他需关注事项。")
    if any(a.result.incomplete for a in comp.applicants):
        note += INCOMPLETE_NOTE
    notes = [para(note, 8.5, colour=GREY)]
    if comp.missing and signed_incomplete:
        notes += [Spacer(1, 1.5 * mm), para(_missing_line(comp), 9.5)]
    story.append(KeepTogether(notes))
    story += [CondPageBreak(40 * mm), heading("三、评分变更记录"), *_changes(comp),
              CondPageBreak(30 * mm), heading("四、评审讨论纪要"), *_discussion(comp),
              KeepTogether([heading("五、评审组成员签名"), *_signatures(comp)])]
    title = f"{comp.round.title} 专家评审汇总表"
    return build_pdf(story, wide=True, title=title, author=comp.chair.name, subject=f"reviewdesk-panel-summary {comp.round.round_id}",
                     header_left=f"{comp.round.title}　{comp.round.district}", header_right="专家评审汇总表",
                     footer=f"评审轮次 {comp.round.round_id}　汇总日期 {china_day(created)}")
