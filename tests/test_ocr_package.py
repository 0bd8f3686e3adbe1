"""The bureau reads the scans once: `package build --ocr` ships every scanned page's OCR as signed
ocr/<sha256>.json members, and an expert's app puts them into its search index at import, so its
`search` finds the words on scans at once and its OCR worker reads only what is missing. An OCR
member that does not match the package's dossiers refuses the import and changes nothing (issue 13)."""
from __future__ import annotations

import json
import shutil
import threading

import pytest

from review_model.carriers import shipped_required_materials
from review_model.dossier.indexing import index_pending, ocr_pending, search_home
from review_model.dossier.ocr_package import SCHEMA, member_name
from review_model.errors import Code, Problem
from review_model.exchange.package import open_package
from review_model.exchange.package_build import build_package
from review_model.home import Home
from review_model.importer import import_package
from tests.support.cli import reviewdesk
from tests.support.ocr_pages import join, scan_page
from tests.support.small_round import make_small_round, pdf_bytes
from tests.support.snapshot import snapshot
from tests.support.tamper import bureau_key, members_of, resign
from tests.test_bureau_gui import clerk, desk  # noqa: F401  (the bureau desk fixtures)
from ui.messages import describe

LINES = ["职业技能培训基地申报表", "学徒 合同 场地 91440300MA5F"]


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    return make_small_round(tmp_path_factory.mktemp("ocr-package"))


def _first_material(package_path):
    with open_package(package_path) as package:
        applicant = package.applicant("A01")
        return applicant.materials[0]


def _ocr_member(sha256: str, pages: list[dict], engine: str = "rapidocr-test/engine") -> bytes:
    return json.dumps({"schema": SCHEMA, "sha256": sha256, "engine": engine, "pages": pages},
                      ensure_ascii=False).encode("utf-8")


def _page(page: int, text: str = "学徒合同", rotation: int = 0) -> dict:
    chars = [[c, 72.0 + 14 * i, 90.0, 86.0 + 14 * i, 104.0, 0.99] for i, c in enumerate(text)]
    return {"page": page, "rotation": rotation, "lines": [[text, 0.98, chars]]}


def _with_ocr(round_, tmp_path, name: str, member: str, data: bytes):
    def add(members):
        members[member] = data
    return resign(round_.package, tmp_path / f"{name}.rvpkg", bureau_key(round_.homes["B01"]), add)


def test_shipped_ocr_is_searchable_right_after_import(round_, tmp_path):
    material = _first_material(round_.package)
    package = _with_ocr(round_, tmp_path, "good", member_name(material.sha256),
                        _ocr_member(material.sha256, [_page(1, rotation=90)]))
    home_dir = tmp_path / "E02"
    shutil.copytree(round_.homes["E02"], home_dir)
    with Home(home_dir) as home:
        assert search_home(home, "学徒") == []
        import_package(home, package, trust_bureau=round_.bureau_fingerprint)
        hits = search_home(home, "合同")
    assert [(h.applicant_id, h.material, h.page, h.source) for h in hits] == [("A01", material.name, 2, "ocr")]
    assert hits[0].rect == (100.0, 90.0, 128.0, 104.0)  # the two characters' boxes, as shipped


@pytest.mark.parametrize("case", ["unknown file", "name and content differ", "page out of range", "not JSON",
                                  "missing field", "bad rotation", "page twice"])
def test_an_ocr_member_that_does_not_match_is_refused_and_nothing_changes(round_, tmp_path, case):
    material = _first_material(round_.package)
    sha, other = material.sha256, "0" * 64
    member, data = {
        "unknown file": (member_name(other), _ocr_member(other, [_page(0)])),
        "name and content differ": (member_name(sha), _ocr_member(other, [_page(0)])),
        "page out of range": (member_name(sha), _ocr_member(sha, [_page(material.pages)])),
        "not JSON": (member_name(sha), b"{\"schema\": "),
        "missing field": (member_name(sha), json.dumps({"schema": SCHEMA, "sha256": sha, "pages": []}).encode()),
        "bad rotation": (member_name(sha), _ocr_member(sha, [_page(0, rotation=45)])),
        "page twice": (member_name(sha), _ocr_member(sha, [_page(0), _page(0)])),
    }[case]
    package = _with_ocr(round_, tmp_path, "bad", member, data)
    home_dir = tmp_path / "E02"
    shutil.copytree(round_.homes["E02"], home_dir)
    before = snapshot(home_dir)
    with Home(home_dir) as home:
        with pytest.raises(Problem) as caught:
            import_package(home, package, trust_bureau=round_.bureau_fingerprint)
    assert caught.value.code == Code.OCR_RESULT_INVALID
    assert caught.value.params["member"] == member
    sentence = describe(caught.value)
    assert member in sentence and "\n" not in sentence and "{" not in sentence
    assert snapshot(home_dir) == before


def test_the_command_line_refuses_a_bad_ocr_member_in_one_line(round_, tmp_path):
    material = _first_material(round_.package)
    package = _with_ocr(round_, tmp_path, "bad", member_name(material.sha256),
                        _ocr_member(material.sha256, [_page(material.pages + 3)]))
    home_dir = tmp_path / "E03"
    shutil.copytree(round_.homes["E03"], home_dir)
    result = reviewdesk("--home", home_dir, "--lang", "en", "import", package, "--trust-bureau", round_.bureau_fingerprint)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "a page the file does not have" in result.stderr and "nothing was changed" in result.stderr


def _spec_with_scan(tmp_path):
    """A small round whose A01 has one material that is a two-page scan (upright, sideways)."""
    round_ = make_small_round(tmp_path, build=False)
    upright, drawn = scan_page(LINES, ["培训", "合同"])
    sideways, _ = scan_page(LINES, ["培训"], turn=90)
    target = round_.spec / "dossiers" / "A01" / f"{shipped_required_materials()['master_studio'][0]}.pdf"
    for other in (round_.spec / "dossiers").glob("*/*.pdf"):  # every other page has a text layer worth the name
        other.write_bytes(pdf_bytes(f"{other.stem}：本材料正文共计两页，内容详见申报单位提交的原件扫描件及附件"))
    target.write_bytes(join(upright, sideways))
    return round_, target


def test_cancelling_the_ocr_step_writes_no_package(tmp_path):
    round_, _ = _spec_with_scan(tmp_path)
    out = tmp_path / "cancelled.rvpkg"
    seen = []

    def progress(done, total):
        seen.append(done)
        if done > 10:  # the checks are done (the first tenth): cancel as the scans are read
            raise Problem(Code.CANCELLED)

    with pytest.raises(Problem) as caught:
        build_package(round_.spec, out, bureau_key(round_.homes["B01"]), progress, ocr=True)
    assert caught.value.code == Code.CANCELLED
    assert not out.exists()
    stop = threading.Event()
    stop.set()  # the GUI's cancel: cuts even a page being read short
    with pytest.raises(Problem) as stopped:
        build_package(round_.spec, out, bureau_key(round_.homes["B01"]), ocr=True, stop=stop)
    assert stopped.value.code == Code.CANCELLED
    assert not out.exists()


@pytest.mark.slow
def test_package_build_ocr_ships_the_scans_text_and_the_expert_searches_it_at_once(tmp_path):
    round_, scan = _spec_with_scan(tmp_path)
    plain = tmp_path / "plain.rvpkg"
    out = tmp_path / "ocr.rvpkg"
    assert reviewdesk("--home", round_.homes["B01"], "package", "build", round_.spec, "-o", plain).returncode == 0
    built = reviewdesk("--home", round_.homes["B01"], "--lang", "en", "package", "build", round_.spec, "-o", out, "--ocr")
    assert built.returncode == 0, built.stderr
    assert "OCR: 2 of 2 scanned pages read" in built.stdout, built.stdout
    assert "100%" in built.stderr  # progress of the OCR step

    material = _first_material(out)
    added = set(members_of(out)) - set(members_of(plain))
    assert added == {member_name(material.sha256)}  # only the scan; the text-layer materials need none
    shipped = json.loads(members_of(out)[member_name(material.sha256)])
    assert [(p["page"], p["rotation"]) for p in shipped["pages"]] == [(0, 0), (1, 270)]
    assert reviewdesk("verify", out).returncode == 0  # signed like every other member

    home_dir = round_.homes["E02"]
    imported = reviewdesk("--home", home_dir, "import", out, "--trust-bureau", round_.bureau_fingerprint)
    assert imported.returncode == 0, imported.stderr
    found = reviewdesk("--home", home_dir, "--lang", "en", "search", "合同", "--json")  # no OCR worker ran in this home
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)["hits"]
    assert [(h["applicant_id"], h["page"], h["source"]) for h in hits if h["source"] == "ocr"] == [("A01", 1, "ocr"),
                                                                                              ("A01", 2, "ocr")]
    with Home(home_dir) as home:
        index_pending(home)  # the text layers, as the app does after an import
        report = ocr_pending(home)  # nothing missing: the shipped pages are not read again
    assert (report.pages_read, report.failed, report.load_seconds) == (0, 0, None)


@pytest.mark.slow
def test_the_bureau_desk_builds_with_ocr_when_asked(qtbot, desk, clerk):
    from PySide6.QtCore import Qt

    from tests.test_bureau_gui import PEOPLE, _set_up_round

    _set_up_round(qtbot, desk)
    desk.applicants.import_file(clerk.xlsx)
    folder = clerk.folders / "A01"
    files = sorted(folder.glob("*.pdf"))
    for other in files[1:]:  # only one page needs reading: the rest have a real text layer
        other.write_bytes(pdf_bytes(f"{other.stem}：本材料正文共计两页，内容详见申报单位提交的原件扫描件及附件"))
    files[0].write_bytes(scan_page(LINES)[0])
    desk.dossiers.add_folder("A01", folder)
    for p in PEOPLE[1:3]:
        desk.experts.role.setCurrentIndex(1 if p.role == "chair" else 0)
        desk.experts.enrol(clerk.identities / f"{p.person_id}.pub")
    out = clerk.root / "desk-ocr.rvpkg"
    desk.build.output.setText(str(out))
    desk.build.ocr.setChecked(True)
    with qtbot.waitSignal(desk.build.built, timeout=180_000):
        qtbot.mouseClick(desk.build.build_button, Qt.MouseButton.LeftButton)
    shipped = [name for name in members_of(out) if name.startswith("ocr/")]
    assert len(shipped) == 1
    assert [p["page"] for p in json.loads(members_of(out)[shipped[0]])["pages"]] == [0]
