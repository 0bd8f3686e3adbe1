"""Who is scoring: this home's identity as an expert of the imported round."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import Code, Problem
from ..home import Home
from ..identity import require_identity
from ..imported_round import my_expert, round_info, rubrics
from ..rubric import Rubric
from ..store.audit import AuditLog
from ..store.db import utcnow
from ..store.models import Applicant, Assignment, ScoreSheet, SheetRevision
from .states import SheetState


@dataclass
class Reviewer:
    """This home's expert on the imported round, with the round's rubrics loaded once."""

    home: Home
    expert_id: str
    name: str
    role: str  # member | chair
    round_id: str
    package_sha256: str
    rubrics: dict[str, Rubric] = field(default_factory=dict)
    # applicant id -> carrier type of every applicant the package assigns to this expert. A package
    # is imported once and never changes under an open Reviewer, so edits need no query for it.
    assigned: dict[str, str] = field(default_factory=dict)

    @classmethod
    def open(cls, home: Home) -> Reviewer:
        identity = require_identity(home)
        info = round_info(home)
        if info is None:
            raise Problem(Code.NO_ROUND)
        with home.store.read() as session:
            expert = my_expert(session, identity)
            if expert is None:
                raise Problem(Code.NOT_IN_PACKAGE, fingerprint=identity.fingerprint)
            expert_id, role = expert.expert_id, expert.role
            assigned = {applicant_id: carrier_type for applicant_id, carrier_type in session.execute(
                select(Applicant.applicant_id, Applicant.carrier_type)
                .join(Assignment, Assignment.applicant_id == Applicant.applicant_id)
                .where(Assignment.expert_id == expert_id))}
        return cls(home, expert_id, identity.name, role, info.round_id, info.package_sha256, rubrics(home), assigned)

    # --- lookups ----------------------------------------------------------------------------
    def require_assigned(self, applicant_id: str) -> str:
        """The applicant's carrier type; NOT_ASSIGNED unless the package assigns it to this expert."""
        carrier_type = self.assigned.get(applicant_id)
        if carrier_type is None:
            raise Problem(Code.NOT_ASSIGNED, applicant=applicant_id)
        return carrier_type

    def applicant(self, session: Session, applicant_id: str) -> Applicant:
        self.require_assigned(applicant_id)
        applicant = session.get(Applicant, applicant_id)
        if applicant is None:
            raise Problem(Code.NOT_ASSIGNED, applicant=applicant_id)
        return applicant

    def rubric_for(self, session: Session | None, applicant_id: str) -> Rubric:
        return self.rubrics[self.require_assigned(applicant_id)]

    def sheet(self, session: Session, applicant_id: str, create: bool = False) -> ScoreSheet | None:
        sheet = session.scalars(select(ScoreSheet).filter_by(applicant_id=applicant_id, expert_id=self.expert_id)).first()
        if sheet is None and create:
            sheet = ScoreSheet(applicant_id=applicant_id, expert_id=self.expert_id)
            session.add(sheet)
            session.flush()
        return sheet

    def latest_revision(self, session: Session, applicant_id: str) -> SheetRevision | None:
        return session.scalars(
            select(SheetRevision).join(ScoreSheet, ScoreSheet.id == SheetRevision.sheet_id)
            .where(ScoreSheet.applicant_id == applicant_id, ScoreSheet.expert_id == self.expert_id)
            .order_by(SheetRevision.number.desc()).limit(1)).first()

    def revisions(self, session: Session, applicant_id: str) -> list[SheetRevision]:
        sheet = self.sheet(session, applicant_id)
        if sheet is None:
            return []
        return list(session.scalars(select(SheetRevision).filter_by(sheet_id=sheet.id).order_by(SheetRevision.number)))

    def draft(self, session: Session, applicant_id: str) -> SheetRevision:
        """The revision edits go to: created on the first edit; refused once signed."""
        revision = self.latest_revision(session, applicant_id)
        if revision is None:
            sheet = self.sheet(session, applicant_id, create=True)
            revision = SheetRevision(sheet_id=sheet.id, number=1, state=SheetState.DRAFT.value, version=0, created_at=utcnow())
            session.add(revision)
            session.flush()
        elif revision.state == SheetState.SIGNED:
            raise Problem(Code.SHEET_SIGNED, applicant=applicant_id, revision=revision.number)
        return revision

    @contextmanager
    def edit(self) -> Iterator[tuple[Session, AuditLog]]:
        with self.home.store.write(actor=f"{self.expert_id} {self.name}") as unit:
            yield unit
