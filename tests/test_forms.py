"""The offline score form: both formats round-trip; every bad cell is named; all or nothing."""
from __future__ import annotations

import csv
import io
import shutil
import zipfile
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
    assert rows[0] == ["指标编号 item_code", "指标名称 item_title", "满分 max_points", "得分 score", "评语 comment",
                       "填写说明（本列不读取）"]  # Chinese first, the machine codes kept
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


# --- issue 9: forms that crashed, or were read as something else ----------------------------
def exported_rows(reviewer, tmp_path) -> tuple[Path, list[list[str]]]:
    form = tmp_path / "A01.csv"
    export_form(reviewer, "A01", form)
    rows = read_csv(form)
    fill(rows, sheet_view(reviewer, "A01").rubric)
    return form, rows


def refused_cells(reviewer, form) -> list:
    before = snapshot(reviewer.home.root)
    with pytest.raises(Problem) as caught:
        import_form(reviewer, "A01", form)
    assert snapshot(reviewer.home.root) == before
    assert caught.value.code == Code.FORM_INVALID, caught.value
    return caught.value.params["errors"]


def test_a_comment_longer_than_a_csv_field_is_named_not_a_traceback(reviewer, tmp_path):
    form, rows = exported_rows(reviewer, tmp_path)
    rows[2][4] = "很" * 131_073  # past the csv module's default field limit
    write_csv(form, rows)
    cells = refused_cells(reviewer, form)
    assert [(c.row, c.column, c.reason) for c in cells] == [(3, "comment", "too_long")]


def test_cr_only_line_endings_are_read(reviewer, tmp_path):
    form, rows = exported_rows(reviewer, tmp_path)
    rows[2][4] = "第一行\r第二行"  # a line break inside a cell survives too
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r").writerows(rows)  # as old Mac Excel saves "CSV (Macintosh)"
    form.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    import_form(reviewer, "A01", form)
    view = sheet_view(reviewer, "A01")
    assert view.recommendation == "recommend" and view.comments["1.1"] == "第一行\r第二行"


@pytest.mark.slow
def test_a_million_bad_rows_list_the_first_twenty_and_count_the_rest(reviewer, tmp_path):
    from ui.messages import describe

    form, rows = exported_rows(reviewer, tmp_path)
    with open(form, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows(rows)
        writer.writerows([f"X{n}", "", "", "3", ""] for n in range(1_000_000))
    with pytest.raises(Problem) as caught:
        import_form(reviewer, "A01", form)
    cells = caught.value.params["errors"]
    assert len(cells) == 20 and [c.row for c in cells] == list(range(len(rows) + 1, len(rows) + 21))
    assert caught.value.params["more"] == 1_000_000 - 20
    message = describe(caught.value)
    assert message.count("\n") == 21 and "999980" in message.splitlines()[-1] and len(message) < 4000


def test_the_command_line_prints_a_capped_list(round_, tmp_path):
    from tests.support.cli import reviewdesk

    home = tmp_path / "E02"
    shutil.copytree(round_.homes["E02"], home)
    assert reviewdesk("--home", home, "import", round_.package, "--trust-bureau", round_.bureau_fingerprint).returncode == 0
    form = tmp_path / "A01.csv"
    assert reviewdesk("--home", home, "sheet", "export-form", "A01", "-o", form).returncode == 0
    rows = read_csv(form) + [[f"X{n}", "", "", "3", ""] for n in range(5000)]
    write_csv(form, rows)
    bad = reviewdesk("--home", home, "sheet", "import-form", "A01", form)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert len(bad.stderr.splitlines()) == 22 and "4980" in bad.stderr.splitlines()[-1]


@pytest.mark.parametrize("typed", ["1_0", "٨", "1e-999999999", "NaN", "4,5"])
def test_only_plain_decimal_numbers_are_scores(reviewer, tmp_path, typed):
    form, rows = exported_rows(reviewer, tmp_path)
    rows[2][3] = typed
    write_csv(form, rows)
    cells = refused_cells(reviewer, form)
    assert [(c.row, c.column, c.reason) for c in cells] == [(3, "score", "not_a_number")]


def test_full_width_digits_from_a_chinese_ime_are_read(reviewer, tmp_path):
    form, rows = exported_rows(reviewer, tmp_path)
    rows[2][3] = "４．５"
    write_csv(form, rows)
    import_form(reviewer, "A01", form)
    assert sheet_view(reviewer, "A01").scores["1.1"] == Decimal("4.5")


def test_a_merged_away_cell_is_refused_by_name(reviewer, tmp_path):
    form = tmp_path / "A01.xlsx"
    export_form(reviewer, "A01", form)
    book = load_workbook(form)
    sheet = book.active
    sheet["D3"] = 4
    sheet.merge_cells("C3:D3")  # as Excel does, the merge keeps C3 (max points) and empties D3
    book.save(form)
    with pytest.raises(Problem) as caught:
        import_form(reviewer, "A01", form)
    assert caught.value.code == Code.TABLE_INVALID
    facts = caught.value.params
    assert (facts["row"], facts["column"], facts["reason"], facts["value"]) == (3, "score", "merged", "D3 → C3")


def _xlsx_form(reviewer, tmp_path) -> Path:
    form = tmp_path / "A01.xlsx"
    export_form(reviewer, "A01", form)
    book = load_workbook(form)
    rubric = sheet_view(reviewer, "A01").rubric
    for row in book.active.iter_rows(min_row=2):
        item = rubric.item(str(row[0].value))
        if item is not None and not rubric.is_bonus(item.code):
            row[3].value = int(item.max_points)
        if row[0].value == "RECOMMENDATION":
            row[4].value = "推荐"
    book.save(form)
    return form


def test_a_formula_without_a_saved_result_is_refused_by_name(reviewer, tmp_path):
    form = _xlsx_form(reviewer, tmp_path)
    book = load_workbook(form)
    book.active["D3"] = "=2+2"  # written by a script: no result saved with it
    book.save(form)
    with pytest.raises(Problem) as caught:
        import_form(reviewer, "A01", form)
    facts = caught.value.params
    assert caught.value.code == Code.TABLE_INVALID
    assert (facts["row"], facts["column"], facts["reason"], facts["value"]) == (3, "score", "formula_no_value", "D3 =2+2")


def test_a_formula_with_its_saved_result_counts_as_that_result(reviewer, tmp_path):
    from tests.support.office_files import with_cached_values

    form = _xlsx_form(reviewer, tmp_path)
    book = load_workbook(form)
    book.active["D3"] = "=2+2"
    book.save(form)
    form.write_bytes(with_cached_values(form.read_bytes(), {"D3": "4"}))  # as Excel saves it
    import_form(reviewer, "A01", form)
    assert sheet_view(reviewer, "A01").scores["1.1"] == Decimal("4")


# --- issue 11 item 6: the form as an office uses it ------------------------------------------
def test_each_row_says_which_column_it_reads(reviewer, tmp_path):
    form = tmp_path / "A01.csv"
    export_form(reviewer, "A01", form)
    rows = read_csv(form)
    guide = {row[0]: row[5] for row in rows[1:]}
    assert "“得分”列填 是 或 否" in guide["V1"] and "“评语”列" in guide["V1"]
    assert guide["OPINION"].startswith("只读“评语”列") and guide["RECOMMENDATION"].startswith("只读“评语”列")
    assert "0–5 分（步长 0.5）" in guide["1.1"] and "低于 3 分" in guide["1.1"]


@pytest.mark.parametrize("code, column", [("OPINION", 3), ("RECOMMENDATION", 3), ("#", 2)])
def test_a_value_in_a_column_the_row_does_not_read_is_refused(reviewer, tmp_path, code, column):
    form, rows = exported_rows(reviewer, tmp_path)
    row = next(r for r in rows if r[0] == code)
    if code == "#":  # the title and the points are never read, on any row: changing them is harmless
        row[1], row[2] = "随便写", "7"
        write_csv(form, rows)
        import_form(reviewer, "A01", form)
        return
    row[column] = "推荐"
    write_csv(form, rows)
    cells = refused_cells(reviewer, form)
    assert [(c.row, c.column, c.reason) for c in cells] == [(rows.index(row) + 1, "score", "not_read")]


def test_a_score_without_an_item_code_is_refused(reviewer, tmp_path):
    form, rows = exported_rows(reviewer, tmp_path)
    rows.append(["", "", "", "4", ""])
    rows.append(["", "（签字）", "", "", ""])  # a row that says nothing the form reads is fine
    write_csv(form, rows)
    cells = refused_cells(reviewer, form)
    assert [(c.row, c.reason) for c in cells] == [(len(rows) - 1, "code_missing")]


def test_the_contracts_english_header_still_imports(reviewer, tmp_path):
    form, rows = exported_rows(reviewer, tmp_path)
    rows[0] = ["item_code", "item_title", "max_points", "score", "comment"]  # SPEC.md's columns, no guide
    write_csv(form, [r[:5] for r in rows])
    import_form(reviewer, "A01", form)
    assert sheet_view(reviewer, "A01").checklist == ()


def test_the_xlsx_form_has_drop_downs_and_number_checks(reviewer, tmp_path):
    form = tmp_path / "A01.xlsx"
    export_form(reviewer, "A01", form)
    sheet = load_workbook(form).active
    rows = {str(row[0].value): row[0].row for row in sheet.iter_rows(min_row=2)}
    assert [c.value for c in sheet[1]][:5] == ["指标编号 item_code", "指标名称 item_title", "满分 max_points",
                                                "得分 score", "评语 comment"]
    checks = sheet.data_validations.dataValidation
    lists = {v.formula1: {str(r) for r in v.sqref.ranges} for v in checks if v.type == "list"}
    assert lists['"是,否"'] == {f"D{rows[v]}" for v in ("V1", "V2", "V3")}
    assert lists['"推荐,不推荐"'] == {f"E{rows['RECOMMENDATION']}"}
    ranges = {(v.formula1, v.formula2): {str(r) for r in v.sqref.ranges} for v in checks if v.type == "decimal"}
    assert f"D{rows['1.1']}" in ranges[("0", "5")] and f"D{rows['2.1']}" in ranges[("0", "10")]
    assert all(v.showErrorMessage for v in checks)


def test_after_import_the_command_line_says_what_is_left(round_, tmp_path):
    from tests.support.cli import reviewdesk

    home = tmp_path / "E02"
    shutil.copytree(round_.homes["E02"], home)
    assert reviewdesk("--home", home, "import", round_.package, "--trust-bureau", round_.bureau_fingerprint).returncode == 0
    assert reviewdesk("--home", home, "sheet", "confirm-no-conflict", "A01").returncode == 0
    form = tmp_path / "A01.csv"
    assert reviewdesk("--home", home, "sheet", "export-form", "A01", "-o", form).returncode == 0
    rows = read_csv(form)
    rows[2][3] = "4"  # one item scored, nothing else
    write_csv(form, rows)
    done = reviewdesk("--home", home, "sheet", "import-form", "A01", form)
    assert done.returncode == 0, done.stderr
    left = done.stdout.splitlines()[-1]
    assert left.startswith("还需") and "绝技绝活与专长" in left and "第 1.1 项" not in left and "选择是否推荐" in left


def _gbk(rows):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("gb18030")


def _unicode_text(rows):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-16")  # BOM + UTF-16LE, as Excel's "Unicode 文本"


@pytest.mark.parametrize("kind, suffix, encode", [
    ("Chinese Excel/WPS CSV (GBK)", ".csv", _gbk),
    ("Excel Unicode text (.txt)", ".txt", _unicode_text),
    ("Excel Unicode text named .csv", ".csv", _unicode_text),
])
def test_what_offices_really_send(reviewer, tmp_path, kind, suffix, encode):
    form, rows = exported_rows(reviewer, tmp_path)
    rows[2][4] = "领办人证书齐全，现场答辩清楚"
    sent = tmp_path / f"sent{suffix}"
    sent.write_bytes(encode(rows))
    import_form(reviewer, "A01", sent)
    view = sheet_view(reviewer, "A01")
    assert view.checklist == () and view.comments["1.1"] == "领办人证书齐全，现场答辩清楚"
    assert view.opinion.startswith("领办人")


def test_the_apps_csv_saved_as_xlsx_by_libreoffice(reviewer, tmp_path):
    """LibreOffice is not installed here: tests/support/office_files.libreoffice_xlsx writes the file
    as Calc does (shared strings, the BOM kept in A1, codes such as 1.1 turned into numbers)."""
    from tests.support.office_files import libreoffice_xlsx

    form = tmp_path / "A01.csv"
    export_form(reviewer, "A01", form)
    saved = tmp_path / "A01.xlsx"
    libreoffice_xlsx(form, saved, edit=lambda rows: fill(rows, sheet_view(reviewer, "A01").rubric))
    with zipfile.ZipFile(saved) as archive:
        assert "xl/sharedStrings.xml" in archive.namelist()
    assert load_workbook(saved).active["A1"].value.startswith("\ufeff")
    import_form(reviewer, "A01", saved)
    assert sheet_view(reviewer, "A01").checklist == ()


def test_an_xlsx_with_a_wrong_dimension_is_read_whole(reviewer, tmp_path):
    from tests.support.office_files import inline_xlsx_with_wrong_dimension

    form = _xlsx_form(reviewer, tmp_path)
    form.write_bytes(inline_xlsx_with_wrong_dimension(form.read_bytes()))
    import_form(reviewer, "A01", form)
    assert sheet_view(reviewer, "A01").checklist == ()
