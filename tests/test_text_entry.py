"""Text is checked where it enters (issue 9): every text an expert types goes through a sheet
command, which refuses control characters and over-long text with one sentence naming the field,
and leaves the home as it was. Text stored before the rule still exports."""
from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PIL import Image

from review_model.errors import Code, Problem
from review_model.identity import signing_key
from review_model.plain_text import LIMITS, TextField, check_text, parse_number
from review_model.sheets import ops
from review_model.sheets.forms import export_form
from review_model.sheets.view import sheet_view
from review_model.signing.sign import sign_sheet
from tests.support import rawdb
from tests.support.cli import reviewdesk
from tests.support.sheets import a01_reviewer, complete_sheet, expert_home
from tests.support.small_round import make_small_round
from tests.support.snapshot import snapshot
from ui.messages import describe


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    return make_small_round(tmp_path_factory.mktemp("text"))


@pytest.fixture
def reviewer(round_, tmp_path):
    with a01_reviewer(round_, tmp_path / "E02") as reviewer:
        yield reviewer


def _photo(tmp_path):
    path = tmp_path / "site.jpg"
    Image.new("RGB", (64, 48), (120, 140, 90)).save(path)
    return path


def _amend(reviewer, text):
    complete_sheet(reviewer, "A01")
    sign_sheet(reviewer, "A01", signing_key(reviewer.home, person_id=reviewer.expert_id))
    return lambda: ops.amend(reviewer, "A01", text)


# entry kind → (field it is refused as, how the expert enters it)
ENTRIES = {
    "item comment": (TextField.COMMENT, lambda r, t, p: lambda: ops.set_comment(r, "A01", "1.1", t)),
    "overall opinion": (TextField.OPINION, lambda r, t, p: lambda: ops.SetOpinion("A01", t, "").apply(r)),
    "veto reason": (TextField.VETO_REASON, lambda r, t, p: lambda: ops.SetVeto("A01", "V1", True, t).apply(r)),
    "site note": (TextField.NOTE, lambda r, t, p: lambda: ops.add_note(r, "A01", "", t)),
    "photo caption": (TextField.CAPTION, lambda r, t, p: lambda: ops.add_photo(r, "A01", "1.1", _photo(p), t)),
    "conflict reason": (TextField.CONFLICT_REASON, lambda r, t, p: lambda: ops.declare_conflict(r, "A02", t)),
    "amendment reason": (TextField.AMEND_REASON, lambda r, t, p: _amend(r, t)),
    "form import (several at once)": (TextField.COMMENT, lambda r, t, p: lambda: ops.SetSheet(
        "A01", (("1.1", Decimal(4), t),), (), "", "").apply(r)),
}


@pytest.mark.parametrize("kind", list(ENTRIES))
@pytest.mark.parametrize("bad", ["control", "too_long"])
def test_every_entry_kind_refuses_bad_text_and_changes_nothing(reviewer, tmp_path, kind, bad):
    field, entry = ENTRIES[kind]
    text = "现场核查\x01情况" if bad == "control" else "很" * (LIMITS[field] + 1)
    action = entry(reviewer, text, tmp_path)
    before = snapshot(reviewer.home.root)
    with pytest.raises(Problem) as caught:
        action()
    assert caught.value.code == Code.TEXT_INVALID
    assert caught.value.params["field"] == field and caught.value.params["reason"] == bad
    assert snapshot(reviewer.home.root) == before


@pytest.mark.parametrize("kind", list(ENTRIES))
def test_ordinary_text_with_line_breaks_and_tabs_is_kept(reviewer, tmp_path, kind):
    field, entry = ENTRIES[kind]
    text = "第一行\r\n第二行\t备注"
    entry(reviewer, text, tmp_path)()
    view = sheet_view(reviewer, "A01")
    stored = {
        TextField.COMMENT: lambda: view.comments.get("1.1"),
        TextField.OPINION: lambda: view.opinion,
        TextField.VETO_REASON: lambda: view.vetoes["V1"][1],
        TextField.NOTE: lambda: view.notes[-1].text,
        TextField.CAPTION: lambda: view.photos[-1].caption,
        TextField.CONFLICT_REASON: lambda: sheet_view(reviewer, "A02").conflict_reason,
        TextField.AMEND_REASON: lambda: view.amend_reason,
    }[field]()
    assert stored == text


def test_the_limit_is_the_limit(reviewer):
    ops.set_comment(reviewer, "A01", "1.1", "很" * LIMITS[TextField.COMMENT])
    with pytest.raises(Problem):
        ops.set_comment(reviewer, "A01", "1.1", "很" * (LIMITS[TextField.COMMENT] + 1))
    assert len(sheet_view(reviewer, "A01").comments["1.1"]) == LIMITS[TextField.COMMENT]


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\ud800", "\ufffe"])
def test_what_text_may_not_contain(char):
    with pytest.raises(Problem) as caught:
        check_text(f"ab{char}c", field=TextField.NOTE)
    assert caught.value.params["position"] == 3


def test_the_refusal_is_one_sentence_naming_the_field_and_the_character():
    with pytest.raises(Problem) as control:
        check_text("abc\x01", field=TextField.COMMENT, where="2.1")
    assert describe(control.value) == ("Cannot save the comment on item 2.1: it contains an invisible control character "
                                       "(often pasted from another program) (U+0001 at character 4). Correct it and try again.")
    with pytest.raises(Problem) as long:
        check_text("x" * 501, field=TextField.CAPTION)
    assert "(501 characters; at most 500)" in describe(long.value)


@pytest.mark.parametrize("typed, value", [("7", "7"), ("7.5", "7.5"), (" 7.5 ", "7.5"), ("７．５", "7.5"), (".5", "0.5"),
                                          ("-1", "-1"), ("", None)])
def test_numbers_as_people_type_them(typed, value):
    assert parse_number(typed) == (None if value is None else Decimal(value))


@pytest.mark.parametrize("typed", ["1_0", "٨", "৪", "1e-999999999", "1E2", "NaN", "Infinity", "7,5", "+5", "0x5",
                                   "7。5", "1" * 41])
def test_what_decimal_would_take_but_a_person_does_not_type(typed):
    with pytest.raises(ValueError):
        parse_number(typed)
    with pytest.raises(ValueError):
        ops.parse_score(typed)  # the one rule: the workspace and the form read scores through it


def test_the_command_line_refuses_a_control_character_in_a_reason(round_, tmp_path):
    home = expert_home(round_, "E02", tmp_path / "E02")
    home.close()
    before = snapshot(tmp_path / "E02")
    refused = reviewdesk("--home", tmp_path / "E02", "sheet", "declare-conflict", "A02", "--reason", "曾任\x01职")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "无法保存" in refused.stderr and "U+0001" in refused.stderr
    assert snapshot(tmp_path / "E02") == before


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_text_stored_before_the_rule_still_exports(reviewer, tmp_path, suffix):
    ops.set_comment(reviewer, "A01", "1.1", "placeholder")
    ops.SetOpinion("A01", "placeholder", "").apply(reviewer)
    with rawdb.connect(reviewer.home.root) as db:  # as an older version stored it
        db.execute("UPDATE item_score SET comment = 'bad\x01\x0bcomment' WHERE item_code = '1.1'")
        db.execute("UPDATE sheet_revision SET opinion = 'opinion\x02'")
    form = tmp_path / f"A01{suffix}"
    export_form(reviewer, "A01", form)
    if suffix == ".xlsx":
        sheet = load_workbook(form).active
        comments = {row[0].value: row[4].value for row in sheet.iter_rows(min_row=2)}
        assert comments["1.1"] == "bad\ufffd\ufffdcomment" and comments["OPINION"] == "opinion\ufffd"
    else:
        assert "bad\x01\x0bcomment" in form.read_text(encoding="utf-8-sig")
