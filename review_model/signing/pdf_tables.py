"""The tables of the PDF score sheet: facts, items by section, vetoes, opinion and signature.

Tables split between rows only. A long text (a comment, a veto reason, the opinion) continues in
rows of its own drawn without a rule between them, so no row is ever taller than a page and a
long comment wraps onto the next page under the repeated header instead of overflowing.
"""
from __future__ import annotations

from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from ..carriers import OFFICIAL_NAMES
from ..rubric import METHOD_NAMES, Rubric
from .document import SheetDocument, points

FONT = "ReviewDeskCJK"
WIDTH = 174 * mm  # A4 less 18 mm margins
GRID, SHADE, SHADE_LIGHT, GREY = colors.black, colors.HexColor("#E4E4E4"), colors.HexColor("#F3F3F3"), colors.HexColor("#555555")
NUMERALS = "一二三四五六七八九十"
RECOMMENDATION = {"recommend": "推荐", "not_recommend": "不推荐"}
CHUNK = 240  # characters of a long text per table row


def style(size: float, *, align: int = 0, leading: float | None = None, colour=colors.black) -> ParagraphStyle:
    return ParagraphStyle(f"s{size}-{align}-{leading}-{colour}", fontName=FONT, fontSize=size,
                          leading=leading or size * 1.45, alignment=align, wordWrap="CJK", textColor=colour)


def para(text: str, size: float = 9.5, **kw) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style(size, **kw))


def centre(text: str, size: float = 9.5) -> Paragraph:
    return para(text, size, align=TA_CENTER)


def chunks(text: str, limit: int = CHUNK) -> list[str]:
    """`text` in pieces of at most `limit` characters, cut after a sentence where one is near."""
    out, rest = [], text.strip()
    while len(rest) > limit:
        cut = max(rest.rfind(mark, limit // 2, limit) for mark in "。；！？\n")
        cut = limit if cut < 0 else cut + 1
        out.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    out.append(rest)
    return out


class Rows:
    """Rows of one table with explicit rules: a group (a row and its continuation rows) gets a rule
    below it starting at column `rule_from` (1 keeps a section's first column open, as a merged cell)."""

    def __init__(self, widths: list[float], text_col: int) -> None:
        self.widths, self.text_col = widths, text_col
        self.data: list[list] = []
        self.cmds: list[tuple] = []

    def add(self, cells: list, texts: list[list] | None = None, *, rule_from: int = 0, shade=None,
            spans: tuple[tuple[int, int], ...] = ()) -> None:
        first = len(self.data)
        for index, text in enumerate(texts or [cells[self.text_col]]):
            row = list(cells) if index == 0 else [""] * len(cells)
            row[self.text_col] = text
            self.data.append(row)
        last = len(self.data) - 1
        for a, b in spans:
            self.cmds.append(("SPAN", (a, first), (b, first)))
        if shade is not None:
            self.cmds.append(("BACKGROUND", (0, first), (-1, last), shade))
        if last > first:
            self.cmds.append(("VALIGN", (0, first), (-1, first), "TOP"))
            self.cmds += [("BOTTOMPADDING", (0, first), (-1, last - 1), 0), ("TOPPADDING", (0, first + 1), (-1, last), 0)]
        self.cmds.append(("LINEBELOW", (rule_from, last), (-1, last), 0.5, GRID))

    def table(self, header_rows: int = 0) -> Table:
        table = Table(self.data, colWidths=self.widths, repeatRows=header_rows)
        base = [("BOX", (0, 0), (-1, -1), 1.0, GRID), ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 1.0, GRID),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
        base += [("LINEAFTER", (c, 0), (c, -1), 0.5, GRID) for c in range(len(self.widths) - 1)]
        if header_rows:
            base.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE))
        table.setStyle(TableStyle(base + self.cmds))
        return table


def _text_rows(text: str, size: float = 9, after: list | None = None) -> list[list]:
    """The pieces of a long text as table-cell contents, `after` (e.g. evidence) under the last one."""
    cells = [[para(piece, size)] for piece in chunks(text)] if text.strip() else [[]]
    cells[-1] += after or []
    return [cell or [para("", size)] for cell in cells]


def info_table(doc: SheetDocument) -> Table:
    a, r = doc.applicant, doc.revision
    label = lambda t: centre(t)  # noqa: E731
    rows = Rows([30 * mm, 62 * mm, 24 * mm, WIDTH - 116 * mm], text_col=1)
    rows.add([label("申报单位"), para(a.name, 10.5), "", ""], spans=((1, 3),))
    rows.add([label("统一社会信用代码"), para(a.uscc, 10), label("载体类型"), para(OFFICIAL_NAMES.get(a.carrier_type, a.carrier_type), 10)])
    rows.add([label("所在区"), para(doc.round.district, 10), label("评审轮次"), para(doc.round.round_id, 10)])
    rows.add([label("评审细则"), para(f"{doc.rubric.title}（版本 {doc.rubric.version}）", 10), "", ""], spans=((1, 3),))
    revision = f"第 {r.number} 版" + ("（修订）" if r.number > 1 else "")
    rows.add([label("评审专家"), para(f"{doc.expert.name}（{doc.expert.expert_id}）", 10), label("修订版本"), para(revision, 10)])
    if r.amend_reason:
        rows.add([label("修订原因"), "", "", ""], _text_rows(r.amend_reason, 10), spans=((1, 3),))
    rows.cmds += [("BACKGROUND", (0, 0), (0, -1), SHADE_LIGHT), ("BACKGROUND", (2, 1), (2, 2), SHADE_LIGHT),
                  ("BACKGROUND", (2, 4), (2, 4), SHADE_LIGHT)]
    return rows.table()


def _evidence(doc: SheetDocument, code: str) -> list:
    parts = [f"《{e.material}》第{e.page_label or e.page}页" + ("（局部）" if e.rect else "")
             for e in doc.evidence if e.item_code == code]
    photos = sum(1 for p in doc.photos if p.item_code == code)
    lines = (["佐证：" + "；".join(parts)] if parts else []) + ([f"现场照片 {photos} 张"] if photos else [])
    return [para("\n".join(lines), 8, colour=GREY)] if lines else []


def item_table(doc: SheetDocument, rubric: Rubric) -> Table:
    rows = Rows([23 * mm, 10 * mm, 32 * mm, 16 * mm, 10 * mm, 11 * mm, WIDTH - 102 * mm], text_col=6)
    rows.add([centre(t, 9) for t in ("一级指标", "序号", "二级指标", "评估方式", "分值", "得分", "评分说明及佐证材料")])
    rows.cmds.append(("VALIGN", (0, 1), (0, -1), "TOP"))
    by_code = {i.code: i for i in doc.items}

    def item_row(section_cell, code: str) -> None:
        entry, item = by_code[code], rubric.item(code)
        method = METHOD_NAMES.get(item.method, item.method) if item else ""
        score = entry.score if entry.score is not None else "—"
        rows.add([section_cell, centre(code, 9), para(entry.title, 9.5), centre(method, 8.5), centre(entry.max_points),
                  centre(score, 10), ""], _text_rows(entry.comment, 9, _evidence(doc, code)), rule_from=1)

    def summary(text: str, max_points: str, value: str, note: str = "", *, from_col: int = 1) -> None:
        rows.add([""] * from_col + [para(text, 9.5, align=TA_RIGHT)] + [""] * (3 - from_col) +
                 [centre(max_points), centre(value), para(note, 8.5, colour=GREY)], spans=((from_col, 3),))

    for index, (section, total) in enumerate(zip(rubric.sections, doc.totals.sections)):
        cell = para(f"{NUMERALS[index % 10]}、{section.title}", 9.5)
        for position, item in enumerate(section.items):
            item_row(cell if position == 0 else "", item.code)
        ratio = ""
        if Decimal(total.max_points):
            ratio = f"得分率 {(Decimal(total.points) * 100 / Decimal(total.max_points)).quantize(Decimal('1'))}%"
            ratio += "，低于及格线" if section.code in doc.totals.failed_sections else ""
        summary("小计", total.max_points, total.points, ratio)
    summary("基础分合计", points(rubric.total_points), doc.totals.base, from_col=0)
    if rubric.bonus:
        cell = para(f"加分项\n（上限{doc.totals.bonus_cap}分）", 9.5)
        for position, item in enumerate(rubric.bonus.items):
            item_row(cell if position == 0 else "", item.code)
        capped = doc.totals.bonus != doc.totals.bonus_raw
        summary("加分小计", doc.totals.bonus_cap, doc.totals.bonus,
                f"合计 {doc.totals.bonus_raw} 分，超过上限按 {doc.totals.bonus_cap} 分计" if capped else "")
    grade = doc.totals.grade or "—"
    rows.add([para("总　分", 10.5, align=TA_RIGHT), "", "", "", "", centre(doc.totals.total, 10.5),
              para(f"评定等级：{grade}" + ("（触发一票否决）" if doc.totals.vetoed else ""), 10)],
             shade=SHADE_LIGHT, spans=((0, 4),))
    return rows.table(header_rows=1)


def veto_table(doc: SheetDocument) -> Table:
    rows = Rows([12 * mm, 72 * mm, 20 * mm, WIDTH - 104 * mm], text_col=3)
    rows.add([centre(t) for t in ("序号", "一票否决事项", "是否触发", "情况说明")])
    for index, veto in enumerate(doc.vetoes, start=1):
        rows.add([centre(str(index)), para(veto.title, 9.5), centre("■ 是" if veto.triggered else "□ 否"), ""],
                 _text_rows(veto.reason))
    if not doc.vetoes:
        rows.add([centre("—"), para("本细则未设一票否决事项", 9.5), centre("—"), ""])
    return rows.table(header_rows=1)


def opinion_table(doc: SheetDocument) -> Table:
    marks = "　　".join(("■ " if doc.recommendation == code else "□ ") + name for code, name in RECOMMENDATION.items())
    rows = Rows([30 * mm, WIDTH - 30 * mm], text_col=1)
    rows.add([centre("综合评审意见", 10), ""], [[para(p, 10, leading=16)] for p in chunks(doc.opinion or "（未填写）")])
    rows.add([centre("评审建议", 10), para(marks, 10.5)])
    rows.add([centre("总分及等级", 10), para(f"{doc.totals.total} 分　{doc.totals.grade or '—'}", 10.5)])
    rows.cmds.append(("BACKGROUND", (0, 0), (0, -1), SHADE_LIGHT))
    return rows.table()


def signature_table(doc: SheetDocument, json_sha256: str, signed_date: str, conflict_date: str) -> Table:
    rows = Rows([30 * mm, 62 * mm, 24 * mm, WIDTH - 116 * mm], text_col=1)
    rows.add([centre("回避声明"), para(f"本人与该申报单位不存在需要回避的关系（{conflict_date}确认），"
                                   "已独立、客观、公正地评分。", 9.5), "", ""], spans=((1, 3),))
    rows.add([centre("评审专家（签名）"), para(doc.expert.name, 12), centre("签署日期"), para(signed_date, 10.5)])
    rows.add([centre("密钥指纹"), para(doc.expert.fingerprint, 10), "", ""], spans=((1, 3),))
    rows.add([centre("评分数据摘要"), para(f"SHA-256：{json_sha256}", 8.5), "", ""], spans=((1, 3),))
    rows.add([centre("电子签名说明"), para("评审专家已用本人 Ed25519 私钥对本表评分数据（JSON）签名。"
                                     "各页页脚的“签名摘要”为上述 SHA-256 的前16位，用于核对本表与签名数据一致。", 8.5, colour=GREY),
              "", ""], spans=((1, 3),))
    rows.cmds += [("BACKGROUND", (0, 0), (0, -1), SHADE_LIGHT), ("BACKGROUND", (2, 1), (2, 1), SHADE_LIGHT),
                  ("TOPPADDING", (1, 1), (1, 1), 8), ("BOTTOMPADDING", (1, 1), (1, 1), 8)]
    return rows.table()
