"""The GUI's background sender: delivers the outbox (review_model/sync/outbox.py) off the GUI
thread whenever something is due, shows per sheet signed → queued → delivered / refused / waiting
in the applicant list, a "Send now" action and the count still to send in the status bar.

One pass at a time, in a ui.tasks BackgroundTask. The pass honours the outbox's backoff; "Send
now" ignores it. Packing a bundle needs the expert's key: with the keyring that needs no one;
with a passphrase file the session's passphrase (typed at start, ui/passphrase.py Unlock) opens it;
without one, or where it does not open the file, the items wait (the last error says why) until the
user sends from the command line or signs again.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu

from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.identity import signing_key
from review_model.sheets.context import Reviewer
from review_model.sync.outbox import Outbox, OutboxState, intake_target, named_intake, pending_count, sheet_states

from .applicant_list import ApplicantList
from .passphrase import Unlock
from .sync_labels import item_text, pending_text
from .tasks import BackgroundTask
from .text import tr

CHECK_MS = 3000  # how often the sender looks whether something is due (a cheap read)
STATE_COLOURS = {OutboxState.QUEUED: "#1d4ed8", OutboxState.WAITING: "#b45309", OutboxState.DELIVERED: "#15803d",
                 OutboxState.REFUSED: "#b91c1c"}


class SyncSender(QObject):
    changed = Signal()  # a pass ended or the outbox changed: the list and the status bar re-read it

    def __init__(self, home: Home, reviewer: Reviewer, parent: QObject | None = None,
                 unlock: Unlock | None = None) -> None:
        super().__init__(parent)
        self.home, self.reviewer, self.unlock = home, reviewer, unlock
        self._refused = False  # the last pass found the session's passphrase wrong for the key file
        self._task: BackgroundTask | None = None
        self._force_next = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start()
        self.tick()

    def stop(self) -> None:
        self.timer.stop()
        if self._task is not None:
            self._task.wait(30_000)

    @property
    def busy(self) -> bool:
        return self._task is not None

    def send_now(self) -> None:
        self._force_next = True
        self.tick()

    def tick(self) -> None:
        self.changed.emit()
        if self._task is not None or (not self._force_next and pending_count(self.home) == 0):
            return
        force, self._force_next = self._force_next, False
        home, expert_id = self.home, self.reviewer.expert_id
        given = self.unlock.for_signing(home) if self.unlock is not None else None  # read here, on the GUI thread

        def key():
            try:
                return signing_key(home, lambda: given, person_id=expert_id)
            except Problem as problem:
                self._refused = given is not None and problem.code == Code.PASSPHRASE_WRONG
                raise

        def work(progress):
            return Outbox(home, intake_target(home), key).send(force=force, progress=progress)

        self._task = BackgroundTask(work, self)
        self._task.succeeded.connect(self._done)
        self._task.failed.connect(self._done)
        self._task.start()

    def _done(self, _result: object) -> None:
        self._task = None  # a failure outside the outbox's own (e.g. the home busy) is tried at the next tick
        if self._refused and self.unlock is not None:
            self.unlock.record(self.home, opened=False)  # not tried again: the items wait, saying so
            self._refused = False
        self.changed.emit()


def attach_sender(window: QMainWindow, home: Home, menu: QMenu, applicants: ApplicantList,
                  unlock: Unlock | None = None) -> SyncSender | None:
    """Start the sender when the package names an intake and this home scores (one call from the
    main window); add "Send now" to `menu` and the pending count to the status bar."""
    try:
        if named_intake(home) is None:
            return None
        reviewer = Reviewer.open(home)
    except Problem:
        return None
    sender = SyncSender(home, reviewer, window, unlock)
    action = QAction(tr("Send signed sheets to the bureau &now"), window)
    action.triggered.connect(sender.send_now)
    menu.insertAction(menu.actions()[-1] if menu.actions() else None, action)
    label = QLabel()
    window.statusBar().addPermanentWidget(label)

    def show() -> None:
        states = sheet_states(home)
        applicants.model_.set_delivery({a: (item_text(i, detail=False), item_text(i), STATE_COLOURS[i.state])
                                        for a, i in states.items()})
        label.setText(pending_text(pending_count(home)))

    sender.changed.connect(show)
    sender.send_action, sender.pending_label = action, label
    sender.start()
    return sender
