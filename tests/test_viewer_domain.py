"""The viewer's domain without Qt: page geometry, labels, view rotations kept in the database (never in
the PDF), the text index (long and short Chinese queries, across materials, resuming), the worker."""
from __future__ import annotations

import hashlib

import pytest

from review_model.dossier.geometry import PageGeometry
from review_model.dossier.indexing import index_pending
from review_model.dossier.library import DossierLibrary
from review_model.dossier.outline import find_page, page_labels
from review_model.errors import Code, Problem
from tests.support import dossier_pdfs as pdfs
from tests.support.dossier_home import dossier_home

DOSSIER = [
    ("申报表", pdfs.text_pdf(["高技能人才培训基地申报表 光明区", "师资队伍 培训课程 共计十二门", "附表 设备清单"])),
    ("培训管理制度", pdfs.text_pdf(["培训管理制度 第一章 总则", "考核办法：学员培训结束后考核", "AI 课程"])),
    ("场地证明", pdfs.scan_pdf(2)),
    ("领办人身份证明", pdfs.encrypted_pdf()),
    ("技术推广成效", None),
]


@pytest.fixture
def dossier(tmp_path):
    home, ids = dossier_home(tmp_path / "home", DOSSIER)
    yield home, ids
    home.close()


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_display_coordinates_turn_and_come_back(rotation):
    g = PageGeometry(595, 842)
    rect = (100.0, 200.0, 300.0, 260.0)
    shown = g.rect_to_display(rect, rotation)
    assert g.rect_from_display(shown, rotation) == pytest.approx(rect)
    w, h = g.display_size(rotation)
    assert 0 <= shown[0] < shown[2] <= w and 0 <= shown[1] < shown[3] <= h


def test_page_labels_follow_the_pdf_rules_and_find_pages():
    rules = [{"startpage": 0, "style": "r", "firstpagenum": 1}, {"startpage": 2, "style": "D", "firstpagenum": 1},
             {"startpage": 5, "style": "A", "prefix": "附-", "firstpagenum": 1}]
    labels = page_labels(rules, 7)
    assert labels == ["i", "ii", "1", "2", "3", "附-A", "附-B"]
    assert find_page(labels, "2") == 3  # the printed label wins over the page number
    assert find_page(labels, "II") == 1
    assert find_page(labels, "7") == 6
    assert find_page(labels, "99") is None


def test_rotation_is_kept_per_material_and_page_and_never_touches_the_pdf(dossier, tmp_path):
    home, ids = dossier
    library = DossierLibrary(home)
    blob = library.file(library.material(ids[0]))
    before = hashlib.sha256(blob.read_bytes()).hexdigest()
    library.rotate(ids[0], None, 90)
    library.rotate(ids[0], 1, 90)
    library.rotate(ids[0], 1, -90)
    library.rotate(ids[0], 2, 180)
    home.close()
    from review_model.home import Home

    again = DossierLibrary(Home(tmp_path / "home"))
    turns = again.rotations(ids[0])
    assert (turns.of(0), turns.of(1), turns.of(2)) == (90, 90, 270)
    assert again.rotations(ids[1]).of(0) == 0
    assert hashlib.sha256(blob.read_bytes()).hexdigest() == before
    with pytest.raises(Problem) as refused:
        again.rotate(ids[0], 99, 90)
    assert refused.value.code == Code.NOT_FOUND
    again.home.close()


def test_search_finds_long_and_short_chinese_queries_across_materials(dossier):
    home, ids = dossier
    report = index_pending(home)
    assert report.pages_indexed == 8 and report.unreadable == 0  # 3 + 3 + 2 scan pages; no protected text
    library = DossierLibrary(home)
    materials = library.materials("A01")
    long = library.search("培训基地", materials)
    assert [(h.material_id, h.page_index) for h in long] == [(ids[0], 0)]
    assert "培训基地" in long[0].snippet
    short = library.search("培训", materials)
    assert {(h.material_id, h.page_index) for h in short} == {(ids[0], 0), (ids[0], 1), (ids[1], 0), (ids[1], 1)}
    one = library.search("考", materials)
    assert {(h.material_id, h.page_index) for h in one} == {(ids[1], 1)}
    assert one[0].count == 2
    assert [h.page_index for h in library.search("ai", materials)] == [2]  # case-insensitive, 2 letters
    assert library.search("机密", materials) == []  # the protected material is never indexed
    assert library.search("培训", [m for m in materials if m.material_id == ids[1]])[0].material_id == ids[1]
    assert library.index_progress(materials) == (8, 8)
    library.close()


def test_the_index_survives_a_restart_and_resumes_an_interrupted_build(dossier, tmp_path):
    home, ids = dossier
    seen = []

    def stop_after_first_batch(done, total):
        seen.append((done, total))
        if done >= 3:
            raise Problem(Code.CANCELLED)

    with pytest.raises(Problem):
        index_pending(home, stop_after_first_batch)
    library = DossierLibrary(home)
    partial = library.index_progress(library.materials("A01"))
    assert 0 < partial[0] < partial[1] == 8
    library.close()
    home.close()
    from review_model.home import Home

    home = Home(tmp_path / "home")
    progress = []
    report = index_pending(home, lambda d, t: progress.append((d, t)))
    assert report.pages_indexed == 8 - partial[0]  # only what was missing
    assert progress[0] == partial and progress[-1] == (8, 8)
    assert index_pending(home).pages_indexed == 0
    library = DossierLibrary(home)
    assert len(library.search("培训", library.materials("A01"))) == 4
    library.close()
    home.close()


def test_missing_material_has_no_file(dossier):
    home, ids = dossier
    library = DossierLibrary(home)
    missing = library.material(ids[4])
    assert not missing.has_file
    with pytest.raises(Problem) as refused:
        library.file(missing)
    assert refused.value.code == Code.MATERIAL_MISSING


def test_worker_renders_in_another_process_and_stops_cleanly(dossier):
    import os

    from review_model.dossier.client import RenderWorker

    home, ids = dossier
    library = DossierLibrary(home)
    worker = RenderWorker(key=home.key)  # the dossier is sealed: the worker gets the key through its stdin
    try:
        assert worker.pid != os.getpid()
        path = str(library.file(library.material(ids[2])))
        opened = worker.call("open", doc="scan", path=path)
        assert opened["pages"][0][:2] == pytest.approx((595, 842))
        piece = worker.call("render", doc="scan", page=0, rotation=0, scale=1.0, clip=(0, 0, 595, 400))
        assert (piece["w"], piece["h"], piece["n"]) == (595, 400, 1)  # a grey scan renders as Grayscale8
        assert len(piece["pixels"]) == piece["stride"] * 400
        turned = worker.call("render", doc="scan", page=0, rotation=90, scale=1.0, clip=(0, 0, 842, 100))
        assert (turned["w"], turned["h"]) == (842, 100)
        assert worker.call("render", doc="nothing", page=0, rotation=0, scale=1.0, clip=(0, 0, 9, 9))["error"] == "not_open"
    finally:
        pid = worker.pid
        worker.close()
    assert worker.process is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_the_index_keeps_printed_page_labels_for_naming_hits(tmp_path):
    data = pdfs.text_pdf(["封面", "正文 培训", "附件"], labels=[{"startpage": 0, "style": "r", "firstpagenum": 1},
                                                          {"startpage": 1, "style": "D", "firstpagenum": 1}])
    home, ids = dossier_home(tmp_path / "home", [("申报表", data)])
    index_pending(home)
    library = DossierLibrary(home)
    assert library.page_labels(library.materials("A01")) == {ids[0]: ("i", "1", "2")}
    library.close()
    home.close()
