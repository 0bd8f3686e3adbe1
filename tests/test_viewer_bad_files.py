"""Files an expert may meet: a password-protected PDF (the password is asked for, never kept), a
damaged one (what can be read is shown, with a warning), garbage, no pages, an enormous page."""
from __future__ import annotations

import time

import pytest

from review_model.dossier.indexing import index_pending
from review_model.errors import Code, Problem
from tests.support import dossier_pdfs as pdfs
from tests.support.dossier_home import dossier_home
from tests.support.viewer_driver import make_viewer, open_and_wait, wait_drawn
from ui.messages import describe

DOSSIER = [
    ("申报表", pdfs.text_pdf(["申报表 第一页", "第二页"])),
    ("领办人身份证明", pdfs.encrypted_pdf("领办人身份证明 机密材料")),
    ("损坏的材料", pdfs.damaged_pdf()),
    ("乱码文件", pdfs.garbage_pdf()),
    ("空白文件", pdfs.zero_page_pdf()),
    ("超大页面", pdfs.enormous_pdf()),
]


@pytest.fixture
def dossier(tmp_path):
    home, ids = dossier_home(tmp_path / "home", DOSSIER)
    yield home, ids
    home.close()


@pytest.fixture
def viewer(qtbot, dossier):
    v = make_viewer(qtbot, dossier[0])
    v.show_applicant("A01", open_first=False)
    yield v
    v.close()


def _files_contain(root, needle: bytes) -> list[str]:
    return [str(p) for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_password_is_asked_for_refused_when_wrong_and_never_stored(qtbot, viewer, dossier, tmp_path):
    home, ids = dossier
    open_and_wait(qtbot, viewer, ids[0])
    viewer.open_material(ids[1])
    qtbot.waitUntil(lambda: viewer.stack.currentWidget() is viewer.password, timeout=10000)
    assert "领办人身份证明" in viewer.password.prompt.text()
    assert not viewer.password.field.hasFocus()  # asked, not grabbed
    viewer.password.field.setText("wrong-one")
    viewer.password.open_button.click()
    wrong = describe(Problem(Code.PDF_PASSWORD_WRONG, material="领办人身份证明"))
    qtbot.waitUntil(lambda: viewer.password.error.text() == wrong, timeout=10000)
    assert viewer.stack.currentWidget() is viewer.password and viewer.password.field.text() == ""
    assert viewer.pages.material is None
    viewer.password.field.setText(pdfs.PASSWORD)
    viewer.password.field.returnPressed.emit()
    qtbot.waitUntil(lambda: viewer.pages.material_id == ids[1], timeout=10000)
    wait_drawn(qtbot, viewer)
    assert viewer.stack.currentWidget() is viewer.pages
    hits = viewer.search.run("机密", "applicant")  # searched live: the index never holds protected text
    qtbot.waitUntil(lambda: len(viewer.search.hits) == 1, timeout=10000)
    assert hits == [] and viewer.search.hits[0].material_id == ids[1]
    viewer.open_material(ids[0])
    qtbot.waitUntil(lambda: viewer.pages.material_id == ids[0], timeout=10000)
    viewer.open_material(ids[1])  # unlocked for this session: not asked again
    qtbot.waitUntil(lambda: viewer.pages.material_id == ids[1], timeout=10000)
    index_pending(home)
    viewer.close()
    home.close()
    assert _files_contain(tmp_path / "home", pdfs.PASSWORD.encode()) == []
    assert _files_contain(tmp_path / "home", "机密".encode()) == []


def test_damaged_file_shows_its_pages_and_says_it_is_damaged(qtbot, viewer, dossier):
    _, ids = dossier
    open_and_wait(qtbot, viewer, ids[2])
    assert len(viewer.pages.material.pages) == 3
    assert viewer.warning.isVisible()
    assert viewer.warning.text() == describe(Problem(Code.PDF_DAMAGED, material="损坏的材料"))
    assert viewer.pages.failed == {}


def test_garbage_and_empty_files_say_so_and_change_nothing(qtbot, viewer, dossier):
    _, ids = dossier
    open_and_wait(qtbot, viewer, ids[0])
    for material_id, code in ((ids[3], Code.PDF_CORRUPT), (ids[4], Code.PDF_EMPTY)):
        viewer.open_material(material_id)
        qtbot.waitUntil(lambda: viewer.stack.currentWidget() is viewer.placeholder, timeout=10000)
        assert viewer.placeholder.text().startswith(describe(Problem(code, material=DOSSIER[material_id - 1][0],
                                                                     applicant="A01", detail=""))[:12])
        assert viewer.pages.material is None
        viewer.open_material(ids[0])
        qtbot.waitUntil(lambda: viewer.pages.material_id == ids[0], timeout=10000)
    report = index_pending(dossier[0])
    assert report.unreadable == 1  # the garbage; the empty file simply has no text


def test_an_enormous_page_opens_zooms_and_never_hangs(qtbot, viewer, dossier):
    _, ids = dossier
    started = time.monotonic()
    open_and_wait(qtbot, viewer, ids[5])
    g = viewer.pages.material.pages[0]
    assert (g.width, g.height) == (300000, 300000)
    for zoom in ("400", "fit-page", "25", "fit-width"):
        viewer.set_zoom(zoom)
        wait_drawn(qtbot, viewer, timeout=20000)
        assert viewer.pages.failed == {}
    assert time.monotonic() - started < 30
    assert viewer.pages.cache.used < 200 * 1024 * 1024
