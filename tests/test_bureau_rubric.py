"""The district's rubric as a spreadsheet and back (`bureau rubric export / import`): the same rubric
after a round trip, also through LibreOffice; a broken workbook refused cell by cell, nothing written."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import require_tool
from openpyxl import load_workbook

from review_model.bureau.rubric_sheet import export_rubric_xlsx, read_rubric_xlsx
from review_model.errors import Code, Problem
from review_model.rubric import parse_rubric, shipped_rubrics
from ui.messages import describe


@pytest.mark.parametrize("carrier_type", ["training_base", "master_studio", "rural_station", "chain_leader"])
def test_a_rubric_exported_and_imported_is_the_same_rubric(tmp_path, carrier_type):
    city = shipped_rubrics()[carrier_type]
    export_rubric_xlsx(city, tmp_path / "r.xlsx")
    assert read_rubric_xlsx(tmp_path / "r.xlsx") == city


@pytest.mark.slow
def test_a_rubric_resaved_by_libreoffice_imports_as_the_same_rubric(tmp_path):
    soffice = require_tool("soffice")
    city = shipped_rubrics()["training_base"]
    export_rubric_xlsx(city, tmp_path / "r.xlsx")
    out = tmp_path / "lo"
    out.mkdir()
    # Convert from an .ods copy so LibreOffice really rewrites the workbook (xlsx to xlsx in place is a no-op name clash).
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "ods",
                    "--outdir", str(out), str(tmp_path / "r.xlsx")], check=True, capture_output=True, timeout=180)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "xlsx",
                    "--outdir", str(tmp_path / "back"), str(out / "r.ods")], check=True, capture_output=True, timeout=180)
    resaved = tmp_path / "back" / "r.xlsx"
    assert resaved.read_bytes() != (tmp_path / "r.xlsx").read_bytes()
    assert read_rubric_xlsx(resaved) == city


def _broken(tmp_path, edit):
    export_rubric_xlsx(shipped_rubrics()["training_base"], tmp_path / "r.xlsx")
    book = load_workbook(tmp_path / "r.xlsx")
    edit(book.active)
    book.save(tmp_path / "bad.xlsx")
    with pytest.raises(Problem) as caught:
        read_rubric_xlsx(tmp_path / "bad.xlsx")
    assert caught.value.code == Code.RUBRIC_CELLS_INVALID
    return caught.value


def _row_of(sheet, code):
    return next(r[0].row for r in sheet.iter_rows() if r[1].value == code)


def test_every_bad_cell_is_named_with_row_column_and_reason(tmp_path):
    rows = {}

    def edit(sheet):
        rows["1.1"], rows["1.2"], rows["B1"] = _row_of(sheet, "1.1"), _row_of(sheet, "1.2"), _row_of(sheet, "B1")
        sheet.cell(rows["1.1"], 4).value = "十分"  # points in words
        sheet.cell(rows["1.2"], 6).value = "面谈"  # not an assessment method
        sheet.cell(rows["B1"], 7).value = None  # a bonus item without its rule
    problem = _broken(tmp_path, edit)
    cells = {(c.row, c.column, c.reason) for c in problem.params["errors"]}
    assert cells == {(rows["1.1"], "分值", "not_a_number"), (rows["1.2"], "评估方式", "unknown"),
                     (rows["B1"], "评分标准", "empty")}
    text = describe(problem)
    assert "bad.xlsx" in text and f"{rows['1.1']}" in text and "十分" in text


def test_a_rubric_whose_points_do_not_add_up_is_refused_at_the_total(tmp_path):
    def edit(sheet):
        sheet.cell(_row_of(sheet, "1.1"), 4).value = 12  # 2 points more than the city's 10
    problem = _broken(tmp_path, edit)
    [cell] = problem.params["errors"]
    assert (cell.row, cell.column, cell.reason) == (8, "基础分合计", "total_mismatch")
    assert cell.value == "100 ≠ 102"


def test_an_item_off_its_step_is_refused_at_its_points_cell(tmp_path):
    row = {}

    def edit(sheet):
        row["n"] = _row_of(sheet, "1.2")
        sheet.cell(row["n"], 5).value = 2  # 5 points cannot be scored in steps of 2
    problem = _broken(tmp_path, edit)
    assert {(c.row, c.column, c.reason) for c in problem.params["errors"]} == {(row["n"], "分值", "max_off_step")}


def test_the_city_template_stays_what_the_rubric_module_reads():
    import resources

    path = resources.path("rubrics", "training_base.json")
    assert parse_rubric(path.read_bytes(), path.name) == shipped_rubrics()["training_base"]
    assert shutil.which("python3")
