"""Every edit of a score sheet: one committed transaction with its audit rows, returning what
changed (for views to redraw only that) and the command that undoes it (plain data).

Edits need the conflict question answered ("no conflict") and a draft revision: a signed
revision is read-only, a declared conflict disables the applicant for this expert.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import Code, Problem
from ..plain_text import TextField, check_text, parse_number
from ..rubric import Rubric
from ..store.audit import AuditLog
from ..store.models import ConflictDeclaration, EvidenceLink, ItemScore, Material, Note, Photo, SheetRevision, VetoMark
from ..sync.queue import OutboxKind, enqueue
from .context import Reviewer
from .drafts import clear_note_draft
from .states import ConflictState, SheetState
from .view import PhotoEntry, conflict_state, veto_against

RECOMMENDATIONS = ("recommend", "not_recommend")


@dataclass(frozen=True)
class OpChanges:
    """What an edit touched, so views redraw only that."""

    applicant_id: str
    items: frozenset[str] = frozenset()  # item codes whose score or comment changed
    vetoes: bool = False
    opinion: bool = False
    notes: bool = False
    photos: bool = False
    links: bool = False
    conflict: bool = False
    revision: bool = False  # a revision was created, signed or amended
    version: int | None = None  # the draft's version after the edit, when the edit knows it (saves a re-read)


@dataclass(frozen=True)
class Applied:
    changes: OpChanges
    undo: Command | None = None
    value: object = None  # e.g. the id of what was added


class Command:
    """An edit as plain data; `apply` performs it and returns its own inverse in `Applied.undo`."""

    applicant_id: str

    def apply(self, reviewer: Reviewer) -> Applied:  # pragma: no cover - interface
        raise NotImplementedError


def parse_score(text: str | Decimal | int | None) -> Decimal | None:
    """A score as typed ('7', '7.5', '７．５' from a Chinese IME), '' for none; ValueError if not a number
    (plain_text.parse_number: '1_0', '٨', '1e-9' are not)."""
    return parse_number(text)


# --- preconditions ------------------------------------------------------------------------------
def _editable(reviewer: Reviewer, session: Session, applicant_id: str) -> SheetRevision:
    reviewer.require_assigned(applicant_id)
    state, _ = conflict_state(session, reviewer.expert_id, applicant_id)
    if state == ConflictState.DECLARED:
        raise Problem(Code.CONFLICT_DECLARED, applicant=applicant_id)
    if state == ConflictState.UNCONFIRMED:
        raise Problem(Code.CONFLICT_UNCONFIRMED, applicant=applicant_id)
    return reviewer.draft(session, applicant_id)


def _touch(revision: SheetRevision, audit: AuditLog) -> None:
    """Every edit bumps the revision's version, which offline forms carry to detect stale copies."""
    revision.version += 1


# --- item scores and comments, vetoes, the overall opinion ------------------------------------------
# Each check and write exists once; the single-field commands and SetSheet (the offline form) share them.
def _check_item(rubric: Rubric, code: str, score: Decimal | None) -> None:
    item = rubric.item(code)
    if item is None:
        raise Problem(Code.SCORE_INVALID, item=code, value="" if score is None else str(score), reason="unknown_item",
                      max="", step="")
    if score is not None:
        reason = rubric.score_problem(code, score)
        if reason:
            raise Problem(Code.SCORE_INVALID, item=code, value=str(score), reason=reason, max=str(item.max_points),
                          step=str(item.step))


def _write_item(session: Session, audit: AuditLog, revision: SheetRevision, code: str,
                score: Decimal | None | _Keep, comment: str | _Keep) -> tuple[str, Decimal | None, str]:
    """Store one item's score and comment (KEEP leaves a field as it is); returns what it was before."""
    row = session.get(ItemScore, (revision.id, code))
    before = (code, row.score if row else None, row.comment if row else "")
    score = before[1] if score is KEEP else score
    comment = before[2] if comment is KEEP else comment
    if row is None:
        row = ItemScore(revision_id=revision.id, item_code=code, comment="", updated_at=audit.at)
        session.add(row)
    entity = f"{revision.id}/{code}"
    if row.score != score:
        audit.record("score", "item_score", entity, "score", row.score, score)
    if row.comment != comment:
        audit.record("comment", "item_score", entity, "comment", row.comment, comment)
    row.score, row.comment, row.updated_at = score, comment, audit.at
    return before


class _Keep:
    """Marks a field an edit leaves as it is (typing a score keeps the comment, and the reverse)."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()


@dataclass(frozen=True)
class SetItem(Command):
    applicant_id: str
    item_code: str
    score: Decimal | None | _Keep
    comment: str | _Keep

    def apply(self, reviewer: Reviewer) -> Applied:
        _check_item(reviewer.rubric_for(None, self.applicant_id), self.item_code,
                    None if self.score is KEEP else self.score)
        if self.comment is not KEEP:
            check_text(self.comment, field=TextField.COMMENT, where=self.item_code)
        with reviewer.edit() as (session, audit):
            revision = _editable(reviewer, session, self.applicant_id)
            code, score, comment = _write_item(session, audit, revision, self.item_code, self.score, self.comment)
            _touch(revision, audit)
            version = revision.version
        return Applied(OpChanges(self.applicant_id, items=frozenset({code}), version=version),
                       SetItem(self.applicant_id, code, score, comment))


def set_score(reviewer: Reviewer, applicant_id: str, item_code: str, value: Decimal | None) -> Applied:
    return SetItem(applicant_id, item_code, value, KEEP).apply(reviewer)


def set_comment(reviewer: Reviewer, applicant_id: str, item_code: str, text: str) -> Applied:
    return SetItem(applicant_id, item_code, KEEP, text).apply(reviewer)


def _check_veto(rubric: Rubric, code: str, reason: str) -> None:
    if rubric.veto(code) is None:
        raise Problem(Code.NOT_FOUND, what="veto", id=code)
    check_text(reason, field=TextField.VETO_REASON, where=code)


def _write_veto(session: Session, audit: AuditLog, revision: SheetRevision, code: str, triggered: bool,
                reason: str) -> tuple[str, bool, str]:
    row = session.get(VetoMark, (revision.id, code))
    before = (code, row.triggered if row else False, row.reason if row else "")
    if row is None:
        row = VetoMark(revision_id=revision.id, veto_code=code, triggered=False, reason="", updated_at=audit.at)
        session.add(row)
    if (row.triggered, row.reason) != (triggered, reason):
        audit.record("veto", "veto_mark", f"{revision.id}/{code}", "triggered",
                     f"{row.triggered}:{row.reason}", f"{triggered}:{reason}")
    row.triggered, row.reason, row.updated_at = triggered, reason, audit.at
    return before


@dataclass(frozen=True)
class SetVeto(Command):
    applicant_id: str
    veto_code: str
    triggered: bool
    reason: str
    recommendation: str | None = None  # set with the veto (undo restores what ticking it replaced)

    def apply(self, reviewer: Reviewer) -> Applied:
        _check_veto(reviewer.rubric_for(None, self.applicant_id), self.veto_code, self.reason)
        with reviewer.edit() as (session, audit):
            revision = _editable(reviewer, session, self.applicant_id)
            code, triggered, reason = _write_veto(session, audit, revision, self.veto_code, self.triggered, self.reason)
            # A ticked veto means 不推荐 (view.veto_against): ticking one sets it, in the same undo step.
            wanted = revision.recommendation if self.recommendation is None else self.recommendation
            _, before = _write_opinion(audit, revision, revision.opinion, _after_vetoes(session, revision, wanted))
            _touch(revision, audit)
            version = revision.version
            changed = before != revision.recommendation
        return Applied(OpChanges(self.applicant_id, vetoes=True, opinion=changed, version=version),
                       SetVeto(self.applicant_id, code, triggered, reason, before if changed else None))


def _vetoes_now(session: Session, revision: SheetRevision) -> dict[str, tuple[bool, str]]:
    session.flush()
    return {v.veto_code: (v.triggered, v.reason) for v in session.scalars(select(VetoMark).filter_by(revision_id=revision.id))}


def _after_vetoes(session: Session, revision: SheetRevision, recommendation: str) -> str:
    """The recommendation once the vetoes are as stored: 不推荐 while any is ticked."""
    if any(triggered for triggered, _ in _vetoes_now(session, revision).values()):
        return "not_recommend"
    return recommendation


def _refuse_if_vetoed(session: Session, revision: SheetRevision, applicant_id: str, recommendation: str) -> None:
    veto = veto_against(_vetoes_now(session, revision), recommendation)
    if veto is not None:
        raise Problem(Code.VETO_RECOMMENDED, applicant=applicant_id, veto=veto)


def _check_recommendation(choice: str) -> None:
    if choice not in ("", *RECOMMENDATIONS):
        raise Problem(Code.RECOMMENDATION_INVALID, value=choice)


def _write_opinion(audit: AuditLog, revision: SheetRevision, opinion: str, recommendation: str) -> tuple[str, str]:
    before = (revision.opinion, revision.recommendation)
    if revision.opinion != opinion:
        audit.record("opinion", "sheet_revision", revision.id, "opinion", revision.opinion, opinion)
    if revision.recommendation != recommendation:
        audit.record("recommendation", "sheet_revision", revision.id, "recommendation",
                     revision.recommendation, recommendation)
    revision.opinion, revision.recommendation = opinion, recommendation
    return before


@dataclass(frozen=True)
class SetOpinion(Command):
    applicant_id: str
    opinion: str
    recommendation: str  # '' | recommend | not_recommend

    def apply(self, reviewer: Reviewer) -> Applied:
        _check_recommendation(self.recommendation)
        check_text(self.opinion, field=TextField.OPINION)
        with reviewer.edit() as (session, audit):
            revision = _editable(reviewer, session, self.applicant_id)
            if self.recommendation != revision.recommendation:  # choosing 推荐 on a vetoed sheet
                _refuse_if_vetoed(session, revision, self.applicant_id, self.recommendation)
            opinion, recommendation = _write_opinion(audit, revision, self.opinion, self.recommendation)
            _touch(revision, audit)
        return Applied(OpChanges(self.applicant_id, opinion=True), SetOpinion(self.applicant_id, opinion, recommendation))


# --- notes, photos, evidence links: add / remove / restore --------------------------------------
@dataclass(frozen=True)
class NoteData:
    id: int | None
    item_code: str
    text: str
    created_at: datetime | None = None


@dataclass(frozen=True)
class PutNote(Command):
    """Add a note (id None), restore a removed one (id given, row absent) or change its text.
    `from_draft`: the text is the note box's saved draft, which is cleared in the same transaction."""

    applicant_id: str
    note: NoteData
    from_draft: bool = False

    def apply(self, reviewer: Reviewer) -> Applied:
        check_text(self.note.text, field=TextField.NOTE, where=self.note.item_code)
        with reviewer.edit() as (session, audit):
            revision = _editable(reviewer, session, self.applicant_id)
            if self.from_draft:
                clear_note_draft(session, reviewer, self.applicant_id)
            row = session.get(Note, self.note.id) if self.note.id is not None else None
            if row is not None and row.revision_id != revision.id:
                raise Problem(Code.NOT_FOUND, what="note", id=self.note.id)
            if row is None:
                row = Note(id=self.note.id, revision_id=revision.id, item_code=self.note.item_code, text=self.note.text,
                           created_at=self.note.created_at or audit.at, updated_at=audit.at)
                session.add(row)
                session.flush()
                audit.record("add", "note", row.id, "text", None, row.text)
                undo: Command = RemoveNote(self.applicant_id, row.id)
            else:
                undo = PutNote(self.applicant_id, NoteData(row.id, row.item_code, row.text, row.created_at))
                audit.record("edit", "note", row.id, "text", row.text, self.note.text)
                row.text, row.updated_at = self.note.text, audit.at
            _touch(revision, audit)
            note_id = row.id
        return Applied(OpChanges(self.applicant_id, notes=True), undo, note_id)


@dataclass(frozen=True)
class RemoveNote(Command):
    applicant_id: str
    note_id: int

    def apply(self, reviewer: Reviewer) -> Applied:
        with reviewer.edit() as (session, audit):
            revision = _editable(reviewer, session, self.applicant_id)
            row = session.get(Note, self.note_id)
            if row is None or row.revision_id != revision.id:
                raise Problem(Code.NOT_FOUND, what="note", id=self.note_id)
            undo = PutNote(self.applicant_id, NoteData(row.id, row.item_code, row.text, row.created_at))
            audit.record("remove", "note", row.id, "text", row.text, None)
            session.delete(row)
            _touch(revision, audit)
        return Applied(OpChanges(self.applicant_id, notes=True), undo)


@dataclass(frozen=True)
class PhotoData:
    id: int | None
    item_code: str
    sha256: str
    original_sha256: str
    original_name: str
    taken_at: datetime | None
    caption: str = ""
    created_at: datetime | None = None


@dataclass(frozen=True)
class PutPhoto(Command):
    """Attach a photo whose reduced copy is already in the blob store (see photos.import_photo)."""

    applicant_id: str
    photo: PhotoData

    def apply(self, reviewer: Reviewer) -> Applied:
        if not reviewer.home.blobs.has(self.photo.sha256):
            raise Problem(Code.PHOTO_UNREADABLE, file=self.photo.original_name)
        check_text(self.photo.caption, field=TextField.CAPTION, where=self.photo.item_code)
        with reviewer.edit() as (session, audit):
            revision = _editable(reviewer, session, self.applicant_id)
            p = self.photo
            row = session.get(Photo, p.id) if p.id is not None else None
            if row is None:
                row = Photo(id=p.id, revision_id=revision.id, item_code=p.item_code, sha256=p.sha256,
                            original_sha256=p.original_sha256, original_name=p.original_name, taken_at=p.taken_at,
                            caption=p.caption, created_at=p.created_at or audit.at)
                session.add(row)
                session.flush()
                audit.record("add", "photo", row.id, "sha256", None, row.sha256)
                undo: Command = RemovePhoto(self.applicant_id, row.id)
            else:
                if row.revision_id != revision.id:
                    raise Problem(Code.NOT_FOUND, what="photo", id=p.id)
                undo = PutPhoto(self.applicant_id, _photo_data(row))
                audit.record("edit", "photo", row.id, "caption", f"{row.item_code}:{row.caption}", f"{p.item_code}:{p.caption}")
                row.caption, row.item_code = p.caption, p.item_code
            _touch(revision, audit)
            photo_id = row.id
        return Applied(OpChanges(self.applicant_id, photos=True), undo, photo_id)


def caption_photo(applicant_id: str, photo: PhotoEntry, caption: str) -> PutPhoto:
    """The edit that gives an attached photo its caption (undo restores the old one)."""
    return PutPhoto(applicant_id, PhotoData(photo.id, photo.item_code, photo.sha256, photo.original_sha256,
                                            photo.original_name, photo.taken_at, caption))


def _photo_data(row: Photo) -> PhotoData:
    return PhotoData(row.id, row.item_code, row.sha256, row.original_sha256, row.original_name, row.taken_at,
                     row.caption, row.created_at)


@dataclass(frozen=True)
class RemovePhoto(Command):
    applicant_id: str
    photo_id: int

    def apply(self, reviewer: Reviewer) -> Applied:
        with reviewer.edit() as (session, audit):
            revision = _editable(reviewer, session, self.applicant_id)
            row = session.get(Photo, self.photo_id)
            if row is None or row.revision_id != revision.id:
                raise Problem(Code.NOT_FOUND, what="photo", id=self.photo_id)
            undo = PutPhoto(self.applicant_id, _photo_data(row))
            audit.record("remove", "photo", row.id, "sha256", row.sha256, None)
            session.delete(row)  # the reduced copy stays in the blob store: undo and other revisions use it
            _touch(revision, audit)
        return Applied(OpChanges(self.applicant_id, photos=True), undo)


@dataclass(frozen=True)
class LinkData:
    id: int | None
    item_code: str
    material_id: int
    page_index: int
    rect: tuple[float, float, float, float] | None  # PDF coordinates of the unrotated page; None = whole page
    created_at: datetime | None = None


@dataclass(frozen=True)
class PutLink(Command):
    applicant_id: str
    link: LinkData

    def apply(self, reviewer: Reviewer) -> Applied:
        with reviewer.edit() as (session, audit):
            revision = _editable(reviewer, session, self.applicant_id)
            rubric = reviewer.rubric_for(session, self.applicant_id)
            link = self.link
            material = session.get(Material, link.material_id)
            if rubric.item(link.item_code) is None:
                raise Problem(Code.NOT_FOUND, what="item", id=link.item_code)
            if (material is None or material.applicant_id != self.applicant_id or material.page_count is None
                    or not 0 <= link.page_index < material.page_count):
                raise Problem(Code.NOT_FOUND, what="page", id=f"{link.material_id}:{link.page_index}")
            rect = _normalised(link.rect)
            row = EvidenceLink(id=link.id, revision_id=revision.id, item_code=link.item_code, material_id=link.material_id,
                               page_index=link.page_index, x0=rect[0] if rect else None, y0=rect[1] if rect else None,
                               x1=rect[2] if rect else None, y1=rect[3] if rect else None,
                               created_at=link.created_at or audit.at)
            session.add(row)
            session.flush()
            audit.record("add", "evidence_link", row.id, "target", None,
                         f"{link.item_code}→{material.name} p.{link.page_index + 1} {rect or ''}")
            _touch(revision, audit)
            link_id = row.id
        return Applied(OpChanges(self.applicant_id, links=True), RemoveLink(self.applicant_id, link_id), link_id)


def _normalised(rect: tuple[float, float, float, float] | None) -> tuple[float, float, float, float] | None:
    if rect is None:
        return None
    x0, y0, x1, y1 = (round(float(v), 2) for v in rect)
    x0, x1 = sorted((x0, x1))
    y0, y1 = sorted((y0, y1))
    if x1 - x0 < 1 or y1 - y0 < 1:
        return None  # a click, not a drag: the whole page
    return (x0, y0, x1, y1)


@dataclass(frozen=True)
class RemoveLink(Command):
    applicant_id: str
    link_id: int

    def apply(self, reviewer: Reviewer) -> Applied:
        with reviewer.edit() as (session, audit):
            revision = _editable(reviewer, session, self.applicant_id)
            row = session.get(EvidenceLink, self.link_id)
            if row is None or row.revision_id != revision.id:
                raise Problem(Code.NOT_FOUND, what="link", id=self.link_id)
            rect = None if row.x0 is None else (row.x0, row.y0, row.x1, row.y1)
            undo = PutLink(self.applicant_id, LinkData(row.id, row.item_code, row.material_id, row.page_index, rect,
                                                       row.created_at))
            audit.record("remove", "evidence_link", row.id, "target", f"{row.item_code}→{row.material_id}:{row.page_index}", None)
            session.delete(row)
            _touch(revision, audit)
        return Applied(OpChanges(self.applicant_id, links=True), undo)


def add_note(reviewer: Reviewer, applicant_id: str, item_code: str, text: str, from_draft: bool = False) -> Applied:
    return PutNote(applicant_id, NoteData(None, item_code, text), from_draft).apply(reviewer)


def add_link(reviewer: Reviewer, applicant_id: str, item_code: str, material_id: int, page_index: int,
             rect: tuple[float, float, float, float] | None = None) -> Applied:
    return PutLink(applicant_id, LinkData(None, item_code, material_id, page_index, rect)).apply(reviewer)


def add_photo(reviewer: Reviewer, applicant_id: str, item_code: str, source: Path, caption: str = "") -> Applied:
    from .photos import import_photo  # Pillow loads only when a photo is actually added

    check_text(caption, field=TextField.CAPTION, where=item_code)  # before the photo is copied in
    data = import_photo(reviewer.home, source)
    return PutPhoto(applicant_id, replace(data, item_code=item_code, caption=caption)).apply(reviewer)


# --- conflict of interest (回避) and revisions -----------------------------------------------------
def confirm_no_conflict(reviewer: Reviewer, applicant_id: str) -> Applied:
    return _declare(reviewer, applicant_id, False, "")


def declare_conflict(reviewer: Reviewer, applicant_id: str, reason: str) -> Applied:
    if not reason.strip():
        raise Problem(Code.REASON_REQUIRED, applicant=applicant_id)
    check_text(reason, field=TextField.CONFLICT_REASON, where=applicant_id)
    return _declare(reviewer, applicant_id, True, reason.strip())


def _declare(reviewer: Reviewer, applicant_id: str, has_conflict: bool, reason: str) -> Applied:
    with reviewer.edit() as (session, audit):
        reviewer.require_assigned(applicant_id)
        state, _ = conflict_state(session, reviewer.expert_id, applicant_id)
        if state == ConflictState.DECLARED:
            raise Problem(Code.CONFLICT_DECLARED, applicant=applicant_id)
        if state == ConflictState.NONE and not has_conflict:
            return Applied(OpChanges(applicant_id))
        latest = reviewer.latest_revision(session, applicant_id)
        if has_conflict and latest is not None and any(r.state == SheetState.SIGNED
                                                       for r in reviewer.revisions(session, applicant_id)):
            raise Problem(Code.SHEET_SIGNED, applicant=applicant_id, revision=latest.number)
        session.add(ConflictDeclaration(applicant_id=applicant_id, expert_id=reviewer.expert_id,
                                        has_conflict=has_conflict, reason=reason, declared_at=audit.at))
        audit.record("conflict" if has_conflict else "no_conflict", "applicant", applicant_id, "reason", None, reason)
        if has_conflict:  # the intake must learn of it: in the outbox, in the same transaction
            enqueue(session, OutboxKind.CONFLICT, applicant_id, None, audit.at)
    return Applied(OpChanges(applicant_id, conflict=True))


def amend(reviewer: Reviewer, applicant_id: str, reason: str) -> Applied:
    """Open the next draft revision from the last signed one, copying everything it held."""
    if not reason.strip():
        raise Problem(Code.REASON_REQUIRED, applicant=applicant_id)
    check_text(reason, field=TextField.AMEND_REASON, where=applicant_id)
    with reviewer.edit() as (session, audit):
        reviewer.require_assigned(applicant_id)
        signed = reviewer.latest_revision(session, applicant_id)
        if signed is None or signed.state != SheetState.SIGNED:
            raise Problem(Code.NOTHING_TO_AMEND, applicant=applicant_id)
        draft = SheetRevision(sheet_id=signed.sheet_id, number=signed.number + 1, state=SheetState.DRAFT.value, version=0,
                              created_at=audit.at, amend_reason=reason.strip(), opinion=signed.opinion,
                              recommendation=signed.recommendation)
        session.add(draft)
        session.flush()
        _copy_contents(session, signed.id, draft.id)
        audit.record("amend", "sheet_revision", draft.id, "reason", None, reason.strip())
    return Applied(OpChanges(applicant_id, items=frozenset(), vetoes=True, opinion=True, notes=True, photos=True,
                             links=True, revision=True), None, draft.number)


def _copy_contents(session: Session, source: int, target: int) -> None:
    for row in session.scalars(select(ItemScore).filter_by(revision_id=source)):
        session.add(ItemScore(revision_id=target, item_code=row.item_code, score=row.score, comment=row.comment,
                              updated_at=row.updated_at))
    for row in session.scalars(select(VetoMark).filter_by(revision_id=source)):
        session.add(VetoMark(revision_id=target, veto_code=row.veto_code, triggered=row.triggered, reason=row.reason,
                             updated_at=row.updated_at))
    for row in session.scalars(select(Note).filter_by(revision_id=source)):
        session.add(Note(revision_id=target, item_code=row.item_code, text=row.text, created_at=row.created_at,
                         updated_at=row.updated_at))
    for row in session.scalars(select(Photo).filter_by(revision_id=source)):
        session.add(Photo(revision_id=target, item_code=row.item_code, sha256=row.sha256,
                          original_sha256=row.original_sha256, original_name=row.original_name,
                          taken_at=row.taken_at, caption=row.caption, created_at=row.created_at))
    for row in session.scalars(select(EvidenceLink).filter_by(revision_id=source)):
        session.add(EvidenceLink(revision_id=target, item_code=row.item_code, material_id=row.material_id,
                                 page_index=row.page_index, x0=row.x0, y0=row.y0, x1=row.x1, y1=row.y1,
                                 created_at=row.created_at))


# --- several things at once (the offline form) -------------------------------------------------
@dataclass(frozen=True)
class SetSheet(Command):
    """Set many items, vetoes and the opinion in one transaction (one undo step), with the same
    checks and audit rows as the single-field commands above."""

    applicant_id: str
    items: tuple[tuple[str, Decimal | None, str], ...]  # (item code, score, comment)
    vetoes: tuple[tuple[str, bool, str], ...]  # (veto code, triggered, reason)
    opinion: str
    recommendation: str
    expect: tuple[int, int] | None = None  # (revision, version) the form was made from; None: overwrite

    def apply(self, reviewer: Reviewer) -> Applied:
        rubric = reviewer.rubric_for(None, self.applicant_id)
        for code, score, comment in self.items:
            _check_item(rubric, code, score)
            check_text(comment, field=TextField.COMMENT, where=code)
        for code, _, reason in self.vetoes:
            _check_veto(rubric, code, reason)
        _check_recommendation(self.recommendation)
        check_text(self.opinion, field=TextField.OPINION)
        with reviewer.edit() as (session, audit):
            revision = _editable(reviewer, session, self.applicant_id)
            # Checked under the write lock: checked before it, another process could change the
            # sheet between the check and this edit, and its change would be lost.
            if self.expect is not None and (revision.number, revision.version) != self.expect:
                raise Problem(Code.FORM_STALE, form_version="{}.{}".format(*self.expect),
                              current_version=f"{revision.number}.{revision.version}")
            before_items = tuple(_write_item(session, audit, revision, code, score, comment)
                                 for code, score, comment in self.items)
            before_vetoes = tuple(_write_veto(session, audit, revision, code, triggered, reason)
                                  for code, triggered, reason in self.vetoes)
            _refuse_if_vetoed(session, revision, self.applicant_id, self.recommendation)  # both at once: refused
            # Left blank with a veto ticked: 不推荐, as when the veto is ticked in the app.
            choice = _after_vetoes(session, revision, self.recommendation) if not self.recommendation else \
                self.recommendation
            opinion, recommendation = _write_opinion(audit, revision, self.opinion, choice)
            _touch(revision, audit)
        codes = frozenset(code for code, _, _ in self.items)
        return Applied(OpChanges(self.applicant_id, items=codes, vetoes=True, opinion=True),
                       SetSheet(self.applicant_id, before_items, before_vetoes, opinion, recommendation))
