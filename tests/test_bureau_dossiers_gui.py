"""The desk's Dossiers step (受理/补正) driven for real: unfit scanned pages are listed per material
and page for the selected applicant; a binder without bookmarks is split at page ranges the clerk
marks on its thumbnails. Grabbed at 1366×768 into REVIEWDESK_LOOK to be looked at."""
from __future__ import annotations

from PySide6.QtCore import Qt

from review_model.demo.applicants import APPLICANTS
from tests.support.scan_pages import scan_pdf, scanned
from tests.test_bureau_gui import _grab, _set_up_round, clerk, desk  # noqa: F401  (fixtures)


def _with_applicants(qtbot, desk, clerk) -> None:
    _set_up_round(qtbot, desk)
    desk.applicants.import_file(clerk.xlsx)
    desk.tabs.setCurrentWidget(desk.dossiers)


def test_unfit_scans_are_listed_per_material_and_page(qtbot, desk, clerk):
    _with_applicants(qtbot, desk, clerk)
    folder = clerk.folders / "A01"
    victim = sorted(folder.glob("*.pdf"))[0]
    victim.write_bytes(scan_pdf([scanned(), scanned(dpi=72), scanned(turn=5)]))
    for a in APPLICANTS[:3]:
        if (clerk.folders / a.applicant_id).is_dir():
            desk.dossiers.add_folder(a.applicant_id, clerk.folders / a.applicant_id)
    table = desk.dossiers.table
    assert desk.dossiers.scan_progress.isVisible()  # the files are on screen; the pages are being judged
    with qtbot.waitSignal(desk.dossiers.scans_checked, timeout=60_000):
        pass
    assert not desk.dossiers.scan_progress.isVisible()
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "A01")
    assert table.item(row, 3).text() == "补正"
    assert "2" in table.item(row, 5).text() and "扫描" in table.item(row, 5).text()
    table.selectRow(row)
    lines = [desk.dossiers.details.item(i).text() for i in range(desk.dossiers.details.count())]
    assert any("第 2 页" in line and "72 dpi" in line for line in lines), lines
    assert any("第 3 页" in line and "5.0°" in line for line in lines), lines
    _grab(desk, "3-dossiers-scans")


def _grab_widget(widget, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    from tests.test_bureau_gui import LOOK

    QApplication.processEvents()
    LOOK.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(LOOK / f"desk-{name}.png"))


def test_a_binder_without_bookmarks_is_split_at_ranges_marked_on_thumbnails(qtbot, desk, clerk):
    import pymupdf

    from review_model.bureau.dossiers import required_materials
    from tests.support.bureau_inputs import BINDER_APPLICANT, binder_pdf
    from tests.support.snapshot import snapshot

    _with_applicants(qtbot, desk, clerk)
    plain = clerk.root / "合订本（无书签）.pdf"
    parts = clerk.materials[BINDER_APPLICANT]
    plain.write_bytes(binder_pdf(parts, bookmarks=False))
    original = plain.read_bytes()
    desk.dossiers.add_binder(BINDER_APPLICANT, plain)
    picker = desk.dossiers.picker
    assert picker is not None and picker.isVisible()
    assert picker.pages.count() == 1 + sum(pymupdf.open(stream=d, filetype="pdf").page_count for d in parts.values())
    materials = required_materials(desk.home, BINDER_APPLICANT)
    page = 2  # page 1 is the 目录
    for index, name in enumerate(materials):
        count = pymupdf.open(stream=parts[name], filetype="pdf").page_count
        picker.select_pages(page, page + count - 1)
        assert (picker.first.value(), picker.last.value()) == (page, page + count - 1)
        assert picker.material.currentData() == name  # the next material is offered after each assignment
        qtbot.mouseClick(picker.assign_button, Qt.MouseButton.LeftButton)
        assert picker.marks.rowCount() == index + 1
        page += count
    assert f"1. {materials[0][:7]}" in picker.pages.item(1).text()  # the thumbnail says which material holds it
    _grab_widget(picker, "3b-binder-ranges")
    table = desk.dossiers.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == BINDER_APPLICANT)
    assert table.item(row, 3).text() == "受理"

    # an overlapping selection: one sentence, nothing changed (once the page check of the last
    # assignment is done: it works in a scratch folder of its own, which comes and goes)
    qtbot.waitUntil(lambda: desk.dossiers.scan_task is None, timeout=60_000)
    before = snapshot(clerk.bureau_home)
    picker.select_pages(2, 3)
    picker.material.setCurrentIndex(len(materials) - 1)
    qtbot.mouseClick(picker.assign_button, Qt.MouseButton.LeftButton)
    assert "重叠" in desk.last_problem and "\n" not in desk.last_problem
    qtbot.waitUntil(lambda: desk.dossiers.scan_task is None, timeout=60_000)
    assert snapshot(clerk.bureau_home) == before
    # nothing selected: refused too
    picker.pages.clearSelection()
    qtbot.mouseClick(picker.assign_button, Qt.MouseButton.LeftButton)
    assert snapshot(clerk.bureau_home) == before and desk.last_problem
    assert plain.read_bytes() == original


def test_a_binder_with_a_wrong_bookmark_is_corrected_on_the_thumbnails(qtbot, desk, clerk):
    import pymupdf

    from review_model.bureau.dossiers import binder_marks, required_materials
    from tests.support.bureau_inputs import BINDER_APPLICANT, binder_pdf

    _with_applicants(qtbot, desk, clerk)
    parts = dict(clerk.materials[BINDER_APPLICANT])
    materials = required_materials(desk.home, BINDER_APPLICANT)
    wrong = {("附件三" if name == materials[2] else name): data for name, data in parts.items()}  # no material's name
    binder = clerk.root / "合订本（书签有误）.pdf"
    binder.write_bytes(binder_pdf(wrong))
    desk.dossiers.add_binder(BINDER_APPLICANT, binder)
    table = desk.dossiers.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == BINDER_APPLICANT)
    assert table.item(row, 3).text() == "补正" and materials[2] in table.item(row, 5).text()

    desk.dossiers.open_picker(BINDER_APPLICANT, binder)
    picker = desk.dossiers.picker
    shown = [picker.marks.item(r, 0).text() for r in range(picker.marks.rowCount())]
    extra = next(r for r, text in enumerate(shown) if "附件三" in text)
    first, last = (int(x) for x in picker.marks.item(extra, 1).text().split("–"))
    assert "（多余）" in picker.pages.item(first - 1).text() or "(extra)" in picker.pages.item(first - 1).text()
    picker.select_pages(first, last)
    picker.material.setCurrentIndex(2)
    qtbot.mouseClick(picker.assign_button, Qt.MouseButton.LeftButton)  # still held by the wrong part: refused
    assert "附件三" in desk.last_problem
    picker.marks.selectRow(extra)
    qtbot.mouseClick(picker.remove_button, Qt.MouseButton.LeftButton)
    picker.select_pages(first, last)
    picker.material.setCurrentIndex(2)
    qtbot.mouseClick(picker.assign_button, Qt.MouseButton.LeftButton)
    marks = binder_marks(desk.home, BINDER_APPLICANT, binder)
    assert (materials[2], first, last) in [(m.material, m.first, m.last) for m in marks]
    assert last - first + 1 == pymupdf.open(stream=parts[materials[2]], filetype="pdf").page_count
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == BINDER_APPLICANT)
    assert table.item(row, 3).text() == "受理"


def test_the_notices_are_printed_from_the_desk_one_per_applicant(qtbot, desk, clerk, tmp_path):
    """受理通知书 / 补正材料通知书 from the Dossiers step, by the rule the package build applies: the
    folders as the clerk attached them, A01 with an unfit scan among its files."""
    import pymupdf

    _with_applicants(qtbot, desk, clerk)
    victim = sorted((clerk.folders / "A01").glob("*.pdf"))[0]
    victim.write_bytes(scan_pdf([scanned(), scanned(dpi=72)]))
    for a in APPLICANTS[:3]:
        if (clerk.folders / a.applicant_id).is_dir():
            desk.dossiers.add_folder(a.applicant_id, clerk.folders / a.applicant_id)
    out = tmp_path / "notices"
    with qtbot.waitSignal(desk.dossiers.attempted, timeout=120_000):
        desk.dossiers.write_notices(out)
    assert not desk.last_problem, desk.last_problem
    written = sorted(p.name for p in out.glob("*.pdf"))
    assert len(written) == len(APPLICANTS)  # one per applicant, with or without files yet
    assert "notice-A01-correction.pdf" in written  # the 72-dpi page makes A01 a 补正
    text = "".join(page.get_text() for page in pymupdf.open(out / "notice-A01-correction.pdf")).replace("\n", "")
    assert "补正材料通知书" in text and APPLICANTS[0].name in text and "扫描分辨率过低" in text
    absent = next(a for a in APPLICANTS[3:])  # nothing attached yet: every material is missing
    assert f"notice-{absent.applicant_id}-correction.pdf" in written
