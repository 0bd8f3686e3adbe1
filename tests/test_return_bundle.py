"""Return bundles: the expert's export verifies against the package; every forgery is refused with its reason."""
from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from review_model import crypto
from review_model.errors import Code, Problem
from review_model.exchange.container import SigningKey
from review_model.exchange.package import open_package
from review_model.identity import signing_key
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.sheets.view import sheet_view
from review_model.signing.bundle import read_return_bundle
from review_model.signing.returns import export_returns
from review_model.signing.sign import sign_sheet
from review_model.verification import verify_file
from tests.support.forge_returns import forge_return
from tests.support.sheets import complete_sheet, expert_home
from tests.support.small_round import make_small_round
from tests.support.tamper import bureau_key, edit_json, resign, rezip


@dataclass
class Exported:
    round: object
    bundle: Path
    key: SigningKey
    reviewer: Reviewer


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """E02 signed A01 (twice: r1, then an amended r2, with a photo), declared a conflict with A02, signed A03."""
    root = tmp_path_factory.mktemp("returns")
    round_ = make_small_round(root)
    home = expert_home(round_, "E02", root / "E02-home")
    reviewer = Reviewer.open(home)
    key = signing_key(home, person_id="E02")
    complete_sheet(reviewer, "A01")
    photo = root / "DSC_0001.JPG"
    Image.new("RGB", (320, 240), (90, 120, 60)).save(photo)
    ops.add_photo(reviewer, "A01", sheet_view(reviewer, "A01").rubric.sections[1].items[0].code, photo, "实训车间")
    sign_sheet(reviewer, "A01", key)
    ops.amend(reviewer, "A01", "复核更正第1.2项")
    sign_sheet(reviewer, "A01", key)
    ops.declare_conflict(reviewer, "A02", "近三年曾在该单位兼职")
    complete_sheet(reviewer, "A03", Decimal("0.7"), recommendation="not_recommend")
    sign_sheet(reviewer, "A03", key)
    bundle = root / "E02.rvret"
    export_returns(reviewer, bundle, key)
    yield Exported(round_, bundle, key, reviewer)
    home.close()


def _read(path: Path, package: Path):
    with open_package(package) as opened:
        return read_return_bundle(path, opened)


def _refused(path: Path, package: Path) -> Problem:
    with pytest.raises(Problem) as caught:
        _read(path, package)
    with pytest.raises(Problem) as via_verify:  # `reviewdesk verify --package` gives the same first reason
        verify_file(path, package)
    assert via_verify.value.code == caught.value.code
    return caught.value


def test_the_export_holds_every_signed_revision_and_verifies(exported):
    bundle = _read(exported.bundle, exported.round.package)
    assert [(s.applicant_id, s.revision, s.current) for s in bundle.sheets] == [
        ("A01", 1, False), ("A01", 2, True), ("A03", 1, True)]
    assert bundle.declared_conflicts() == {"A02"} and bundle.expert_id == "E02"
    assert set(bundle.current()) == {"A01", "A03"}
    assert bundle.current()["A03"].document.recommendation == "not_recommend"
    assert len(bundle.photos) == 1 and next(iter(bundle.photos)) == bundle.current()["A01"].document.photos[0].sha256
    with zipfile.ZipFile(exported.bundle) as archive:
        names = set(archive.namelist())
    assert {"return.json", "conflicts.json", "sheets/A01/r1.json", "sheets/A01/r2.pdf", "sheets/A03/r1.pdf"} <= names
    report = verify_file(exported.bundle, exported.round.package)
    assert (report.kind, report.signer_name, report.round_id) == ("return", "李专家", "2026-TEST")


def test_photos_are_optional_and_unsigned_drafts_are_reported(exported, tmp_path):
    ops.amend(exported.reviewer, "A03", "补充考察记录")
    try:
        result = export_returns(exported.reviewer.home, tmp_path / "np.rvret", exported.key, include_photos=False)
        assert (result.revisions, result.applicants, result.conflicts, result.photos) == (3, 2, 1, 0)
        assert result.unsigned == ("A03",)
        bundle = _read(tmp_path / "np.rvret", exported.round.package)
        assert bundle.photos == {} and len(bundle.sheets) == 3
    finally:
        sign_sheet(exported.reviewer, "A03", exported.key)


def test_nothing_to_export_is_said_plainly(exported, tmp_path):
    home = expert_home(exported.round, "E03", tmp_path / "E03")
    with pytest.raises(Problem) as caught:
        export_returns(home, tmp_path / "x.rvret", signing_key(home, person_id="E03"))
    home.close()
    assert caught.value.code == Code.NOTHING_TO_EXPORT and not (tmp_path / "x.rvret").exists()


def test_one_byte_changed_in_any_member_is_refused(exported, tmp_path):
    with zipfile.ZipFile(exported.bundle) as archive:
        names = archive.namelist()
    for name in names:
        def flip(entries, name=name):
            for i, (info, data) in enumerate(entries):
                if info.filename == name:
                    changed = bytearray(data)
                    position = data.find(b"2026") if name == "manifest.json" else len(data) // 2
                    changed[position] ^= 0x01
                    entries[i] = (info, bytes(changed))
        problem = _refused(rezip(exported.bundle, tmp_path / "flip.rvret", flip), exported.round.package)
        expected = (Code.MEMBER_ALTERED,) if name not in ("manifest.json", "manifest.sig") else (
            Code.SIGNATURE_BAD, Code.MANIFEST_INVALID)
        assert problem.code in expected, name
        if problem.code == Code.MEMBER_ALTERED:
            assert problem.params["member"] == name


def _zip_change(exported, tmp_path, change) -> Problem:
    return _refused(rezip(exported.bundle, tmp_path / "z.rvret", change), exported.round.package)


def test_members_added_or_removed_and_truncation_are_refused(exported, tmp_path):
    added = _zip_change(exported, tmp_path, lambda e: e.append((zipfile.ZipInfo("sheets/A01/r3.json"), b"{}")))
    assert (added.code, added.params["member"]) == (Code.MEMBER_EXTRA, "sheets/A01/r3.json")
    removed = _zip_change(exported, tmp_path, lambda e: e.__setitem__(
        slice(None), [x for x in e if x[0].filename != "sheets/A01/r1.pdf"]))
    assert (removed.code, removed.params["member"]) == (Code.MEMBER_MISSING, "sheets/A01/r1.pdf")
    data = exported.bundle.read_bytes()
    (tmp_path / "t.rvret").write_bytes(data[: len(data) * 2 // 3])
    assert _refused(tmp_path / "t.rvret", exported.round.package).code == Code.NOT_A_ZIP


def test_a_manifest_re_signed_by_another_key_is_refused(exported, tmp_path):
    package = exported.round.package
    stranger = SigningKey("E02", "李专家", "expert", crypto.new_seed())
    bureau = bureau_key(exported.round.homes["B01"])
    for key in (stranger, bureau):
        forged = resign(exported.bundle, tmp_path / "k.rvret", key, lambda m: None)
        problem = _refused(forged, package)
        assert problem.code == Code.SIGNER_UNTRUSTED
    other_expert = bureau_key(exported.round.homes["E03"], "E03")  # on the panel, but these are E02's sheets
    problem = _refused(resign(exported.bundle, tmp_path / "e3.rvret", other_expert, lambda m: None), package)
    assert (problem.code, problem.params["member"]) == (Code.SCHEMA_INVALID, "return.json")

    def claim(listing):
        listing["expert"] = {"expert_id": "E03", "name": "王专家", "fingerprint": other_expert_fingerprint}

    other_expert_fingerprint = crypto.fingerprint(other_expert.public_raw)
    claimed = forge_return(exported.bundle, tmp_path / "e3b.rvret", other_expert, package, listing=claim,
                           conflicts=lambda c: c.__setitem__("expert_id", "E03"))
    problem = _refused(claimed, package)
    assert (problem.code, problem.params["reason"]) == (Code.RETURN_INVALID, "sheet_signature")


def _forged(exported, tmp_path, **changes) -> Problem:
    out = forge_return(exported.bundle, tmp_path / "f.rvret", exported.key, exported.round.package, **changes)
    return _refused(out, exported.round.package)


def _score(item_index: int, value: str):
    def edit(entry, doc):
        if entry["applicant_id"] != "A01" or entry["revision"] != 2:
            return False
        doc["items"][item_index]["score"] = value
    return edit


@pytest.mark.parametrize("edit, reason", [
    (_score(0, "99"), "out_of_range"),
    (_score(0, "-1"), "out_of_range"),
    (_score(0, "2.25"), "off_step"),
    (_score(0, "4.50"), "not_canonical"),
    (_score(1, "0"), "comment_required"),
    (_score(0, None), "unscored"),
])
def test_scores_against_the_rubric_inside_a_correctly_signed_bundle(exported, tmp_path, edit, reason):
    problem = _forged(exported, tmp_path, sheets=edit)
    assert (problem.code, problem.params["reason"]) == (Code.RETURN_INVALID, reason)
    assert (problem.params["applicant"], problem.params["revision"]) == ("A01", 2)


def test_totals_and_the_bonus_cap_are_recomputed(exported, tmp_path):
    def inflate(entry, doc):
        doc["totals"]["total"] = str(Decimal(doc["totals"]["total"]) + 5)
    assert _forged(exported, tmp_path, sheets=inflate).params["reason"] == "totals_wrong"

    def over_cap(entry, doc):
        if entry["applicant_id"] != "A01":
            return False
        bonus = [i for i in doc["items"] if i["section"] == "bonus"]
        for item in bonus:
            item["score"] = item["max_points"]
        doc["totals"]["bonus"] = doc["totals"]["bonus_raw"] = str(sum(Decimal(i["max_points"]) for i in bonus))
        doc["totals"]["total"] = str(Decimal(doc["totals"]["base"]) + Decimal(doc["totals"]["bonus"]))
    assert _forged(exported, tmp_path, sheets=over_cap).params["reason"] == "totals_wrong"


def test_a_sheet_from_another_round_or_a_bundle_of_another_round(exported, tmp_path):
    def other_round(entry, doc):
        doc["round"]["round_id"] = "2025-TEST"
    problem = _forged(exported, tmp_path, sheets=other_round)
    assert (problem.code, problem.params["reason"]) == (Code.RETURN_INVALID, "other_round")
    whole = forge_return(exported.bundle, tmp_path / "w.rvret", exported.key, exported.round.package, round_id="2025-TEST")
    assert _refused(whole, exported.round.package).code == Code.OTHER_ROUND


def test_a_sheet_for_an_unassigned_applicant(exported, tmp_path):
    def only_a01(members):
        def edit(d):
            for expert in d["experts"]:
                if expert["expert_id"] == "E02":
                    expert["applicants"] = ["A01", "A02"]
        edit_json(members, "experts.json", edit)

    narrow = resign(exported.round.package, tmp_path / "narrow.rvpkg", bureau_key(exported.round.homes["B01"]), only_a01)
    with open_package(narrow) as opened:
        digest = opened.sha256
    forged = forge_return(exported.bundle, tmp_path / "u.rvret", exported.key, narrow, package_sha256=digest)
    problem = _refused(forged, narrow)
    assert (problem.code, problem.params["reason"], problem.params["applicant"]) == (Code.RETURN_INVALID, "not_assigned", "A03")


def test_an_older_revision_presented_as_current(exported, tmp_path):
    def swap(listing):
        for entry in listing["sheets"]:
            if entry["applicant_id"] == "A01":
                entry["current"] = entry["revision"] == 1
    problem = _forged(exported, tmp_path, listing=swap)
    assert (problem.params["reason"], problem.params["applicant"]) == ("current_not_newest", "A01")

    def drop_first(listing):
        listing["sheets"] = [e for e in listing["sheets"] if (e["applicant_id"], e["revision"]) != ("A01", 1)]

    def drop_members(members):
        del members["sheets/A01/r1.json"], members["sheets/A01/r1.pdf"]
    problem = _forged(exported, tmp_path, listing=drop_first, members=drop_members)
    assert problem.params["reason"] == "revision_gap"


def test_no_sheet_where_a_conflict_was_declared(exported, tmp_path):
    def declare(conflicts):
        conflicts["declarations"].append({"applicant_id": "A03", "has_conflict": True, "reason": "亲属关系",
                                          "declared_at": "2026-06-20T02:00:00+00:00"})
    problem = _forged(exported, tmp_path, conflicts=declare)
    assert (problem.params["reason"], problem.params["applicant"]) == ("conflict_declared", "A03")


def test_a_pdf_that_is_not_the_sheets_own_is_refused(exported, tmp_path):
    def swap_pdf(listing):
        a03 = next(e for e in listing["sheets"] if e["applicant_id"] == "A03")
        for entry in listing["sheets"]:
            if (entry["applicant_id"], entry["revision"]) == ("A01", 2):
                entry["pdf_sha256"] = a03["pdf_sha256"]

    def copy_pdf(members):
        members["sheets/A01/r2.pdf"] = members["sheets/A03/r1.pdf"]
    problem = _forged(exported, tmp_path, listing=swap_pdf, members=copy_pdf)
    assert (problem.params["reason"], problem.params["applicant"], problem.params["revision"]) == ("pdf_mismatch", "A01", 2)


def test_a_pretty_printed_sheet_is_not_the_signed_canonical_form(exported, tmp_path):
    def pretty(members):
        members["sheets/A03/r1.json"] = json.dumps(json.loads(members["sheets/A03/r1.json"]), indent=2,
                                                   ensure_ascii=False).encode()

    def fix_listing(listing):
        from review_model.signing.document import sha256_hex

        entry = next(e for e in listing["sheets"] if e["applicant_id"] == "A03")
        data = json.dumps(json.loads(_member(exported.bundle, "sheets/A03/r1.json")), indent=2, ensure_ascii=False).encode()
        entry["json_sha256"] = sha256_hex(data)
        entry["signature"] = crypto.b64(crypto.sign(exported.key.seed, data))
    problem = _forged(exported, tmp_path, listing=fix_listing, members=pretty)
    assert (problem.params["reason"], problem.params["applicant"]) == ("not_canonical", "A03")


def _member(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def test_the_documented_openssl_commands_verify_the_bundle_and_a_sheet(exported, tmp_path):
    import re
    import subprocess

    from tests.test_package_build import ROOT, run_documented_openssl_check

    (tmp_path / "bundle").mkdir()
    run_documented_openssl_check(exported.bundle, tmp_path / "bundle")
    text = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    block = re.search(r"### Checking a score sheet's own signature with OpenSSL\n.*?```sh\n(.*?)```", text, re.S).group(1)
    script = block.replace("round.rvpkg", str(exported.round.package)).replace("E02.rvret", str(exported.bundle))
    workdir = tmp_path / "sheet"
    workdir.mkdir()
    result = subprocess.run(["sh", "-e", "-c", script], cwd=workdir, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Signature Verified Successfully" in result.stdout
    sheet = workdir / "sheets" / "A01" / "r1.json"
    sheet.write_bytes(sheet.read_bytes().replace(b'"recommend"', b'"not_recommend"'))
    tampered = subprocess.run(["sh", "-c", script.strip().splitlines()[-1]], cwd=workdir, capture_output=True, text=True)
    assert tampered.returncode != 0


def test_a_sheet_member_return_json_does_not_list_is_refused(exported, tmp_path):
    def smuggle(members):
        members["sheets/A01/r01.json"] = members["sheets/A01/r1.json"]
    problem = _forged(exported, tmp_path, members=smuggle)
    assert (problem.code, problem.params["reason"], problem.params["detail"]) == (
        Code.RETURN_INVALID, "listing_mismatch", "sheets/A01/r01.json")
