"""Scans unfit to read (the call: 清晰明辨、不缺页、不歪斜) are found page by page on real PDFs —
a 72-dpi page, a white page, a page fed 5° askew — while a good scan, a slightly tilted one, a
sideways one and a born-digital page pass; and they reach `package build`'s completeness report
and the 补正材料通知书 with what to correct."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pymupdf
import pytest

from review_model.dossier.scan_quality import ScanProblem, check_scan
from review_model.errors import Code, Problem
from tests.support.cli import reviewdesk
from tests.support.scan_pages import scan_pdf, scanned, typeset_pdf
from tests.support.small_round import make_small_round

LOOK = Path(os.environ.get("REVIEWDESK_LOOK", "/tmp/reviewdesk-bureau-look"))
MATERIAL = "工作室场地及设备证明"  # one of A01's materials (a skill-master studio) in the small round


def _verdicts(data: bytes) -> dict[int, set[ScanProblem]]:
    found: dict[int, set[ScanProblem]] = {}
    for v in check_scan(data):
        found.setdefault(v.page, set()).add(v.problem)
    return found


def test_each_unfit_page_gets_its_verdict_and_good_pages_none():
    data = scan_pdf([scanned(), scanned(dpi=72), scanned(blank=True), scanned(turn=5)])
    assert _verdicts(data) == {2: {ScanProblem.LOW_RESOLUTION}, 3: {ScanProblem.BLANK}, 4: {ScanProblem.SKEWED}}
    by_page = {v.page: v for v in check_scan(data)}
    assert by_page[2].value == pytest.approx(72, abs=1)
    assert by_page[4].value == pytest.approx(5, abs=0.5)


def test_good_scans_are_not_flagged():
    # a flatbed's usual tilt, the other way, a 150-dpi scan, and a page scanned sideways
    good = scan_pdf([scanned(), scanned(turn=1.2), scanned(turn=-2), scanned(dpi=150),
                     scanned().rotate(90, expand=True)])
    assert check_scan(good) == ()
    assert check_scan(typeset_pdf()) == ()


def test_the_check_reports_progress_per_page_and_can_be_cancelled():
    data = scan_pdf([scanned(turn=0.5), scanned(turn=-0.5), scanned(turn=0.7)])
    seen = []
    check_scan(data, lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]

    def stop(done, total):
        raise Problem(Code.CANCELLED)

    other = scan_pdf([scanned(turn=0.3), scanned(dpi=72)])
    with pytest.raises(Problem):
        check_scan(other, stop)
    assert [v.page for v in check_scan(other)] == [2]  # a cancelled check is not remembered as done


def _bad_material(spec: Path) -> None:
    """A01's 工作室场地证明 rescanned badly: page 2 at 72 dpi, page 3 white, page 4 fed askew."""
    pdf = spec / "dossiers" / "A01" / f"{MATERIAL}.pdf"
    assert pdf.exists()
    pdf.write_bytes(scan_pdf([scanned(), scanned(dpi=72), scanned(blank=True), scanned(turn=5)]))


def test_package_build_reports_unfit_pages_as_correction(tmp_path):
    small = make_small_round(tmp_path, build=False)
    _bad_material(small.spec)
    built = reviewdesk("--home", small.homes["B01"], "--lang", "en", "package", "build", small.spec, "-o",
                       tmp_path / "r.rvpkg")
    assert built.returncode == 0, built.stderr
    report = built.stdout
    a01 = report[report.index("A01"):report.index("A02")]
    assert "To be corrected" in a01
    assert f"{MATERIAL}: page 2: scan too coarse (72 dpi)" in a01
    assert f"{MATERIAL}: page 3: blank page" in a01
    assert f"{MATERIAL}: page 4: scan skewed by 5.0°" in a01
    assert "A02" in report and "page " not in report[report.index("A02"):]


def test_the_correction_notice_names_the_pages_and_what_to_do(tmp_path):
    small = make_small_round(tmp_path, build=False)
    _bad_material(small.spec)
    out = tmp_path / "notices"
    done = reviewdesk("bureau", "notices", small.spec, "-o", out, "--date", "2026-06-15")
    assert done.returncode == 0, done.stderr
    notice = out / "notice-A01-correction.pdf"
    with pymupdf.open(notice) as doc:
        text = "".join(page.get_text() for page in doc).replace("\n", "")
    assert "补正材料通知书" in text and MATERIAL in text
    assert "第2页扫描分辨率过低（约72dpi）" in text
    assert "第3页为空白页" in text
    assert "第4页扫描歪斜（约5°" in text
    if shutil.which("pdftoppm"):
        LOOK.mkdir(parents=True, exist_ok=True)
        os.system(f"pdftoppm -r 60 -png '{notice}' '{LOOK / 'notice-scan-correction'}'")
