"""The desk's Dossiers step (受理/补正) driven for real: unfit scanned pages are listed per material
and page for the selected applicant; a binder without bookmarks is split at page ranges the clerk
marks on its thumbnails. Grabbed at 1366×768 into REVIEWDESK_LOOK to be looked at."""
from __future__ import annotations

from review_model.demo.applicants import APPLICANTS
from tests.support.scan_pages import scan_pdf, scanned
from tests.test_bureau_gui import _grab, _set_up_round, chinese, clerk, desk  # noqa: F401  (fixtures)


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
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "A01")
    assert table.item(row, 3).text() == "补正"
    assert "2" in table.item(row, 5).text() and "扫描" in table.item(row, 5).text()
    table.selectRow(row)
    lines = [desk.dossiers.details.item(i).text() for i in range(desk.dossiers.details.count())]
    assert any("第 2 页" in line and "72 dpi" in line for line in lines), lines
    assert any("第 3 页" in line and "5.0°" in line for line in lines), lines
    _grab(desk, "3-dossiers-scans")
