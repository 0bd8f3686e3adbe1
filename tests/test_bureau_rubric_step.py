"""The rubric step driven for real (pytest-qt, offscreen, in Chinese): a district's adjusted rubric
imported from XLSX, its differences from the city's template shown item by item and printed for the
panel as 评审细则调整说明 (read back from the PDF, and rendered to PNGs to be looked at)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtWidgets import QApplication

from review_model.bureau.rubric_diff import render_rubric_changes, rubric_differences
from review_model.bureau.rubric_sheet import export_rubric_xlsx
from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.rubric import parse_rubric
from tests.support.bureau_inputs import make_clerk_inputs
from tests.support.desk import clerk_with_round, desk_at
from tests.support.snapshot import snapshot

LOOK = Path(os.environ.get("REVIEWDESK_LOOK", "/tmp/reviewdesk-bureau-look"))
NEW_RULE = "有健全的培训管理制度并严格执行，近两年无安全责任事故的，得5分；制度不全的酌情扣分。"


def adjusted_training_base(folder: Path) -> Path:
    """The district's edit of the city's template, as the clerk brings it back from Excel: two items'
    points moved (the total still 100), one rule rewritten, a new version."""
    import resources

    raw = json.loads(resources.path("rubrics", "training_base.json").read_text(encoding="utf-8"))
    raw["version"] = "2026.1-光明区"
    items = {i["code"]: i for s in raw["sections"] for i in s["items"]}
    items["2.1"]["max_points"], items["2.3"]["max_points"] = 12, 3
    items["1.3"]["rule"] = NEW_RULE
    rubric = parse_rubric(json.dumps(raw, ensure_ascii=False), "training_base.json")
    out = folder / "高技能人才培训基地评审细则（光明区）.xlsx"
    export_rubric_xlsx(rubric, out)
    return out


@pytest.fixture
def clerk(tmp_path):
    return clerk_with_round(tmp_path)


@pytest.fixture
def desk(qtbot, chinese, clerk):
    with desk_at(qtbot, clerk.bureau_home, "rubric") as widget:
        yield widget


def _rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_the_districts_changes_are_shown_and_printed_for_the_panel(qtbot, desk, clerk, tmp_path):
    step = desk.rubric
    assert _rows(step.changes)[0][0] == "未作调整：采用市级发布的模板。"
    step.import_file(adjusted_training_base(tmp_path))
    rows = _rows(step.changes)
    assert ["2.1 年均培训规模", "分值", "10分", "12分"] in rows and ["2.3 培训取证合格率", "分值", "5分", "3分"] in rows
    assert any(r[0] == "1.3 培训管理制度" and r[1] == "评分标准" and r[3] == NEW_RULE for r in rows)
    assert len(rows) == 3 and "高技能人才培训基地" in step.overview.text()
    QApplication.processEvents()
    LOOK.mkdir(parents=True, exist_ok=True)
    desk.grab().save(str(LOOK / "desk-4-rubric-changes.png"))

    out = tmp_path / "评审细则调整说明.pdf"
    with qtbot.waitSignal(step.attempted, timeout=30_000):  # written in the background
        step.print_changes(out)
    with pymupdf.open(out) as doc:
        text = "".join(page.get_text() for page in doc).replace("\n", "")
        pages = doc.page_count
    for words in ("评审细则调整说明", "2.1 年均培训规模", "深圳市光明区人力资源局", "一、高技能人才培训基地", "版本2026.1-光明区",
                  "分值调整", "评分标准调整", "沿用市评审细则（版本2026.1），未作调整", "深人社函〔2026〕73号",
                  "第 1 页"):
        assert words in text, words
    assert "有健全的培训管理制度并严格执行" in text
    if shutil.which("pdftoppm"):  # every page as a PNG, to be looked at
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(out), str(LOOK / "rubric-changes")], check=True)
        assert len(list(LOOK.glob("rubric-changes-*.png"))) >= pages


def test_printing_needs_a_round_and_a_writable_place(tmp_path):
    clerk = make_clerk_inputs(tmp_path)
    before = snapshot(clerk.bureau_home)
    with Home(clerk.bureau_home) as home:
        with pytest.raises(Problem) as caught:
            render_rubric_changes(home, date(2026, 7, 1))
        assert caught.value.code == Code.DESK_NO_ROUND
        assert all(not d.changes for d in rubric_differences(home))
    assert snapshot(clerk.bureau_home) == before


def test_a_place_that_cannot_be_written_is_one_sentence_and_no_file(qtbot, desk, clerk, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    before = snapshot(clerk.bureau_home)
    with qtbot.waitSignal(desk.rubric.attempted, timeout=30_000):
        desk.rubric.print_changes(blocker / "说明.pdf")
    assert snapshot(clerk.bureau_home) == before and not (blocker / "说明.pdf").exists()
    assert desk.last_problem and "\n" not in desk.last_problem
