"""Spreadsheets as other programs write them, made here without those programs.

LibreOffice is not installed on the test machines, so `libreoffice_xlsx` writes what LibreOffice
Calc saves after opening the app's CSV form: the cells as its CSV import reads them (numbers that
look like numbers become numbers, the UTF-8 byte-order mark left at the start of the first cell),
strings in a shared-string table (openpyxl itself writes inline strings), Calc's own <dimension>.
`inline_xlsx_with_wrong_dimension` is what streaming writers produce (inline strings, a dimension
that claims only A1). `with_cached_values` stores a formula's last result as Excel does.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook

_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_INLINE = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*?) t="inlineStr"([^>]*)><is><t(?: xml:space="preserve")?>(.*?)</t></is></c>',
                     re.S)


def _rewrite(data: bytes, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    members = {name: source.read(name) for name in source.namelist()}
    change(members)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in members.items():
            target.writestr(name, content)
    return out.getvalue()


def shared_strings(data: bytes) -> bytes:
    """The same workbook with every inline string moved into xl/sharedStrings.xml (as Calc writes)."""
    def change(members: dict[str, bytes]) -> None:
        strings: list[str] = []

        def share(match: re.Match) -> str:
            strings.append(match.group(4))
            return f'<c r="{match.group(1)}"{match.group(2)} t="s"{match.group(3)}><v>{len(strings) - 1}</v></c>'

        sheet = "xl/worksheets/sheet1.xml"
        members[sheet] = _INLINE.sub(share, members[sheet].decode("utf-8")).encode("utf-8")
        items = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in strings)
        members["xl/sharedStrings.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" '
            f'uniqueCount="{len(strings)}">{items}</sst>').encode()
        types = members["[Content_Types].xml"].decode("utf-8")
        members["[Content_Types].xml"] = types.replace("</Types>", (
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sharedStrings+xml"/></Types>')).encode("utf-8")
        rels = members["xl/_rels/workbook.xml.rels"].decode("utf-8")
        members["xl/_rels/workbook.xml.rels"] = rels.replace("</Relationships>", (
            '<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'sharedStrings" Target="sharedStrings.xml"/></Relationships>')).encode("utf-8")
        workbook = members["xl/workbook.xml"].decode("utf-8")
        members["xl/workbook.xml"] = re.sub(r"<workbook([^>]*)>", r'<workbook\1><fileVersion appName="Calc"/>',
                                            workbook, count=1).encode("utf-8")
    return _rewrite(data, change)


def libreoffice_xlsx(csv_path: Path, target: Path, edit=None) -> None:
    """What Calc saves as XLSX after opening the app's CSV (see the module's docstring)."""
    raw = csv_path.read_bytes()
    # Calc's import keeps the byte-order mark as the first character of A1 (invisible in the cell).
    text = raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if edit is not None:
        edit(rows)
    book = Workbook()
    sheet = book.active
    sheet.title = csv_path.stem
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            if value == "":
                continue
            cell = sheet.cell(row=number, column=column)
            if _NUMBER.fullmatch(value):
                cell.value = float(value) if "." in value else int(value)  # "1.1" becomes the number 1.1
            else:
                cell.value = value
                cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    target.write_bytes(shared_strings(buffer.getvalue()))


def inline_xlsx_with_wrong_dimension(data: bytes) -> bytes:
    def change(members: dict[str, bytes]) -> None:
        sheet = "xl/worksheets/sheet1.xml"
        members[sheet] = re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1"/>', members[sheet])
    return _rewrite(data, change)


def with_cached_values(data: bytes, values: dict[str, str]) -> bytes:
    """Give the formula cells named in `values` ('D3': '4') a saved result, as Excel does on saving."""
    def change(members: dict[str, bytes]) -> None:
        sheet = "xl/worksheets/sheet1.xml"
        text = members[sheet].decode("utf-8")
        for ref, value in values.items():
            text, found = re.subn(rf'(<c r="{ref}"[^>]*>)<f>(.*?)</f><v\s*/?>(</v>)?', rf"\1<f>\2</f><v>{escape(value)}</v>",
                                  text)
            assert found == 1, ref
        members[sheet] = text.encode("utf-8")
    return _rewrite(data, change)
