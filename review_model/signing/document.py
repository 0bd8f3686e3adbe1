"""The signed score sheet (`reviewdesk-sheet/1`): one revision frozen as canonical JSON.

Canonical bytes: UTF-8, keys sorted, no insignificant whitespace, no floats (points and
coordinates are decimal strings such as "7.5", counts are integers). For this data that is
exactly RFC 8785 (JCS). The expert's Ed25519 signature covers these bytes and nothing else;
docs/formats.md lists every field.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..rubric import Rubric
from ..sheets.view import LinkEntry, load_contents
from ..store.models import Applicant, ConflictDeclaration, Expert, Material, Round, RubricRecord, SheetRevision

SHEET_SCHEMA = "reviewdesk-sheet/1"
# the PDF names the JSON it was drawn from in its metadata; here, not in pdf.py, so that checking it
# (verify) does not load the PDF writer
SUBJECT_PREFIX = "reviewdesk-sheet sha256:"
POINTS = r"^-?(0|[1-9][0-9]{0,8})(\.[0-9]{1,6})?$"
SHA256 = r"^[0-9a-f]{64}$"
STAMP = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$"
LOCAL_STAMP = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?$"  # camera time, maybe no offset
FIRST_YEAR, LAST_YEAR = 1900, 2200  # far from datetime's ends, so that no time zone shift overflows


def _real_moment(value: str) -> str:
    """The patterns admit 2026-13-45T99:99:99+00:00; the calendar does not (nor offsets past ±24 h)."""
    if not FIRST_YEAR <= datetime.fromisoformat(value).year <= LAST_YEAR:
        raise ValueError(f"the year must lie between {FIRST_YEAR} and {LAST_YEAR}")
    return value


# Stamps stay the strings that were signed; these types also require them to name a real moment.
Stamp = Annotated[str, Field(pattern=STAMP), AfterValidator(_real_moment)]
LocalStamp = Annotated[str, Field(pattern=LOCAL_STAMP), AfterValidator(_real_moment)]


# --- canonical form ---------------------------------------------------------------------------
def points(value: Decimal) -> str:
    """A point value as its shortest decimal string: 7.50 -> "7.5", 10 -> "10"."""
    normal = value.normalize()
    return "0" if normal.is_zero() else format(normal, "f")


def _no_floats(value: object) -> None:
    if isinstance(value, float):
        raise TypeError("floats are not allowed in signed JSON")
    if isinstance(value, dict):
        for item in value.values():
            _no_floats(item)
    elif isinstance(value, list):
        for item in value:
            _no_floats(item)


def canonical_bytes(document: dict) -> bytes:
    _no_floats(document)
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def short_hash(digest: str) -> str:
    """The first 16 hex digits of a SHA-256 in groups of four, as printed on every page of the PDF."""
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4))


def stamp(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


# --- the document, parsed ------------------------------------------------------------------------
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RoundRef(_Strict):
    round_id: str = Field(min_length=1)
    title: str
    district: str
    package_sha256: str = Field(pattern=SHA256)


class ApplicantRef(_Strict):
    applicant_id: str = Field(min_length=1)
    name: str
    uscc: str
    carrier_type: str


class RubricRef(_Strict):
    rubric_id: str
    version: str
    sha256: str = Field(pattern=SHA256)
    title: str


class ExpertRef(_Strict):
    expert_id: str = Field(min_length=1)
    name: str
    role: Literal["member", "chair"]
    fingerprint: str


class RevisionRef(_Strict):
    number: int = Field(ge=1)
    amend_reason: str
    created_at: Stamp
    signed_at: Stamp


class ConflictRef(_Strict):
    status: Literal["none"]  # only a sheet whose expert confirmed no conflict can be signed
    confirmed_at: Stamp


class ItemEntry(_Strict):
    code: str
    section: str  # the section's code; "bonus" for bonus items (加分项)
    title: str
    max_points: str = Field(pattern=POINTS)
    score: str | None = Field(pattern=POINTS)
    comment: str


class VetoEntry(_Strict):
    code: str
    title: str
    triggered: bool
    reason: str


class SectionTotal(_Strict):
    code: str
    title: str
    max_points: str = Field(pattern=POINTS)
    points: str = Field(pattern=POINTS)


class Totals(_Strict):
    sections: list[SectionTotal]
    base: str = Field(pattern=POINTS)
    bonus_raw: str = Field(pattern=POINTS)
    bonus_cap: str = Field(pattern=POINTS)
    bonus: str = Field(pattern=POINTS)
    total: str = Field(pattern=POINTS)
    grade: str | None
    vetoed: bool
    failed_sections: list[str]


class NoteEntry(_Strict):
    item_code: str  # '' = the visit as a whole (the inspection record)
    text: str
    created_at: Stamp
    updated_at: Stamp


class EvidenceEntry(_Strict):
    item_code: str
    material: str
    material_position: int = Field(ge=1)
    material_sha256: str | None = Field(pattern=SHA256)
    page: int = Field(ge=1)  # 1-based
    # the page's printed label where it differs from its number (sheets signed before it have none)
    page_label: str | None = Field(default=None, max_length=40)
    rect: list[str] | None = Field(min_length=4, max_length=4)  # x0, y0, x1, y1 in PDF points; None = whole page


class PhotoEntry(_Strict):
    item_code: str
    sha256: str = Field(pattern=SHA256)
    original_sha256: str = Field(pattern=SHA256)
    original_name: str
    taken_at: LocalStamp | None
    caption: str


class SheetDocument(_Strict):
    schema_: Literal["reviewdesk-sheet/1"] = Field(alias="schema")
    round: RoundRef
    applicant: ApplicantRef
    rubric: RubricRef
    expert: ExpertRef
    revision: RevisionRef
    conflict: ConflictRef
    items: list[ItemEntry]
    vetoes: list[VetoEntry]
    totals: Totals
    opinion: str
    recommendation: Literal["recommend", "not_recommend"]
    notes: list[NoteEntry]
    evidence: list[EvidenceEntry]
    photos: list[PhotoEntry]

    def scores(self) -> dict[str, Decimal]:
        return {i.code: Decimal(i.score) for i in self.items if i.score is not None}

    def item(self, code: str) -> ItemEntry | None:
        return next((i for i in self.items if i.code == code), None)


# --- totals, shared by the signer and the verifier ---------------------------------------------
def totals_for(rubric: Rubric, scores: dict[str, Decimal], vetoed: bool) -> dict:
    bonus_raw = sum((scores.get(i.code, Decimal(0)) for i in rubric.bonus.items), Decimal(0)) if rubric.bonus else Decimal(0)
    total = rubric.total(scores)
    return {
        "sections": [{"code": s.code, "title": s.title, "max_points": points(s.max_points),
                      "points": points(sum((scores.get(i.code, Decimal(0)) for i in s.items), Decimal(0)))}
                     for s in rubric.sections],
        "base": points(rubric.base_total(scores)),
        "bonus_raw": points(bonus_raw),
        "bonus_cap": points(rubric.bonus.cap if rubric.bonus else Decimal(0)),
        "bonus": points(rubric.bonus_total(scores)),
        "total": points(total),
        "grade": rubric.grade(total),
        "vetoed": vetoed,
        "failed_sections": rubric.failed_sections(scores),
    }


def item_entries(rubric: Rubric, scores: dict[str, Decimal | None], comments: dict[str, str]) -> list[dict]:
    entries = []
    for item in rubric.scored_items:
        section = rubric.section_of(item.code)
        value = scores.get(item.code)
        entries.append({"code": item.code, "section": section.code if section else "bonus", "title": item.title,
                        "max_points": points(item.max_points), "score": None if value is None else points(value),
                        "comment": comments.get(item.code, "")})
    return entries


# --- building it from a revision ----------------------------------------------------------------
def _evidence_entry(link: LinkEntry, material: Material, labels: dict[str, list[str] | None]) -> dict:
    entry = {"item_code": link.item_code, "material": link.material_name, "material_position": material.position,
             "material_sha256": material.sha256, "page": link.page_index + 1,
             "rect": None if link.rect is None else [points(Decimal(str(v))) for v in link.rect]}
    printed = (labels.get(material.sha256) or [])[link.page_index:link.page_index + 1]
    if printed and printed[0] and printed[0] != str(link.page_index + 1):
        entry["page_label"] = printed[0]  # e.g. the binder's own page 2 on the file's third page
    return entry


def build_document(session: Session, expert_id: str, rubric: Rubric, applicant_id: str, revision: SheetRevision,
                   signed_at: datetime, labels: dict[str, list[str] | None] | None = None) -> dict:
    """`labels`: material sha256 → its pages' printed labels (dossier/labels.py), cited in the evidence."""
    labels = labels or {}
    """The sheet document of `revision` as plain JSON data (call canonical_bytes to sign it)."""
    round_row = session.scalars(select(Round)).one()
    applicant = session.get(Applicant, applicant_id)
    record = session.get(RubricRecord, applicant.carrier_type)
    expert = session.get(Expert, expert_id)
    confirmed = session.scalars(select(ConflictDeclaration).filter_by(applicant_id=applicant_id, expert_id=expert_id)
                                .order_by(ConflictDeclaration.id.desc())).first()
    materials = {m.id: m for m in session.scalars(select(Material).filter_by(applicant_id=applicant_id))}
    scores, comments, vetoes, notes, photos, links = load_contents(session, revision)
    given = {code: value for code, value in scores.items() if value is not None}
    veto_entries = [{"code": v.code, "title": v.title, "triggered": vetoes.get(v.code, (False, ""))[0],
                     "reason": vetoes.get(v.code, (False, ""))[1]} for v in rubric.vetoes]
    return {
        "schema": SHEET_SCHEMA,
        "round": {"round_id": round_row.round_id, "title": round_row.title, "district": round_row.district,
                  "package_sha256": round_row.package_sha256},
        "applicant": {"applicant_id": applicant.applicant_id, "name": applicant.name, "uscc": applicant.uscc,
                      "carrier_type": applicant.carrier_type},
        "rubric": {"rubric_id": record.rubric_id, "version": record.version, "sha256": record.sha256,
                   "title": rubric.title},
        "expert": {"expert_id": expert.expert_id, "name": expert.name, "role": expert.role,
                   "fingerprint": expert.fingerprint},
        "revision": {"number": revision.number, "amend_reason": revision.amend_reason,
                     "created_at": stamp(revision.created_at), "signed_at": stamp(signed_at)},
        "conflict": {"status": "none", "confirmed_at": stamp(confirmed.declared_at)},
        "items": item_entries(rubric, scores, comments),
        "vetoes": veto_entries,
        "totals": totals_for(rubric, given, any(v["triggered"] for v in veto_entries)),
        "opinion": revision.opinion,
        "recommendation": revision.recommendation,
        "notes": [{"item_code": n.item_code, "text": n.text, "created_at": stamp(n.created_at),
                   "updated_at": stamp(n.updated_at)} for n in notes],
        "evidence": [_evidence_entry(link, materials[link.material_id], labels) for link in links],
        "photos": [{"item_code": p.item_code, "sha256": p.sha256, "original_sha256": p.original_sha256,
                    "original_name": p.original_name, "taken_at": stamp(p.taken_at), "caption": p.caption}
                   for p in photos],
    }
