"""A score sheet as plain, detached data: what the rubric panel shows and the signer freezes.

`sheet_view` reads one whole sheet; `refresh_view` re-reads only what an edit's OpChanges names,
so that typing a score costs a couple of statements whatever the size of the sheet or the round.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import Problem
from ..rubric import Rubric
from ..store.models import ConflictDeclaration, EvidenceLink, ItemScore, Material, Note, Photo, SheetRevision, VetoMark
from .states import ApplicantState, ChecklistKind, ConflictState, SheetState, applicant_state, may_edit, sign_refusal

if TYPE_CHECKING:  # annotations only: ops.py imports this module
    from .context import Reviewer
    from .ops import OpChanges


@dataclass(frozen=True)
class NoteEntry:
    id: int
    item_code: str  # '' = the visit as a whole (inspection record)
    text: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class PhotoEntry:
    id: int
    item_code: str
    sha256: str
    original_sha256: str
    original_name: str
    taken_at: datetime | None
    caption: str


@dataclass(frozen=True)
class LinkEntry:
    id: int
    item_code: str
    material_id: int
    material_name: str
    page_index: int
    rect: tuple[float, float, float, float] | None


@dataclass(frozen=True)
class ChecklistEntry:
    """One thing standing between the draft and signing."""

    kind: ChecklistKind
    code: str = ""  # the item or veto concerned


@dataclass(frozen=True)
class RevisionEntry:
    number: int
    state: SheetState
    created_at: datetime
    signed_at: datetime | None
    amend_reason: str


@dataclass(frozen=True)
class SheetView:
    applicant_id: str
    rubric: Rubric
    conflict: ConflictState
    conflict_reason: str
    revision: int | None
    state: SheetState
    version: int
    amend_reason: str
    scores: dict[str, Decimal | None]
    comments: dict[str, str]
    vetoes: dict[str, tuple[bool, str]]
    opinion: str
    recommendation: str
    notes: tuple[NoteEntry, ...]
    photos: tuple[PhotoEntry, ...]
    links: tuple[LinkEntry, ...]
    revisions: tuple[RevisionEntry, ...]
    revision_id: int | None = None  # the database row of `revision` (for targeted refreshes)

    # --- derived ----------------------------------------------------------------------------
    def given(self) -> dict[str, Decimal]:
        return {code: value for code, value in self.scores.items() if value is not None}

    def section_total(self, section_code: str) -> Decimal:
        section = next(s for s in self.rubric.sections if s.code == section_code)
        given = self.given()
        return sum((given.get(i.code, Decimal(0)) for i in section.items), Decimal(0))

    @property
    def bonus_total(self) -> Decimal:
        return self.rubric.bonus_total(self.given())

    @property
    def total(self) -> Decimal:
        return self.rubric.total(self.given())

    @property
    def grade(self) -> str | None:
        return self.rubric.grade(self.total)

    @property
    def vetoed(self) -> bool:
        return any(triggered for triggered, _ in self.vetoes.values())

    @property
    def failed_sections(self) -> list[str]:
        return self.rubric.failed_sections(self.given())

    @property
    def checklist(self) -> tuple[ChecklistEntry, ...]:
        return checklist_for(self.rubric, self.conflict, self.scores, self.comments, self.vetoes, self.recommendation)

    @property
    def editable(self) -> bool:
        return may_edit(self.conflict, self.state)

    @property
    def applicant_state(self) -> ApplicantState:
        return applicant_state(self.conflict, self.state, not self.checklist)

    @property
    def sign_refusal(self) -> Problem | None:
        """Why this sheet cannot be signed now (None: it can): the same rule `sign_sheet` applies."""
        return sign_refusal(self.applicant_id, self.conflict, self.state, self.revision, self.checklist)

    def links_for(self, item_code: str) -> tuple[LinkEntry, ...]:
        return tuple(link for link in self.links if link.item_code == item_code)

    def notes_for(self, item_code: str) -> tuple[NoteEntry, ...]:
        return tuple(note for note in self.notes if note.item_code == item_code)

    def photos_for(self, item_code: str) -> tuple[PhotoEntry, ...]:
        return tuple(photo for photo in self.photos if photo.item_code == item_code)


def checklist_for(rubric: Rubric, conflict: ConflictState, scores: dict[str, Decimal | None], comments: dict[str, str],
                  vetoes: dict[str, tuple[bool, str]], recommendation: str) -> tuple[ChecklistEntry, ...]:
    if conflict == ConflictState.DECLARED:
        return ()
    entries: list[ChecklistEntry] = []
    if conflict == ConflictState.UNCONFIRMED:
        entries.append(ChecklistEntry(ChecklistKind.CONFLICT_UNCONFIRMED))
    for item in rubric.scored_items:
        value = scores.get(item.code)
        if value is None:
            if not rubric.is_bonus(item.code):  # an empty bonus item means no bonus
                entries.append(ChecklistEntry(ChecklistKind.UNSCORED, item.code))
        elif rubric.needs_comment(item.code, value) and not comments.get(item.code, "").strip():
            entries.append(ChecklistEntry(ChecklistKind.COMMENT_MISSING, item.code))
    for code, (triggered, reason) in vetoes.items():
        if triggered and not reason.strip():
            entries.append(ChecklistEntry(ChecklistKind.VETO_REASON_MISSING, code))
    if not recommendation:
        entries.append(ChecklistEntry(ChecklistKind.RECOMMENDATION_MISSING))
    return tuple(entries)


def conflict_state(session: Session, expert_id: str, applicant_id: str) -> tuple[ConflictState, str]:
    """The expert's answer to the 回避 question for one applicant (the newest declaration) and its reason."""
    latest = session.scalars(select(ConflictDeclaration).filter_by(applicant_id=applicant_id, expert_id=expert_id)
                             .order_by(ConflictDeclaration.id.desc()).limit(1)).first()
    return _conflict_of(latest)


def conflict_states(session: Session, expert_id: str) -> dict[str, tuple[ConflictState, str]]:
    """`conflict_state` for every applicant this expert answered, in one query."""
    latest: dict[str, ConflictDeclaration] = {}
    for row in session.scalars(select(ConflictDeclaration).filter_by(expert_id=expert_id).order_by(ConflictDeclaration.id)):
        latest[row.applicant_id] = row
    return {applicant_id: _conflict_of(row) for applicant_id, row in latest.items()}


def _conflict_of(latest: ConflictDeclaration | None) -> tuple[ConflictState, str]:
    if latest is None:
        return ConflictState.UNCONFIRMED, ""
    return (ConflictState.DECLARED, latest.reason) if latest.has_conflict else (ConflictState.NONE, "")


def load_contents(session: Session, revision: SheetRevision | None):
    """Scores, comments, vetoes, notes, photos and links of one revision (empty when None)."""
    if revision is None:
        return {}, {}, {}, (), (), ()
    rows = list(session.scalars(select(ItemScore).filter_by(revision_id=revision.id)))
    scores = {r.item_code: r.score for r in rows}
    comments = {r.item_code: r.comment for r in rows}
    vetoes = {v.veto_code: (v.triggered, v.reason) for v in session.scalars(select(VetoMark).filter_by(revision_id=revision.id))}
    return scores, comments, vetoes, _notes(session, revision.id), _photos(session, revision.id), _links(session, revision.id)


def _notes(session: Session, revision_id: int) -> tuple[NoteEntry, ...]:
    return tuple(NoteEntry(n.id, n.item_code, n.text, n.created_at, n.updated_at)
                 for n in session.scalars(select(Note).filter_by(revision_id=revision_id).order_by(Note.created_at, Note.id)))


def _photos(session: Session, revision_id: int) -> tuple[PhotoEntry, ...]:
    return tuple(PhotoEntry(p.id, p.item_code, p.sha256, p.original_sha256, p.original_name, p.taken_at, p.caption)
                 for p in session.scalars(select(Photo).filter_by(revision_id=revision_id).order_by(Photo.id)))


def _links(session: Session, revision_id: int) -> tuple[LinkEntry, ...]:
    rows = session.execute(
        select(EvidenceLink, Material.name).outerjoin(Material, Material.id == EvidenceLink.material_id)
        .where(EvidenceLink.revision_id == revision_id).order_by(EvidenceLink.id))
    return tuple(LinkEntry(k.id, k.item_code, k.material_id, name or "", k.page_index,
                           None if k.x0 is None else (k.x0, k.y0, k.x1, k.y1)) for k, name in rows)


def sheet_view(reviewer: Reviewer, applicant_id: str) -> SheetView:
    with reviewer.home.store.read() as session:
        rubric = reviewer.rubric_for(session, applicant_id)
        conflict, reason = conflict_state(session, reviewer.expert_id, applicant_id)
        revisions = reviewer.revisions(session, applicant_id)
        latest = revisions[-1] if revisions else None
        scores, comments, vetoes, notes, photos, links = load_contents(session, latest)
        return SheetView(
            applicant_id=applicant_id, rubric=rubric, conflict=conflict, conflict_reason=reason,
            revision=latest.number if latest else None, state=SheetState(latest.state) if latest else SheetState.NONE,
            version=latest.version if latest else 0, amend_reason=latest.amend_reason if latest else "",
            scores=scores, comments=comments, vetoes=vetoes,
            opinion=latest.opinion if latest else "", recommendation=latest.recommendation if latest else "",
            notes=notes, photos=photos, links=links,
            revisions=tuple(RevisionEntry(r.number, SheetState(r.state), r.created_at, r.signed_at, r.amend_reason)
                            for r in revisions),
            revision_id=latest.id if latest else None,
        )


def refresh_view(reviewer: Reviewer, view: SheetView, changes: OpChanges) -> SheetView:
    """`view` after an edit, re-reading only what `changes` names (Anki's habit: redraw what moved).

    A new revision, a conflict answer or a sheet that had no revision yet reads everything again.
    """
    if changes.applicant_id != view.applicant_id or changes.revision or changes.conflict or view.revision_id is None:
        return sheet_view(reviewer, view.applicant_id)
    revision_id = view.revision_id
    with reviewer.home.store.read() as session:
        update: dict[str, object] = {}
        if changes.version is None or changes.opinion:
            row = session.get(SheetRevision, revision_id)
            update.update(version=row.version, opinion=row.opinion, recommendation=row.recommendation)
        else:
            update["version"] = changes.version
        if changes.items:
            scores, comments = dict(view.scores), dict(view.comments)
            found = {r.item_code: r for r in session.scalars(
                select(ItemScore).where(ItemScore.revision_id == revision_id, ItemScore.item_code.in_(changes.items)))}
            for code in changes.items:
                row = found.get(code)
                scores[code], comments[code] = (row.score, row.comment) if row else (None, "")
            update.update(scores=scores, comments=comments)
        if changes.vetoes:
            update["vetoes"] = {v.veto_code: (v.triggered, v.reason)
                                for v in session.scalars(select(VetoMark).filter_by(revision_id=revision_id))}
        if changes.notes:
            update["notes"] = _notes(session, revision_id)
        if changes.photos:
            update["photos"] = _photos(session, revision_id)
        if changes.links:
            update["links"] = _links(session, revision_id)
    return replace(view, **update)
