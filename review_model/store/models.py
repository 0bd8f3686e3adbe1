"""Tables of a home's database (SQLAlchemy 2 declarative mapping).

A home holds one identity and at most one round. Points are stored as decimal text, never as
binary floats; times as ISO 8601 text with their UTC offset.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class DecimalText(TypeDecorator):
    impl = String
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)


class IsoDateTime(TypeDecorator):
    impl = String
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else value.isoformat()

    def process_result_value(self, value, dialect):
        return None if value is None else datetime.fromisoformat(value)


class IsoDate(TypeDecorator):
    impl = String
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else value.isoformat()

    def process_result_value(self, value, dialect):
        return None if value is None else date.fromisoformat(value)


class Base(DeclarativeBase):
    type_annotation_map = {Decimal: DecimalText, datetime: IsoDateTime, date: IsoDate, bytes: LargeBinary}


class Setting(Base):
    """Small per-home state that must survive a crash: the open applicant, page, zoom, language."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Identity(Base):
    """This home's signing identity. The private key is never here: see review_model.keys."""

    __tablename__ = "identity"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    role: Mapped[str]  # expert | chair | bureau
    public_key: Mapped[str]  # base64 of the 32 raw Ed25519 bytes
    fingerprint: Mapped[str]
    key_store: Mapped[str]  # keyring | file
    created_at: Mapped[datetime]


class TrustedKey(Base):
    """Signers this home has accepted (the bureau, on first import after the user confirmed)."""

    __tablename__ = "trusted_key"
    fingerprint: Mapped[str] = mapped_column(primary_key=True)
    role: Mapped[str]
    name: Mapped[str]
    public_key: Mapped[str]
    trusted_at: Mapped[datetime]


class Round(Base):
    __tablename__ = "round"
    round_id: Mapped[str] = mapped_column(primary_key=True)
    year: Mapped[int]
    district: Mapped[str]
    programme: Mapped[str]
    title: Mapped[str]
    bureau_name: Mapped[str]
    bureau_fingerprint: Mapped[str]
    package_sha256: Mapped[str]  # SHA-256 of the package's manifest.json, which pins every member
    round_json: Mapped[str] = mapped_column(Text)  # the package's round.json, verbatim
    imported_at: Mapped[datetime]


class RubricRecord(Base):
    __tablename__ = "rubric"
    carrier_type: Mapped[str] = mapped_column(primary_key=True)
    rubric_id: Mapped[str]
    version: Mapped[str]
    sha256: Mapped[str]
    body: Mapped[str] = mapped_column(Text)


class Applicant(Base):
    __tablename__ = "applicant"
    applicant_id: Mapped[str] = mapped_column(primary_key=True)
    name: Mapped[str]
    uscc: Mapped[str] = mapped_column(unique=True)
    entity_kind: Mapped[str]
    industry: Mapped[str]
    carrier_type: Mapped[str]
    address: Mapped[str] = mapped_column(default="")
    legal_representative: Mapped[str] = mapped_column(default="")
    contact: Mapped[str] = mapped_column(default="")
    acceptance: Mapped[str]  # accepted (受理) | correction (补正)
    findings: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {material, problem}
    position: Mapped[int] = mapped_column(default=0)


class Material(Base):
    """One submitted file (or the lack of it) of an applicant's dossier."""

    __tablename__ = "material"
    __table_args__ = (UniqueConstraint("applicant_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    applicant_id: Mapped[str] = mapped_column(ForeignKey("applicant.applicant_id"))
    position: Mapped[int]
    name: Mapped[str]
    status: Mapped[str]  # ok | encrypted | missing | extra
    sha256: Mapped[str | None]
    size: Mapped[int | None]
    page_count: Mapped[int | None]


class PageRotation(Base):
    """How the expert turned a material for reading; never written into the PDF. Page -1 is the
    whole material; a page's own turn adds to it. Degrees clockwise: 0, 90, 180 or 270."""

    __tablename__ = "page_rotation"
    material_id: Mapped[int] = mapped_column(ForeignKey("material.id"), primary_key=True)
    page_index: Mapped[int] = mapped_column(primary_key=True)
    degrees: Mapped[int]


class Expert(Base):
    __tablename__ = "expert"
    expert_id: Mapped[str] = mapped_column(primary_key=True)
    name: Mapped[str]
    role: Mapped[str]  # member | chair
    organisation: Mapped[str] = mapped_column(default="")
    title: Mapped[str] = mapped_column(default="")
    public_key: Mapped[str]
    fingerprint: Mapped[str] = mapped_column(unique=True)


class Assignment(Base):
    __tablename__ = "assignment"
    expert_id: Mapped[str] = mapped_column(ForeignKey("expert.expert_id"), primary_key=True)
    applicant_id: Mapped[str] = mapped_column(ForeignKey("applicant.applicant_id"), primary_key=True)


class ConflictDeclaration(Base):
    """回避: the expert either confirms no conflict or declares one. History is kept; newest counts."""

    __tablename__ = "conflict_declaration"
    id: Mapped[int] = mapped_column(primary_key=True)
    applicant_id: Mapped[str] = mapped_column(ForeignKey("applicant.applicant_id"))
    expert_id: Mapped[str] = mapped_column(ForeignKey("expert.expert_id"))
    has_conflict: Mapped[bool]
    reason: Mapped[str] = mapped_column(Text, default="")
    declared_at: Mapped[datetime]


class ScoreSheet(Base):
    __tablename__ = "score_sheet"
    __table_args__ = (UniqueConstraint("applicant_id", "expert_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    applicant_id: Mapped[str] = mapped_column(ForeignKey("applicant.applicant_id"))
    expert_id: Mapped[str] = mapped_column(ForeignKey("expert.expert_id"))


class SheetRevision(Base):
    """One revision of a score sheet: a draft while edited, frozen once signed."""

    __tablename__ = "sheet_revision"
    __table_args__ = (UniqueConstraint("sheet_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("score_sheet.id"))
    number: Mapped[int]
    state: Mapped[str]  # draft | signed
    version: Mapped[int] = mapped_column(Integer, default=0)  # bumped by every edit (offline forms check it)
    created_at: Mapped[datetime]
    amend_reason: Mapped[str] = mapped_column(Text, default="")
    opinion: Mapped[str] = mapped_column(Text, default="")
    recommendation: Mapped[str] = mapped_column(default="")
    signed_at: Mapped[datetime | None]
    signed_json: Mapped[bytes | None]
    signature: Mapped[str | None]
    pdf_sha256: Mapped[str | None]


class ItemScore(Base):
    __tablename__ = "item_score"
    revision_id: Mapped[int] = mapped_column(ForeignKey("sheet_revision.id"), primary_key=True)
    item_code: Mapped[str] = mapped_column(primary_key=True)
    score: Mapped[Decimal | None]
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime]


class VetoMark(Base):
    __tablename__ = "veto_mark"
    revision_id: Mapped[int] = mapped_column(ForeignKey("sheet_revision.id"), primary_key=True)
    veto_code: Mapped[str] = mapped_column(primary_key=True)
    triggered: Mapped[bool]
    reason: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime]


class Note(Base):
    """A site-visit note on an item, or on the visit as a whole (item_code empty)."""

    __tablename__ = "note"
    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("sheet_revision.id"))
    item_code: Mapped[str] = mapped_column(default="")
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Photo(Base):
    __tablename__ = "photo"
    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("sheet_revision.id"))
    item_code: Mapped[str] = mapped_column(default="")
    sha256: Mapped[str]  # the reduced copy kept in the home's blobs
    original_sha256: Mapped[str]
    original_name: Mapped[str]
    taken_at: Mapped[datetime | None]
    caption: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]


class EvidenceLink(Base):
    """A region of a dossier page (PDF coordinates; none = the whole page) proving an item."""

    __tablename__ = "evidence_link"
    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("sheet_revision.id"))
    item_code: Mapped[str]
    material_id: Mapped[int] = mapped_column(ForeignKey("material.id"))
    page_index: Mapped[int]
    x0: Mapped[float | None]
    y0: Mapped[float | None]
    x1: Mapped[float | None]
    y1: Mapped[float | None]
    created_at: Mapped[datetime]


class AuditEntry(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str]
    action: Mapped[str]
    entity: Mapped[str]
    entity_id: Mapped[str]
    field: Mapped[str] = mapped_column(default="")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


# --- the chair's desk (migration 0003) ------------------------------------------------------------
class ChairBundle(Base):
    """A verified return bundle the chair imported. Refused bundles are never stored (nothing changes)."""

    __tablename__ = "chair_bundle"
    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_sha256: Mapped[str] = mapped_column(unique=True)  # SHA-256 of the bundle's manifest.json
    file_sha256: Mapped[str]  # SHA-256 of the whole file as received
    file_name: Mapped[str]
    expert_id: Mapped[str] = mapped_column(ForeignKey("expert.expert_id"))
    created_at: Mapped[datetime]  # when the expert exported it (return.json): newer supersedes older
    imported_at: Mapped[datetime]
    declarations: Mapped[str] = mapped_column(Text)  # conflicts.json's declarations, JSON, in the order made
    revisions: Mapped[int]  # signed revisions the bundle carried


class ChairSheet(Base):
    """One signed sheet revision received from an expert, kept byte for byte as signed."""

    __tablename__ = "chair_sheet"
    __table_args__ = (UniqueConstraint("json_sha256"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_id: Mapped[int] = mapped_column(ForeignKey("chair_bundle.id"))  # the first bundle that brought it
    expert_id: Mapped[str] = mapped_column(ForeignKey("expert.expert_id"))
    applicant_id: Mapped[str] = mapped_column(ForeignKey("applicant.applicant_id"))
    revision: Mapped[int]
    signed_at: Mapped[datetime]
    amend_reason: Mapped[str] = mapped_column(Text, default="")
    json_sha256: Mapped[str]
    signed_json: Mapped[bytes]
    signature: Mapped[str]
    pdf_sha256: Mapped[str]


class ChairNote(Base):
    """The chair's record of the panel's discussion of one applicant."""

    __tablename__ = "chair_note"
    id: Mapped[int] = mapped_column(primary_key=True)
    applicant_id: Mapped[str] = mapped_column(ForeignKey("applicant.applicant_id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ChairRequest(Base):
    """The chair asked an expert to reconsider named items of one applicant, for a permitted reason."""

    __tablename__ = "chair_request"
    id: Mapped[int] = mapped_column(primary_key=True)
    applicant_id: Mapped[str] = mapped_column(ForeignKey("applicant.applicant_id"))
    expert_id: Mapped[str] = mapped_column(ForeignKey("expert.expert_id"))
    items: Mapped[str] = mapped_column(Text)  # JSON list of item codes
    reason: Mapped[str]  # adding_error | out_of_range | objective_disagreement | abnormal
    note: Mapped[str] = mapped_column(Text, default="")
    asked_revision: Mapped[int | None]  # the expert's counting revision when asked; a newer one answers
    created_at: Mapped[datetime]


class ChairChangeReason(Base):
    """The permitted reason the chair gave for one changed score (item of an expert's revision)."""

    __tablename__ = "chair_change_reason"
    expert_id: Mapped[str] = mapped_column(ForeignKey("expert.expert_id"), primary_key=True)
    applicant_id: Mapped[str] = mapped_column(ForeignKey("applicant.applicant_id"), primary_key=True)
    item_code: Mapped[str] = mapped_column(primary_key=True)
    revision: Mapped[int] = mapped_column(primary_key=True)  # the revision holding the new score
    reason: Mapped[str]
    note: Mapped[str] = mapped_column(Text, default="")
    set_at: Mapped[datetime]


class OutboxBundle(Base):
    """A return bundle the outbox made to send (sync/outbox.py): kept after sending, never deleted."""

    __tablename__ = "outbox_bundle"
    id: Mapped[int] = mapped_column(primary_key=True)
    file_sha256: Mapped[str] = mapped_column(unique=True)  # of the file, as the intake's receipt names it
    file_name: Mapped[str]  # under <home>/outbox/
    size: Mapped[int]
    created_at: Mapped[datetime]
    state: Mapped[str]  # sending | delivered | refused | superseded (OutboxBundleState)
    upload_url: Mapped[str | None]  # the intake's transfer, kept so a crash resumes it
    receipt: Mapped[bytes | None]  # the intake's receipt bytes, as signed (checked before storing)
    receipt_signature: Mapped[str | None]
    delivered_at: Mapped[datetime | None]


class OutboxItem(Base):
    """One signed revision or declared conflict to deliver, queued in the transaction that made it."""

    __tablename__ = "outbox_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str]  # signed | conflict | result (OutboxKind)
    # None for the chair's panel result (migration 0006): it is about the whole round
    applicant_id: Mapped[str | None] = mapped_column(ForeignKey("applicant.applicant_id"))
    revision: Mapped[int | None]  # the signed revision; None for a conflict
    created_at: Mapped[datetime]
    state: Mapped[str]  # queued | waiting | delivered | refused (OutboxState)
    bundle_id: Mapped[int | None] = mapped_column(ForeignKey("outbox_bundle.id"))  # the bundle carrying it
    attempts: Mapped[int] = mapped_column(default=0)  # failed sends in a row (the backoff's exponent)
    next_try_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)  # a Problem code and its facts, JSON
    reason: Mapped[str | None]  # the intake's refusal code
    detail: Mapped[str | None] = mapped_column(Text)  # the intake's finer reason (the domain's problem)
    delivered_at: Mapped[datetime | None]


# --- the bureau's desk (migration 0004): its tables live with the desk, registered on Base here ----
from ..bureau import records as _bureau_records  # noqa: E402,F401
