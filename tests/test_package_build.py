"""The bureau's side: the completeness report, refusals of bad spec folders, verification."""
from __future__ import annotations

import csv
import re
import subprocess
from pathlib import Path

import pymupdf
import pytest
from conftest import require_tool

from review_model.errors import Code, Problem
from review_model.exchange.package import check_dossiers, open_package
from review_model.exchange.package_build import build_package
from review_model.verification import verify_file
from tests.support.small_round import make_small_round
from tests.support.tamper import bureau_key

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def spec_round(tmp_path):
    return make_small_round(tmp_path, build=False)


def _build(round_, out_name="p.rvpkg"):
    return build_package(round_.spec, round_.root / out_name, bureau_key(round_.homes["B01"]))


def test_completeness_report_names_every_kind_of_problem(spec_round):
    folder = spec_round.spec / "dossiers" / "A02"
    pdfs = sorted(folder.glob("*.pdf"))
    pdfs[1].write_bytes(b"")  # empty
    pdfs[2].write_bytes(b"%PDF-1.7\nnot really a pdf")  # unreadable
    doc = pymupdf.open(pdfs[3])
    locked = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="pw", owner_pw="own")
    doc.close()
    pdfs[3].write_bytes(locked)  # password-protected
    pdfs[4].rename(folder / "照片.pdf")  # misnamed: its material is missing and the file is extra
    report, _ = _build(spec_round)
    by_id = {entry.applicant_id: entry for entry in report}
    assert by_id["A01"].acceptance == "accepted" and not by_id["A01"].findings
    problems = {(f.material, f.problem) for f in by_id["A02"].findings}
    assert by_id["A02"].acceptance == "correction"
    assert {p for _, p in problems} == {"empty", "unreadable", "encrypted", "missing", "extra"}
    assert ("照片.pdf", "extra") in problems
    assert by_id["A03"].acceptance == "correction"  # the small round leaves one material out
    with open_package(spec_round.root / "p.rvpkg") as package:
        shipped = {m.name: m.status for m in package.applicant("A02").materials}
        check_dossiers(package)  # the encrypted one is shipped, marked as such
    assert list(shipped.values()).count("encrypted") == 1
    assert list(shipped.values()).count("missing") == 3


def _rewrite_csv(path: Path, edit) -> None:
    with open(path, encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    edit(rows)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)


@pytest.mark.parametrize("case, edit_file, code, column", [
    ("bad check character", "applicants.csv", Code.TABLE_INVALID, "uscc"),
    ("duplicate applicant id", "applicants.csv", Code.TABLE_INVALID, "applicant_id"),
    ("unknown carrier type", "applicants.csv", Code.TABLE_INVALID, "carrier_type"),
    ("missing identity file", "experts.csv", Code.TABLE_INVALID, "identity_file"),
    ("unknown assigned applicant", "experts.csv", Code.TABLE_INVALID, "applicants"),
    ("missing column", "applicants.csv", Code.TABLE_INVALID, "uscc"),
])
def test_bad_spec_tables_name_row_and_column_and_write_nothing(spec_round, case, edit_file, code, column):
    def edit(rows):
        if case == "bad check character":
            rows[1][2] = rows[1][2][:-1] + ("0" if rows[1][2][-1] != "0" else "1")
        elif case == "duplicate applicant id":
            rows[2][0] = rows[1][0]
        elif case == "unknown carrier type":
            rows[1][5] = "技能工厂"
        elif case == "missing identity file":
            rows[1][3] = "nobody.pub"
        elif case == "unknown assigned applicant":
            rows[1][4] = "A01 A99"
        elif case == "missing column":
            for row in rows:
                del row[2]
    _rewrite_csv(spec_round.spec / edit_file, edit)
    with pytest.raises(Problem) as caught:
        _build(spec_round)
    assert caught.value.code == code
    assert caught.value.params["column"] == column
    assert caught.value.params["row"] in (1, 2, 3)
    assert not (spec_round.root / "p.rvpkg").exists()


def test_spec_with_chinese_headers_and_names_is_accepted(spec_round):
    def edit(rows):
        rows[0] = ["编号", "申报单位", "统一社会信用代码", "单位类型", "所属行业", "载体类型"]
        for row in rows[1:]:
            row[3] = {"enterprise": "企业", "training_institution": "职业培训机构", "association": "行业协会"}[row[3]]
            row[5] = {"master_studio": "技能大师工作室", "training_base": "高技能人才培训基地",
                      "rural_station": "乡村振兴技能工作站"}[row[5]]
    _rewrite_csv(spec_round.spec / "applicants.csv", edit)
    report, _ = _build(spec_round)
    assert [e.carrier_type for e in report] == ["master_studio", "training_base", "rural_station"]


def test_xlsx_applicant_list_works_like_csv(spec_round):
    from openpyxl import Workbook

    with open(spec_round.spec / "applicants.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    book = Workbook()
    for row in rows:
        book.active.append(row)
    (spec_round.spec / "applicants.csv").unlink()
    book.save(spec_round.spec / "applicants.xlsx")
    report, _ = _build(spec_round)
    assert len(report) == 3


def test_a_districts_broken_rubric_is_refused_with_file_item_and_reason(spec_round):
    import json

    import resources

    rubric = json.loads(resources.path("rubrics", "master_studio.json").read_text(encoding="utf-8"))
    rubric["sections"][0]["items"][0]["max_points"] = "10.3"
    (spec_round.spec / "rubrics").mkdir()
    (spec_round.spec / "rubrics" / "master_studio.json").write_text(json.dumps(rubric, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(Problem) as caught:
        _build(spec_round)
    assert caught.value.code == Code.RUBRIC_INVALID
    assert caught.value.params["file"] == "master_studio.json"
    assert caught.value.params["item"] == rubric["sections"][0]["items"][0]["code"]
    assert caught.value.params["reason"] == "max_off_step"


def test_verify_with_trust_and_the_documented_openssl_command(spec_round, tmp_path):
    _build(spec_round)
    package = spec_round.root / "p.rvpkg"
    report = verify_file(package)
    assert report.kind == "package" and report.signer_role == "bureau"
    bureau_pub = tmp_path / "B01.pub"
    from review_model.home import Home
    from review_model.identity import public_identity_bytes, require_identity

    with Home(spec_round.homes["B01"]) as home:
        bureau_pub.write_bytes(public_identity_bytes(require_identity(home)))
    assert verify_file(package, trust=[bureau_pub]).fingerprint == report.fingerprint
    with pytest.raises(Problem) as untrusted:
        verify_file(package, trust=[spec_round.spec / "identities" / "E02.pub"])
    assert untrusted.value.code == Code.SIGNER_UNTRUSTED
    run_documented_openssl_check(package, tmp_path)


def run_documented_openssl_check(container: Path, workdir: Path) -> None:
    """Run the shell lines of docs/formats.md's OpenSSL block, as a bureau clerk would."""
    require_tool("openssl")
    require_tool("unzip")
    text = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    block = re.search(r"### Checking a signature with OpenSSL alone\n\n```sh\n(.*?)```", text, re.S).group(1)
    script = block.replace("round.rvpkg", str(container))
    result = subprocess.run(["sh", "-e", "-c", script], cwd=workdir, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Signature Verified Successfully" in result.stdout
    (workdir / "manifest.json").write_bytes((workdir / "manifest.json").read_bytes().replace(b'"kind"', b'"kind" '))
    last = script.strip().splitlines()[-1]
    tampered = subprocess.run(["sh", "-c", last], cwd=workdir, capture_output=True, text=True)
    assert tampered.returncode != 0
