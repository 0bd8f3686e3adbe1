"""The PDF score sheet (评分表): Chinese text a machine can read back, every page marked, nothing overflowing."""
from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal

import pymupdf
import pytest
from conftest import require_tool

from review_model.home import Home
from review_model.identity import signing_key
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.sheets.view import sheet_view
from review_model.signing.pdf import MARGIN_X
from review_model.signing.sign import sign_sheet
from tests.support.sheets import complete_sheet, expert_home
from tests.support.small_round import make_small_round

SENTENCE = "现场核查发现工作室实际使用面积与申报材料所述不一致，部分设备为临时借用，未见设备台账和使用记录；"
LONG = SENTENCE * 40


def _text(pdf: bytes, tmp_path, page: int | None = None) -> str:
    require_tool("pdftotext")
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    pages = ["-f", str(page), "-l", str(page)] if page else []
    result = subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", "", result.stdout)


def _signed_pdf(reviewer: Reviewer, applicant_id: str) -> tuple[bytes, object]:
    signed = sign_sheet(reviewer, applicant_id, signing_key(reviewer.home, person_id=reviewer.expert_id))
    return reviewer.home.blobs.read(signed.pdf_sha256), signed


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    return make_small_round(tmp_path_factory.mktemp("pdf"))


def test_text_comes_back_and_every_page_carries_the_hash_and_its_number(round_, tmp_path):
    home = expert_home(round_, "E02", tmp_path / "E02")
    reviewer = Reviewer.open(home)
    complete_sheet(reviewer, "A01")
    rubric = sheet_view(reviewer, "A01").rubric
    ops.set_comment(reviewer, "A01", rubric.sections[1].items[0].code, LONG)
    ops.SetVeto("A01", rubric.vetoes[0].code, True, "经信用中国查询，该单位2024年有一条行政处罚记录。").apply(reviewer)
    pdf, signed = _signed_pdf(reviewer, "A01")
    home.close()
    text = _text(pdf, tmp_path)
    for expected in ("深圳市光明区精工模具技能大师工作室", "91440300MA5F00001", "技能大师工作室认定评审专家评分表",
                     "2026-TEST", "李专家", signed.json_sha256, "■不推荐", "■是", "经信用中国查询"):  # vetoed: 不推荐
        assert expected in text, expected
    for item in rubric.scored_items:
        assert re.sub(r"\s+", "", item.title) in text, item.title
    assert text.count(SENTENCE) == 40  # the long comment is there in full, continued across pages
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        pages = doc.page_count
        assert doc.metadata["subject"].endswith(signed.json_sha256)
        for page in doc:
            width = page.rect.width
            for block in page.get_text("dict")["blocks"]:
                x0, _, x1, _ = block["bbox"]
                assert MARGIN_X - 2 <= x0 and x1 <= width - MARGIN_X + 2, (page.number, block["bbox"])
    assert pages >= 3
    short = re.sub(r"\s+", "", signed.short_hash)
    table_pages = 0
    for number in range(1, pages + 1):
        page_text = _text(pdf, tmp_path, number)
        assert short in page_text and f"第{number}页共{pages}页" in page_text, number
        table_pages += "评分说明及佐证材料" in page_text
    assert table_pages >= 2  # the item table's header is repeated on the page it continues on


def test_an_amended_revision_says_so(round_, tmp_path):
    home = expert_home(round_, "E02", tmp_path / "E02")
    reviewer = Reviewer.open(home)
    complete_sheet(reviewer, "A02", Decimal("0.5"), recommendation="not_recommend")
    _signed_pdf(reviewer, "A02")
    ops.amend(reviewer, "A02", "组长复核发现第2.1项加总有误")
    pdf, _ = _signed_pdf(reviewer, "A02")
    home.close()
    text = _text(pdf, tmp_path)
    assert "第2版（修订）" in text and "组长复核发现第2.1项加总有误" in text and "■不推荐" in text
    assert "高技能人才培训基地认定评审专家评分表" in text


@pytest.mark.slow
def test_a_demo_applicants_sheet_reads_right(demo_round, tmp_path):
    require_tool("pdftoppm")
    shutil.copytree(demo_round.homes["E02"], tmp_path / "E02")
    with Home(tmp_path / "E02") as home:
        reviewer = Reviewer.open(home)
        complete_sheet(reviewer, "A09", Decimal("0.75"), recommendation="recommend")
        pdf, _ = _signed_pdf(reviewer, "A09")
        rubric = sheet_view(reviewer, "A09").rubric
    text = _text(pdf, tmp_path)
    assert "深圳市光显超高清显示科技股份有限公司" in text and "产教评技能生态链链主企业培育孵化考察评估专家评分表" in text
    assert all(re.sub(r"\s+", "", item.title) in text for item in rubric.scored_items)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(tmp_path / "sheet.pdf"), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == pymupdf.open(stream=pdf, filetype="pdf").page_count
