"""Finding things later in one's own sheets: site notes, photo captions and file names, item
comments and the overall opinion, across every applicant assigned to this expert.

A plain substring match (Chinese queries of one character work), newest revision of each sheet.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select

from ..store.models import Applicant, Assignment, ItemScore, Note, Photo
from .context import Reviewer


@dataclass(frozen=True)
class SheetHit:
    applicant_id: str
    applicant_name: str
    item_code: str  # '' for the visit as a whole or the overall opinion
    kind: str  # note | photo | comment | opinion
    text: str
    at: datetime | None


def _like(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_sheets(reviewer: Reviewer, query: str, limit: int = 200) -> list[SheetHit]:
    query = query.strip()
    if not query:
        return []
    pattern = _like(query)
    hits: list[SheetHit] = []
    with reviewer.home.store.read() as session:
        assigned = select(Assignment.applicant_id).filter_by(expert_id=reviewer.expert_id)
        applicants = {a.applicant_id: a.name for a in session.scalars(
            select(Applicant).where(Applicant.applicant_id.in_(assigned)).order_by(Applicant.position))}
        for applicant_id, name in applicants.items():
            revision = reviewer.latest_revision(session, applicant_id)
            if revision is None:
                continue
            notes = session.scalars(select(Note).filter_by(revision_id=revision.id)
                                    .where(Note.text.like(pattern, escape="\\")).order_by(Note.created_at))
            hits += [SheetHit(applicant_id, name, n.item_code, "note", n.text, n.created_at) for n in notes]
            photos = session.scalars(select(Photo).filter_by(revision_id=revision.id).where(
                or_(Photo.caption.like(pattern, escape="\\"), Photo.original_name.like(pattern, escape="\\"))))
            hits += [SheetHit(applicant_id, name, p.item_code, "photo", p.caption or p.original_name,
                              p.taken_at or p.created_at) for p in photos]
            comments = session.scalars(select(ItemScore).filter_by(revision_id=revision.id)
                                       .where(ItemScore.comment.like(pattern, escape="\\")))
            hits += [SheetHit(applicant_id, name, c.item_code, "comment", c.comment, c.updated_at) for c in comments]
            if query in revision.opinion:
                hits.append(SheetHit(applicant_id, name, "", "opinion", revision.opinion, None))
            if len(hits) >= limit:
                break
    return hits[:limit]

