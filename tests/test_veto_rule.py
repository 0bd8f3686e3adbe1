"""Issue 11 item 1: a sheet with a 一票否决 item ticked is never recommended (推荐).

Ticking a veto sets 不推荐 (one undo step takes both back); choosing 推荐 while a veto is ticked is
refused with one sentence; a form saying both is refused with its row; a sheet stored with both
(before the rule) cannot be signed; the signed PDF of a vetoed sheet marks 不推荐."""
from __future__ import annotations

import csv

import fitz
import pytest

from review_model.errors import Code, Problem
from review_model.identity import signing_key
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.sheets.forms import export_form, import_form
from review_model.sheets.view import sheet_view
from review_model.signing.sign import sign_sheet
from tests.support import rawdb
from tests.support.cli import reviewdesk
from tests.support.sheets import complete_sheet, expert_home
from tests.support.small_round import make_small_round
from tests.support.snapshot import snapshot
from ui.messages import describe


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    return make_small_round(tmp_path_factory.mktemp("veto"))


@pytest.fixture
def reviewer(round_, tmp_path):
    home = expert_home(round_, "E02", tmp_path / "E02")
    reviewer = Reviewer.open(home)
    complete_sheet(reviewer, "A01")  # complete and 推荐
    yield reviewer
    home.close()


def test_ticking_a_veto_sets_do_not_recommend_and_undo_takes_both_back(reviewer):
    assert sheet_view(reviewer, "A01").recommendation == "recommend"
    applied = ops.SetVeto("A01", "V1", True, "近三年发生较大安全生产事故").apply(reviewer)
    view = sheet_view(reviewer, "A01")
    assert view.vetoes["V1"][0] and view.recommendation == "not_recommend"
    assert applied.changes.opinion  # the workspace redraws the recommendation too
    redo = applied.undo.apply(reviewer).undo
    view = sheet_view(reviewer, "A01")
    assert not view.vetoes["V1"][0] and view.recommendation == "recommend"
    redo.apply(reviewer)
    assert sheet_view(reviewer, "A01").recommendation == "not_recommend"


def test_undoing_one_veto_while_another_holds_keeps_do_not_recommend(reviewer):
    first = ops.SetVeto("A01", "V1", True, "事故").apply(reviewer)
    ops.SetVeto("A01", "V2", True, "材料造假").apply(reviewer)
    first.undo.apply(reviewer)
    view = sheet_view(reviewer, "A01")
    assert view.vetoes["V2"][0] and view.recommendation == "not_recommend"


def test_choosing_recommend_on_a_vetoed_sheet_is_refused(reviewer):
    ops.SetVeto("A01", "V1", True, "事故").apply(reviewer)
    before = snapshot(reviewer.home.root)
    with pytest.raises(Problem) as caught:
        ops.SetOpinion("A01", "意见", "recommend").apply(reviewer)
    assert caught.value.code == Code.VETO_RECOMMENDED and caught.value.params["veto"] == "V1"
    assert describe(caught.value).startswith("A01 cannot be recommended while veto V1 is ticked")
    assert snapshot(reviewer.home.root) == before
    ops.SetOpinion("A01", "新的意见", "not_recommend").apply(reviewer)  # the opinion itself can still change


def _form(reviewer, tmp_path, veto_answer: str, recommendation: str):
    form = tmp_path / "A01.csv"
    export_form(reviewer, "A01", form)
    with open(form, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    for row in rows:
        if row[0] == "V1":
            row[3], row[4] = veto_answer, "近三年发生较大安全生产事故"
        if row[0] == "RECOMMENDATION":
            row[4] = recommendation
    with open(form, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return form, rows


def test_a_form_with_a_veto_and_recommend_is_refused_at_the_recommendation(reviewer, tmp_path):
    form, rows = _form(reviewer, tmp_path, "是", "推荐")
    before = snapshot(reviewer.home.root)
    with pytest.raises(Problem) as caught:
        import_form(reviewer, "A01", form)
    assert caught.value.code == Code.FORM_INVALID
    row = next(n for n, r in enumerate(rows, start=1) if r[0] == "RECOMMENDATION")
    assert [(c.row, c.column, c.reason) for c in caught.value.params["errors"]] == [(row, "comment", "vetoed_recommend")]
    assert snapshot(reviewer.home.root) == before


def test_a_form_with_a_veto_and_no_recommendation_becomes_do_not_recommend(reviewer, tmp_path):
    form, _ = _form(reviewer, tmp_path, "是", "")
    import_form(reviewer, "A01", form)
    view = sheet_view(reviewer, "A01")
    assert view.vetoed and view.recommendation == "not_recommend" and view.checklist == ()


def test_the_sheet_command_refuses_both_at_once(reviewer):
    view = sheet_view(reviewer, "A01")
    items = tuple((code, view.scores.get(code), view.comments.get(code, "")) for code in view.scores)
    with pytest.raises(Problem) as caught:
        ops.SetSheet("A01", items, (("V1", True, "事故"),), "意见", "recommend").apply(reviewer)
    assert caught.value.code == Code.VETO_RECOMMENDED
    assert not sheet_view(reviewer, "A01").vetoed


def _store_both(reviewer) -> None:
    """A sheet saved with a veto and 推荐 before the rule existed."""
    ops.SetVeto("A01", "V1", True, "事故").apply(reviewer)
    with rawdb.connect(reviewer.home.root) as db:
        db.execute("UPDATE sheet_revision SET recommendation = 'recommend'")


def test_a_sheet_stored_with_both_cannot_be_signed(reviewer):
    _store_both(reviewer)
    view = sheet_view(reviewer, "A01")
    assert [(e.kind, e.code) for e in view.checklist] == [("vetoed_recommended", "V1")]
    with pytest.raises(Problem) as caught:
        sign_sheet(reviewer, "A01", signing_key(reviewer.home, person_id="E02"))
    assert caught.value.code == Code.SHEET_INCOMPLETE
    assert sheet_view(reviewer, "A01").state == "draft"


def test_the_signed_pdf_of_a_vetoed_sheet_marks_do_not_recommend(reviewer):
    ops.SetVeto("A01", "V1", True, "近三年发生较大安全生产事故").apply(reviewer)
    signed = sign_sheet(reviewer, "A01", signing_key(reviewer.home, person_id="E02"))
    assert signed.recommendation == "not_recommend"
    with fitz.open(stream=reviewer.home.blobs.read(signed.pdf_sha256), filetype="pdf") as pdf:
        text = "".join(page.get_text() for page in pdf).replace(" ", "")
    assert "■不推荐" in text and "■推荐" not in text and "□推荐" in text


def test_the_command_line_refuses_to_sign_a_vetoed_sheet_marked_recommend(reviewer):
    _store_both(reviewer)
    home = reviewer.home.root
    reviewer.home.close()
    refused = reviewdesk("--home", home, "sheet", "sign", "A01")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "不推荐" in refused.stderr and "V1" in refused.stderr
