"""The demo panel: five experts score the demo round, the chair asks for a reconsideration, the expert
amends; `reviewdesk chair compile` on the chair's home signs a result that verifies."""
from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from decimal import Decimal as D
from pathlib import Path

import pytest

from review_model.chair.result import load_result_json
from review_model.demo.panel import score_demo_round
from tests.conftest import require_tool
from tests.support.cli import reviewdesk

pytestmark = pytest.mark.slow


def _copy_home(source: Path, target: Path) -> None:
    """A private copy of a home; its read-only, content-addressed blobs are shared by hard link."""
    def copy(src, dst):
        if "/blobs/" in src:
            os.link(src, dst)
        else:
            shutil.copy2(src, dst)
    shutil.copytree(source, target, copy_function=copy)


@pytest.fixture(scope="module")
def scored(demo_round, tmp_path_factory):
    root = tmp_path_factory.mktemp("demo-panel")
    for person in ("E01", "E02", "E03", "E04", "E05"):
        _copy_home(demo_round.homes[person], root / "homes" / person)
    os.link(demo_round.package, root / "round.rvpkg")
    return root, score_demo_round(root)


def test_the_demo_panel_scores_signs_and_exports_one_bundle_per_expert(scored):
    root, bundles = scored
    assert [b.name for b in bundles] == ["E01.rvret", "E02.rvret", "E03.rvret", "E04.rvret", "E05.rvret"]
    assert sorted(p.name for p in (root / "returns" / "before-discussion").iterdir()) == [b.name for b in bundles]


def test_the_chair_compiles_the_demo_and_the_result_verifies(scored, tmp_path):
    root, bundles = scored
    chair = tmp_path / "E01"
    _copy_home(root / "homes" / "E01", chair)
    done = reviewdesk("--home", chair, "--lang", "en", "chair", "compile", root / "round.rvpkg", root / "returns",
                      "-o", tmp_path / "out", "--allow-incomplete")  # E02 never signed A10
    assert done.returncode == 0, done.stderr
    assert "missing: E02 李慧敏 has sent no sheet for A10" in done.stdout
    assert "conflict: E03 王建国 declared a conflict with A05" in done.stdout
    assert reviewdesk("verify", tmp_path / "out" / "result.rvres", "--package", root / "round.rvpkg").returncode == 0
    with zipfile.ZipFile(tmp_path / "out" / "result.rvres") as archive:
        result = load_result_json(archive.read("result.json"))
    by_id = {a["applicant_id"]: a for a in result["applicants"]}
    assert by_id["A05"]["excluded"] == {"E03": "conflict"} and by_id["A10"]["excluded"] == {"E02": "missing"}
    assert by_id["A08"]["vetoed"] and by_id["A08"]["rank"] is None
    assert by_id["A02"]["revisions"]["E05"] == 2
    assert {(c["expert_id"], c["applicant_id"], c["reason"], c["source"]) for c in result["changes"]} == {
        ("E05", "A02", "abnormal", "request")}
    # deterministic: the same demo gives the same panel
    assert {a: by_id[a]["final_score"] for a in ("A01", "A02", "A05", "A08", "A10")} == {
        "A01": D("96.33"), "A02": D("88.83"), "A05": D("78.63"), "A08": D("80.17"), "A10": D("80.50")}
    assert result["candidates"] == {"training_base": ["A01", "A02"], "master_studio": ["A04", "A05"],
                                    "rural_station": ["A07"], "chain_leader": ["A09"]}
    pdftoppm = require_tool("pdftoppm")
    for name in ("panel-summary", "candidates"):
        subprocess.run([pdftoppm, "-r", "60", "-png", str(tmp_path / "out" / f"{name}.pdf"), str(tmp_path / name)],
                       check=True)
    assert len(list(tmp_path.glob("panel-summary*.png"))) >= 2 and list(tmp_path.glob("candidates*.png"))


def test_the_chair_s_matrix_on_the_demo_shows_the_flags(qtbot, scored, tmp_path):
    from PySide6.QtCore import QSize

    from review_model.home import Home
    from ui.chair import ChairDesk
    from ui.chair.matrix_view import LOW

    root, _ = scored
    _copy_home(root / "homes" / "E01", tmp_path / "E01")
    with Home(tmp_path / "E01") as home:  # the first bundles are in: E05's 畸低 on A02 is still there
        desk = ChairDesk(home, root / "round.rvpkg")
        qtbot.addWidget(desk)
        desk.resize(1366, 768)
        desk.show()
        desk.tabs.setCurrentIndex(1)
        desk.select_applicant("A02")
        qtbot.wait(50)
        picture = desk.grab()
        picture.save(str(tmp_path / "chair-matrix.png"))
        assert picture.size() == QSize(1366, 768)
        matrix = desk.matrix
        a02 = next(r for r in range(matrix.rowCount()) if matrix.item(r, 0).text() == "A02")
        e05 = next(c for c in range(matrix.columnCount()) if matrix.horizontalHeaderItem(c).text().endswith("E05"))
        assert matrix.item(a02, e05).text().endswith("↓") and matrix.item(a02, e05).background().color() == LOW
        flags = [matrix.item(r, matrix.columnCount() - 1).text() for r in range(matrix.rowCount())]
        assert sum(1 for f in flags if f) >= 4  # 畸低, conflict, veto, missing
        desk.close()
