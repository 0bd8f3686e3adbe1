"""The district's rubric as a spreadsheet (各区可结合实际调整), edited in Excel, WPS or LibreOffice,
and back: `bureau rubric export` / `import`.

One sheet, two blocks. On top the rubric's own fields, one per row (字段 | 值 | 说明). After a blank
row the items table: 类别 (一级指标 section, 二级指标 item, 加分项 bonus item, 否决项 veto), 编号, 名称,
分值, 步长, 评估方式, 评分标准, 佐证材料, 低分说明比例. Items follow their section. Import reads every
cell, names each bad one (row, column, reason) and then checks the whole with rubric.parse_rubric
(the one rubric validation), pointing its finding back at the cell it came from.
"""
from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..errors import Code, Problem
from ..rubric import METHOD_NAMES, SCHEMA, Rubric, parse_rubric
from ..sheets.forms import BadCell
from ..store.blobs import write_durably

SHEET_TITLE = "评审细则"
INFO_FIELDS: tuple[tuple[str, str, str], ...] = (  # field, Chinese label, hint
    ("rubric_id", "细则编号", "小写字母、数字、下划线"),
    ("carrier_type", "载体类型", "training_base / master_studio / rural_station / chain_leader"),
    ("version", "版本", "每次调整请改版本号"),
    ("title", "标题", ""),
    ("issuer", "发布单位", ""),
    ("basis", "依据", ""),
    ("total_points", "基础分合计", "各二级指标分值之和"),
    ("comment_required_below", "低分须说明理由比例", "例如 0.6：低于该项分值60%须写理由"),
    ("section_fail_ratio", "一级指标不合格比例", "可空"),
    ("bonus_cap", "加分项上限", "无加分项时留空"),
    ("grades", "等级划分", "例如 90 优秀；80 良好；60 合格；0 不合格"),
)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("kind", "类别"), ("code", "编号"), ("title", "名称"), ("max_points", "分值"), ("step", "步长"),
    ("method", "评估方式"), ("rule", "评分标准"), ("evidence", "佐证材料"), ("comment_required_below", "低分说明比例"),
)
KINDS = {"section": "一级指标", "item": "二级指标", "bonus": "加分项", "veto": "否决项"}
_KIND_OF = {**{v: k for k, v in KINDS.items()}, **{k: k for k in KINDS}}
_METHOD_OF = {**{v: k for k, v in METHOD_NAMES.items()}, **{k: k for k in METHOD_NAMES}}
_LABEL = {f: label for f, label, _ in INFO_FIELDS} | dict(COLUMNS)


def _num(value: Decimal | None) -> int | float | None:
    """Points as spreadsheet numbers (what a clerk edits); 7.5 stays 7.5 on the way back."""
    if value is None:
        return None
    return int(value) if value == value.to_integral() else float(value)


def rubric_rows(rubric: Rubric) -> list[list[object]]:
    grades = "；".join(f"{_num(g.min_total)} {g.label}" for g in rubric.grades)
    info = {"rubric_id": rubric.rubric_id, "carrier_type": rubric.carrier_type, "version": rubric.version,
            "title": rubric.title, "issuer": rubric.issuer, "basis": rubric.basis,
            "total_points": _num(rubric.total_points), "comment_required_below": _num(rubric.comment_required_below),
            "section_fail_ratio": _num(rubric.section_fail_ratio),
            "bonus_cap": _num(rubric.bonus.cap) if rubric.bonus else None, "grades": grades}
    rows: list[list[object]] = [["字段", "值", "说明"]]
    rows += [[label, info[field], hint] for field, label, hint in INFO_FIELDS]
    rows.append([])
    rows.append([label for _, label in COLUMNS])

    def item_row(kind: str, item) -> list[object]:
        return [KINDS[kind], item.code, item.title, _num(item.max_points), _num(item.step), METHOD_NAMES[item.method],
                item.rule, item.evidence, _num(item.comment_required_below)]

    for section in rubric.sections:
        rows.append([KINDS["section"], section.code, section.title])
        rows += [item_row("item", i) for i in section.items]
    for item in rubric.bonus.items if rubric.bonus else []:
        rows.append(item_row("bonus", item))
    for veto in rubric.vetoes:
        rows.append([KINDS["veto"], veto.code, veto.title, None, None, None, veto.rule])
    return rows


def export_rubric_xlsx(rubric: Rubric, out: Path) -> None:
    # openpyxl loads only when a workbook is read or written
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    rows = rubric_rows(rubric)
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text is text: a rule starting with "=" is never a formula
    header_row = len(INFO_FIELDS) + 3
    for cell in (*sheet[1], *sheet[header_row]):
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFGHI", (10, 12, 30, 8, 8, 10, 60, 24, 12)):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = max(sheet.max_row + 50, 200)
    kinds = DataValidation(type="list", formula1='"' + ",".join(KINDS.values()) + '"', allow_blank=True)
    methods = DataValidation(type="list", formula1='"' + ",".join(METHOD_NAMES.values()) + '"', allow_blank=True)
    sheet.add_data_validation(kinds)
    sheet.add_data_validation(methods)
    kinds.add(f"A{header_row + 1}:A{last}")
    methods.add(f"F{header_row + 1}:F{last}")
    buffer = io.BytesIO()
    book.save(buffer)
    write_durably(out, buffer.getvalue())


# --- import -------------------------------------------------------------------------------------------
def _cells(path: Path) -> list[list[object]]:

    # openpyxl loads only when a workbook is read or written
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise Problem(Code.RUBRIC_CELLS_INVALID, file=path.name, errors=[BadCell(0, "", "not_xlsx")]) from None
    try:
        return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _decimal(value: object) -> Decimal | None:
    """A number cell (or a number typed as text); None when not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))  # 0.6 stays 0.6, not 0.59999…
    try:
        number = Decimal(_text(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


class _Reader:
    """Collects every bad cell; remembers where each value came from, to point parse_rubric's finding back."""

    def __init__(self) -> None:
        self.errors: list[BadCell] = []
        self.where: dict[str, tuple[int, str]] = {}  # "field" or "code.field" -> (row, column label)

    def bad(self, row: int, field: str, reason: str, value: object = "") -> None:
        self.errors.append(BadCell(row, _LABEL.get(field, field), reason, _text(value)))

    def number(self, row: int, field: str, value: object, *, required: bool) -> Decimal | None:
        if value is None or _text(value) == "":
            if required:
                self.bad(row, field, "empty")
            return None
        number = _decimal(value)
        if number is None:
            self.bad(row, field, "not_a_number", value)
        return number


def _grades(reader: _Reader, row: int, value: object) -> list[dict]:
    grades = []
    for part in [p for p in _text(value).replace(";", "；").split("；") if p.strip()]:
        bits = part.split()
        number = _decimal(bits[0]) if len(bits) == 2 else None
        if number is None:
            reader.bad(row, "grades", "format", part)
            continue
        grades.append({"min_total": number, "label": bits[1]})
    return grades


def read_rubric_xlsx(path: Path) -> Rubric:
    """The rubric a workbook holds, or Problem(RUBRIC_CELLS_INVALID, errors=[BadCell…]) naming every bad cell."""
    rows = _cells(path)
    reader = _Reader()
    labels = {label: field for field, label, _ in INFO_FIELDS} | {f: f for f, _, _ in INFO_FIELDS}
    info: dict[str, tuple[int, object]] = {}
    header_at = None
    for number, row in enumerate(rows, start=1):
        first = _text(row[0]) if row else ""
        if first in labels and number <= len(INFO_FIELDS) + 2:
            info[labels[first]] = (number, row[1] if len(row) > 1 else None)
        if first in ("类别", "kind"):
            header_at = number
            break
    missing = [f for f, _, _ in INFO_FIELDS if f not in info]
    if header_at is None or missing:
        raise Problem(Code.RUBRIC_CELLS_INVALID, file=path.name,
                      errors=[BadCell(header_at or 1, _LABEL.get(missing[0], "类别") if missing else "类别", "missing_row")])
    header = [_text(c) for c in rows[header_at - 1]]
    column_of = {}
    for field, label in COLUMNS:
        if label in header or field in header:
            column_of[field] = header.index(label) if label in header else header.index(field)
        else:
            reader.bad(header_at, field, "missing_column")
    if reader.errors:
        raise Problem(Code.RUBRIC_CELLS_INVALID, file=path.name, errors=reader.errors)

    doc: dict = {"schema": SCHEMA}
    for field in ("rubric_id", "carrier_type", "version", "title", "issuer", "basis"):
        row, value = info[field]
        doc[field] = _text(value)
        reader.where[field] = (row, _LABEL[field])
        if field not in ("issuer", "basis") and not doc[field]:
            reader.bad(row, field, "empty")
    for field, required in (("total_points", True), ("comment_required_below", True), ("section_fail_ratio", False)):
        row, value = info[field]
        reader.where[field] = (row, _LABEL[field])
        number = reader.number(row, field, value, required=required)
        if number is not None or not required:
            doc[field] = number
    cap_row, cap_value = info["bonus_cap"]
    cap = reader.number(cap_row, "bonus_cap", cap_value, required=False)
    reader.where["bonus"] = (cap_row, _LABEL["bonus_cap"])
    grades_row, grades_value = info["grades"]
    doc["grades"] = _grades(reader, grades_row, grades_value)
    reader.where["grades"] = (grades_row, _LABEL["grades"])

    sections: list[dict] = []
    bonus_items: list[dict] = []
    vetoes: list[dict] = []
    for number, row in enumerate(rows[header_at:], start=header_at + 1):
        cell = {f: (row[i] if i < len(row) else None) for f, i in column_of.items()}
        if all(_text(v) == "" for v in cell.values()):
            continue
        kind = _KIND_OF.get(_text(cell["kind"]))
        code = _text(cell["code"])
        if kind is None:
            reader.bad(number, "kind", "unknown", cell["kind"])
            continue
        if not code:
            reader.bad(number, "code", "empty")
        if not _text(cell["title"]):
            reader.bad(number, "title", "empty")
        for field in ("code", "title", "max_points", "step", "method", "rule", "comment_required_below"):
            reader.where.setdefault(f"{code}.{field}", (number, _LABEL[field]))
        reader.where.setdefault(code, (number, _LABEL["code"]))
        if kind == "section":
            sections.append({"code": code, "title": _text(cell["title"]), "items": []})
            continue
        if kind == "veto":
            vetoes.append({"code": code, "title": _text(cell["title"]), "rule": _text(cell["rule"])})
            continue
        item: dict = {"code": code, "title": _text(cell["title"]), "rule": _text(cell["rule"]),
                      "evidence": _text(cell["evidence"])}
        item["max_points"] = reader.number(number, "max_points", cell["max_points"], required=True)
        step = reader.number(number, "step", cell["step"], required=False)
        if step is not None:
            item["step"] = step
        method = _METHOD_OF.get(_text(cell["method"]))
        if method is None:
            reader.bad(number, "method", "unknown", cell["method"])
        item["method"] = method
        ratio = reader.number(number, "comment_required_below", cell["comment_required_below"], required=False)
        if ratio is not None:
            item["comment_required_below"] = ratio
        if not item["rule"]:
            reader.bad(number, "rule", "empty")
        if kind == "bonus":
            bonus_items.append(item)
        elif not sections:
            reader.bad(number, "kind", "item_before_section", cell["kind"])
        else:
            sections[-1]["items"].append(item)
    doc["sections"] = sections
    if bonus_items:
        doc["bonus"] = {"cap": cap, "items": bonus_items}
    elif cap is not None:
        reader.bad(cap_row, "bonus_cap", "bonus_without_items", cap_value)
    doc["vetoes"] = vetoes
    if reader.errors:
        raise Problem(Code.RUBRIC_CELLS_INVALID, file=path.name, errors=reader.errors)
    try:
        return parse_rubric(json.dumps(doc, ensure_ascii=False, default=str), path.name)
    except Problem as problem:  # the one rubric validation, its finding pointed back at its cell
        raise Problem(Code.RUBRIC_CELLS_INVALID, file=path.name, errors=[_cell_of(reader, problem)]) from None


# Which column holds what parse_rubric found wrong with an item.
_REASON_FIELD = {"max_off_step": "max_points", "max_not_positive": "max_points", "step_not_positive": "step",
                 "duplicate_code": "code", "ratio_out_of_range": "comment_required_below"}


def _cell_of(reader: _Reader, problem: Problem) -> BadCell:
    item = str(problem.params.get("item", ""))
    reason = str(problem.params.get("reason", "shape"))
    detail = str(problem.params.get("detail", ""))
    field = _REASON_FIELD.get(reason, "")
    if reason == "shape" and ": " in detail:  # pydantic's path, e.g. sections.0.items.1.max_points: …
        field = detail.split(":")[0].split(".")[-1]
    row, column = reader.where.get(f"{item}.{field}") or reader.where.get(item) or reader.where.get(field) or (0, item)
    value = ""
    if reason == "total_mismatch":
        extra = json.loads(detail or "{}")
        value = f"{extra.get('declared', '')} ≠ {extra.get('actual', '')}"
    return BadCell(row, column, reason, value)


def rubric_json_bytes(rubric: Rubric) -> bytes:
    """The rubric as the package carries it (spec/rubrics/<type>.json)."""
    return json.dumps(json.loads(rubric.model_dump_json(by_alias=True, exclude_none=True)),
                      ensure_ascii=False, indent=2).encode("utf-8")
