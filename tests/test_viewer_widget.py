"""The dossier viewer driven offscreen with a real worker process, real PDFs and a real database:
open, zoom, turn, search, select a region, overlays and flash, focus, clean shutdown."""
from __future__ import annotations

import hashlib
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from review_model.dossier.indexing import index_pending
from tests.support import dossier_pdfs as pdfs
from tests.support.dossier_home import dossier_home
from tests.support.viewer_driver import ctrl_wheel, drag, make_viewer, open_and_wait, wait_drawn

TEXT = ["高技能人才培训基地申报表\n申报单位：深圳市光明区精工模具技能大师工作室", "师资队伍 培训课程 共计十二门",
        "附表 设备清单 数控机床", "考核办法：学员培训结束后考核"]
DOSSIER = [
    ("申报表", pdfs.text_pdf(TEXT, rotate={2: 90}, toc=[[1, "封面", 1], [1, "师资", 2], [2, "课程", 2]],
                            labels=[{"startpage": 0, "style": "r", "firstpagenum": 1},
                                    {"startpage": 1, "style": "D", "firstpagenum": 1}])),
    ("培训管理制度", pdfs.text_pdf(["培训管理制度 第一章 总则", "考核 与 奖惩"])),
    ("场地证明", pdfs.scan_pdf(3)),
    ("技术推广成效", None),
]


@pytest.fixture
def dossier(tmp_path):
    home, ids = dossier_home(tmp_path / "home", DOSSIER)
    yield home, ids
    home.close()


@pytest.fixture
def viewer(qtbot, dossier):
    home, _ = dossier
    v = make_viewer(qtbot, home)
    yield v
    v.close()


def test_shows_the_applicants_materials_and_opens_the_first(qtbot, viewer, dossier):
    _, ids = dossier
    locations = []
    viewer.locationChanged.connect(lambda *a: locations.append(a))
    viewer.show_applicant("A01")
    assert viewer.material_list.count() == 4
    assert "4" in viewer.material_list.item(0).text() and "技术推广成效" in viewer.material_list.item(3).text()
    qtbot.waitUntil(lambda: viewer.pages.material is not None, timeout=10000)
    wait_drawn(qtbot, viewer)
    assert viewer.location() == (ids[0], 0, "fit-width")
    assert locations[-1] == (ids[0], 0, "fit-width")
    assert viewer.toolbar.page_box.text() == "i"  # the printed label
    assert viewer.outline.topLevelItemCount() == 2
    qtbot.waitUntil(lambda: viewer.thumbnails.thumbnails.images.get(0) is not None, timeout=10000)
    assert viewer.pages.layout.rect(0).width() == pytest.approx(viewer.pages.viewport().width() - 20, abs=1)


def test_zoom_fit_width_fit_page_percent_and_ctrl_wheel(qtbot, viewer, dossier):
    _, ids = dossier
    viewer.show_applicant("A01", open_first=False)
    open_and_wait(qtbot, viewer, ids[0])
    pages = viewer.pages
    fit_width = pages.layout.rect(0).width()
    viewer.set_zoom("fit-page")
    wait_drawn(qtbot, viewer)
    assert pages.layout.rect(0).height() == pytest.approx(pages.viewport().height() - 20, abs=1)
    viewer.set_zoom("150")
    wait_drawn(qtbot, viewer)
    assert pages.layout.rect(0).width() == pytest.approx(595 * 1.5 * 96 / 72, abs=1)
    assert viewer.location()[2] == "150"
    ctrl_wheel(pages.viewport(), 2)
    assert viewer.zoom() == "182"  # 150 × 1.1²
    ctrl_wheel(pages.viewport(), -30)
    assert viewer.zoom() == "25"  # clamped
    viewer.set_zoom("fit-width")
    assert pages.layout.rect(0).width() == pytest.approx(fit_width)
    assert viewer.toolbar.zoom_box.currentData() == "fit-width"


def test_turning_is_kept_for_the_next_viewer_and_the_pdf_is_unchanged(qtbot, dossier):
    home, ids = dossier
    blob = home.blobs.path(home_material_sha(home, ids[0]))
    before = hashlib.sha256(blob.read_bytes()).hexdigest()
    first = make_viewer(qtbot, home)
    first.show_applicant("A01", open_first=False)
    open_and_wait(qtbot, first, ids[0])
    tall = first.pages.layout.rect(0).height()
    first.rotate_page(90)
    wait_drawn(qtbot, first)
    assert first.pages.total_rotation(0) == 90
    assert first.pages.layout.rect(0).width() == pytest.approx(first.pages.viewport().width() - 20, abs=1)
    assert first.pages.layout.rect(0).height() < tall
    first.rotate_material(90)
    assert [first.pages.total_rotation(i) for i in range(4)] == [180, 90, 180, 90]  # page 2 is /Rotate 90 in the file
    first.close()
    second = make_viewer(qtbot, home)
    second.show_applicant("A01", open_first=False)
    open_and_wait(qtbot, second, ids[0])
    assert [second.pages.total_rotation(i) for i in range(4)] == [180, 90, 180, 90]
    second.close()
    assert hashlib.sha256(blob.read_bytes()).hexdigest() == before


def home_material_sha(home, material_id):
    from review_model.dossier.library import DossierLibrary

    return DossierLibrary(home).material(material_id).sha256


def test_search_lists_hits_across_materials_and_highlights_them(qtbot, viewer, dossier):
    home, ids = dossier
    index_pending(home)
    viewer.show_applicant("A01", open_first=False)
    open_and_wait(qtbot, viewer, ids[0])
    hits = viewer.search.run("培训", "applicant")
    assert [(h.material_id, h.page_index) for h in hits] == [(ids[0], 0), (ids[0], 1), (ids[0], 3), (ids[1], 0)]
    assert viewer.hit_list.hits.count() == 4
    assert {(h.material_id, h.page_index) for h in viewer.search.run("考", "applicant")} == {(ids[0], 3), (ids[1], 1)}
    within = viewer.search.run("培训课程", "material")
    assert [h.page_index for h in within] == [1]
    viewer.search.choose(within[0])
    qtbot.waitUntil(lambda: bool(viewer.pages.hit_rects.get(1)), timeout=10000)
    assert len(viewer.pages.hit_rects[1]) == 1 and viewer.location()[1] == 1
    viewer.search.run("考", "applicant")
    viewer.hit_list.hits.itemClicked.emit(viewer.hit_list.hits.item(1))  # in the other material
    qtbot.waitUntil(lambda: viewer.material_id == ids[1] and viewer.pages.material is not None, timeout=10000)
    assert viewer.location()[:2] == (ids[1], 1)
    qtbot.waitUntil(lambda: bool(viewer.pages.hit_rects.get(1)), timeout=10000)
    assert viewer.pages.current_hit == (1, 0)


def _region_at(qtbot, viewer, rect):
    pages = viewer.pages
    page = pages.current
    box = pages.to_view(page, rect).translated(-pages.offset())
    got = []
    viewer.regionSelected.connect(lambda m, p, r: got.append((m, p, r)))
    drag(qtbot, pages.viewport(), box.topLeft(), box.bottomRight())
    assert got, "no region selected"
    return got[-1]


@pytest.mark.parametrize("zoom", ["fit-width", "200"])
@pytest.mark.parametrize("turn", [0, 90])
def test_region_comes_back_in_pdf_points_whatever_the_zoom_and_turn(qtbot, viewer, dossier, zoom, turn):
    _, ids = dossier
    viewer.show_applicant("A01", open_first=False)
    open_and_wait(qtbot, viewer, ids[0], page=1)
    if turn:
        viewer.rotate_page(turn)
    viewer.set_zoom(zoom)
    viewer.go_to(ids[0], 1)
    viewer.set_region_mode(True)
    rect = (90.0, 120.0, 260.0, 180.0)
    material, page, got = _region_at(qtbot, viewer, rect)
    assert (material, page) == (ids[0], 1)
    assert got == pytest.approx(rect, abs=1.0)
    assert viewer.pages.region == (1, got)
    whole = []
    viewer.regionSelected.connect(lambda m, p, r: whole.append((m, p, r)))
    viewer.link_whole_page()
    assert whole == [(ids[0], 1, None)]


def test_region_on_a_page_the_pdf_itself_turns(qtbot, viewer, dossier):
    _, ids = dossier
    viewer.show_applicant("A01", open_first=False)
    open_and_wait(qtbot, viewer, ids[0], page=2)  # /Rotate 90 in the file
    viewer.set_region_mode(True)
    rect = (100.0, 300.0, 200.0, 340.0)
    assert _region_at(qtbot, viewer, rect)[2] == pytest.approx(rect, abs=1.0)


def test_text_can_be_selected_and_copied(qtbot, viewer, dossier):
    from PySide6.QtGui import QGuiApplication

    _, ids = dossier
    viewer.show_applicant("A01", open_first=False)
    open_and_wait(qtbot, viewer, ids[1])
    pages = viewer.pages
    pages.go_to(0)
    start = pages.to_view(0, (62, 64, 63, 70)).translated(-pages.offset()).center()
    end = pages.to_view(0, (180, 64, 181, 70)).translated(-pages.offset()).center()
    drag(qtbot, pages.viewport(), start, end)
    qtbot.waitUntil(lambda: viewer.selected_text() != "", timeout=10000)
    assert viewer.selected_text().startswith("培训管理制度")
    assert pages.copy_selection()
    assert QGuiApplication.clipboard().text() == viewer.selected_text()


def test_program_calls_never_take_the_keyboard_focus(qtbot, viewer, dossier):
    _, ids = dossier
    score = QLineEdit()
    qtbot.addWidget(score)
    score.show()
    score.activateWindow()
    score.setFocus()
    qtbot.waitUntil(score.hasFocus)
    viewer.show_applicant("A01", open_first=False)
    open_and_wait(qtbot, viewer, ids[0])
    viewer.go_to(ids[0], 3)
    viewer.go_to(ids[1], 1)
    qtbot.waitUntil(lambda: viewer.pages.material_id == ids[1], timeout=10000)
    viewer.flash(ids[0], 2, (100, 100, 200, 200))
    qtbot.waitUntil(lambda: viewer.pages.material_id == ids[0] and viewer.pages._flash is not None, timeout=10000)
    viewer.open_material(ids[3])  # not submitted
    assert score.hasFocus()


def test_overlays_are_drawn_and_answer_clicks(qtbot, viewer, dossier):
    from ui.viewer import Overlay

    _, ids = dossier
    viewer.show_applicant("A01", open_first=False)
    open_and_wait(qtbot, viewer, ids[0])
    viewer.set_overlays([Overlay("item-1.2", ids[0], 0, (100, 100, 300, 200), "1.2"),
                         Overlay("whole", ids[0], 0, None, "2.1"), Overlay("elsewhere", ids[1], 0, None, "3")])
    assert [o.key for o in viewer.pages.overlays] == ["item-1.2", "whole"]
    viewer.pages.viewport().repaint()
    clicked = []
    viewer.overlayClicked.connect(clicked.append)
    centre = viewer.pages.to_view(0, (100, 100, 300, 200)).translated(-viewer.pages.offset()).center()
    qtbot.mouseClick(viewer.pages.viewport(), Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert clicked == ["item-1.2"]
    viewer.flash(ids[0], 3, None)
    assert viewer.pages.current == 3 and viewer.pages._flash[0] == 3
    qtbot.waitUntil(lambda: viewer.pages._flash is None, timeout=5000)


def test_single_page_mode_turns_pages(qtbot, viewer, dossier):
    _, ids = dossier
    viewer.show_applicant("A01", open_first=False)
    open_and_wait(qtbot, viewer, ids[2])
    viewer.set_continuous(False)
    assert viewer.pages.layout.pages == [0]
    viewer.toolbar.next.trigger()
    wait_drawn(qtbot, viewer)
    assert viewer.location()[1] == 1 and viewer.pages.layout.pages == [1]
    viewer.toolbar.page_box.setText("3")
    viewer.toolbar.page_box.returnPressed.emit()
    assert viewer.location()[1] == 2


def test_closing_stops_the_worker_process(qtbot, dossier):
    home, ids = dossier
    viewer = make_viewer(qtbot, home)
    pid = viewer.bridge.worker_pid
    os.kill(pid, 0)
    viewer.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
