"""A score sheet as plain, detached data: what the rubric panel shows and the signer freezes."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..rubric import Rubric
from ..store.models import EvidenceLink, ItemScore, Material, Note, Photo, SheetRevision, VetoMark


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

    kind: str  # conflict_unconfirmed | unscored | comment_missing | veto_reason_missing | recommendation_missing
    #            | vetoed_recommended
    code: str = ""  # the item or veto concerned


@dataclass(frozen=True)
class RevisionEntry:
    number: int
    state: str
    created_at: datetime
    signed_at: datetime | None
    amend_reason: str


@dataclass(frozen=True)
class SheetView:
    applicant_id: str
    rubric: Rubric
    conflict: str  # unconfirmed | none | declared
    conflict_reason: str
    revision: int | None
    state: str  # none | draft | signed
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
        return self.conflict == "none" and self.state != "signed"

    def links_for(self, item_code: str) -> tuple[LinkEntry, ...]:
        return tuple(link for link in self.links if link.item_code == item_code)

    def notes_for(self, item_code: str) -> tuple[NoteEntry, ...]:
        return tuple(note for note in self.notes if note.item_code == item_code)

    def photos_for(self, item_code: str) -> tuple[PhotoEntry, ...]:
        return tuple(photo for photo in self.photos if photo.item_code == item_code)


def veto_against(vetoes: dict[str, tuple[bool, str]], recommendation: str) -> str | None:
    """The ticked veto that rules `recommendation` out, or None.

    The one place for the rule: an applicant that fails a 一票否决 item is not recommended (推荐).
    Ticking a veto sets 不推荐 (ops.SetVeto); choosing 推荐 while one is ticked is refused (ops, the
    offline form); and a sheet holding both cannot be signed (the checklist below).
    """
    if recommendation != "recommend":
        return None
    return next((code for code, (triggered, _) in sorted(vetoes.items()) if triggered), None)


def checklist_for(rubric: Rubric, conflict: str, scores: dict[str, Decimal | None], comments: dict[str, str],
                  vetoes: dict[str, tuple[bool, str]], recommendation: str) -> tuple[ChecklistEntry, ...]:
    if conflict == "declared":
        return ()
    entries: list[ChecklistEntry] = []
    if conflict == "unconfirmed":
        entries.append(ChecklistEntry("conflict_unconfirmed"))
    for item in rubric.scored_items:
        value = scores.get(item.code)
        if value is None:
            if not rubric.is_bonus(item.code):  # an empty bonus item means no bonus
                entries.append(ChecklistEntry("unscored", item.code))
        elif rubric.needs_comment(item.code, value) and not comments.get(item.code, "").strip():
            entries.append(ChecklistEntry("comment_missing", item.code))
    for code, (triggered, reason) in vetoes.items():
        if triggered and not reason.strip():
            entries.append(ChecklistEntry("veto_reason_missing", code))
    if not recommendation:
        entries.append(ChecklistEntry("recommendation_missing"))
    vetoed_by = veto_against(vetoes, recommendation)
    if vetoed_by is not None:  # e.g. a sheet stored before the rule: it cannot be signed as 推荐
        entries.append(ChecklistEntry("vetoed_recommended", vetoed_by))
    return tuple(entries)


def load_contents(session: Session, revision: SheetRevision | None):
    """Scores, comments, vetoes, notes, photos and links of one revision (empty when None)."""
    if revision is None:
        return {}, {}, {}, (), (), ()
    rows = list(session.scalars(select(ItemScore).filter_by(revision_id=revision.id)))
    scores = {r.item_code: r.score for r in rows}
    comments = {r.item_code: r.comment for r in rows}
    vetoes = {v.veto_code: (v.triggered, v.reason) for v in session.scalars(select(VetoMark).filter_by(revision_id=revision.id))}
    notes = tuple(NoteEntry(n.id, n.item_code, n.text, n.created_at, n.updated_at)
                  for n in session.scalars(select(Note).filter_by(revision_id=revision.id).order_by(Note.created_at, Note.id)))
    photos = tuple(PhotoEntry(p.id, p.item_code, p.sha256, p.original_sha256, p.original_name, p.taken_at, p.caption)
                   for p in session.scalars(select(Photo).filter_by(revision_id=revision.id).order_by(Photo.id)))
    names = {m.id: m.name for m in session.scalars(select(Material))}
    links = tuple(LinkEntry(k.id, k.item_code, k.material_id, names.get(k.material_id, ""), k.page_index,
                            None if k.x0 is None else (k.x0, k.y0, k.x1, k.y1))
                  for k in session.scalars(select(EvidenceLink).filter_by(revision_id=revision.id).order_by(EvidenceLink.id)))
    return scores, comments, vetoes, notes, photos, links


def sheet_view(reviewer, applicant_id: str) -> SheetView:
    from .ops import conflict_state

    with reviewer.home.store.read() as session:
        rubric = reviewer.rubric_for(session, applicant_id)
        conflict, reason = conflict_state(session, reviewer.expert_id, applicant_id)
        revisions = reviewer.revisions(session, applicant_id)
        latest = revisions[-1] if revisions else None
        scores, comments, vetoes, notes, photos, links = load_contents(session, latest)
        return SheetView(
            applicant_id=applicant_id, rubric=rubric, conflict=conflict, conflict_reason=reason,
            revision=latest.number if latest else None, state=latest.state if latest else "none",
            version=latest.version if latest else 0, amend_reason=latest.amend_reason if latest else "",
            scores=scores, comments=comments, vetoes=vetoes,
            opinion=latest.opinion if latest else "", recommendation=latest.recommendation if latest else "",
            notes=notes, photos=photos, links=links,
            revisions=tuple(RevisionEntry(r.number, r.state, r.created_at, r.signed_at, r.amend_reason) for r in revisions),
        )
