"""Signing a score sheet: refused while incomplete, then frozen as canonical JSON + PDF + signature."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from review_model import crypto
from review_model.errors import Code, Problem
from review_model.exchange.container import SigningKey
from review_model.identity import create_identity, signing_key
from review_model.key_status import key_status
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.sheets.view import sheet_view
from review_model.signing.document import SheetDocument, canonical_bytes, sha256_hex
from review_model.signing.sign import sign_sheet
from review_model.store.models import AuditEntry, SheetRevision
from tests.support.sheets import complete_sheet, expert_home
from tests.support.small_round import make_small_round


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    return make_small_round(tmp_path_factory.mktemp("signing"))


@pytest.fixture
def reviewer(round_, tmp_path):
    home = expert_home(round_, "E02", tmp_path / "E02")
    yield Reviewer.open(home)
    home.close()


def _key(reviewer: Reviewer) -> SigningKey:
    return signing_key(reviewer.home, person_id=reviewer.expert_id)


def test_signing_is_refused_while_the_checklist_is_not_empty(reviewer):
    with pytest.raises(Problem) as unconfirmed:
        sign_sheet(reviewer, "A01", _key(reviewer))
    assert unconfirmed.value.code == Code.SHEET_INCOMPLETE
    assert ("conflict_unconfirmed", "") in unconfirmed.value.params["checklist"]
    complete_sheet(reviewer, "A01")
    rubric = sheet_view(reviewer, "A01").rubric
    low = rubric.sections[0].items[0]
    ops.SetItem("A01", low.code, Decimal(0), "").apply(reviewer)
    ops.SetOpinion("A01", "意见", "").apply(reviewer)
    with pytest.raises(Problem) as incomplete:
        sign_sheet(reviewer, "A01", _key(reviewer))
    assert incomplete.value.code == Code.SHEET_INCOMPLETE
    assert set(incomplete.value.params["checklist"]) == {("comment_missing", low.code), ("recommendation_missing", "")}
    assert sheet_view(reviewer, "A01").state == "draft"


def test_signing_freezes_the_draft_as_canonical_signed_json(reviewer):
    complete_sheet(reviewer, "A01")
    view = sheet_view(reviewer, "A01")
    signed = sign_sheet(reviewer, "A01", _key(reviewer), expected_version=view.version)
    data = signed.json_bytes
    assert canonical_bytes(json.loads(data)) == data and b"\n" not in data and b": " not in data
    assert signed.json_sha256 == sha256_hex(data) and signed.short_hash == " ".join(
        signed.json_sha256[i:i + 4] for i in range(0, 16, 4))
    public = crypto.raw_from_pem(crypto.public_pem(_key(reviewer).public_raw))
    assert crypto.verify(public, data, crypto.unb64(signed.signature))
    doc = SheetDocument.model_validate_json(data)
    raw = json.loads(data, parse_float=lambda s: pytest.fail(f"float {s} in signed JSON"))
    assert doc.applicant.applicant_id == "A01" and doc.applicant.name == "深圳市光明区精工模具技能大师工作室"
    assert doc.round.round_id == "2026-TEST" and doc.round.package_sha256 == reviewer.package_sha256
    assert (doc.rubric.rubric_id, doc.rubric.version) == (view.rubric.rubric_id, view.rubric.version)
    assert (doc.expert.expert_id, doc.expert.name) == ("E02", "李专家") and doc.revision.number == 1
    assert doc.conflict.status == "none" and doc.recommendation == "recommend"
    assert [i.code for i in doc.items] == [i.code for i in view.rubric.scored_items]
    assert all(isinstance(i["score"], (str, type(None))) for i in raw["items"])
    assert doc.scores() == {code: value for code, value in view.given().items()}
    assert Decimal(doc.totals.total) == view.total == signed.total and doc.totals.grade == view.grade
    assert [(e.material, e.page) for e in doc.evidence] == [(link.material_name, link.page_index + 1) for link in view.links]
    assert doc.evidence[1].rect == ["72", "100", "300", "240"] and doc.notes[0].item_code == ""
    with reviewer.home.store.read() as session:
        row = session.scalars(select(SheetRevision)).one()
        audit = session.scalars(select(AuditEntry).filter_by(action="sign")).one()
    assert (row.state, row.signed_json, row.signature, row.pdf_sha256) == ("signed", data, signed.signature, signed.pdf_sha256)
    assert row.signed_at is not None and audit.new_value == signed.json_sha256
    assert sha256_hex(reviewer.home.blobs.read(signed.pdf_sha256)) == signed.pdf_sha256


def test_a_signed_revision_is_read_only_and_amend_opens_the_next(reviewer, tmp_path):
    complete_sheet(reviewer, "A01")
    first = sign_sheet(reviewer, "A01", _key(reviewer))
    code = sheet_view(reviewer, "A01").rubric.sections[0].items[0].code
    photo = tmp_path / "p.jpg"
    from PIL import Image

    Image.new("RGB", (64, 48), (10, 20, 30)).save(photo)
    for edit in (lambda: ops.set_score(reviewer, "A01", code, Decimal(1)),
                 lambda: ops.set_comment(reviewer, "A01", code, "x"),
                 lambda: ops.SetOpinion("A01", "x", "not_recommend").apply(reviewer),
                 lambda: ops.SetVeto("A01", sheet_view(reviewer, "A01").rubric.vetoes[0].code, True, "x").apply(reviewer),
                 lambda: ops.add_note(reviewer, "A01", "", "x"),
                 lambda: ops.add_photo(reviewer, "A01", code, photo),
                 lambda: ops.declare_conflict(reviewer, "A01", "亲属"),
                 lambda: sign_sheet(reviewer, "A01", _key(reviewer))):
        with pytest.raises(Problem) as caught:
            edit()
        assert caught.value.code == Code.SHEET_SIGNED
    assert ops.amend(reviewer, "A01", "组长复核：第1.1项加总有误").value == 2
    ops.set_score(reviewer, "A01", code, Decimal(5))
    second = sign_sheet(reviewer, "A01", _key(reviewer))
    assert (second.revision, first.revision) == (2, 1)
    doc = SheetDocument.model_validate_json(second.json_bytes)
    assert doc.revision.amend_reason == "组长复核：第1.1项加总有误" and doc.item(code).score == "5"
    with reviewer.home.store.read() as session:
        rows = list(session.scalars(select(SheetRevision).order_by(SheetRevision.number)))
    assert [(r.number, r.state) for r in rows] == [(1, "signed"), (2, "signed")]
    assert rows[0].signed_json == first.json_bytes  # the first revision is kept as signed


def test_a_changed_draft_a_declared_conflict_or_a_foreign_key_is_refused(reviewer, tmp_path):
    complete_sheet(reviewer, "A01")
    version = sheet_view(reviewer, "A01").version
    ops.add_note(reviewer, "A01", "", "补充说明")
    with pytest.raises(Problem) as changed:
        sign_sheet(reviewer, "A01", _key(reviewer), expected_version=version)
    assert changed.value.code == Code.SHEET_CHANGED
    ops.declare_conflict(reviewer, "A02", "近三年曾在该单位任职")
    with pytest.raises(Problem) as conflict:
        sign_sheet(reviewer, "A02", _key(reviewer))
    assert conflict.value.code == Code.CONFLICT_DECLARED
    stranger = SigningKey("E02", "李专家", "expert", crypto.new_seed())
    with pytest.raises(Problem) as foreign:
        sign_sheet(reviewer, "A01", stranger)
    assert foreign.value.code == Code.NOT_IN_PACKAGE
    assert sheet_view(reviewer, "A01").state == "draft"


def test_key_status_match_mismatch_and_not_listed(round_, reviewer, tmp_path):
    from review_model.exchange.package import open_package
    from review_model.home import Home

    status = key_status(reviewer.home)
    assert (status.state, status.expert_id) == ("match", "E02")
    assert status.fingerprint == status.listed_fingerprint
    with Home(tmp_path / "new-laptop") as other:
        assert key_status(other).state == "no_identity"
        create_identity(other, "李 专家", "expert")  # same person, a new key
        assert key_status(other).state == "no_round"
        with open_package(round_.package) as package:
            mismatch = key_status(other, package)
            assert (mismatch.state, mismatch.expert_id) == ("mismatch", "E02")
            assert mismatch.listed_fingerprint == status.fingerprint != mismatch.fingerprint
    with Home(tmp_path / "stranger") as stranger:
        create_identity(stranger, "赵六", "expert")
        with open_package(round_.package) as package:
            assert key_status(stranger, package).state == "not_listed"
