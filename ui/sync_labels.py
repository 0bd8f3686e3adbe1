"""The outbox's states in words (the applicant list, the status bar, `reviewdesk sync`)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from review_model.sync.outbox import ItemView, OutboxKind, OutboxState

from .messages import describe, reason_text
from .text import tr

CTX = "Sync"
STATES = {
    OutboxState.QUEUED: QT_TRANSLATE_NOOP("Sync", "queued for the bureau"),
    OutboxState.WAITING: QT_TRANSLATE_NOOP("Sync", "waiting to send"),
    OutboxState.DELIVERED: QT_TRANSLATE_NOOP("Sync", "delivered to the bureau"),
    OutboxState.REFUSED: QT_TRANSLATE_NOOP("Sync", "refused by the bureau's intake"),
    OutboxState.SUPERSEDED: QT_TRANSLATE_NOOP("Sync", "replaced by a newer signed result; not sent"),
}


def state_text(state: OutboxState) -> str:
    return QCoreApplication.translate(CTX, STATES[state])


def item_text(item: ItemView, detail: bool = True) -> str:
    """One line: the state, and why (refused), or the next try and the last error (waiting).

    `detail=False` leaves the last error out: the applicant list's cell is narrow, and the error
    (a sentence with the intake's address) would push the state column out of sight; the list
    shows it in the row's tooltip instead."""
    word = state_text(item.state)
    if item.state is OutboxState.DELIVERED and item.receipt_seq is not None:
        return tr("{state} (receipt no. {seq})").format(state=word, seq=item.receipt_seq)
    if item.state is OutboxState.REFUSED:
        return tr("{state}: {reason}").format(state=word, reason=reason_text(item.reason or ""))
    if item.state is OutboxState.WAITING:
        when = item.next_try_at.astimezone().strftime("%H:%M:%S") if item.next_try_at else ""
        error = describe(item.last_error) if item.last_error and detail else ""
        return tr("{state}: next try at {time}. {error}").format(state=word, time=when, error=error).strip()
    return word


def item_subject(item: ItemView) -> str:
    """What the item is about: its applicant, or the chair's panel result."""
    return tr("panel result") if item.kind is OutboxKind.RESULT else item.applicant_id or ""


def pending_text(count: int) -> str:
    if count == 0:
        return tr("Everything signed is delivered to the bureau.")
    return tr("{n} signed items waiting to be sent to the bureau.").format(n=count)
