"""Text typed into the site-note box but not yet added as a note: kept per applicant, saved as it
is typed (the workspace saves it after a short pause), so it neither follows the expert to the next
applicant nor dies with the process. Adding the note clears the draft in the same transaction.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from ..plain_text import check_text
from ..store.models import Setting
from .context import Reviewer

NOTE_LIMIT = 20_000  # characters; a site note is a paragraph or a page, never a pasted document


def _key(reviewer: Reviewer, applicant_id: str) -> str:
    return f"draft.note.{reviewer.expert_id}.{applicant_id}"


def note_draft(reviewer: Reviewer, applicant_id: str) -> str:
    with reviewer.home.store.read() as session:
        row = session.get(Setting, _key(reviewer, applicant_id))
        return row.value if row else ""


def save_note_draft(reviewer: Reviewer, applicant_id: str, text: str) -> None:
    reviewer.require_assigned(applicant_id)
    check_text(text, field="note", limit=NOTE_LIMIT)
    with reviewer.home.store.write(actor="app") as (session, _audit):
        row = session.get(Setting, _key(reviewer, applicant_id))
        if not text:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(Setting(key=_key(reviewer, applicant_id), value=text))
        else:
            row.value = text


def clear_note_draft(session: Session, reviewer: Reviewer, applicant_id: str) -> None:
    """Inside an edit's transaction: the draft became a note."""
    row = session.get(Setting, _key(reviewer, applicant_id))
    if row is not None:
        session.delete(row)
