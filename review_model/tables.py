"""Reading spreadsheets people send (the bureau's lists, the expert's offline score form) into rows.

What offices really send is accepted:
- CSV in UTF-8 (with or without BOM), or saved by Chinese Excel/WPS as GBK/GB18030;
- Excel's "Unicode text" (UTF-16 with BOM, tab-separated, usually named .txt);
- CR-only line endings (old Mac Excel), LF or CRLF;
- XLSX from Excel, WPS or LibreOffice (shared or inline strings, missing or wrong dimensions), where
  a formula cell counts with the value it last computed.

Headers may be the English column codes, their Chinese names, or both in one cell ("得分 score").
Every problem names the file, the row (as the spreadsheet numbers it, header = 1), the column and the
reason; what cannot be read faithfully is refused, never read as empty: a formula without a saved
result, a cell merged into its neighbour, a column given twice.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from xml.etree.ElementTree import iterparse

from .errors import Code, Problem
from .plain_text import from_csv_cell

Row = dict[str, str]

# A score form is about 10 KB and the bureau's applicant list well under 1 MB; 32 MiB leaves room
# for a list of every carrier in the city and keeps a mistaken pick (a video, a database) from being
# read into memory. An XLSX may unpack to at most 8 times that (its XML is verbose).
MAX_TABLE_BYTES = 32 * 1024 * 1024
MAX_XLSX_UNPACKED = 8 * MAX_TABLE_BYTES
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")  # .txt: what Excel names "Unicode text"
# Invisible characters that editors leave at the start of a header cell (a BOM kept as text, a
# zero-width space); they would hide the column's name.
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"), None)
_HEADER_SPLIT = re.compile(r"[\s/／|｜()（）\[\]【】:：]+")


class _Cells:
    """One row of cells as text, plus what the reader must refuse rather than read."""

    __slots__ = ("values", "refusals")

    def __init__(self, values: list[str], refusals: dict[int, tuple[str, str]] | None = None) -> None:
        self.values = values
        self.refusals = refusals or {}  # column index → (reason, cell description)


# --- text files ---------------------------------------------------------------------------------
def _decode(data: bytes, name: str) -> str:
    """UTF-8 (BOM or not), UTF-16 with BOM (Excel's "Unicode text"), else GB18030 (Chinese Excel/WPS
    "CSV (逗号分隔)"; GB18030 contains GBK and GB2312)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)
    elif data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise Problem(Code.TABLE_INVALID, file=name, row=0, column="", reason="encoding")


def _delimiter(text: str) -> str:
    """Tab for Excel's "Unicode text" (and .tsv), comma otherwise: judged on the first non-blank line."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return "\t" if first.count("\t") > first.count(",") else ","


def _rows_from_text(data: bytes, name: str) -> Iterator[_Cells]:
    text = _decode(data, name)
    # A cell may be as long as the file; the form's own limits name the cell that is too long.
    if csv.field_size_limit() < len(text) + 1:
        csv.field_size_limit(len(text) + 1)  # only ever raised, so threads reading at once agree
    # newline="": the csv module itself splits \r, \n and \r\n and keeps line breaks inside quotes.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        for values in reader:
            yield _Cells([from_csv_cell(v) for v in values])
    except csv.Error:
        raise Problem(Code.TABLE_INVALID, file=name, row=reader.line_num, column="", reason="csv_syntax") from None


# --- XLSX ---------------------------------------------------------------------------------------
def _open_xlsx(data: bytes, name: str, data_only: bool):
    # openpyxl loads only when a workbook is read or written
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError, SyntaxError):
        raise Problem(Code.TABLE_INVALID, file=name, row=0, column="", reason="not_xlsx") from None


def _check_zip(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise Problem(Code.TABLE_INVALID, file=name, row=0, column="", reason="not_xlsx") from None
    if unpacked > MAX_XLSX_UNPACKED:
        raise Problem(Code.TABLE_INVALID, file=name, row=0, column="", reason="table_too_large")


def _merged_away(sheet) -> dict[tuple[int, int], str]:
    """(row, column) → the anchor of its merge ('C5'), for every cell a merge hides.

    Read-only worksheets do not parse <mergeCell>; they come after the cells in the sheet's XML, so
    they are read in a pass of their own (openpyxl's read-only sheet has no public way to it).
    """

    # openpyxl loads only when a workbook is read or written
    from openpyxl.utils.cell import range_boundaries

    hidden: dict[tuple[int, int], str] = {}
    source = sheet._get_source()  # the sheet's XML stream, as openpyxl itself reads it
    try:
        for _, element in iterparse(source):
            if element.tag.endswith("}mergeCell"):
                ref = element.get("ref", "")
                try:
                    min_col, min_row, max_col, max_row = range_boundaries(ref)
                except (ValueError, TypeError):
                    continue
                anchor = ref.split(":")[0]
                # Bounded: a merge can hide at most the cells of the table, and a hostile
                # A1:XFD1048576 must not become 17 billion entries.
                for row in range(min_row, min(max_row, min_row + 100_000) + 1):
                    for column in range(min_col, min(max_col, min_col + 100) + 1):
                        if (row, column) != (min_row, min_col):
                            hidden[(row, column)] = anchor
            elif element.tag.endswith("}sheetData"):
                element.clear()
    except SyntaxError:  # ParseError: openpyxl will refuse the same XML when reading the cells
        pass
    finally:
        source.close()
    return hidden


def _rows_from_xlsx(data: bytes, name: str) -> Iterator[_Cells]:
    # openpyxl loads only when a workbook is read or written
    from openpyxl.utils.cell import get_column_letter

    _check_zip(data, name)
    formulas = _open_xlsx(data, name, data_only=False)  # cells as written: formulas as formulas
    values = _open_xlsx(data, name, data_only=True)  # the same cells with the results last computed
    try:
        if not formulas.worksheets:
            raise Problem(Code.TABLE_INVALID, file=name, row=0, column="", reason="not_xlsx")
        sheets = formulas.worksheets[0], values.worksheets[0]
        for sheet in sheets:
            sheet.reset_dimensions()  # some writers store wrong dimensions; read every cell there is
        hidden = _merged_away(sheets[0])
        try:
            for number, (written, computed) in enumerate(zip(sheets[0].iter_rows(), sheets[1].iter_rows(values_only=True),
                                                             strict=False), start=1):
                texts, refusals = [], {}
                for index, cell in enumerate(written):
                    value = computed[index] if index < len(computed) else None
                    where = f"{get_column_letter(index + 1)}{number}"
                    if getattr(cell, "data_type", None) == "f" and value is None:
                        refusals[index] = ("formula_no_value", f"{where} {str(cell.value)[:40]}")
                    if (number, index + 1) in hidden:
                        refusals[index] = ("merged", f"{where} → {hidden[(number, index + 1)]}")
                    texts.append(_cell_text(value))
                yield _Cells(texts, refusals)
        except (ValueError, KeyError, TypeError, IndexError, zipfile.BadZipFile, EOFError, SyntaxError):
            raise Problem(Code.TABLE_INVALID, file=name, row=0, column="", reason="not_xlsx") from None
    finally:
        formulas.close()
        values.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        if abs(value) < 1e15:
            return format(Decimal(repr(value)), "f")  # 1e-05 is 0.00001, not a word
        return repr(value)
    return str(value)


def table_rows(data: bytes, name: str) -> list[list[str]]:
    """Every row of a CSV/TXT or XLSX file as cell texts, the encodings and quirks above handled; a
    cell the reader must refuse (merged away, a formula without a value) is refused by name."""
    cells = _rows_from_xlsx(data, name) if name.lower().endswith(".xlsx") else _rows_from_text(data, name)
    rows = []
    for number, row in enumerate(cells, start=1):
        if row.refusals:
            reason, where = next(iter(row.refusals.values()))
            raise Problem(Code.TABLE_INVALID, file=name, row=number, column=where, reason=reason)
        rows.append(row.values)
    return rows


# --- headers and rows -------------------------------------------------------------------------
def _header_code(text: str, spelling: dict[str, str]) -> str:
    """The column code a header cell names: 'score', '得分', '得分 score', '评语／说明 comment'."""
    cleaned = text.translate(_INVISIBLE).strip().lower()
    if cleaned in spelling:
        return spelling[cleaned]
    codes = {spelling[token] for token in _HEADER_SPLIT.split(cleaned) if token in spelling}
    return codes.pop() if len(codes) == 1 else ""


def iter_table(path: Path, columns: dict[str, tuple[str, ...]], required: tuple[str, ...], *,
               verbatim: tuple[str, ...] = ()) -> Iterator[tuple[int, Row]]:
    """Rows keyed by column code, with their spreadsheet row number; blank rows are skipped.

    `columns` maps each code to the header spellings accepted for it (code itself included). Values
    are stripped of surrounding spaces, except in the `verbatim` columns (free text, kept as typed).
    Rows are produced one at a time, so a huge file is never held whole.
    """
    try:
        size = path.stat().st_size
        if size > MAX_TABLE_BYTES:
            raise Problem(Code.TABLE_INVALID, file=path.name, row=0, column="", reason="table_too_large")
        data = path.read_bytes()
    except OSError:
        raise Problem(Code.SPEC_FILE_MISSING, file=path.name) from None
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        raw = _rows_from_xlsx(data, path.name)
    elif suffix in TEXT_SUFFIXES:
        raw = _rows_from_text(data, path.name)
    else:
        raise Problem(Code.TABLE_INVALID, file=path.name, row=0, column="", reason="format")
    spelling = {alias.strip().lower(): code for code, aliases in columns.items() for alias in (code, *aliases)}
    header: list[str] | None = None
    header_row = 1
    mapped: list[tuple[int, str]] = []  # (column index, code) of the columns read
    for number, cells in enumerate(raw, start=1):
        blank = not "".join(cells.values).strip()
        if header is None:
            if blank:
                continue
            header_row = number
            header = [_header_code(h, spelling) for h in cells.values]
            for code in required:
                if code not in header:
                    raise Problem(Code.TABLE_INVALID, file=path.name, row=number, column=code, reason="missing_column")
            for code in columns:
                if header.count(code) > 1:
                    raise Problem(Code.TABLE_INVALID, file=path.name, row=number, column=code, reason="duplicate_column")
            mapped = [(index, code) for index, code in enumerate(header) if code]
            continue
        for index, (reason, where) in sorted(cells.refusals.items()):
            code = header[index] if index < len(header) else ""
            # A formula without a result is refused even in an otherwise blank row (it is not blank);
            # a merge only matters where it hides something the row says.
            if code and (reason != "merged" or not blank):
                raise Problem(Code.TABLE_INVALID, file=path.name, row=number, column=code, reason=reason, value=where)
        if blank:
            continue
        row = dict.fromkeys(columns, "")
        values = cells.values
        for index, code in mapped:
            if index < len(values):
                row[code] = values[index] if code in verbatim else values[index].strip()
        yield number, row
    if header is None:
        raise Problem(Code.TABLE_INVALID, file=path.name, row=header_row, column="", reason="empty")


def read_table(path: Path, columns: dict[str, tuple[str, ...]], required: tuple[str, ...], *,
               verbatim: tuple[str, ...] = ()) -> list[tuple[int, Row]]:
    """All rows of `iter_table`, for small tables that are checked as a whole."""
    return list(iter_table(path, columns, required, verbatim=verbatim))
