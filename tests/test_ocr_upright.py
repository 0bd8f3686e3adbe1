"""A scanned page its OCR found sideways is offered for one-click rotation in the viewer: the view
turns upright, the PDF stays as it was (issue 13)."""
from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt

from review_model.dossier.library import DossierLibrary
from review_model.dossier.ocr import engine_id
from tests.support.dossier_home import dossier_home
from tests.support.ocr_pages import join, scan_page
from tests.support.viewer_driver import make_viewer, open_and_wait, wait_drawn

LINES = ["职业技能培训基地申报表", "学徒 合同 场地"]


def test_a_sideways_scan_is_offered_upright_in_one_click_and_the_pdf_is_untouched(qtbot, tmp_path):
    upright, _ = scan_page(LINES)
    sideways, _ = scan_page(LINES, turn=90)
    home, ids = dossier_home(tmp_path / "home", [("场地证明", join(upright, sideways))])
    library = DossierLibrary(home)
    material = library.material(ids[0])
    # what the OCR worker records for these pages (test_ocr_search reads 270 from such a scan)
    library.index.add_ocr(material.sha256, 0, engine_id(), "学徒", [None, None], 0, 0.9)
    library.index.add_ocr(material.sha256, 1, engine_id(), "学徒", [None, None], 270, 0.9)
    library.close()
    blob = home.blobs.path(material.sha256)
    before = hashlib.sha256(blob.read_bytes()).hexdigest()
    viewer = make_viewer(qtbot, home)
    try:
        viewer.show_applicant("A01", open_first=False)
        open_and_wait(qtbot, viewer, ids[0])
        assert viewer.upright.isHidden()  # page 1 reads upright as it is
        viewer.go_to(ids[0], 1)
        qtbot.waitUntil(lambda: viewer.pages.current == 1)
        assert viewer.upright.isVisible() and "sideways" in viewer.upright.label.text()
        assert viewer.pages.total_rotation(1) == 0
        qtbot.mouseClick(viewer.upright.button, Qt.MouseButton.LeftButton)
        assert viewer.pages.total_rotation(1) == 270  # turned upright
        assert viewer.pages.total_rotation(0) == 0  # the other page is left alone
        assert viewer.upright.isHidden()
        wait_drawn(qtbot, viewer)
        assert viewer.library.rotations(ids[0]).of(1) == 270  # kept as the expert's view rotation
        viewer.rotate_page(180)  # turned the wrong way by hand: offered again
        assert viewer.upright.isVisible() and "upside down" in viewer.upright.label.text()
    finally:
        viewer.close()
    assert hashlib.sha256(blob.read_bytes()).hexdigest() == before  # never written into the PDF
    home.close()


def test_a_page_the_ocr_never_read_is_not_offered(qtbot, tmp_path):
    sideways, _ = scan_page(LINES, turn=90)
    home, ids = dossier_home(tmp_path / "home", [("场地证明", sideways)])
    viewer = make_viewer(qtbot, home)
    try:
        viewer.show_applicant("A01", open_first=False)
        open_and_wait(qtbot, viewer, ids[0])
        assert viewer.upright.isHidden()
    finally:
        viewer.close()
        home.close()
