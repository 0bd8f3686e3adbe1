"""The round imported into this home, as plain data: its facts, its rubrics, and who this home's
identity is on its panel. Everything that works on the round (scoring, the chair's desk, the
overview) looks these up here; this module depends on nothing that works on the round.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .exchange.package_schema import RoundFile
from .home import Home
from .identity import IdentityInfo
from .rubric import Rubric, parse_rubric
from .store.models import Expert, Round, RubricRecord


@dataclass(frozen=True)
class RoundInfo:
    round_id: str
    title: str
    district: str
    bureau: str
    year: int
    package_sha256: str
    file: RoundFile


def round_info(home: Home) -> RoundInfo | None:
    with home.store.read() as session:
        row = session.scalars(select(Round)).first()
        if row is None:
            return None
        return RoundInfo(row.round_id, row.title, row.district, row.bureau_name, row.year, row.package_sha256,
                         RoundFile.model_validate_json(row.round_json))


def rubrics(home: Home) -> dict[str, Rubric]:
    with home.store.read() as session:
        return {r.carrier_type: parse_rubric(r.body, f"{r.carrier_type}.json") for r in session.scalars(select(RubricRecord))}


def my_expert(session: Session, identity: IdentityInfo | None) -> Expert | None:
    """This identity's entry on the round's panel (matched by key fingerprint), or None."""
    if identity is None:
        return None
    compact = "".join(identity.fingerprint.split())
    return next((e for e in session.scalars(select(Expert)) if "".join(e.fingerprint.split()) == compact), None)
