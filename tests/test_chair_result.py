"""The signed panel result: result.json, the PDFs, the XLSX, `reviewdesk verify` and `reviewdesk chair compile`."""
from __future__ import annotations

import shutil
import zipfile
from decimal import Decimal as D
from types import SimpleNamespace

import openpyxl
import pymupdf
import pytest

from review_model.chair.compile import compile_panel
from review_model.chair.discussion import add_note, request_reconsideration
from review_model.chair.intake import import_returns
from review_model.chair.result import load_result_json, result_json_bytes, write_result
from review_model.errors import Code, Problem
from review_model.exchange.package import open_package
from review_model.home import Home
from review_model.identity import signing_key
from review_model.verification import verify_file
from tests.support.cli import reviewdesk
from tests.support.panel_round import Sheet as S
from tests.support.panel_round import make_panel_round
from tests.support.snapshot import snapshot
from tests.support.tamper import edit_json, resign, rezip

SHEETS = {
    "E01": {"A01": [S("30", "20", "25")], "A02": [S("35", "25", "20")], "A03": [S("32", "21", "27")], "A04": [S("20", "15", "18")]},
    "E02": {"A01": [S("35", "25", "20")], "A02": [S("30", "25", "25", "2")], "A04": [S("25", "15", "20")]},
    "E03": {"A01": [S("32", "21", "27")], "A02": [S("40", "30", "28", veto=True)], "A03": [S("10", "10", "10")],
            "A04": [S("22", "14", "19")]},
    "E04": {"A01": [S("31", "22", "26")], "A02": [S("33", "24", "22")], "A03": [S("30", "22", "24")]},
    "E05": {"A01": [S("36", "20", "25")], "A02": [S("34", "26", "21")], "A03": [S("31", "20", "26")],
            "A04": [S("24", "16", "17")]},
}
AMENDED = {**SHEETS["E03"], "A03": [S("10", "10", "10"), S("28", "19", "10", amend_reason="按评审组意见复核第1.1、1.2项")]}


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    """Five experts, four applicants: a conflict (E02/A03), a veto (E03/A02), a missing sheet (E04/A04),
    an abnormally low expert (E03/A03) asked to reconsider 1.1 and 1.2, who amends."""
    root = tmp_path_factory.mktemp("result")
    panel = make_panel_round(root, experts=5, applicants=4)
    files = {e: panel.bundle(e, s, {"A03": "近三年曾任该单位顾问"} if e == "E02" else None) for e, s in SHEETS.items()}
    files["E03b"] = panel.bundle("E03", AMENDED, name="E03-amended.rvret")
    with panel.home() as home:
        with open_package(panel.package) as package:
            import_returns(home, package, [files[e] for e in SHEETS])
            add_note(home, "A03", "专家03评分明显低于其他专家，经讨论请其复核。")
            request_reconsideration(home, "A03", ["E03"], ["1.1", "1.2"], "abnormal")
            import_returns(home, package, [files["E03b"]])
        comp = compile_panel(home)
        written = write_result(home, comp, root / "out", signing_key(home, person_id="E01"))
    return SimpleNamespace(panel=panel, files=files, comp=comp, written=written, out=root / "out")


def _result_json(path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return load_result_json(archive.read("result.json"))


def test_the_result_verifies_against_the_package(signed):
    report = verify_file(signed.out / "result.rvres", signed.panel.package)
    assert (report.kind, report.signer_role, report.members) == ("result", "chair", 4)
    assert {p.name for p in signed.out.iterdir()} == {"panel-summary.pdf", "candidates.pdf", "panel-scores.xlsx",
                                                     "result.rvres"}


def test_result_json_holds_the_spec_fields_with_exact_numbers(signed):
    with zipfile.ZipFile(signed.out / "result.rvres") as archive:
        raw = archive.read("result.json")
    data = load_result_json(raw)
    assert data["policy"] == {"method": "trimmed_mean", "level": "item", "trim_min_experts": 5, "decimals": 2,
                              "rounding": "half_up", "min_score": 60, "veto_rule": "any",
                              "abnormal_ratio": D("0.20"), "tie_rule": "shared", "tie_section": None}
    assert data["quotas"] == {"master_studio": 2}
    assert data["publicity"]["start"] == "2026-07-06" and data["publicity"]["deadline"] == "2026-07-24"
    assert {i["file_name"] for i in data["inputs"]} == {"E01.rvret", "E02.rvret", "E03.rvret", "E04.rvret",
                                                        "E05.rvret", "E03-amended.rvret"}
    by_id = {a["applicant_id"]: a for a in data["applicants"]}
    # A01, five experts, trimmed per item: 1.1 (30 31 32 35 36 → 98/3), 1.2 (20 20 21 22 25 → 21),
    # 2.1 (20 25 25 26 27 → 76/3): 174/3 + 21 = 79 → 79.00
    a01 = by_id["A01"]
    assert (a01["final_score"], a01["rank"], a01["recommended"], a01["vetoed"]) == (D("79.00"), 1, True, False)
    assert b'"final_score": 79.00,' in raw  # a JSON number written from the Decimal, digit for digit
    assert a01["expert_totals"] == {"E01": 75, "E02": 80, "E03": 80, "E04": 79, "E05": 81}
    a02, a03, a04 = by_id["A02"], by_id["A03"], by_id["A04"]
    assert a02["vetoed"] and a02["rank"] is None and not a02["recommended"]
    assert a03["expert_totals"]["E02"] is None and a03["excluded"] == {"E02": "conflict"}
    assert a03["revisions"]["E03"] == 2 and a03["discussion"] == ["专家03评分明显低于其他专家，经讨论请其复核。"]
    # A03: E01 32/21/27, E03 r2 28/19/10, E04 30/22/24, E05 31/20/26 (four scorers: a plain mean)
    # 1.1 121/4 = 30.25, 1.2 82/4 = 20.5, 2.1 87/4 = 21.75 → 72.50
    assert a03["final_score"] == D("72.50") and a03["rank"] == 2 and a03["recommended"]
    assert a04["excluded"] == {"E04": "missing"} and "below_min_score" in a04["flags"]
    assert data["candidates"] == {"master_studio": ["A01", "A03"]}
    assert [(c["item_code"], c["old"], c["new"], c["reason"], c["source"]) for c in data["changes"]] == [
        ("1.1", 10, 28, "abnormal", "request"), ("1.2", 10, 19, "abnormal", "request")]
    assert data["missing"] == [{"expert_id": "E04", "applicant_id": "A04"}]


def test_the_json_writer_keeps_decimals_exact():
    data = {"a": D("78.30"), "b": D("0.1") + D("0.2"), "c": [D("85.5"), None], "d": "“引号”"}
    text = result_json_bytes(data)
    assert b'"a": 78.30' in text and b'"b": 0.3' in text and b"85.5" in text
    assert load_result_json(text) == data
    with pytest.raises(TypeError):
        result_json_bytes({"x": 0.1})


def test_one_changed_byte_fails_verification(signed, tmp_path):
    with zipfile.ZipFile(signed.out / "result.rvres") as archive:
        names = archive.namelist()
    for name in names:
        def flip(entries, name=name):
            for i, (info, data) in enumerate(entries):
                if info.filename == name:
                    changed = bytearray(data)
                    changed[data.find(b"2026") if name == "manifest.json" else len(data) // 2] ^= 0x01
                    entries[i] = (info, bytes(changed))
        with pytest.raises(Problem) as caught:
            verify_file(rezip(signed.out / "result.rvres", tmp_path / "flip.rvres", flip), signed.panel.package)
        assert caught.value.code in (Code.MEMBER_ALTERED, Code.SIGNATURE_BAD, Code.MANIFEST_INVALID), name


def test_a_result_signed_by_anyone_but_the_chair_or_disagreeing_with_the_package_is_refused(signed, tmp_path):
    source, package = signed.out / "result.rvres", signed.panel.package
    by_member = resign(source, tmp_path / "member.rvres", signed.panel.keys["E02"], lambda m: None)
    with pytest.raises(Problem) as caught:
        verify_file(by_member, package)
    assert caught.value.code == Code.SIGNER_UNTRUSTED
    chair = signed.panel.keys["E01"]
    cases = {
        "applicants: A01": lambda d: d["applicants"][0].update(name="别的单位"),
        "policy": lambda d: d["policy"].update(method="mean"),
        "candidates: master_studio": lambda d: d["candidates"]["master_studio"].append("A04"),
    }
    for detail, change in cases.items():
        def rewrite(members, change=change):
            data = load_result_json(members["result.json"])
            change(data)
            members["result.json"] = result_json_bytes(data)
        with pytest.raises(Problem) as caught:
            verify_file(resign(source, tmp_path / "x.rvres", chair, rewrite), package)
        assert (caught.value.code, caught.value.params["detail"]) == (Code.RESULT_INVALID, detail)
    as_text = resign(source, tmp_path / "t.rvres", chair,
                     lambda m: edit_json(m, "result.json", lambda d: d["applicants"][0].update(final_score="78.67")))
    with pytest.raises(Problem) as caught:
        verify_file(as_text, package)
    assert caught.value.code == Code.SCHEMA_INVALID  # points are numbers, never strings


def test_the_workbook_opens_and_its_numbers_equal_result_json(signed):
    data = _result_json(signed.out / "result.rvres")
    book = openpyxl.load_workbook(signed.out / "panel-scores.xlsx")
    assert book.sheetnames == ["技能大师工作室", "评分明细", "评审说明"]
    sheet = book["技能大师工作室"]
    header = [c.value for c in sheet[1]]
    rows = {r[1]: dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    for entry in data["applicants"]:
        row = rows[entry["applicant_id"]]
        assert isinstance(row["最终得分"], (int, float)) and D(str(row["最终得分"])) == entry["final_score"]
        assert row["排名"] == entry["rank"]
        for expert_id, total in entry["expert_totals"].items():
            cell = next(v for k, v in row.items() if k.endswith(f"（{expert_id}）"))
            assert (D(str(cell)) == total) if total is not None else cell in ("回避", "未提交")
    items = list(book["评分明细"].iter_rows(min_row=2, values_only=True))
    e03_a03 = {r[7]: r[10] for r in items if r[0] == "A03" and r[3] == "E03"}
    assert e03_a03 == {"1.1": 28, "1.2": 19, "2.1": 10, "B1": None}  # the counting revision (r2)
    assert len([r for r in items if r[0] == "A01"]) == 5 * 4


def test_the_pdfs_say_it_in_chinese(signed):
    with pymupdf.open(signed.out / "panel-summary.pdf") as pdf:
        summary = "".join(page.get_text() for page in pdf)
    for text in ("专家评审汇总表", "汇总规则", "评分变更记录", "评审讨论纪要", "评审组成员签名", "不同意见及理由",
                 # after amending, E03's total (57) is 20 below the others' median (77): within 20.6;
                 # item 2.1 (10 against a median of 26, more than 20 % of 30) is still abnormal
                 "专家03第2.1项畸低", "专家02回避", "专家04未提交评分表", "评分畸高畸低（复核请求）", "79.00", "72.50"):
        assert text in summary, text
    assert all(name in summary for name in ("陈组长", "专家02", "专家03", "专家04", "专家05"))
    with pymupdf.open(signed.out / "candidates.pdf") as pdf:
        candidates = "".join(page.get_text() for page in pdf)
    for text in ("拟认定候选名单", "技能大师工作室（2个）", "深圳市甲工作室", "深圳市丙工作室", "91440300MA5F100012",
                 "2026年7月6日至2026年7月10日（5个工作日）"):
        assert text in candidates, text
    assert "深圳市乙工作室" not in candidates and "畸低" not in candidates


def test_the_command_compiles_reports_and_signs(signed, tmp_path):
    shutil.copytree(signed.panel.chair_home, tmp_path / "chair")
    junk = tmp_path / "junk.rvret"
    junk.write_bytes(b"not a bundle")
    returns = [signed.files[e] for e in ("E01", "E02", "E03", "E04", "E05")]
    out = tmp_path / "out"
    done = reviewdesk("--home", tmp_path / "chair", "--lang", "en", "chair", "compile", signed.panel.package,
                      *returns, junk, "-o", out, "--publicity-start", "2026-07-20")
    assert done.returncode == 0, done.stderr
    assert "junk.rvret: refused, left out" in done.stdout
    assert "E05.rvret: E05 专家05, already imported; nothing changed" in done.stdout
    assert "missing: E04 专家04 has sent no sheet for A04" in done.stdout
    assert "Warning: after the publicity period the list reaches the bureau after the deadline 2026-07-24" in done.stdout
    assert _result_json(out / "result.rvres")["publicity"]["late"] is True
    verified = reviewdesk("verify", out / "result.rvres", "--package", signed.panel.package)
    assert verified.returncode == 0, verified.stderr
    data = bytearray((out / "result.rvres").read_bytes())
    data[len(data) // 2] ^= 0x01  # one byte, through the real command
    (tmp_path / "flipped.rvres").write_bytes(bytes(data))
    refused = reviewdesk("verify", tmp_path / "flipped.rvres", "--package", signed.panel.package)
    assert refused.returncode == 1 and refused.stderr.strip()


def test_the_command_refuses_to_sign_an_unexplained_change_and_writes_nothing(signed, tmp_path):
    fresh = make_panel_round(tmp_path / "fresh", experts=3, policy={"method": "mean"}, applicants=1)
    files = [fresh.bundle("E01", {"A01": [S("30", "20", "25")]}),
             fresh.bundle("E02", {"A01": [S("35", "25", "20"), S("30", "25", "20", amend_reason="自行修改")]})]
    out = tmp_path / "out"
    done = reviewdesk("--home", fresh.chair_home, "--lang", "en", "chair", "compile", fresh.package, *files, "-o", out)
    assert done.returncode == 1
    assert "expert E02 changed item 1.1 of A01 from 35 to 30 without a permitted reason" in done.stderr
    assert not out.exists()
    before = snapshot(fresh.chair_home)
    again = reviewdesk("--home", fresh.chair_home, "chair", "compile", fresh.package, *files, "-o", out)
    assert again.returncode == 1 and snapshot(fresh.chair_home) == before  # the same bundles: nothing changes


def test_write_result_refuses_a_key_that_is_not_the_chair_s(signed, tmp_path):
    shutil.copytree(signed.panel.chair_home, tmp_path / "chair")
    with Home(tmp_path / "chair") as home:
        comp = compile_panel(home)
        with pytest.raises(Problem) as caught:
            write_result(home, comp, tmp_path / "out", signed.panel.keys["E02"])
    assert caught.value.code == Code.NOT_IN_PACKAGE and not (tmp_path / "out").exists()
