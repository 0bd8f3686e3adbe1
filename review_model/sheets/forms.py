"""The offline score form (as HotCRP reviewers use): a CSV (UTF-8 with BOM, for Excel) or XLSX
with one row per rubric item, filled away from the app and read back all or nothing.

Columns: item_code, item_title, max_points, score, comment (SPEC.md), each headed in Chinese with
its code kept ("得分 score"), and a sixth column, 填写说明, telling what each row reads; it is never
read. Besides the items:
  `#`               the form's stamp: score = the sheet version it was exported from, comment =
                    applicant and revision (a form older than the sheet is refused unless the
                    expert confirms overwriting)
  veto codes        score 是/否 (or 1/0), comment = the reason when 是
  OPINION           comment = the overall opinion (综合评审意见)
  RECOMMENDATION    comment = 推荐 or 不推荐 (不推荐 whenever a veto is 是)
Only item_code, score and comment are read, and a value in a column its row does not read (a score on
the OPINION row) is refused rather than dropped. Every bad cell is reported (row, column, reason):
the first MAX_BAD_CELLS of them, and how many more. The XLSX form offers drop-downs (是/否,
推荐/不推荐) and checks score ranges as they are typed; every text cell of either format is written
as text, never as a formula (plain_text).
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from ..errors import Code, Problem
from ..plain_text import TextField, check_text, csv_cell, set_text_cell
from ..rubric import Rubric
from ..store.blobs import write_durably
from ..tables import iter_table
from .context import Reviewer
from .ops import Applied, SetSheet, parse_score
from .view import SheetView, sheet_view, veto_against

COLUMNS = ("item_code", "item_title", "max_points", "score", "comment")
# The header the form is written with: Chinese first, the machine code kept in the same cell.
HEADER_TEXT = {"item_code": "指标编号 item_code", "item_title": "指标名称 item_title", "max_points": "满分 max_points",
               "score": "得分 score", "comment": "评语 comment"}
GUIDE_HEADER = "填写说明（本列不读取）"
# Spellings accepted on import besides the codes (and "中文 code" cells such as the above).
HEADERS = {"item_code": ("指标编号", "编号"), "item_title": ("指标名称",), "max_points": ("满分", "分值"),
           "score": ("得分", "评分", "分数"), "comment": ("评语", "说明", "理由")}
STAMP, OPINION, RECOMMENDATION = "#", "OPINION", "RECOMMENDATION"
YES, NO = ("是", "1", "yes", "y", "true"), ("否", "0", "no", "n", "false", "")
RECOMMEND_WORDS = {"推荐": "recommend", "recommend": "recommend", "不推荐": "not_recommend",
                   "not_recommend": "not_recommend", "": ""}
_STAMP_TEXT = re.compile(r"^(?P<applicant>[A-Za-z0-9_\-]+) r(?P<revision>[0-9]+)")
MAX_BAD_CELLS = 20  # listed in the refusal; the rest are counted (a pasted table can have a million)


@dataclass(frozen=True)
class BadCell:
    row: int
    column: str
    reason: str  # unknown_item | duplicate | not_a_number | out_of_range | off_step | comment_required |
    #              bad_choice | reason_required | stamp_missing | other_applicant | not_read | code_missing |
    #              vetoed_recommend | control | too_long
    value: str = ""


class _BadCells:
    """The first MAX_BAD_CELLS bad cells, and a count of the others."""

    def __init__(self) -> None:
        self.cells: list[BadCell] = []
        self.more = 0

    def add(self, cell: BadCell, *, first: bool = False) -> None:
        if first:
            self.cells.insert(0, cell)
        else:
            self.cells.append(cell)
        if len(self.cells) > MAX_BAD_CELLS:
            self.cells.pop()
            self.more += 1

    def __bool__(self) -> bool:
        return bool(self.cells)

    def reasons(self) -> set[str]:
        return {c.reason for c in self.cells}


# --- writing ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Line:
    """One row of the form: the five contract columns, the guide, and what the score cell holds."""

    cells: list[str]
    guide: str
    kind: str  # stamp | item | veto | opinion | recommendation
    max_points: Decimal | None = None


def _lines(view: SheetView) -> list[_Line]:
    rubric = view.rubric
    lines = [_Line([STAMP, "评分表版本（请勿修改）", "", str(view.version), f"{view.applicant_id} r{view.revision or 1}"],
                   "本行供核对版本，请勿修改", "stamp")]
    for section in rubric.sections:
        for item in section.items:
            lines.append(_item_line(view, item.code, f"{section.title}／{item.title}"))
    if rubric.bonus:
        for item in rubric.bonus.items:
            lines.append(_item_line(view, item.code, f"加分项（上限{_plain(rubric.bonus.cap)}分）／{item.title}"))
    for veto in rubric.vetoes:
        triggered, reason = view.vetoes.get(veto.code, (False, ""))
        lines.append(_Line([veto.code, f"一票否决／{veto.title}（填 是/否）", "", "是" if triggered else "否", reason],
                           "“得分”列填 是 或 否；填“是”的须在“评语”列写明理由，且推荐意见只能填 不推荐", "veto"))
    lines.append(_Line([OPINION, "综合评审意见", "", "", view.opinion], "只读“评语”列：填写综合评审意见", "opinion"))
    recommendation = {"recommend": "推荐", "not_recommend": "不推荐"}.get(view.recommendation, "")
    lines.append(_Line([RECOMMENDATION, "推荐意见（填 推荐/不推荐）", "", "", recommendation],
                       "只读“评语”列：填 推荐 或 不推荐（触发一票否决的填 不推荐）", "recommendation"))
    return lines


def _item_line(view: SheetView, code: str, title: str) -> _Line:
    rubric = view.rubric
    item = rubric.item(code)
    score = view.scores.get(code)
    points = f"“得分”列填 0–{_plain(item.max_points)} 分（步长 {_plain(item.step)}）"
    if rubric.is_bonus(code):
        guide = points + "，不加分的留空；“评语”列可写说明"
    else:
        ratio = item.comment_required_below if item.comment_required_below is not None else rubric.comment_required_below
        guide = points + f"；低于 {_plain(item.max_points * ratio)} 分的须在“评语”列写明理由"
    return _Line([code, title, _plain(item.max_points), "" if score is None else _plain(score), view.comments.get(code, "")],
                 guide, "item", item.max_points)


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def export_form(reviewer: Reviewer, applicant_id: str, path: Path) -> None:
    view = sheet_view(reviewer, applicant_id)
    lines = _lines(view)
    if path.suffix.lower() == ".xlsx":
        data = _xlsx(lines, view)
    elif path.suffix.lower() == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([HEADER_TEXT[c] for c in COLUMNS] + [GUIDE_HEADER])
        for line in lines:  # text a spreadsheet would run as a formula gets "'" (plain_text.csv_cell)
            writer.writerow([csv_cell(value) for value in (*line.cells, line.guide)])
        data = buffer.getvalue().encode("utf-8-sig")
    else:
        raise Problem(Code.FORM_INVALID, errors=[BadCell(0, "", "format", path.suffix)])
    write_durably(path, data)


def _xlsx(lines: list[_Line], view: SheetView) -> bytes:
    # openpyxl loads only when a workbook is read or written
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = view.applicant_id
    for column, text in enumerate([*(HEADER_TEXT[c] for c in COLUMNS), GUIDE_HEADER], start=1):
        set_text_cell(sheet.cell(row=1, column=column), text)
        sheet.cell(row=1, column=column).font = Font(bold=True)
    yes_no = DataValidation(type="list", formula1='"是,否"', allow_blank=False, showErrorMessage=True,
                            errorTitle="请选择 是 或 否", error="一票否决项只能填 是 或 否。")
    choice = DataValidation(type="list", formula1='"推荐,不推荐"', allow_blank=True, showErrorMessage=True,
                            errorTitle="请选择推荐意见", error="推荐意见只能填 推荐 或 不推荐。")
    ranges: dict[Decimal, DataValidation] = {}
    for number, line in enumerate(lines, start=2):
        for column, value in enumerate([*line.cells, line.guide], start=1):
            cell = sheet.cell(row=number, column=column)
            if column == 3 and value:
                cell.value = float(Decimal(value))  # numbers as numbers
            elif column == 4 and value and line.kind == "item":
                cell.value = float(Decimal(value))
            elif value:
                set_text_cell(cell, value)  # never a formula, whatever the text starts with
        if line.kind == "veto":
            yes_no.add(f"D{number}")
        elif line.kind == "recommendation":
            choice.add(f"E{number}")
        elif line.kind == "item" and line.max_points is not None:
            if line.max_points not in ranges:
                ranges[line.max_points] = DataValidation(
                    type="decimal", operator="between", formula1="0", formula2=_plain(line.max_points),
                    allow_blank=True, showErrorMessage=True, errorTitle="得分超出范围",
                    error=f"本项得分应在 0 至 {_plain(line.max_points)} 分之间。")
            ranges[line.max_points].add(f"D{number}")
    for validation in (yes_no, choice, *ranges.values()):
        sheet.add_data_validation(validation)
    grey = PatternFill("solid", fgColor="EEEEEE")
    for cell in sheet[2]:
        cell.fill = grey
    for column, width in zip("ABCDEF", (12, 48, 10, 10, 60, 44)):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for index in (1, 4, 5):
            row[index].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- reading ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FormContents:
    revision: int
    version: int
    command: SetSheet


def read_form(reviewer: Reviewer, applicant_id: str, path: Path) -> FormContents:
    """Parse and check every cell; raise Problem(FORM_INVALID, errors=[BadCell…], more=n) listing the
    first MAX_BAD_CELLS bad cells and counting the rest."""
    view = sheet_view(reviewer, applicant_id)
    rubric = view.rubric
    rows = iter_table(path, {c: HEADERS.get(c, ()) for c in COLUMNS}, ("item_code", "score", "comment"),
                      verbatim=("comment",))
    errors = _BadCells()
    seen: set[str] = set()
    stamp: tuple[int, int] | None = None  # (revision, version) the form was exported from
    items: dict[str, tuple[Decimal | None, str]] = {}
    vetoes: dict[str, tuple[bool, str]] = {}
    veto_rows: dict[str, int] = {}
    opinion, recommendation = view.opinion, view.recommendation
    recommendation_row = 0
    for number, row in rows:
        code, score_text, comment = row["item_code"], row["score"], row["comment"]
        if not comment.strip():
            comment = ""  # kept as typed otherwise: text is the expert's, spaces and all
        if not code:
            if score_text or comment:
                errors.add(BadCell(number, "item_code", "code_missing", score_text or comment[:40]))
            continue  # a row reading nothing (a note someone added under the table)
        if code in seen:
            errors.add(BadCell(number, "item_code", "duplicate", code))
            continue
        seen.add(code)
        if code == STAMP:
            stamp = _stamp(number, score_text, comment.strip(), applicant_id, errors)
        elif code in (OPINION, RECOMMENDATION):
            if score_text:  # these rows read only the comment column
                errors.add(BadCell(number, "score", "not_read", score_text))
            if code == OPINION:
                opinion = _text(number, comment, TextField.OPINION, "", errors)
            elif comment.strip().lower() not in RECOMMEND_WORDS:
                errors.add(BadCell(number, "comment", "bad_choice", comment.strip()[:40]))
            else:
                recommendation, recommendation_row = RECOMMEND_WORDS[comment.strip().lower()], number
        elif rubric.veto(code) is not None:
            vetoes[code], veto_rows[code] = _veto(number, code, score_text, comment, errors), number
        elif rubric.item(code) is not None:
            items[code] = (_score(rubric, number, code, score_text, comment, errors),
                           _text(number, comment, TextField.COMMENT, code, errors))
        else:
            errors.add(BadCell(number, "item_code", "unknown_item", code[:40]))
    if stamp is None and not errors.reasons() & {"stamp_missing", "other_applicant"}:
        errors.add(BadCell(2, "item_code", "stamp_missing", ""), first=True)
    vetoed_by = veto_against(vetoes, recommendation)
    if vetoed_by is not None:
        errors.add(BadCell(recommendation_row or veto_rows[vetoed_by], "comment" if recommendation_row else "score",
                           "vetoed_recommend", f"推荐 / {vetoed_by}"))
    if errors:
        raise Problem(Code.FORM_INVALID, errors=errors.cells, more=errors.more, file=path.name)
    # The form is the whole sheet: an item left out or blank is unscored after import.
    all_items = tuple((i.code, *items.get(i.code, (None, ""))) for i in rubric.scored_items)
    command = SetSheet(applicant_id, all_items,
                       tuple((v.code, *vetoes.get(v.code, (False, ""))) for v in rubric.vetoes),
                       opinion, recommendation)
    return FormContents(stamp[0], stamp[1], command)


def _text(number: int, text: str, field: TextField, where: str, errors: _BadCells) -> str:
    """`text` if it may be stored (plain_text.check_text, the rule the app applies everywhere)."""
    try:
        return check_text(text, field=field, where=where)
    except Problem as problem:
        facts = problem.params
        detail = (f"{facts.get('char')}, {facts.get('position')}" if facts.get("reason") == "control"
                  else f"{facts.get('length')} > {facts.get('limit')}")
        errors.add(BadCell(number, "comment", str(facts.get("reason")), detail))
        return ""


def _stamp(number: int, score_text: str, comment: str, applicant_id: str,
           errors: _BadCells) -> tuple[int, int] | None:
    match = _STAMP_TEXT.match(comment)
    if not re.fullmatch(r"[0-9]{1,9}", score_text) or match is None or len(match["revision"]) > 9:
        errors.add(BadCell(number, "score", "stamp_missing", score_text[:40]))
        return None
    if match["applicant"] != applicant_id:
        errors.add(BadCell(number, "comment", "other_applicant", match["applicant"][:40]))
        return None
    return int(match["revision"]), int(score_text)


def _veto(number: int, code: str, score_text: str, comment: str, errors: _BadCells) -> tuple[bool, str]:
    answer = score_text.lower()
    if answer not in YES + NO:
        errors.add(BadCell(number, "score", "bad_choice", score_text[:40]))
        return False, ""
    triggered = answer in YES
    if triggered and not comment:
        errors.add(BadCell(number, "comment", "reason_required", ""))
    # The reason is kept with 否 too (as the app keeps it when a veto is unticked): nothing typed is lost.
    return triggered, _text(number, comment, TextField.VETO_REASON, code, errors)


def _score(rubric: Rubric, number: int, code: str, text: str, comment: str, errors: _BadCells) -> Decimal | None:
    try:
        value = parse_score(text)
    except ValueError:
        errors.add(BadCell(number, "score", "not_a_number", text[:40]))
        return None
    if value is None:
        return None
    reason = rubric.score_problem(code, value)
    if reason:
        errors.add(BadCell(number, "score", reason, text[:40]))
        return None
    if rubric.needs_comment(code, value) and not comment:
        errors.add(BadCell(number, "comment", "comment_required", text))
    return value


def import_form(reviewer: Reviewer, applicant_id: str, path: Path, *, overwrite: bool = False) -> Applied:
    """Fill the draft from a form, all or nothing. A form exported before the sheet last changed is
    refused (FORM_STALE) unless `overwrite` is set because the expert confirmed."""
    contents = read_form(reviewer, applicant_id, path)
    current = sheet_view(reviewer, applicant_id)
    if current.state == "signed":
        raise Problem(Code.SHEET_SIGNED, applicant=applicant_id, revision=current.revision)
    # The stamp is compared in the edit's own transaction (SetSheet.expect), not here: another
    # process could change the sheet in between (two imports of one form would both apply).
    expect = None if overwrite else (contents.revision, contents.version)
    return replace(contents.command, expect=expect).apply(reviewer)
