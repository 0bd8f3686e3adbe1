"""Text on a scanned page can be selected and copied: a rectangle dragged over the scan selects the
OCR words inside it, Ctrl+C copies them (issue 13)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication

from review_model.dossier.library import DossierLibrary
from review_model.dossier.ocr import engine_id, layout
from tests.support.dossier_home import dossier_home
from tests.support.ocr_pages import scan_page
from tests.support.viewer_driver import drag, make_viewer, open_and_wait

LINES = ["职业技能培训基地申报表", "学徒 合同 场地 91440300MA5F"]
WORDS = [["职业技能培训基地申报表"], ["学徒", "合同", "场地", "91440300MA5F"]]


def _worker_lines(drawn) -> list:
    """The OCR worker's reply for the page, its characters where they were drawn."""
    out = []
    for words in WORDS:
        chars = []
        for word in words:
            x0, y0, x1, y1 = drawn[word][0]
            step = (x1 - x0) / len(word)
            chars += [[c, x0 + i * step, y0, x0 + (i + 1) * step, y1, 0.99] for i, c in enumerate(word)]
        out.append([" ".join(words), 0.99, chars])
    return out


def _drag_over(qtbot, viewer, rect) -> None:
    pages = viewer.pages
    box = pages.to_view(0, rect).translated(-pages.offset())
    drag(qtbot, pages.viewport(), QPointF(box.left(), box.top()), QPointF(box.right(), box.bottom()))


def test_dragging_a_rectangle_on_a_scan_selects_its_ocr_words_and_ctrl_c_copies_them(qtbot, tmp_path):
    data, drawn = scan_page(LINES, [w for words in WORDS for w in words])
    home, ids = dossier_home(tmp_path / "home", [("场地证明", data)])
    library = DossierLibrary(home)
    material = library.material(ids[0])
    text, boxes = layout(_worker_lines(drawn))
    library.index.add_ocr(material.sha256, 0, engine_id(), text, boxes, 0, 0.99)  # as the OCR worker's result is kept
    library.close()
    viewer = make_viewer(qtbot, home)
    try:
        viewer.show_applicant("A01", open_first=False)
        open_and_wait(qtbot, viewer, ids[0])
        (a0, a1, _, _), (b0, _, _, b3) = drawn["合同"][0], drawn["场地"][0]
        _drag_over(qtbot, viewer, (a0 - 2, a1 - 2, drawn["场地"][0][2] + 2, b3 + 2))
        qtbot.waitUntil(lambda: viewer.selected_text() != "", timeout=10000)
        assert viewer.selected_text() == "合同场地"
        qtbot.keyClick(viewer.pages, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
        assert QGuiApplication.clipboard().text() == "合同场地"

        latin = drawn["91440300MA5F"][0]
        _drag_over(qtbot, viewer, (b0 - 2, latin[1] - 2, latin[2] + 2, latin[3] + 2))
        qtbot.waitUntil(lambda: viewer.selected_text() == "场地 91440300MA5F", timeout=10000)

        first, second = drawn["职业技能培训基地申报表"][0], drawn["学徒"][0]
        _drag_over(qtbot, viewer, (first[0] - 2, first[1] - 2, second[2] + 1, second[3] + 2))  # two lines, two columns
        qtbot.waitUntil(lambda: viewer.selected_text() == "职业\n学徒", timeout=10000)
    finally:
        viewer.close()
        home.close()


def test_a_scan_not_read_yet_has_nothing_to_select(qtbot, tmp_path):
    data, drawn = scan_page(LINES, ["合同"])
    home, ids = dossier_home(tmp_path / "home", [("场地证明", data)])
    viewer = make_viewer(qtbot, home)
    try:
        viewer.show_applicant("A01", open_first=False)
        open_and_wait(qtbot, viewer, ids[0])
        _drag_over(qtbot, viewer, drawn["合同"][0])
        qtbot.wait(500)
        assert viewer.selected_text() == ""
    finally:
        viewer.close()
        home.close()
