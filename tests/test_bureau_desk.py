"""The bureau's desk end to end: from the portal's XLSX, a folder of PDFs per applicant, one binder
PDF and the experts' .pub files to a signed package equal in content to what `package build` makes
from the same round's spec folder, verified with OpenSSL as before."""
from __future__ import annotations

import json
import zipfile

import pymupdf
import pytest
from sqlalchemy import func, select

from review_model.bureau.desk import save_round
from review_model.bureau.dossiers import attach_binder, attach_folder, match_material, plan_folder
from review_model.bureau.experts import conflict_warnings, enrol_expert, list_experts
from review_model.bureau.portal import import_applicants
from review_model.bureau.records import DeskApplicant, DeskMaterial
from review_model.bureau.spec import build_from_desk, completeness
from review_model.demo.applicants import APPLICANTS
from review_model.demo.cast import PEOPLE, ROUND
from review_model.exchange.package_build import build_package
from review_model.home import Home
from review_model.identity import signing_key
from review_model.store.models import AuditEntry
from review_model.verification import verify_file
from tests.support.bureau_inputs import BINDER_APPLICANT, make_clerk_inputs
from tests.test_package_build import run_documented_openssl_check


@pytest.fixture
def clerk(tmp_path):
    return make_clerk_inputs(tmp_path)


def set_up_desk(clerk) -> Home:
    home = Home(clerk.bureau_home)
    save_round(home, ROUND)
    result = import_applicants(home, clerk.xlsx)
    assert (result.added, result.updated) == (10, 0)
    for a in APPLICANTS:
        if a.applicant_id == BINDER_APPLICANT:
            attach_binder(home, a.applicant_id, clerk.binder)
        else:
            attach_folder(home, a.applicant_id, clerk.folders / a.applicant_id)
    for p in PEOPLE:
        if p.role != "bureau":
            enrol_expert(home, clerk.identities / f"{p.person_id}.pub", role="chair" if p.role == "chair" else "member",
                         organisation=p.organisation, title=p.title)
    return home


def _members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if not n.startswith("manifest")}


def _page_texts(data: bytes) -> list[str]:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return [page.get_text().strip() for page in doc]


def test_loose_file_names_find_their_material():
    from review_model.carriers import shipped_required_materials

    base = shipped_required_materials()["training_base"]
    assert match_material("03-培训场地证明.pdf", base).material == "培训场地及设施设备证明"
    assert match_material("03-培训场地证明.pdf", base).sure
    assert match_material("信用承诺书.pdf", base) == match_material("信用承诺书.pdf", base)
    assert match_material("信用承诺书.pdf", base).score == 1.0
    assert match_material("现场照片.pdf", base).material is None  # an extra file, not a guess


def test_the_desk_builds_the_same_package_as_the_spec_folder(clerk, tmp_path):
    home = set_up_desk(clerk)
    try:
        key = signing_key(home, person_id="B01")
        desk_report, _ = build_from_desk(home, tmp_path / "desk.rvpkg", key)
        spec_report, _ = build_package(clerk.spec, tmp_path / "spec.rvpkg", key)
    finally:
        home.close()
    assert [(e.applicant_id, e.acceptance, e.findings) for e in desk_report] == \
        [(e.applicant_id, e.acceptance, e.findings) for e in spec_report]
    assert {e.applicant_id for e in desk_report if e.acceptance == "correction"} == {"A07"}  # left a material out
    desk, spec = _members(tmp_path / "desk.rvpkg"), _members(tmp_path / "spec.rvpkg")
    assert desk.keys() == spec.keys()
    for name in ("round.json", "experts.json", *[n for n in desk if n.startswith("rubrics/")]):
        assert desk[name] == spec[name], name
    binder_members = {n for n in desk if n.startswith(f"dossiers/{BINDER_APPLICANT}/")}
    for name in desk.keys() - binder_members - {"applicants.json"}:
        assert desk[name] == spec[name], name  # the folders' PDFs go in byte for byte
    for name in binder_members:  # the binder's parts hold the very pages of each material
        assert _page_texts(desk[name]) == _page_texts(spec[name]), name

    def without_binder_hashes(data: bytes) -> list[dict]:
        applicants = json.loads(data)["applicants"]
        for a in applicants:
            if a["applicant_id"] == BINDER_APPLICANT:
                for m in a["materials"]:
                    m.pop("sha256"), m.pop("size")
        return applicants

    assert without_binder_hashes(desk["applicants.json"]) == without_binder_hashes(spec["applicants.json"])
    assert verify_file(tmp_path / "desk.rvpkg").signer_role == "bureau"
    run_documented_openssl_check(tmp_path / "desk.rvpkg", tmp_path)


def test_originals_are_kept_unmodified_and_every_step_is_audited(clerk):
    home = set_up_desk(clerk)
    try:
        with home.store.read() as session:
            parts = list(session.scalars(select(DeskMaterial).where(DeskMaterial.applicant_id == BINDER_APPLICANT)))
            audited = session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity.like("desk_%")))
            assert session.scalar(select(func.count()).select_from(DeskApplicant)) == 10
        assert {p.origin_sha256 for p in parts} == {__import__("hashlib").sha256(clerk.binder.read_bytes()).hexdigest()}
        assert home.blobs.read(parts[0].origin_sha256) == clerk.binder.read_bytes()
        folder = clerk.folders / "A01"
        for path in folder.iterdir():
            digest = __import__("hashlib").sha256(path.read_bytes()).hexdigest()
            assert home.blobs.read(digest) == path.read_bytes()
        assert audited >= 10 + 9 * 7 + 5
        # Importing the same list again changes nothing and adds no applicant.
        again = import_applicants(home, clerk.xlsx)
        assert (again.added, again.updated) == (0, 10)
        found = {c.applicant_id: c for c in completeness(home)}
        assert found["A07"].acceptance == "correction"
        assert [f.material for f in found["A07"].findings] == ["技术推广与技能帮扶成效"]
        assert found[BINDER_APPLICANT].acceptance == "accepted"
        assert [e.name for e in list_experts(home)] == [p.name for p in PEOPLE if p.role != "bureau"]
    finally:
        home.close()


def test_a_file_nobody_can_place_is_asked_about_and_then_placed(clerk):
    home = set_up_desk(clerk)
    try:
        folder = clerk.folders / "A01"
        (folder / "场地.pdf").write_bytes((folder / "03-培训场地证明.pdf").read_bytes())
        (folder / "03-培训场地证明.pdf").unlink()
        plan = {m.source: m for m in plan_folder(home, "A01", folder)}
        assert plan["场地.pdf"].material == "培训场地及设施设备证明" and not plan["场地.pdf"].sure
        attach_folder(home, "A01", folder, choices={"场地.pdf": "培训场地及设施设备证明"})
        found = {c.applicant_id: c for c in completeness(home)}
        assert found["A01"].acceptance == "accepted"
    finally:
        home.close()


def test_an_expert_from_an_applicants_unit_or_its_contact_is_warned_about(clerk):
    home = set_up_desk(clerk)
    try:
        assert conflict_warnings(home) == []
        from review_model.bureau.experts import update_expert

        update_expert(home, "E03", organisation="光明科学城技师学院")  # A02's own college
        update_expert(home, "E04", name="林晓彤")  # A01's contact
        found = {(w.expert_id, w.applicant_id, w.what) for w in conflict_warnings(home)}
        assert found == {("E03", "A02", "organisation"), ("E04", "A01", "contact")}
    finally:
        home.close()
