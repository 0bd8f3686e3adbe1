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
from ..store.audit import AuditLog
from ..store.models import ConflictDeclaration, EvidenceLink, ItemScore, Material, Note, Photo, SheetRevision, VetoMark
from .context import Reviewer
from .view import veto_against

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
def conflict_state(session: Session, expert_id: str, applicant_id: str) -> tuple[str, str]:
    """('unconfirmed' | 'none' | 'declared', reason) from the newest declaration."""
    latest = session.scalars(select(ConflictDeclaration).filter_by(applicant_id=applicant_id, expert_id=expert_id)
                             .order_by(ConflictDeclaration.id.desc())).first()
    if latest is None:
        return "unconfirmed", ""
    return ("declared", latest.reason) if latest.has_conflict else ("none", "")


def _editable(reviewer: Reviewer, session: Session, applicant_id: str) -> SheetRevision:
    reviewer.applicant(session, applicant_id)
    state, _ = conflict_state(session, reviewer.expert_id, applicant_id)
    if state == "declared":
        raise Problem(Code.CONFLICT_DECLARED, applicant=applicant_id)
    if state == "unconfirmed":
        raise Problem(Code.CONFLICT_UNCONFIRMED, applicant=applicant_id)
    return reviewer.draft(session, applicant_id)


def _touch(revision: SheetRevision, audit: AuditLog) -> None:
    """Every edit bumps the revision's version, which offline forms carry to detect stale copies."""
    revision.version += 1


# --- item scores and comments ---------------------------------------------------------------
@dataclass(frozen=True)
class SetItem(Command):
    applicant_id: str
    item_code: str
    score: Decimal | None
    comment: str

    def apply(self, reviewer: Reviewer) -> Applied:
        check_text(self.comment, field=TextField.COMMENT, where=self.item_code)
        with reviewer.edit() as (session, audit):
            revision = _editable(reviewer, session, self.applicant_id)
            rubric = reviewer.rubric_for(session, self.applicant_id)
            if self.score is not None:
                reason = rubric.score_problem(self.item_code, self.score)
                if reason:
                    item = rubric.item(self.item_code)
                    raise Problem(Code.SCORE_INVALID, item=self.item_code, value=str(self.score), reason=reason,
                                  max=str(item.max_points) if item else "", step=str(item.step) if item else "")
            elif rubric.item(self.item_code) is None:
                raise Problem(Code.SCORE_INVALID, item=self.item_code, value="", reason="unknown_item", max="", step="")
            row = session.get(ItemScore, (revision.id, self.item_code))
            before = SetItem(self.applicant_id, self.item_code, row.score if row else None, row.comment if row else "")
            if row is None:
                row = ItemScore(revision_id=revision.id, item_code=self.item_code, comment="", updated_at=audit.at)
                session.add(row)
            entity = f"{revision.id}/{self.item_code}"
            if row.score != self.score:
                audit.record("score", "item_score", entity, "score", row.score, self.score)
            if row.comment != self.comment:
                audit.record("comment", "item_score", entity, "comment", row.comment, self.comment)
            row.score, row.comment, row.updated_at = self.score, self.comment, audit.at
            _touch(revision, audit)
        return Applied(OpChanges(self.applicant_id, items=frozenset({self.item_code})), before)


def _item_now(reviewer: Reviewer, applicant_id: str, item_code: str) -> tuple[Decimal | None, str]:
    with reviewer.home.store.read() as session:
        revision = reviewer.latest_revision(session, applicant_id)
        row = session.get(ItemScore, (revision.id, item_code)) if revision else None
        return (row.score, row.comment) if row else (None, "")


def set_score(reviewer: Reviewer, applicant_id: str, item_code: str, value: Decimal | None) -> Applied:
    _, comment = _item_now(reviewer, applicant_id, item_code)
    return SetItem(applicant_id, item_code, value, comment).apply(reviewer)


def set_comment(reviewer: Reviewer, applicant_id: str, item_code: str, text: str) -> Applied:
    score, _ = _item_now(reviewer, applicant_id, item_code)
    return SetItem(applicant_id, item_code, score, text).apply(reviewer)


# --- vetoes and the overall opinion ---------------------------------------------------------
@dataclass(frozen=True)
class SetVeto(Command):
    applicant_id: str
    veto_code: str
    triggered: bool
    reason: str
    recommendation: str | None = None  # set with the veto (undo restores what ticking it replaced)

    def apply(self, reviewer: Reviewer) -> Applied:
        check_text(self.reason, field=TextField.VETO_REASON, where=self.veto_code)
        with reviewer.edit() as (session, audit):
            revision = _editable(reviewer, session, self.applicant_id)
            if reviewer.rubric_for(session, self.applicant_id).veto(self.veto_code) is None:
                raise Problem(Code.NOT_FOUND, what="veto", id=self.veto_code)
            row = session.get(VetoMark, (revision.id, self.veto_code))
            if row is None:
                row = VetoMark(revision_id=revision.id, veto_code=self.veto_code, triggered=False, reason="",
                               updated_at=audit.at)
                session.add(row)
            was = row.triggered, row.reason, revision.recommendation
            audit.record("veto", "veto_mark", f"{revision.id}/{self.veto_code}", "triggered",
                         f"{row.triggered}:{row.reason}", f"{self.triggered}:{self.reason}")
            row.triggered, row.reason, row.updated_at = self.triggered, self.reason, audit.at
            # A ticked veto means 不推荐 (view.veto_against): ticking one sets it, in the same undo step.
            recommendation = revision.recommendation if self.recommendation is None else self.recommendation
            if self.triggered and recommendation in ("", "recommend"):
                recommendation = "not_recommend"
            if recommendation == "recommend" and any(
                    v.triggered for v in session.scalars(select(VetoMark).filter_by(revision_id=revision.id))):
                recommendation = "not_recommend"  # undoing one tick while another veto still holds
            if recommendation != revision.recommendation:
                audit.record("recommendation", "sheet_revision", revision.id, "recommendation",
                             revision.recommendation, recommendation)
                revision.recommendation = recommendation
            _touch(revision, audit)
            before = SetVeto(self.applicant_id, self.veto_code, was[0], was[1],
                             was[2] if was[2] != recommendation else None)
        return Applied(OpChanges(self.applicant_id, vetoes=True, opinion=before.recommendation is not None), before)


@dataclass(frozen=True)
class SetOpinion(Command):
    applicant_id: str
    opinion: str
    recommendation: str  # '' | recommend | not_recommend

    def apply(self, reviewer: Reviewer) -> Applied:
        if self.recommendation not in ("", *RECOMMENDATIONS):
            raise Problem(Code.SCORE_INVALID, item="recommendation", value=self.recommendation, reason="unknown_item",
                          max="", step="")
        check_text(self.opinion, field=TextField.OPINION)
        with reviewer.edit() as (session, audit):
            revision = _editable(reviewer, session, self.applicant_id)
            if self.recommendation != revision.recommendation:  # choosing 推荐 on a vetoed sheet
                _refuse_if_vetoed(session, revision, self.applicant_id, self.recommendation)
            before = SetOpinion(self.applicant_id, revision.opinion, revision.recommendation)
            if revision.opinion != self.opinion:
                audit.record("opinion", "sheet_revision", revision.id, "opinion", revision.opinion, self.opinion)
            if revision.recommendation != self.recommendation:
                audit.record("recommendation", "sheet_revision", revision.id, "recommendation",
                             revision.recommendation, self.recommendation)
            revision.opinion, revision.recommendation = self.opinion, self.recommendation
            _touch(revision, audit)
        return Applied(OpChanges(self.applicant_id, opinion=True), before)


def _refuse_if_vetoed(session: Session, revision: SheetRevision, applicant_id: str, recommendation: str) -> None:
    vetoes = {v.veto_code: (v.triggered, v.reason)
              for v in session.scalars(select(VetoMark).filter_by(revision_id=revision.id))}
    veto = veto_against(vetoes, recommendation)
    if veto is not None:
        raise Problem(Code.VETO_RECOMMENDED, applicant=applicant_id, veto=veto)


# --- notes, photos, evidence links: add / remove / restore --------------------------------------
@dataclass(frozen=True)
class NoteData:
    id: int | None
    item_code: str
    text: str
    created_at: datetime | None = None


@dataclass(frozen=True)
class PutNote(Command):
    """Add a note (id None), restore a removed one (id given, row absent) or change its text."""

    applicant_id: str
    note: NoteData

    def apply(self, reviewer: Reviewer) -> Applied:
        check_text(self.note.text, field=TextField.NOTE, where=self.note.item_code)
        with reviewer.edit() as (session, audit):
            revision = _editable(reviewer, session, self.applicant_id)
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


def add_note(reviewer: Reviewer, applicant_id: str, item_code: str, text: str) -> Applied:
    return PutNote(applicant_id, NoteData(None, item_code, text)).apply(reviewer)


def add_link(reviewer: Reviewer, applicant_id: str, item_code: str, material_id: int, page_index: int,
             rect: tuple[float, float, float, float] | None = None) -> Applied:
    return PutLink(applicant_id, LinkData(None, item_code, material_id, page_index, rect)).apply(reviewer)


def add_photo(reviewer: Reviewer, applicant_id: str, item_code: str, source: Path, caption: str = "") -> Applied:
    from .photos import import_photo

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
        reviewer.applicant(session, applicant_id)
        state, _ = conflict_state(session, reviewer.expert_id, applicant_id)
        if state == "declared":
            raise Problem(Code.CONFLICT_DECLARED, applicant=applicant_id)
        if state == "none" and not has_conflict:
            return Applied(OpChanges(applicant_id))
        latest = reviewer.latest_revision(session, applicant_id)
        if has_conflict and latest is not None and any(r.state == "signed" for r in reviewer.revisions(session, applicant_id)):
            raise Problem(Code.SHEET_SIGNED, applicant=applicant_id, revision=latest.number)
        session.add(ConflictDeclaration(applicant_id=applicant_id, expert_id=reviewer.expert_id,
                                        has_conflict=has_conflict, reason=reason, declared_at=audit.at))
        audit.record("conflict" if has_conflict else "no_conflict", "applicant", applicant_id, "reason", None, reason)
    return Applied(OpChanges(applicant_id, conflict=True))


def amend(reviewer: Reviewer, applicant_id: str, reason: str) -> Applied:
    """Open the next draft revision from the last signed one, copying everything it held."""
    if not reason.strip():
        raise Problem(Code.REASON_REQUIRED, applicant=applicant_id)
    check_text(reason, field=TextField.AMEND_REASON, where=applicant_id)
    with reviewer.edit() as (session, audit):
        reviewer.applicant(session, applicant_id)
        signed = reviewer.latest_revision(session, applicant_id)
        if signed is None or signed.state != "signed":
            raise Problem(Code.NOTHING_TO_AMEND, applicant=applicant_id)
        draft = SheetRevision(sheet_id=signed.sheet_id, number=signed.number + 1, state="draft", version=0,
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
    """Set many items, vetoes and the opinion in one transaction (one undo step)."""

    applicant_id: str
    items: tuple[tuple[str, Decimal | None, str], ...]  # (item code, score, comment)
    vetoes: tuple[tuple[str, bool, str], ...]  # (veto code, triggered, reason)
    opinion: str
    recommendation: str

    def apply(self, reviewer: Reviewer) -> Applied:
        for code, _, comment in self.items:
            check_text(comment, field=TextField.COMMENT, where=code)
        for code, _, reason in self.vetoes:
            check_text(reason, field=TextField.VETO_REASON, where=code)
        check_text(self.opinion, field=TextField.OPINION)
        with reviewer.edit() as (session, audit):
            revision = _editable(reviewer, session, self.applicant_id)
            rubric = reviewer.rubric_for(session, self.applicant_id)
            before_items, before_vetoes = [], []
            for code, score, comment in self.items:
                if rubric.item(code) is None or (score is not None and rubric.score_problem(code, score)):
                    raise Problem(Code.SCORE_INVALID, item=code, value=str(score), reason="out_of_range", max="", step="")
                row = session.get(ItemScore, (revision.id, code))
                before_items.append((code, row.score if row else None, row.comment if row else ""))
                if row is None:
                    row = ItemScore(revision_id=revision.id, item_code=code, comment="", updated_at=audit.at)
                    session.add(row)
                if (row.score, row.comment) != (score, comment):
                    audit.record("score", "item_score", f"{revision.id}/{code}", "score+comment",
                                 f"{row.score}|{row.comment}", f"{score}|{comment}")
                row.score, row.comment, row.updated_at = score, comment, audit.at
            for code, triggered, reason in self.vetoes:
                row = session.get(VetoMark, (revision.id, code))
                before_vetoes.append((code, row.triggered if row else False, row.reason if row else ""))
                if row is None:
                    row = VetoMark(revision_id=revision.id, veto_code=code, triggered=False, reason="", updated_at=audit.at)
                    session.add(row)
                audit.record("veto", "veto_mark", f"{revision.id}/{code}", "triggered",
                             f"{row.triggered}:{row.reason}", f"{triggered}:{reason}")
                row.triggered, row.reason, row.updated_at = triggered, reason, audit.at
            before = SetSheet(self.applicant_id, tuple(before_items), tuple(before_vetoes), revision.opinion,
                              revision.recommendation)
            session.flush()
            _refuse_if_vetoed(session, revision, self.applicant_id, self.recommendation)
            recommendation = self.recommendation
            if not recommendation and any(triggered for _, triggered, _ in self.vetoes):
                recommendation = "not_recommend"  # a ticked veto means 不推荐, as when ticked in the app
            audit.record("opinion", "sheet_revision", revision.id, "opinion+recommendation",
                         f"{revision.opinion}|{revision.recommendation}", f"{self.opinion}|{recommendation}")
            revision.opinion, revision.recommendation = self.opinion, recommendation
            _touch(revision, audit)
        codes = frozenset(code for code, _, _ in self.items)
        return Applied(OpChanges(self.applicant_id, items=codes, vetoes=True, opinion=True), before)
