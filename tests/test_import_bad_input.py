"""Every kind of bad package is refused with its reason and leaves the expert's home unchanged."""
from __future__ import annotations

import io
import shutil
import struct
import zipfile
from pathlib import Path

import pytest

from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.importer import import_package
from tests.support.small_round import make_small_round, pdf_bytes
from tests.support.snapshot import snapshot
from tests.support.tamper import bureau_key, edit_json, members_of, resign, rezip


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    return make_small_round(tmp_path_factory.mktemp("bad"))


def _raw_zip(entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            archive.writestr(info, data)
    return buffer.getvalue()


def _link_entry() -> zipfile.ZipInfo:
    info = zipfile.ZipInfo("round.json")
    info.external_attr = 0o120777 << 16
    return info


def _overlapping(source: Path) -> bytes:
    """Point the central directory entry of one member at another member's local header."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        infos = archive.infolist()
        first, victim = infos[2], infos[3]
        directory = archive.start_dir
    position = directory
    while True:
        position = data.index(b"PK\x01\x02", position)
        name_len, extra_len, comment_len = struct.unpack("<HHH", data[position + 28:position + 34])
        name = bytes(data[position + 46:position + 46 + name_len]).decode()
        if name == victim.filename:
            struct.pack_into("<I", data, position + 42, first.header_offset)
            break
        position += 46 + name_len + extra_len + comment_len
    return bytes(data)


def _bomb() -> bytes:
    return _raw_zip([("manifest.json", b"{}"), ("manifest.sig", b""), ("round.json", b"\0" * (60 << 20))])


def _mutations(round_, tmp: Path):
    """name -> (file to import, expected code)."""
    package = round_.package
    key = bureau_key(round_.homes["B01"])
    other_key = bureau_key(round_.homes["E03"])  # a real key, but not the bureau's

    def signed(name: str, change, round_id=None, signer=key):
        return resign(package, tmp / f"{name}.rvpkg", signer, change, round_id)

    def written(name: str, data: bytes) -> Path:
        path = tmp / f"{name}.rvpkg"
        path.write_bytes(data)
        return path

    def one_byte(entries):
        for i, (info, data) in enumerate(entries):
            if info.filename.endswith("m01.pdf"):
                changed = bytearray(data)
                changed[len(changed) // 2] ^= 0x01
                entries[i] = (info, bytes(changed))
                return

    def drop(entries):
        entries[:] = [(i, d) for i, d in entries if not i.filename.endswith("m02.pdf")]

    def add(entries):
        entries.append((zipfile.ZipInfo("dossiers/A01/m99.pdf"), pdf_bytes("extra")))

    def resign_manifest_only(entries):
        for i, (info, data) in enumerate(entries):
            if info.filename == "manifest.json":
                entries[i] = (info, data.replace(b'"round_id": "2026-TEST"', b'"round_id": "2026-TEXT"'))

    def dup_applicant(m):
        edit_json(m, "applicants.json", lambda d: d["applicants"].append(dict(d["applicants"][0])))

    def bad_uscc(m):
        def edit(d):
            d["applicants"][0]["uscc"] = d["applicants"][0]["uscc"][:-1] + ("0" if d["applicants"][0]["uscc"][-1] != "0" else "1")
        edit_json(m, "applicants.json", edit)

    def wrong_schema(m):
        edit_json(m, "round.json", lambda d: d.__setitem__("quotas", "many"))

    def corrupt_pdf(m):
        m["dossiers/A01/m01.pdf"] = b"%PDF-1.7\n" + b"garbage" * 200
        _fix_material(m, "A01", "dossiers/A01/m01.pdf")

    def encrypted_pdf(m):
        import pymupdf

        doc = pymupdf.open(stream=m["dossiers/A01/m01.pdf"], filetype="pdf")
        m["dossiers/A01/m01.pdf"] = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="x", owner_pw="y")
        _fix_material(m, "A01", "dossiers/A01/m01.pdf")

    return {
        "not a zip": (written("notzip", b"%PDF-1.7 this is not a zip"), Code.NOT_A_ZIP),
        "truncated zip": (written("truncated", package.read_bytes()[: package.stat().st_size // 2]), Code.NOT_A_ZIP),
        "dot-dot member": (written("dotdot", _raw_zip([("manifest.json", b"{}"), ("../evil.txt", b"x")])), Code.ZIP_UNSAFE_PATH),
        "absolute member": (written("abs", _raw_zip([("manifest.json", b"{}"), ("/etc/evil", b"x")])), Code.ZIP_UNSAFE_PATH),
        "link member": (written("link", _raw_zip([("manifest.json", b"{}"), (_link_entry(), b"/etc/passwd")])), Code.ZIP_LINK),
        "duplicate names": (written("dup", _dup_zip(package)), Code.ZIP_DUPLICATE),
        "zip bomb (ratio)": (written("bomb", _bomb()), Code.ZIP_RATIO),
        "overlapping entries": (written("overlap", _overlapping(package)), Code.ZIP_OVERLAP),
        "member missing": (rezip(package, tmp / "missing.rvpkg", drop), Code.MEMBER_MISSING),
        "member added": (rezip(package, tmp / "extra.rvpkg", add), Code.MEMBER_EXTRA),
        "one byte changed": (rezip(package, tmp / "byte.rvpkg", one_byte), Code.MEMBER_ALTERED),
        "manifest altered": (rezip(package, tmp / "manifest.rvpkg", resign_manifest_only), Code.SIGNATURE_BAD),
        "signed by a key that is not the bureau's": (signed("otherkey", lambda m: None, signer=other_key), Code.SIGNER_UNTRUSTED),
        "wrong schema": (signed("schema", wrong_schema), Code.SCHEMA_INVALID),
        "duplicate applicants": (signed("dupapp", dup_applicant), Code.DUPLICATE_APPLICANT),
        "invalid USCC": (signed("uscc", bad_uscc), Code.USCC_INVALID),
        "corrupt PDF": (signed("corrupt", corrupt_pdf), Code.PDF_CORRUPT),
        "undeclared encrypted PDF": (signed("encrypted", encrypted_pdf), Code.PDF_ENCRYPTED),
    }


def _fix_material(members: dict[str, bytes], applicant_id: str, member: str) -> None:
    """Keep applicants.json consistent with a replaced PDF, as a careless (or hostile) bureau tool would."""
    import hashlib

    def edit(d):
        for a in d["applicants"]:
            for m in a["materials"]:
                if m.get("member") == member:
                    m["sha256"] = hashlib.sha256(members[member]).hexdigest()
                    m["size"] = len(members[member])
    edit_json(members, "applicants.json", edit)


def _dup_zip(source: Path) -> bytes:
    with zipfile.ZipFile(source) as archive:
        entries = [(i, archive.read(i.filename)) for i in archive.infolist()]
    entries.append((zipfile.ZipInfo("round.json"), b"{}"))
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile only warns about the duplicate it writes
        return _raw_zip(entries)


CASES = ["not a zip", "truncated zip", "dot-dot member", "absolute member", "link member", "duplicate names",
         "zip bomb (ratio)", "overlapping entries", "member missing", "member added", "one byte changed",
         "manifest altered", "signed by a key that is not the bureau's", "wrong schema", "duplicate applicants",
         "invalid USCC", "corrupt PDF", "undeclared encrypted PDF"]


@pytest.fixture(scope="module")
def bad_files(round_, tmp_path_factory):
    return _mutations(round_, tmp_path_factory.mktemp("forged"))


@pytest.mark.parametrize("case", CASES)
def test_bad_package_is_refused_and_home_unchanged(round_, bad_files, tmp_path, case):
    home_dir = tmp_path / "E02"
    shutil.copytree(round_.homes["E02"], home_dir)
    before = snapshot(home_dir)
    path, code = bad_files[case]
    with Home(home_dir) as home:
        with pytest.raises(Problem) as caught:
            trust = round_.bureau_fingerprint if "bureau" not in case else None
            import_package(home, path, trust_bureau=round_.bureau_fingerprint if trust is None else trust)
    assert caught.value.code == code, caught.value
    assert snapshot(home_dir) == before


def test_untrusted_bureau_needs_confirmation_then_later_imports_must_match(round_, tmp_path):
    home_dir = tmp_path / "E02"
    shutil.copytree(round_.homes["E02"], home_dir)
    before = snapshot(home_dir)
    with Home(home_dir) as home:
        with pytest.raises(Problem) as unknown:
            import_package(home, round_.package)
        assert unknown.value.code == Code.BUREAU_UNKNOWN
        assert unknown.value.params["fingerprint"] == round_.bureau_fingerprint
        assert snapshot(home_dir) == before
        with pytest.raises(Problem) as mistyped:
            import_package(home, round_.package, trust_bureau="12345 12345 12345 12345 12345 12345")
        assert mistyped.value.code == Code.BUREAU_UNKNOWN
        import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
        # Later, a package signed as "the bureau" by a different key must be refused:
        from review_model.exchange.container import SigningKey

        stolen_seed = bureau_key(round_.homes["E03"]).seed
        impostor = SigningKey(id="B01", name="区人力资源局", role="bureau", seed=stolen_seed)
        forged = resign(round_.package, tmp_path / "impostor.rvpkg", impostor, lambda m: None)
        after_first = snapshot(home_dir)
        with pytest.raises(Problem) as changed:
            import_package(home, forged)
        assert changed.value.code == Code.BUREAU_CHANGED
        assert snapshot(home_dir) == after_first


def test_home_not_on_the_panel_is_refused(round_, tmp_path):
    from review_model.identity import create_identity

    with Home(tmp_path / "stranger") as home:
        create_identity(home, "局外人", "expert")
        before = snapshot(home.root)
        with pytest.raises(Problem) as caught:
            import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
        assert caught.value.code == Code.NOT_IN_PACKAGE
        assert snapshot(home.root) == before


def test_same_package_twice_changes_nothing_and_another_round_is_refused(round_, tmp_path):
    home_dir = tmp_path / "E02"
    shutil.copytree(round_.homes["E02"], home_dir)
    with Home(home_dir) as home:
        first = import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
        assert not first.already_imported and first.applicants == 3
        after = snapshot(home_dir)
        again = import_package(home, round_.package)
        assert again.already_imported and snapshot(home_dir) == after
        other = resign(round_.package, tmp_path / "other.rvpkg", bureau_key(round_.homes["B01"]),
                       lambda m: edit_json(m, "round.json", lambda d: d.__setitem__("round_id", "2026-OTHER")),
                       round_id="2026-OTHER")
        with pytest.raises(Problem) as caught:
            import_package(home, other)
        assert caught.value.code == Code.OTHER_ROUND
        assert snapshot(home_dir) == after


def test_imported_dossiers_are_content_addressed_and_read_only(round_, tmp_path):
    import hashlib
    import os

    home_dir = tmp_path / "E02"
    shutil.copytree(round_.homes["E02"], home_dir)
    with Home(home_dir) as home:
        import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
    blobs = [p for p in (home_dir / "blobs").rglob("*") if p.is_file() and not p.name.startswith(".")]  # not the seal mark
    pdfs = {n: d for n, d in members_of(round_.package).items() if n.endswith(".pdf")}
    assert len(blobs) == len({hashlib.sha256(d).hexdigest() for d in pdfs.values()})
    with Home(home_dir) as home:  # named by the plaintext's hash, which is sealed on disk
        plain = {blob.name: home.blobs.read(blob.name) for blob in blobs}
    for blob in blobs:
        assert hashlib.sha256(plain[blob.name]).hexdigest() == blob.name
        assert not os.access(blob, os.W_OK) or os.geteuid() == 0
        assert blob.stat().st_mode & 0o222 == 0
    assert not (home_dir / "staging").exists() or not any((home_dir / "staging").iterdir())
