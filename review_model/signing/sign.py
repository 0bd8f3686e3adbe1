"""Signing a score sheet: the latest draft revision is frozen as canonical JSON, drawn as the PDF
score sheet, signed with the expert's Ed25519 key and stored, in one transaction with its audit row.

Refused while the checklist is not empty (SHEET_INCOMPLETE lists it), when the revision is already
signed, after a declared conflict, and when the key is not the one the package lists for this
expert. Once signed, every edit of that revision is refused (sheets/context.py `draft`); `amend`
opens the next revision.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from .. import crypto
from ..dossier.labels import material_page_labels
from ..errors import Code, Problem
from ..exchange.container import SigningKey
from ..sheets.context import Reviewer
from ..sheets.states import SheetState, sign_refusal
from ..sheets.view import checklist_for, conflict_state, load_contents
from ..store.models import EvidenceLink, Expert, Material
from ..sync.queue import OutboxKind, enqueue
from .document import SheetDocument, build_document, canonical_bytes, sha256_hex, short_hash
from .pdf import render_score_sheet


@dataclass(frozen=True)
class SignedRevision:
    applicant_id: str
    applicant_name: str
    revision: int
    signed_at: datetime
    json_bytes: bytes  # the canonical sheet JSON, exactly the signed bytes
    json_sha256: str
    signature: str  # base64 of the Ed25519 signature over json_bytes
    pdf_sha256: str  # the PDF score sheet, kept in the home's blob store
    total: Decimal
    grade: str | None
    recommendation: str

    @property
    def short_hash(self) -> str:
        return short_hash(self.json_sha256)


def check_key(reviewer: Reviewer, key: SigningKey) -> None:
    """The key must be the one the package lists for this expert."""
    with reviewer.home.store.read() as session:
        expert = session.get(Expert, reviewer.expert_id)
        listed = crypto.unb64(expert.public_key) if expert else b""
    if key.public_raw != listed:
        raise Problem(Code.NOT_IN_PACKAGE, fingerprint=crypto.fingerprint(key.public_raw))


def sign_sheet(reviewer: Reviewer, applicant_id: str, key: SigningKey, *,
               expected_version: int | None = None) -> SignedRevision:
    """Freeze and sign the latest draft of this expert's sheet for `applicant_id`.

    `expected_version` (the draft's version the person looked at) refuses with SHEET_CHANGED when
    the draft changed since, so what is signed is what was shown.
    """
    check_key(reviewer, key)
    with reviewer.edit() as (session, audit):
        applicant = reviewer.applicant(session, applicant_id)
        rubric = reviewer.rubrics[applicant.carrier_type]
        conflict, _ = conflict_state(session, reviewer.expert_id, applicant_id)
        revision = reviewer.latest_revision(session, applicant_id)
        scores, comments, vetoes, *_ = load_contents(session, revision)
        checklist = checklist_for(rubric, conflict, scores, comments, vetoes,
                                  revision.recommendation if revision else "")
        refusal = sign_refusal(applicant_id, conflict, SheetState(revision.state) if revision else SheetState.NONE,
                               revision.number if revision else None, checklist)
        if refusal is not None:
            raise refusal
        if expected_version is not None and revision.version != expected_version:
            raise Problem(Code.SHEET_CHANGED, applicant=applicant_id)
        cited = {m.sha256 for m in session.scalars(
            select(Material).join(EvidenceLink, EvidenceLink.material_id == Material.id)
            .where(EvidenceLink.revision_id == revision.id)) if m.sha256}
        labels = {sha256: material_page_labels(reviewer.home, sha256) for sha256 in cited}
        document = build_document(session, reviewer.expert_id, rubric, applicant_id, revision, audit.at, labels)
        data = canonical_bytes(document)
        digest = sha256_hex(data)
        parsed = SheetDocument.model_validate(document)  # the signer holds itself to the published schema
        pdf = render_score_sheet(parsed, rubric, digest)
        signature = crypto.sign(key.seed, data)
        # A PDF blob left behind by a failed commit is harmless: blobs are content-addressed.
        pdf_sha256, _ = reviewer.home.blobs.put(pdf)
        revision.state, revision.signed_at = SheetState.SIGNED.value, audit.at
        revision.signed_json, revision.signature, revision.pdf_sha256 = data, crypto.b64(signature), pdf_sha256
        audit.record("sign", "sheet_revision", revision.id, "json_sha256", None, digest)
        enqueue(session, OutboxKind.SIGNED, applicant_id, revision.number, audit.at)  # same transaction
        return SignedRevision(applicant_id, applicant.name, revision.number, audit.at, data, digest,
                              crypto.b64(signature), pdf_sha256, Decimal(parsed.totals.total), parsed.totals.grade,
                              parsed.recommendation)


@dataclass(frozen=True)
class SignedPdf:
    applicant_id: str
    revision: int
    file_name: str  # what to call a saved copy, e.g. "A01-深圳市…工作室-评分表-第1版.pdf"
    data: bytes


def signed_pdf(reviewer: Reviewer, applicant_id: str, revision: int | None = None) -> SignedPdf:
    """The PDF score sheet of a signed revision (the newest signed one by default), as signed."""
    with reviewer.home.store.read() as session:
        applicant = reviewer.applicant(session, applicant_id)
        signed = [r for r in reviewer.revisions(session, applicant_id) if r.state == SheetState.SIGNED]
        chosen = next((r for r in reversed(signed) if revision in (None, r.number)), None)
        if chosen is None or not chosen.pdf_sha256:
            raise Problem(Code.NOTHING_SIGNED, applicant=applicant_id)
        number, digest, name = chosen.number, chosen.pdf_sha256, applicant.name
    safe_name = "".join(c for c in name if c not in '\\/:*?"<>|').strip()  # also a valid Windows file name
    return SignedPdf(applicant_id, number, f"{applicant_id}-{safe_name}-评分表-第{number}版.pdf",
                     reviewer.home.blobs.read(digest))
