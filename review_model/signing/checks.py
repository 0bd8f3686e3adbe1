"""What a signed sheet from a return bundle must be, judged against the package alone.

Each rule refuses with RETURN_INVALID(applicant, revision, reason, detail); the first failing rule
is the reason given. The order: the sheet's own signature, canonical bytes, schema, round,
expert, applicant and assignment, conflict, rubric pin, revision number, the items and their
scores (range, step, comment rule), vetoes, totals (with the bonus cap), evidence, photos.
"""
from __future__ import annotations

from decimal import Decimal

from pydantic import ValidationError

from .. import crypto
from ..errors import Code, Problem
from ..exchange import signed_json
from ..exchange.package import Package
from ..exchange.package_schema import ExpertEntry
from .document import SheetDocument, canonical_bytes, item_entries, points, totals_for


class SheetRefused(Exception):
    """A rule the sheet broke; bundle.py turns it into RETURN_INVALID with the sheet's place."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason, detail)
        self.reason, self.detail = reason, detail


def refuse(applicant_id: str, revision: int, reason: str, detail: str = "") -> Problem:
    return Problem(Code.RETURN_INVALID, applicant=applicant_id, revision=revision, reason=reason, detail=detail)


def parse_signed_sheet(data: bytes, signature_b64: str, public_raw: bytes) -> SheetDocument:
    try:
        signature = crypto.unb64(signature_b64)
    except ValueError:
        raise SheetRefused("sheet_signature") from None
    if not crypto.verify(public_raw, data, signature):
        raise SheetRefused("sheet_signature")
    try:
        raw = signed_json.loads(data)
        canonical = canonical_bytes(raw)
    except signed_json.JsonRefused as refused:  # deep, a key twice, NaN, a control character
        raise SheetRefused(refused.reason, refused.detail) from None
    except (ValueError, TypeError) as exc:
        raise SheetRefused("sheet_schema", str(exc)) from None
    if canonical != data:
        raise SheetRefused("not_canonical")
    try:
        return SheetDocument.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise SheetRefused("sheet_schema", f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}") from None


def check_sheet(doc: SheetDocument, package: Package, expert: ExpertEntry, applicant_id: str, number: int,
                conflict_declared: bool) -> None:
    """Raise SheetRefused unless `doc` is a valid sheet of `expert` for `applicant_id`, revision `number`."""
    if doc.round.round_id != package.round.round_id or doc.round.package_sha256 != package.sha256:
        raise SheetRefused("other_round", doc.round.round_id)
    if (doc.expert.expert_id != expert.expert_id or doc.expert.name != expert.name or doc.expert.role != expert.role
            or not crypto.same_fingerprint(doc.expert.fingerprint, expert.fingerprint)):
        raise SheetRefused("expert_mismatch", doc.expert.expert_id)
    applicant = package.applicant(applicant_id)
    if applicant is None or applicant_id not in expert.applicants:
        raise SheetRefused("not_assigned")
    a = doc.applicant
    if (a.applicant_id, a.name, a.uscc, a.carrier_type) != (applicant.applicant_id, applicant.name, applicant.uscc,
                                                            applicant.carrier_type):
        raise SheetRefused("applicant_mismatch", a.applicant_id)
    if conflict_declared:
        raise SheetRefused("conflict_declared")
    rubric = package.rubrics[applicant.carrier_type]
    pin = package.round.rubrics[applicant.carrier_type]
    if (doc.rubric.rubric_id, doc.rubric.version, doc.rubric.sha256) != (pin.rubric_id, pin.version, pin.sha256):
        raise SheetRefused("rubric_mismatch", f"{doc.rubric.rubric_id} {doc.rubric.version}")
    if doc.revision.number != number or (number == 1) != (doc.revision.amend_reason == ""):
        raise SheetRefused("revision_mismatch", str(doc.revision.number))
    _check_scores(doc, rubric)
    _check_evidence(doc, applicant)


def _check_scores(doc: SheetDocument, rubric) -> None:
    shape = [(i["code"], i["section"], i["title"], i["max_points"]) for i in item_entries(rubric, {}, {})]
    if [(i.code, i.section, i.title, i.max_points) for i in doc.items] != shape:
        raise SheetRefused("items_mismatch")
    for item in doc.items:
        if item.score is None:
            if not rubric.is_bonus(item.code):
                raise SheetRefused("unscored", item.code)
            continue
        value = Decimal(item.score)
        if points(value) != item.score:
            raise SheetRefused("not_canonical", item.code)
        problem = rubric.score_problem(item.code, value)
        if problem:
            raise SheetRefused(problem, f"{item.code}: {item.score}")
        if rubric.needs_comment(item.code, value) and not item.comment.strip():
            raise SheetRefused("comment_required", item.code)
    if [(v.code, v.title) for v in doc.vetoes] != [(v.code, v.title) for v in rubric.vetoes]:
        raise SheetRefused("vetoes_mismatch")
    for veto in doc.vetoes:
        if veto.triggered and not veto.reason.strip():
            raise SheetRefused("reason_required", veto.code)
    expected = totals_for(rubric, doc.scores(), any(v.triggered for v in doc.vetoes))
    if doc.totals.model_dump() != expected:
        raise SheetRefused("totals_wrong", f"{doc.totals.total} ≠ {expected['total']}")


def _check_evidence(doc: SheetDocument, applicant) -> None:
    materials = {m.position: m for m in applicant.materials}
    codes = {i.code for i in doc.items}
    for link in doc.evidence:
        material = materials.get(link.material_position)
        if (link.item_code not in codes or material is None or material.name != link.material
                or material.sha256 != link.material_sha256 or not material.pages or link.page > material.pages):
            raise SheetRefused("evidence_unknown", f"{link.material} p.{link.page}")
    for note in doc.notes:
        if note.item_code and note.item_code not in codes:
            raise SheetRefused("items_mismatch", note.item_code)
    for photo in doc.photos:
        if photo.item_code and photo.item_code not in codes:
            raise SheetRefused("items_mismatch", photo.item_code)
