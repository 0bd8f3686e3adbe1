"""The bureau's documents from the command line: `bureau notices` (受理 / 补正 per applicant) and
`bureau publish` (the chair's result verified, then the 公示 notice and the 报送 letter)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pymupdf
import pytest

import tests.support.panel_round as panel_round
from review_model.chair.compile import compile_panel
from review_model.chair.intake import import_returns
from review_model.chair.result import write_result
from review_model.exchange.package import open_package
from review_model.identity import signing_key
from tests.support.cli import reviewdesk
from tests.support.panel_round import Sheet as S
from tests.support.panel_round import make_panel_round
from tests.support.small_round import make_small_round
from tests.support.tamper import rezip

ADDRESS = "深圳市光明区光明街道华夏路8号光明区人力资源局三楼职业能力建设科"
PHONE = "0755-88211234"
# Where the rendered pages go to be looked at (PNG, pdftoppm -r 60); kept after the run.
LOOK = Path(os.environ.get("REVIEWDESK_LOOK", "/tmp/reviewdesk-bureau-look"))


def _text(path: Path) -> str:
    with pymupdf.open(path) as doc:
        return "".join(page.get_text() for page in doc)


def _look(pdf: Path, name: str) -> None:
    """Render every page for a person to look at (not asserted: the text checks are above)."""
    if shutil.which("pdftoppm"):
        LOOK.mkdir(parents=True, exist_ok=True)
        os.system(f"pdftoppm -r 60 -png '{pdf}' '{LOOK / name}'")


@pytest.fixture
def signed_result(tmp_path):
    round_ = {**panel_round.ROUND, "bureau_address": ADDRESS, "bureau_phone": PHONE}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(panel_round, "ROUND", round_)
        panel = make_panel_round(tmp_path / "panel", experts=3, applicants=3)
    sheets = {"E01": {"A01": [S("30", "20", "25")], "A02": [S("35", "25", "20")], "A03": [S("20", "15", "10")]},
              "E02": {"A01": [S("32", "21", "26")], "A02": [S("34", "24", "21")], "A03": [S("22", "14", "12")]},
              "E03": {"A01": [S("31", "22", "24")], "A02": [S("33", "26", "22")], "A03": [S("21", "16", "11")]}}
    files = [panel.bundle(e, s) for e, s in sheets.items()]
    with panel.home() as home:
        with open_package(panel.package) as package:
            import_returns(home, package, files)
        write_result(home, compile_panel(home), tmp_path / "out", signing_key(home, person_id="E01"))
    return panel, tmp_path / "out" / "result.rvres"


def test_publish_writes_the_publicity_notice_and_the_report_letter(signed_result, tmp_path):
    panel, result = signed_result
    out = tmp_path / "publish"
    done = reviewdesk("bureau", "publish", result, "--package", panel.package, "-o", out)
    assert done.returncode == 0, done.stderr
    notice, letter = _text(out / "publicity.pdf"), _text(out / "report-letter.pdf")
    assert "拟认定候选名单公示" in notice and "5个工作日" in notice
    assert ADDRESS.replace(" ", "") in notice.replace("\n", "") and PHONE in notice
    with open_package(panel.package) as package:
        by_id = {a.applicant_id: a for a in package.applicants}
    for applicant_id in ("A01", "A02"):  # the two candidates of the quota of 2, with their codes
        assert by_id[applicant_id].name in notice.replace("\n", "") and by_id[applicant_id].uscc in notice
    assert by_id["A03"].uscc not in notice  # below the minimum score: not a candidate
    assert "深圳市人力资源和社会保障局：" in letter and "2026年7月24日" in letter
    assert ("已逾期" in letter) == ("missed" in done.stdout or "逾期" in done.stdout)
    _look(out / "publicity.pdf", "publicity")
    _look(out / "report-letter.pdf", "report-letter")


def test_publish_refuses_a_result_that_does_not_verify_and_writes_nothing(signed_result, tmp_path):
    panel, result = signed_result

    def flip(entries):  # A01 no longer recommended, as if someone edited the list after the chair signed
        for index, (info, data) in enumerate(entries):
            if info.filename == "result.json":
                entries[index] = (info, data.replace(b'"recommended": true', b'"recommended": false', 1))
    broken = rezip(result, tmp_path / "broken.rvres", flip)
    out = tmp_path / "publish"
    done = reviewdesk("bureau", "publish", broken, "--package", panel.package, "-o", out)
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1
    assert not out.exists()


@pytest.mark.slow
def test_notices_say_accepted_or_what_to_correct_by_when(tmp_path):
    small = make_small_round(tmp_path, build=False)  # A03 left a material out
    out = tmp_path / "notices"
    done = reviewdesk("bureau", "notices", small.spec, "-o", out, "--date", "2026-06-15")
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["notice-A01-accepted.pdf", "notice-A02-accepted.pdf", "notice-A03-correction.pdf"]
    accepted, correction = _text(out / names[0]), _text(out / names[2])
    assert "受理通知书" in accepted and "予以受理" in accepted and "2026年6月15日" in accepted
    assert "补正材料通知书" in correction and "工作站场地证明" in correction
    # 5 working days from the day after Monday 15 June 2026: 16–18, 22 and 23 June (端午: 19–21 June off).
    assert "2026年6月23日前" in correction.replace("\n", "")
    for name in names:
        _look(out / name, Path(name).stem)


def test_notices_for_a_date_without_calendar_data_are_refused(tmp_path):
    small = make_small_round(tmp_path, build=False)
    done = reviewdesk("bureau", "notices", small.spec, "-o", tmp_path / "n", "--date", "2031-03-02")
    assert done.returncode == 1 and "2031" in done.stderr
    assert not (tmp_path / "n").exists()


@pytest.mark.slow
def test_rubric_export_and_import_on_the_command_line(tmp_path):
    done = reviewdesk("bureau", "rubric", "export", "master_studio", "-o", tmp_path / "r.xlsx")
    assert done.returncode == 0, done.stderr
    back = reviewdesk("bureau", "rubric", "import", tmp_path / "r.xlsx", "-o", tmp_path / "r.json")
    assert back.returncode == 0, back.stderr
    from review_model.rubric import load_rubric, shipped_rubrics

    assert load_rubric(tmp_path / "r.json") == shipped_rubrics()["master_studio"]
    (tmp_path / "bad.xlsx").write_bytes(b"not a workbook")
    refused = reviewdesk("bureau", "rubric", "import", tmp_path / "bad.xlsx", "-o", tmp_path / "bad.json")
    assert refused.returncode == 1 and "bad.xlsx" in refused.stderr and not (tmp_path / "bad.json").exists()
