"""The bureau's desk in the home's database (migration 0004): the round being set up, its
applicants, the materials attached to them, the enrolled experts and the district's own rubrics and
calendar years. Files themselves are blobs (content-addressed, read-only: the originals as given).

These tables are only the desk's working state: the package built from them is the record that
leaves the bureau, and the expert's and chair's tables (store/models.py) are never written here.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..store.models import Base


class DeskRound(Base):
    """The round's settings as the spec's round.json holds them (without rubrics, calendar, materials)."""

    __tablename__ = "desk_round"
    id: Mapped[int] = mapped_column(primary_key=True)  # always 1: a bureau's home sets up one round
    round_json: Mapped[str] = mapped_column(Text)
    column_mapping: Mapped[str] = mapped_column(Text, default="{}")  # portal header -> field, kept once mapped
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class DeskApplicant(Base):
    __tablename__ = "desk_applicant"
    applicant_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    name: Mapped[str]
    uscc: Mapped[str] = mapped_column(unique=True)
    entity_kind: Mapped[str]
    industry: Mapped[str] = mapped_column(default="")
    carrier_type: Mapped[str]
    address: Mapped[str] = mapped_column(default="")
    legal_representative: Mapped[str] = mapped_column(default="")
    contact: Mapped[str] = mapped_column(default="")


class DeskMaterial(Base):
    """A file attached to an applicant: a required material (`material` set) or an extra file.

    `sha256` is the file as it goes into the package: the original as given, or the part of a
    binder split at its bookmarks, whose untouched original is `origin_sha256` (pages first..last).
    """

    __tablename__ = "desk_material"
    __table_args__ = (UniqueConstraint("applicant_id", "source_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    applicant_id: Mapped[str] = mapped_column(ForeignKey("desk_applicant.applicant_id"))
    material: Mapped[str] = mapped_column(default="")  # "" = an extra file (补正: 多余材料)
    source_name: Mapped[str]  # the file name as given, or "binder.pdf#bookmark"
    sha256: Mapped[str]
    origin_sha256: Mapped[str | None]
    first_page: Mapped[int | None]
    last_page: Mapped[int | None]
    added_at: Mapped[datetime]


class DeskExpert(Base):
    __tablename__ = "desk_expert"
    expert_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    name: Mapped[str]
    role: Mapped[str]  # member | chair
    organisation: Mapped[str] = mapped_column(default="")
    title: Mapped[str] = mapped_column(default="")
    identity: Mapped[bytes]  # the .pub file as received
    fingerprint: Mapped[str] = mapped_column(unique=True)
    applicants: Mapped[str] = mapped_column(Text, default='"*"')  # JSON: "*" or a list of applicant ids


class DeskRubric(Base):
    """The district's adjusted rubric for one carrier type (absent: the city's template is used)."""

    __tablename__ = "desk_rubric"
    carrier_type: Mapped[str] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(Text)  # the rubric JSON, as checked by rubric.parse_rubric
    source_name: Mapped[str]
    imported_at: Mapped[datetime]


class DeskCalendar(Base):
    """A State Council holiday year the clerk loaded (years the app does not ship)."""

    __tablename__ = "desk_calendar"
    year: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    source_name: Mapped[str]


class DeskObjection(Base):
    """An objection received during 公示 (migration 0007): who raised it, when, about which candidate,
    and the bureau's finding — 成立 (upheld: the candidate leaves the final list) or 不成立, with why."""

    __tablename__ = "desk_objection"
    id: Mapped[int] = mapped_column(primary_key=True)
    received: Mapped[str]  # ISO date the objection reached the bureau, within the publicity window
    objector: Mapped[str]  # a unit (with its seal) or a person (real name and contact), as the notice asks
    applicant_id: Mapped[str]
    applicant_name: Mapped[str]  # as published, so the record reads on its own
    summary: Mapped[str] = mapped_column(Text, default="")  # what the objection says
    verdict: Mapped[str] = mapped_column(default="pending")  # ObjectionVerdict
    reason: Mapped[str] = mapped_column(Text, default="")
    result_sha256: Mapped[str]  # the verified panel result whose candidate list was published
    recorded_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]
