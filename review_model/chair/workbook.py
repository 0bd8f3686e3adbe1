"""panel-scores.xlsx: one sheet per carrier type (rank, applicant, each expert's total, final score,
the sheets counted of those owed, recommended, veto, flags), a sheet with every item score of every
expert, and a sheet with the round and the policy. Points are written as numbers (from their Decimal
value), never as text; an expert who declared a conflict or sent nothing has a word instead (回避 /
未提交). Every text cell goes through plain_text.set_text_cell: a string cell, never a formula,
whatever an expert's comment starts with (=, +, -, @), and characters XML cannot hold become U+FFFD."""
from __future__ import annotations

import io
from datetime import datetime
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..carriers import OFFICIAL_NAMES
from ..plain_text import set_text_cell
from .compile import Compilation
from .states import SheetStatus
from .words import REASON_NAMES, STATUS_WORDS, chinese_day, flags_text, policy_lines, sheets_text

HEADER_FILL = PatternFill("solid", fgColor="E4E4E4")
FLAG_FILL = PatternFill("solid", fgColor="FBE3E3")
ITEMS_SHEET, ROUND_SHEET = "评分明细", "评审说明"
SHEETS_HEADER = "评分表（实收/应收）"


def _append(sheet, values: list) -> int:
    """One row: numbers as numbers, text as string cells (never formulas), None as empty. Returns its row."""
    row = sheet.max_row + 1 if sheet.max_row > 1 or sheet.cell(1, 1).value is not None else 1
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column)
        if isinstance(value, str):
            set_text_cell(cell, value)
        elif value is not None:
            if not isinstance(value, (int, Decimal)) or isinstance(value, bool):
                raise TypeError(f"not a number or text: {value!r}")
            cell.value = value
    return row


def _header(sheet, titles: list[str], widths: list[int]) -> None:
    _append(sheet, titles)
    for index, width in enumerate(widths, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def _number_format(decimals: int) -> str:
    return "0" if decimals == 0 else "0." + "0" * decimals


def _type_sheet(book: Workbook, comp: Compilation, carrier_type: str) -> None:
    sheet = book.create_sheet(OFFICIAL_NAMES.get(carrier_type, carrier_type)[:31])
    names = {m.expert_id: m.name for m in comp.members}
    experts = [m.expert_id for m in comp.members]
    _header(sheet, ["排名", "编号", "申报单位", "统一社会信用代码", *[f"{names[e]}（{e}）" for e in experts],
                    "最终得分", SHEETS_HEADER, "是否推荐", "一票否决", "标记"],
            [6, 7, 36, 22, *[12] * len(experts), 10, 11, 9, 9, 60])
    final_column = 5 + len(experts)
    for a in comp.of_type(carrier_type):
        totals = []
        for expert_id in experts:
            column = a.expert(expert_id)
            totals.append(None if column is None else column.total if column.status is SheetStatus.SCORED
                          else STATUS_WORDS[column.status])
        flags = flags_text(a.result.flags, names)
        row = _append(sheet, [a.result.rank, a.applicant_id, a.name, a.uscc, *totals, a.result.final_score,
                              sheets_text(a.result), "是" if a.result.recommended else "否",
                              "是" if a.result.vetoed else "否", flags])
        sheet.cell(row=row, column=final_column).number_format = _number_format(comp.policy.decimals)
        if a.result.incomplete:
            sheet.cell(row=row, column=final_column + 1).fill = FLAG_FILL
        if any(f.alarming for f in a.result.flags):
            sheet.cell(row=row, column=final_column + 4).fill = FLAG_FILL


def _items_sheet(book: Workbook, comp: Compilation) -> None:
    sheet = book.create_sheet(ITEMS_SHEET)
    names = {m.expert_id: m.name for m in comp.members}
    _header(sheet, ["编号", "申报单位", "载体类型", "专家编号", "专家", "评分表版本", "一级指标", "项目代码", "评分项目",
                    "满分", "得分", "评分说明"], [7, 34, 18, 9, 10, 10, 16, 9, 30, 7, 7, 50])
    changed = {(c.expert_id, c.applicant_id, c.item_code): c for c in comp.changes}
    for a in comp.applicants:
        rubric = comp.rubrics[a.carrier_type]
        for column in a.experts:
            if column.status is not SheetStatus.SCORED:
                continue
            for item in rubric.scored_items:
                section = rubric.section_of(item.code)
                note = column.comments.get(item.code, "")
                change = changed.get((column.expert_id, a.applicant_id, item.code))
                if change is not None:
                    note = (f"【第{change.from_revision}版 {change.old} → 第{change.to_revision}版 {change.new}，"
                            f"{REASON_NAMES.get(change.reason or '', '未说明理由')}】{note}")
                _append(sheet, [a.applicant_id, a.name, OFFICIAL_NAMES.get(a.carrier_type, a.carrier_type),
                                column.expert_id, names[column.expert_id], column.revision,
                                section.title if section else "加分项", item.code, item.title, item.max_points,
                                column.scores.get(item.code), note])


def _round_sheet(book: Workbook, comp: Compilation, created: datetime) -> None:
    sheet = book.create_sheet(ROUND_SHEET)
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 16, 90
    w = comp.window
    rows = [("评审轮次", comp.round.title), ("轮次编号", comp.round.round_id), ("评审组长", comp.chair.name),
            ("汇总日期", chinese_day(created)),
            ("公示期", f"{chinese_day(w.start)}至{chinese_day(w.end)}（{len(w.days)}个工作日）"),
            ("报送截止", chinese_day(w.deadline) + ("（公示结束后报送将晚于截止日期）" if w.late else "")),
            *[(OFFICIAL_NAMES.get(t, t) + "名额", comp.quotas.get(t, 0)) for t in comp.carrier_types()],
            *[("汇总规则" if i == 0 else "", line) for i, line in enumerate(policy_lines(comp.policy))],
            ("评审包摘要", comp.round.package_sha256)]
    for row in rows:
        _append(sheet, list(row))


def panel_workbook(comp: Compilation, created: datetime) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for carrier_type in comp.carrier_types():
        _type_sheet(book, comp, carrier_type)
    _items_sheet(book, comp)
    _round_sheet(book, comp, created)
    book.properties.creator = "ReviewDesk 评审台"
    book.properties.created = book.properties.modified = created.replace(tzinfo=None)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
