"""Tables of the intake's database: the same on SQLite (one bureau laptop) and PostgreSQL (a city).

Portable types only: times are ISO 8601 text with their UTC offset (review_model's IsoDateTime, so
they sort as text and read back aware), JSON as text, hashes as hex. Bundle bytes are never in the
database: they are content-addressed files in the intake's home (service/home.py).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from review_model.store.models import IsoDateTime


class Base(DeclarativeBase):
    type_annotation_map = {datetime: IsoDateTime}


class Round(Base):
    """A round opened with `intake add-package`: who may deliver what, and who may read."""

    __tablename__ = "intake_round"
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[str] = mapped_column(String(64), unique=True)
    package_sha256: Mapped[str] = mapped_column(String(64), unique=True)  # of the package's manifest.json
    package_file_sha256: Mapped[str] = mapped_column(String(64))  # the blob holding the .rvpkg
    title: Mapped[str] = mapped_column(Text)
    bureau_name: Mapped[str] = mapped_column(Text)
    bureau_fingerprint: Mapped[str] = mapped_column(String(64))
    chair_fingerprint: Mapped[str] = mapped_column(String(64))
    roster: Mapped[str] = mapped_column(Text)  # JSON: experts (id, name, role, fingerprint, applicants), applicants
    added_at: Mapped[datetime]


class Counter(Base):
    """The receipts' sequence: one row, incremented in the accepting transaction (gapless: a rolled
    back acceptance rolls its number back too, on both databases)."""

    __tablename__ = "intake_counter"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class Bundle(Base):
    """An accepted bundle, its file in the blob store, and the receipt given for it (kept byte for
    byte, so the same bytes uploaded again get the very same receipt)."""

    __tablename__ = "intake_bundle"
    id: Mapped[int] = mapped_column(primary_key=True)
    round_pk: Mapped[int] = mapped_column(ForeignKey("intake_round.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # return (an expert's) | result (the chair's)
    file_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    bundle_sha256: Mapped[str] = mapped_column(String(64))  # of its manifest.json
    size: Mapped[int] = mapped_column(Integer)
    expert_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]  # when the signer made it (its return.json / manifest)
    received_at: Mapped[datetime]
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    conflicts: Mapped[str] = mapped_column(Text)  # JSON: applicants its newest declarations make conflicts (回避)
    receipt: Mapped[str] = mapped_column(Text)  # the signed receipt JSON, exactly as signed
    receipt_signature: Mapped[str] = mapped_column(String(128))  # base64 Ed25519


class Sheet(Base):
    """One signed revision (expert × applicant × N), whichever bundles carried it. The unique key is
    the rule "different bytes claiming an existing revision are refused", kept by the database
    itself even when two uploads race on PostgreSQL."""

    __tablename__ = "intake_sheet"
    __table_args__ = (UniqueConstraint("round_pk", "expert_id", "applicant_id", "revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_pk: Mapped[int] = mapped_column(ForeignKey("intake_round.id"), index=True)
    expert_id: Mapped[str] = mapped_column(String(64))
    applicant_id: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(Integer)
    json_sha256: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[datetime]
    first_bundle_id: Mapped[int] = mapped_column(ForeignKey("intake_bundle.id"))


class Refusal(Base):
    """An upload refused, with its reason code; kept so the bureau sees it and so the same bytes get
    the same answer. `expert_id` only when the bundle's signature verified (else nobody is named)."""

    __tablename__ = "intake_refusal"
    id: Mapped[int] = mapped_column(primary_key=True)
    file_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    round_pk: Mapped[int | None] = mapped_column(ForeignKey("intake_round.id"), index=True)
    expert_id: Mapped[str | None] = mapped_column(String(64))
    applicant_id: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(32))
    problem: Mapped[str] = mapped_column(Text)  # JSON {code, params}: the domain's refusal, if any
    received_at: Mapped[datetime]


class Upload(Base):
    """A resumable transfer in progress: the bytes so far are <home>/uploads/<id>.part (its size is
    the offset, so a crash never leaves the offset and the file disagreeing)."""

    __tablename__ = "intake_upload"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # random: the capability to resume
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]


class Token(Base):
    """Short-lived read access, stored only as SHA-256: challenges, API sessions, one-time login
    links and the dashboard sessions they open. No password is stored anywhere."""

    __tablename__ = "intake_token"
    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # challenge | session | link | dashboard
    principal: Mapped[str] = mapped_column(Text)  # a reader's fingerprint, or "bureau" (CLI link)
    rounds: Mapped[str] = mapped_column(Text)  # JSON list of round ids this token may read
    expires_at: Mapped[datetime]
