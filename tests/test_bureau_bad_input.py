"""Bad input on the bureau's desk: one clear sentence each, and the home exactly as it was."""
from __future__ import annotations

import csv

import pytest

from review_model.bureau.desk import save_round
from review_model.bureau.dossiers import attach_binder
from review_model.bureau.experts import enrol_expert
from review_model.bureau.portal import import_applicants
from review_model.carriers import ENTITY_KIND_NAMES, OFFICIAL_NAMES
from review_model.demo.applicants import APPLICANTS
from review_model.demo.cast import ROUND
from review_model.errors import Code, Problem
from review_model.home import Home
from tests.support.bureau_inputs import BINDER_APPLICANT, PORTAL_HEADER, binder_pdf, make_clerk_inputs
from tests.support.snapshot import snapshot
from ui.messages import describe


@pytest.fixture
def desk(tmp_path):
    clerk = make_clerk_inputs(tmp_path)
    with Home(clerk.bureau_home) as home:
        save_round(home, ROUND)
        import_applicants(home, clerk.xlsx)
        enrol_expert(home, clerk.identities / "E01.pub", role="chair")
    return clerk


def _portal_csv(path, encoding, rows=None, header=PORTAL_HEADER):
    rows = rows or [[n, a.name, a.uscc, ENTITY_KIND_NAMES[a.entity_kind], a.industry, OFFICIAL_NAMES[a.carrier_type],
                     a.address, a.legal_representative, a.contact] for n, a in enumerate(APPLICANTS, start=1)]
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows([header, *rows])


def _refused(clerk, action):
    before = snapshot(clerk.bureau_home)
    with Home(clerk.bureau_home) as home, pytest.raises(Problem) as caught:
        action(home)
    assert snapshot(clerk.bureau_home) == before
    text = describe(caught.value)
    assert text.count("\n") == 0 and "{" not in text, text  # one sentence, every fact filled in
    return caught.value, text


def test_a_gbk_csv_from_chinese_excel_is_read_as_chinese(tmp_path):
    clerk = make_clerk_inputs(tmp_path)
    _portal_csv(tmp_path / "名单.csv", "gbk")
    with Home(clerk.bureau_home) as home:
        save_round(home, ROUND)
        assert import_applicants(home, tmp_path / "名单.csv").added == 10
        from review_model.bureau.spec import completeness

        names = [c.name for c in completeness(home)]
    assert names == [a.name for a in APPLICANTS]


def test_a_file_that_is_no_text_at_all_is_refused(desk):
    (desk.root / "x.csv").write_bytes(bytes(range(128, 256)) * 4)
    problem, text = _refused(desk, lambda home: import_applicants(home, desk.root / "x.csv"))
    assert problem.code == Code.TABLE_INVALID and problem.params["reason"] in ("encoding", "missing_column")


def test_a_spreadsheet_with_wrong_columns_is_refused(desk):
    header = ["序号", "公司", "代码", "类型", "行业", "类别"]
    _portal_csv(desk.root / "wrong.csv", "utf-8-sig", header=header)
    problem, text = _refused(desk, lambda home: import_applicants(home, desk.root / "wrong.csv"))
    assert (problem.code, problem.params["column"], problem.params["reason"]) == (Code.TABLE_INVALID, "name", "missing_column")
    assert "wrong.csv" in text


def test_a_duplicate_credit_code_is_refused_at_its_row(desk):
    rows = [[n, a.name, a.uscc, ENTITY_KIND_NAMES[a.entity_kind], a.industry, OFFICIAL_NAMES[a.carrier_type], "", "", ""]
            for n, a in enumerate(APPLICANTS, start=1)]
    rows[4][2] = rows[1][2]
    _portal_csv(desk.root / "dup.csv", "utf-8-sig", rows)
    problem, text = _refused(desk, lambda home: import_applicants(home, desk.root / "dup.csv"))
    assert (problem.params["row"], problem.params["column"], problem.params["reason"]) == (6, "uscc", "duplicate")
    assert rows[1][2] in text


def test_a_wrong_check_character_is_refused(desk):
    rows = [[1, "某公司", APPLICANTS[0].uscc[:-1] + ("0" if APPLICANTS[0].uscc[-1] != "0" else "1"), "企业", "", "技能大师工作室",
             "", "", ""]]
    _portal_csv(desk.root / "bad.csv", "utf-8-sig", rows)
    problem, _ = _refused(desk, lambda home: import_applicants(home, desk.root / "bad.csv"))
    assert (problem.params["column"], problem.params["reason"]) == ("uscc", "uscc_check")


def test_a_binder_without_bookmarks_is_refused(desk):
    plain = desk.root / "plain.pdf"
    plain.write_bytes(binder_pdf(desk.materials[BINDER_APPLICANT], bookmarks=False))
    problem, text = _refused(desk, lambda home: attach_binder(home, BINDER_APPLICANT, plain))
    assert problem.code == Code.BINDER_NO_BOOKMARKS and "plain.pdf" in text


def test_page_ranges_beyond_the_binder_are_refused(desk):
    plain = desk.root / "plain.pdf"
    plain.write_bytes(binder_pdf(desk.materials[BINDER_APPLICANT], bookmarks=False))
    problem, _ = _refused(desk, lambda home: attach_binder(home, BINDER_APPLICANT, plain, ranges=[("申报表", 2, 99)]))
    assert problem.code == Code.BINDER_RANGES_INVALID


def test_marked_page_ranges_split_a_binder_without_bookmarks(desk):
    plain = desk.root / "plain.pdf"
    plain.write_bytes(binder_pdf(desk.materials[BINDER_APPLICANT], bookmarks=False))
    with Home(desk.bureau_home) as home:
        parts = attach_binder(home, BINDER_APPLICANT, plain, ranges=[("申报表", 2, 2), ("营业执照或法人证书", 3, 4)])
        from review_model.bureau.spec import completeness

        found = next(c for c in completeness(home) if c.applicant_id == BINDER_APPLICANT)
    assert [p.title for p in parts] == ["申报表", "营业执照或法人证书"]
    assert [m.pages for m in found.materials[:2]] == [1, 2]


def test_the_same_expert_twice_is_refused(desk):
    problem, text = _refused(desk, lambda home: enrol_expert(home, desk.identities / "E01.pub"))
    assert problem.code == Code.EXPERT_ENROLLED


def test_a_bureau_identity_cannot_be_enrolled_as_an_expert(desk):
    problem, _ = _refused(desk, lambda home: enrol_expert(home, desk.identities / "B01.pub"))
    assert problem.code == Code.IDENTITY_FILE_INVALID


def test_a_round_in_a_year_without_calendar_data_is_refused(desk):
    problem, text = _refused(desk, lambda home: save_round(home, {**ROUND, "year": 2031}))
    assert problem.code == Code.DESK_CALENDAR_MISSING and "2031" in text
