"""The viewer finds a 2-character word on a scan, marks the hit as OCR and highlights it at the
word's box; the OCR engine never loads in the GUI's process (issue 13)."""
from __future__ import annotations

import sys

import pytest

from review_model.dossier.indexing import index_pending, ocr_pending
from tests.support.dossier_home import dossier_home
from tests.support.ocr_pages import scan_page
from tests.support.viewer_driver import make_viewer, open_and_wait


@pytest.mark.slow
def test_a_two_character_word_on_a_scan_is_found_marked_and_highlighted(qtbot, tmp_path):
    data, drawn = scan_page(["职业技能培训基地申报表", "学徒 合同 场地"], ["合同"])
    home, ids = dossier_home(tmp_path / "home", [("场地证明", data)])
    index_pending(home)
    ocr_pending(home)  # in the OCR worker process
    viewer = make_viewer(qtbot, home)
    try:
        viewer.show_applicant("A01", open_first=False)
        open_and_wait(qtbot, viewer, ids[0])
        hits = viewer.search.run("合同", "applicant")
        assert [(h.material_id, h.page_index) for h in hits] == [(ids[0], 0)]
        assert "OCR" in viewer.hit_list.hits.item(0).text()
        viewer.search.choose(hits[0])
        qtbot.waitUntil(lambda: bool(viewer.pages.hit_rects.get(0)), timeout=10000)
        (x0, y0, x1, y1), = viewer.pages.hit_rects[0]
        dx0, dy0, dx1, dy1 = drawn["合同"][0]
        assert abs(x0 - dx0) < 4 and abs(x1 - dx1) < 4 and abs(y0 - dy0) < 4 and abs(y1 - dy1) < 4
        assert not {"onnxruntime", "rapidocr", "cv2"} & set(sys.modules)
    finally:
        viewer.close()
        home.close()
