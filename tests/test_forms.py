"""The offline score form: both formats round-trip; every bad cell is named; all or nothing."""
from __future__ import annotations

import csv
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.importer import import_package
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.sheets.forms import export_form, import_form
from review_model.sheets.view import sheet_view
from tests.support.small_round import make_small_round
from tests.support.snapshot import snapshot


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    return make_small_round(tmp_path_factory.mktemp("forms"))


@pytest.fixture
def reviewer(round_, tmp_path):
    shutil.copytree(round_.homes["E02"], tmp_path / "E02")
    home = Home(tmp_path / "E02")
    import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
    reviewer = Reviewer.open(home)
    ops.confirm_no_conflict(reviewer, "A01")
    yield reviewer
    home.close()


def read_csv(path: Path) -> list[list[str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel opens it as UTF-8
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def write_csv(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)


def fill(rows: list[list[str]], rubric) -> None:
    """Fill every item at 80 %, as an expert would on paper."""
    for row in rows[1:]:
        item = rubric.item(row[0])
        if item is not None and not rubric.is_bonus(item.code):
            row[3] = str((item.max_points * Decimal("0.8") / item.step).to_integral_value() * item.step)
        if row[0] == "RECOMMENDATION":
            row[4] = "推荐"
        if row[0] == "OPINION":
            row[4] = "领办人技艺精湛，带徒成效明显。"


def test_csv_round_trip(reviewer, tmp_path):
    form = tmp_path / "A01.csv"
    export_form(reviewer, "A01", form)
    rows = read_csv(form)
    rubric = sheet_view(reviewer, "A01").rubric
    assert rows[0] == ["item_code", "item_title", "max_points", "score", "comment"]
    codes = [r[0] for r in rows[1:]]
    assert codes[0] == "#" and codes[-2:] == ["OPINION", "RECOMMENDATION"]
    assert [i.code for i in rubric.scored_items] == [c for c in codes if rubric.item(c)]
    assert {v.code for v in rubric.vetoes} <= set(codes)
    fill(rows, rubric)
    rows[codes.index(rubric.bonus.items[0].code) + 1][3] = "2"
    write_csv(form, rows)
    applied = import_form(reviewer, "A01", form)
    view = sheet_view(reviewer, "A01")
    assert view.checklist == ()
    assert view.recommendation == "recommend" and view.opinion.startswith("领办人")
    assert view.scores[rubric.bonus.items[0].code] == Decimal("2")
    again = tmp_path / "again.csv"
    export_form(reviewer, "A01", again)
    exported = {r[0]: r[3] for r in read_csv(again)[1:]}
    typed = {row[0]: row[3] for row in rows[1:] if rubric.item(row[0])}
    assert all((Decimal(exported[c]) if exported[c] else None) == (Decimal(v) if v else None) for c, v in typed.items())
    applied.undo.apply(reviewer)  # one undo step takes the whole import back
    assert all(v is None for v in sheet_view(reviewer, "A01").scores.values())


def test_xlsx_round_trip_with_numbers_as_numbers(reviewer, tmp_path):
    form = tmp_path / "A01.xlsx"
    export_form(reviewer, "A01", form)
    book = load_workbook(form)
    sheet = book.active
    rubric = sheet_view(reviewer, "A01").rubric
    assert isinstance(sheet.cell(row=3, column=3).value, (int, float))
    for row in sheet.iter_rows(min_row=2):
        item = rubric.item(str(row[0].value))
        if item is not None and not rubric.is_bonus(item.code):
            row[3].value = float(item.max_points) * 0.5 if item.step == Decimal("0.5") else int(item.max_points)
            if rubric.needs_comment(item.code, Decimal(str(row[3].value))):
                row[4].value = "现场核查情况一般"
        if row[0].value == "RECOMMENDATION":
            row[4].value = "不推荐"
    book.save(form)
    import_form(reviewer, "A01", form)
    view = sheet_view(reviewer, "A01")
    assert view.recommendation == "not_recommend"
    first = rubric.sections[0].items[0]
    assert view.scores[first.code] == first.max_points / 2


BAD_CELLS = {
    "unknown item code": (lambda rows: rows.append(["9.9", "", "", "3", ""]), "item_code", "unknown_item"),
    "score out of range": (lambda rows: rows[2].__setitem__(3, "99"), "score", "out_of_range"),
    "score off-step": (lambda rows: rows[2].__setitem__(3, "2.25"), "score", "off_step"),
    "text in a number cell": (lambda rows: rows[2].__setitem__(3, "五分"), "score", "not_a_number"),
    "missing required comment": (lambda rows: (rows[2].__setitem__(3, "0"), rows[2].__setitem__(4, "")), "comment",
                                 "comment_required"),
    "duplicate item row": (lambda rows: rows.append(list(rows[2])), "item_code", "duplicate"),
    "veto answer not yes/no": (lambda rows: next(r for r in rows if r[0] == "V1").__setitem__(3, "也许"), "score",
                               "bad_choice"),
    "veto without a reason": (lambda rows: next(r for r in rows if r[0] == "V1").__setitem__(3, "是"), "comment",
                              "reason_required"),
    "recommendation not a choice": (lambda rows: rows[-1].__setitem__(4, "待定"), "comment", "bad_choice"),
    "stamp removed": (lambda rows: rows.__delitem__(1), "item_code", "stamp_missing"),
}


@pytest.mark.parametrize("case", list(BAD_CELLS))
def test_every_bad_cell_kind_is_rejected_with_row_column_reason(reviewer, tmp_path, case):
    edit, column, reason = BAD_CELLS[case]
    form = tmp_path / "A01.csv"
    export_form(reviewer, "A01", form)
    rows = read_csv(form)
    fill(rows, sheet_view(reviewer, "A01").rubric)
    edit(rows)
    write_csv(form, rows)
    before = snapshot(reviewer.home.root)
    with pytest.raises(Problem) as caught:
        import_form(reviewer, "A01", form)
    assert caught.value.code == Code.FORM_INVALID
    cells = caught.value.params["errors"]
    assert (column, reason) in {(c.column, c.reason) for c in cells}
    assert all(c.row >= 2 for c in cells)
    assert snapshot(reviewer.home.root) == before


def test_all_bad_cells_are_reported_at_once(reviewer, tmp_path):
    form = tmp_path / "A01.csv"
    export_form(reviewer, "A01", form)
    rows = read_csv(form)
    rows[2][3], rows[3][3], rows[4][3] = "99", "abc", "1.25"
    write_csv(form, rows)
    with pytest.raises(Problem) as caught:
        import_form(reviewer, "A01", form)
    assert [(c.row, c.reason) for c in caught.value.params["errors"]] == [(3, "out_of_range"), (4, "not_a_number"),
                                                                          (5, "off_step")]


def test_a_stale_form_needs_the_experts_confirmation(reviewer, tmp_path):
    form = tmp_path / "A01.csv"
    export_form(reviewer, "A01", form)
    ops.set_score(reviewer, "A01", "1.1", Decimal("4"))  # the sheet changes in the app after export
    rows = read_csv(form)
    fill(rows, sheet_view(reviewer, "A01").rubric)
    write_csv(form, rows)
    with pytest.raises(Problem) as caught:
        import_form(reviewer, "A01", form)
    assert caught.value.code == Code.FORM_STALE
    assert sheet_view(reviewer, "A01").scores["1.1"] == Decimal("4")
    import_form(reviewer, "A01", form, overwrite=True)
    assert sheet_view(reviewer, "A01").scores["1.1"] == Decimal("4")  # 80 % of 5


def test_a_form_for_another_applicant_is_refused(reviewer, tmp_path):
    ops.confirm_no_conflict(reviewer, "A02")
    form = tmp_path / "A02.csv"
    export_form(reviewer, "A02", form)
    with pytest.raises(Problem) as caught:
        import_form(reviewer, "A01", form)
    assert caught.value.code == Code.FORM_INVALID
    assert caught.value.params["errors"][0].reason == "other_applicant"


def test_not_a_spreadsheet(reviewer, tmp_path):
    junk = tmp_path / "A01.xlsx"
    junk.write_bytes(b"PK not really")
    with pytest.raises(Problem) as caught:
        import_form(reviewer, "A01", junk)
    assert caught.value.code == Code.TABLE_INVALID and caught.value.params["reason"] == "not_xlsx"
