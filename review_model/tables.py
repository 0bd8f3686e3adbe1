"""Reading the bureau's spreadsheets (CSV in UTF-8, with or without BOM, or XLSX) into rows.

Headers may be the English column codes or their Chinese names. Every problem names the file,
the row (as the spreadsheet numbers it, header = 1), the column and the reason.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from .errors import Code, Problem

Row = dict[str, str]


def _rows_from_csv(data: bytes, name: str) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Problem(Code.TABLE_INVALID, file=name, row=0, column="", reason="encoding") from None
    return [row for row in csv.reader(io.StringIO(text))]


def _rows_from_xlsx(data: bytes, name: str) -> list[list[str]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise Problem(Code.TABLE_INVALID, file=name, row=0, column="", reason="not_xlsx") from None
    try:
        sheet = book.worksheets[0]
        return [["" if v is None else _cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_table(path: Path, columns: dict[str, tuple[str, ...]], required: tuple[str, ...]) -> list[tuple[int, Row]]:
    """Rows keyed by column code, with their spreadsheet row number.

    `columns` maps each code to the header spellings accepted for it (code itself included).
    """
    try:
        data = path.read_bytes()
    except OSError:
        raise Problem(Code.SPEC_FILE_MISSING, file=path.name) from None
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        raw = _rows_from_xlsx(data, path.name)
    elif suffix == ".csv":
        raw = _rows_from_csv(data, path.name)
    else:
        raise Problem(Code.TABLE_INVALID, file=path.name, row=0, column="", reason="format")
    numbered = [(n, r) for n, r in enumerate(raw, start=1) if any(c.strip() for c in r)]
    if not numbered:
        raise Problem(Code.TABLE_INVALID, file=path.name, row=1, column="", reason="empty")
    spelling = {alias.strip().lower(): code for code, aliases in columns.items() for alias in (code, *aliases)}
    header_row, header_values = numbered[0]
    header = [spelling.get(h.strip().lower(), "") for h in header_values]
    for code in required:
        if code not in header:
            raise Problem(Code.TABLE_INVALID, file=path.name, row=header_row, column=code, reason="missing_column")
    rows = []
    for number, values in numbered[1:]:
        row = {code: "" for code in columns}
        for code, value in zip(header, values):
            if code:
                row[code] = value.strip()
        rows.append((number, row))
    return rows
