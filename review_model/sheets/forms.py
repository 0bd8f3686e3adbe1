"""The offline score form (as HotCRP reviewers use): a CSV (UTF-8 with BOM, for Excel) or XLSX
with one row per rubric item, filled away from the app and read back all or nothing.

Columns: item_code, item_title, max_points, score, comment. Besides the items:
  `#`               the form's stamp: score = the sheet version it was exported from, comment =
                    applicant and revision (a form older than the sheet is refused unless the
                    expert confirms overwriting)
  veto codes        score 是/否 (or 1/0), comment = the reason when 是
  OPINION           comment = the overall opinion (综合评审意见)
  RECOMMENDATION    comment = 推荐 or 不推荐
Only item_code, score and comment are read. Every bad cell is reported (row, column, reason).
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from ..errors import Code, Problem
from ..rubric import Rubric
from ..store.blobs import write_durably
from ..tables import read_table
from .context import Reviewer
from .ops import Applied, SetSheet, parse_score
from .view import SheetView, sheet_view

COLUMNS = ("item_code", "item_title", "max_points", "score", "comment")
HEADERS = {"item_code": ("指标编号",), "item_title": ("指标名称",), "max_points": ("满分",), "score": ("得分",),
           "comment": ("评语", "说明")}
STAMP, OPINION, RECOMMENDATION = "#", "OPINION", "RECOMMENDATION"
YES, NO = ("是", "1", "yes", "y", "true"), ("否", "0", "no", "n", "false", "")
RECOMMEND_WORDS = {"推荐": "recommend", "recommend": "recommend", "不推荐": "not_recommend",
                   "not_recommend": "not_recommend", "": ""}
_STAMP_TEXT = re.compile(r"^(?P<applicant>[A-Za-z0-9_\-]+) r(?P<revision>\d+)")


@dataclass(frozen=True)
class BadCell:
    row: int
    column: str
    reason: str  # unknown_item | duplicate | not_a_number | out_of_range | off_step | comment_required |
    #              bad_choice | reason_required | stamp_missing | other_applicant
    value: str = ""


def _rows(view: SheetView) -> list[list[str]]:
    rubric = view.rubric
    stamp = [STAMP, "评分表版本（请勿修改）", "", str(view.version), f"{view.applicant_id} r{view.revision or 1}"]
    rows = [stamp]
    for section in rubric.sections:
        for item in section.items:
            rows.append(_item_row(view, item.code, f"{section.title}／{item.title}", item.max_points))
    if rubric.bonus:
        for item in rubric.bonus.items:
            rows.append(_item_row(view, item.code, f"加分项（上限{rubric.bonus.cap}分）／{item.title}", item.max_points))
    for veto in rubric.vetoes:
        triggered, reason = view.vetoes.get(veto.code, (False, ""))
        rows.append([veto.code, f"一票否决／{veto.title}（填 是/否）", "", "是" if triggered else "否", reason])
    rows.append([OPINION, "综合评审意见", "", "", view.opinion])
    recommendation = {"recommend": "推荐", "not_recommend": "不推荐"}.get(view.recommendation, "")
    rows.append([RECOMMENDATION, "推荐意见（填 推荐/不推荐）", "", "", recommendation])
    return rows


def _item_row(view: SheetView, code: str, title: str, max_points: Decimal) -> list[str]:
    score = view.scores.get(code)
    return [code, title, _plain(max_points), "" if score is None else _plain(score), view.comments.get(code, "")]


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def export_form(reviewer: Reviewer, applicant_id: str, path: Path) -> None:
    view = sheet_view(reviewer, applicant_id)
    rows = _rows(view)
    if path.suffix.lower() == ".xlsx":
        data = _xlsx(rows, view)
    elif path.suffix.lower() == ".csv":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows([list(COLUMNS), *rows])
        data = buffer.getvalue().encode("utf-8-sig")
    else:
        raise Problem(Code.FORM_INVALID, errors=[BadCell(0, "", "format", path.suffix)])
    write_durably(path, data)


def _xlsx(rows: list[list[str]], view: SheetView) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = view.applicant_id
    sheet.append(list(COLUMNS))
    for row in rows:
        values: list[object] = list(row)
        if row[2]:
            values[2] = float(Decimal(row[2]))  # numbers as numbers
        if row[3] and row[0] not in (STAMP,) and view.rubric.item(row[0]) is not None:
            values[3] = float(Decimal(row[3]))
        sheet.append(values)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    grey = PatternFill("solid", fgColor="EEEEEE")
    for cell in sheet[2]:
        cell.fill = grey
    for column, width in zip("ABCDE", (12, 48, 10, 10, 60)):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        row[1].alignment = row[4].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class FormContents:
    revision: int
    version: int
    command: SetSheet


def read_form(reviewer: Reviewer, applicant_id: str, path: Path) -> FormContents:
    """Parse and check every cell; raise Problem(FORM_INVALID, errors=[BadCell…]) listing them all."""
    rows = read_table(path, {c: HEADERS.get(c, ()) for c in COLUMNS}, ("item_code", "score", "comment"))
    view = sheet_view(reviewer, applicant_id)
    rubric = view.rubric
    errors: list[BadCell] = []
    seen: set[str] = set()
    stamp: tuple[int, int] | None = None  # (revision, version) the form was exported from
    items: dict[str, tuple[Decimal | None, str]] = {}
    vetoes: dict[str, tuple[bool, str]] = {}
    opinion, recommendation = view.opinion, view.recommendation
    for number, row in rows:
        code, score_text, comment = row["item_code"].strip(), row["score"].strip(), row["comment"].strip()
        if code in seen:
            errors.append(BadCell(number, "item_code", "duplicate", code))
            continue
        seen.add(code)
        if code == STAMP:
            stamp = _stamp(number, score_text, comment, applicant_id, errors)
        elif code == OPINION:
            opinion = comment
        elif code == RECOMMENDATION:
            if comment.lower() not in RECOMMEND_WORDS:
                errors.append(BadCell(number, "comment", "bad_choice", comment))
            else:
                recommendation = RECOMMEND_WORDS[comment.lower()]
        elif rubric.veto(code) is not None:
            vetoes[code] = _veto(number, score_text, comment, errors)
        elif rubric.item(code) is not None:
            items[code] = (_score(rubric, number, code, score_text, comment, errors), comment)
        else:
            errors.append(BadCell(number, "item_code", "unknown_item", code))
    if stamp is None and not any(e.reason in ("stamp_missing", "other_applicant") for e in errors):
        errors.insert(0, BadCell(2, "item_code", "stamp_missing", ""))
    if errors:
        raise Problem(Code.FORM_INVALID, errors=errors, file=path.name)
    # The form is the whole sheet: an item left out or blank is unscored after import.
    all_items = tuple((i.code, *items.get(i.code, (None, ""))) for i in rubric.scored_items)
    command = SetSheet(applicant_id, all_items,
                       tuple((v.code, *vetoes.get(v.code, (False, ""))) for v in rubric.vetoes),
                       opinion, recommendation)
    return FormContents(stamp[0], stamp[1], command)


def _stamp(number: int, score_text: str, comment: str, applicant_id: str,
           errors: list[BadCell]) -> tuple[int, int] | None:
    match = _STAMP_TEXT.match(comment)
    if not score_text.isdigit() or match is None:
        errors.append(BadCell(number, "score", "stamp_missing", score_text))
        return None
    if match["applicant"] != applicant_id:
        errors.append(BadCell(number, "comment", "other_applicant", match["applicant"]))
        return None
    return int(match["revision"]), int(score_text)


def _veto(number: int, score_text: str, comment: str, errors: list[BadCell]) -> tuple[bool, str]:
    answer = score_text.lower()
    if answer not in YES + NO:
        errors.append(BadCell(number, "score", "bad_choice", score_text))
        return False, comment
    triggered = answer in YES
    if triggered and not comment:
        errors.append(BadCell(number, "comment", "reason_required", ""))
    return triggered, comment if triggered else ""


def _score(rubric: Rubric, number: int, code: str, text: str, comment: str, errors: list[BadCell]) -> Decimal | None:
    try:
        value = parse_score(text)
    except ValueError:
        errors.append(BadCell(number, "score", "not_a_number", text))
        return None
    if value is None:
        return None
    reason = rubric.score_problem(code, value)
    if reason:
        errors.append(BadCell(number, "score", reason, text))
        return None
    if rubric.needs_comment(code, value) and not comment:
        errors.append(BadCell(number, "comment", "comment_required", text))
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
