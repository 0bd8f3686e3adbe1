"""Signing one score sheet: what is about to be frozen, the key that signs it, then the signature hash.

The passphrase is asked only for identities whose key is a passphrase-protected file, and not even
then when the session's passphrase (typed at start, ui/passphrase.py Unlock) opens it; a keyring
identity signs without a prompt. What is signed is what the dialog showed: the draft's version
is checked when signing (SHEET_CHANGED otherwise).

Unlocking (scrypt for a key file) and writing the PDF (the first official document of a process
converts its font) take a second or two: they run in a ui.tasks BackgroundTask, the dialog saying
"Signing…" and refusing to close until the attempt ends (`attempted`).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from review_model.errors import Code, Problem
from review_model.identity import require_identity, signing_key
from review_model.overview import applicant_detail
from review_model.sheets.context import Reviewer
from review_model.sheets.view import SheetView, sheet_view
from review_model.signing.document import points
from review_model.signing.sign import SignedRevision, sign_sheet

from .labels import CARRIER_TYPES, label
from .messages import describe
from .passphrase import Unlock
from .sheet_labels import RECOMMENDATIONS, checklist_text, grade_text
from .tasks import BackgroundTask

ERROR_STYLE, DONE_STYLE, BUSY_STYLE = "color: #b91c1c;", "color: #15803d;", "color: #475569;"


class SignDialog(QDialog):
    """Exec it, or open it and listen to `signed(SignedRevision)`; `result_revision` holds the outcome.
    `attempted(bool)` says each attempt has ended, signed or not (the dialog is idle again)."""

    signed = Signal(object)
    attempted = Signal(bool)
    pdfRequested = Signal(str, bool)  # applicant id, open (True) or save a copy (False)

    def __init__(self, reviewer: Reviewer, applicant_id: str, parent: QWidget | None = None,
                 unlock: Unlock | None = None) -> None:
        super().__init__(parent)
        self._reviewer, self._applicant_id, self._unlock = reviewer, applicant_id, unlock
        self._remembered = unlock.for_signing(reviewer.home) if unlock is not None else None
        self.result_revision: SignedRevision | None = None
        self.task: BackgroundTask | None = None  # the signing under way, if any
        view = sheet_view(reviewer, applicant_id)
        detail = applicant_detail(reviewer.home, applicant_id)
        identity = require_identity(reviewer.home)
        self._version = view.version
        self.setWindowTitle(self.tr("Sign the score sheet"))
        self.setMinimumWidth(520)

        intro = QLabel(self.tr("Signing freezes this revision of your score sheet and writes its PDF. "
                               "After signing it cannot change; a correction opens a new revision with a reason."))
        intro.setWordWrap(True)
        form = self._form = QFormLayout()
        self.applicant_label = QLabel(f"{detail.name if detail else applicant_id}（{applicant_id}）")
        self.applicant_label.setWordWrap(True)
        form.addRow(self.tr("Applicant"), self.applicant_label)
        form.addRow(self.tr("Carrier type"), QLabel(label(CARRIER_TYPES, detail.carrier_type if detail else None)))
        total = self.tr("{total} points").format(total=points(view.total))
        if view.bonus_total:
            total += self.tr(" (bonus {bonus} included)").format(bonus=points(view.bonus_total))
        self.total_label = QLabel(total)
        form.addRow(self.tr("Total"), self.total_label)
        self.grade_label = QLabel(grade_text(view.grade))
        form.addRow(self.tr("Grade"), self.grade_label)
        if view.vetoed:
            form.addRow(self.tr("Veto"), QLabel(self.tr("A veto item is triggered.")))
        self.recommendation_label = QLabel(label(RECOMMENDATIONS, view.recommendation) if view.recommendation else "—")
        form.addRow(self.tr("Recommendation"), self.recommendation_label)
        revision = self.tr("Revision {n}").format(n=view.revision or 1)
        if view.amend_reason:
            revision += self.tr(" (amended: {reason})").format(reason=view.amend_reason)
        self.revision_label = QLabel(revision)
        self.revision_label.setWordWrap(True)
        form.addRow(self.tr("Revision"), self.revision_label)
        self.fingerprint_label = QLabel(identity.fingerprint)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Your key's fingerprint"), self.fingerprint_label)
        self.passphrase: QLineEdit | None = None
        if identity.key_store == "file":
            self.passphrase = QLineEdit()
            self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
            self.passphrase.setPlaceholderText(self.tr("The passphrase of your key file"))
            form.addRow(self.tr("Passphrase"), self.passphrase)
            form.setRowVisible(self.passphrase, self._remembered is None)  # shown again if it does not open the key

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton(self.tr("Sign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.sign)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        refusal = view.sign_refusal  # the domain's rule; the dialog only words it
        if refusal is None:
            self.message.hide()
        else:
            self._show(self._refusal_text(view, refusal), ERROR_STYLE)
            self.sign_button.setEnabled(False)

    def _refusal_text(self, view: SheetView, refusal: Problem) -> str:
        if refusal.code == Code.CONFLICT_DECLARED:
            return self.tr("You declared a conflict of interest with this applicant; there is nothing to sign.")
        if refusal.code == Code.SHEET_SIGNED:
            return self.tr("This revision is already signed.")
        if refusal.code == Code.SHEET_INCOMPLETE:
            entries = tuple((e.kind, e.code) for e in view.checklist)
            titles = {i.code: i.title for i in view.rubric.scored_items} | {v.code: v.title for v in view.rubric.vetoes}
            return self.tr("Not ready to sign: {checklist}.").format(checklist=checklist_text(entries, titles=titles))
        return describe(refusal)

    def _show(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.show()

    def sign(self) -> None:
        """Start signing in the background; `attempted` tells when it has ended."""
        if self.task is not None:
            return
        remembered, home = self._remembered, self._reviewer.home
        given = remembered or (self.passphrase.text() if self.passphrase is not None else None)
        reviewer, applicant_id, version = self._reviewer, self._applicant_id, self._version
        opened: list[bool] = []  # the key opened (before sign_sheet may still refuse)

        def work(_progress):
            key = signing_key(home, lambda: given or None, person_id=reviewer.expert_id)
            opened.append(True)
            return sign_sheet(reviewer, applicant_id, key, expected_version=version)

        self._set_busy(True)
        self._show(self.tr("Signing…"), BUSY_STYLE)
        task = self.task = BackgroundTask(work, self)
        task.succeeded.connect(lambda result: self._ended(remembered, opened, result, None))
        task.failed.connect(lambda error: self._ended(remembered, opened, None, error))
        task.start()

    def _set_busy(self, busy: bool) -> None:
        self.sign_button.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not busy)
        if self.passphrase is not None:
            self.passphrase.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _ended(self, remembered: str | None, opened: list[bool], result: SignedRevision | None,
               error: object) -> None:
        self.task = None
        self._set_busy(False)
        if remembered is not None and opened:
            self._unlock.record(self._reviewer.home, opened=True)
        if result is None:
            problem = error if isinstance(error, Problem) else None
            self._refused(remembered, problem, error)
            self.attempted.emit(False)
            return
        self._signed(result)
        self.attempted.emit(True)

    def _refused(self, remembered: str | None, problem: Problem | None, error: object) -> None:
        if remembered is not None and problem is not None and problem.code == Code.PASSPHRASE_WRONG:
            # the key file was sealed with another passphrase than the workspace's: ask for it here
            self._unlock.record(self._reviewer.home, opened=False)
            self._remembered = None
            self._form.setRowVisible(self.passphrase, True)
        self._show(describe(problem) if problem is not None else str(error), ERROR_STYLE)
        if self.passphrase is not None:
            self.passphrase.selectAll()
            self.passphrase.setFocus()

    def _signed(self, result: SignedRevision) -> None:
        self.result_revision = result
        self._show(self.tr("Signed revision {n}. Signature hash: {hash}\nIt is printed on every page of the PDF "
                           "score sheet, which the app keeps with the sheet: open it to read or print it, or save "
                           "a copy (also later, from the Sheet menu). Export the return bundle when your sheets are "
                           "signed.").format(n=result.revision, hash=result.short_hash), DONE_STYLE)
        self.sign_button.hide()
        self.open_pdf_button = self.buttons.addButton(self.tr("Open PDF"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_pdf_button.clicked.connect(lambda: self.pdfRequested.emit(self._applicant_id, True))
        self.save_pdf_button = self.buttons.addButton(self.tr("Save PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_pdf_button.clicked.connect(lambda: self.pdfRequested.emit(self._applicant_id, False))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.buttons.rejected.disconnect()
        self.buttons.rejected.connect(self.accept)
        if self.passphrase is not None:
            self.passphrase.clear()
            self.passphrase.setEnabled(False)
        self.signed.emit(result)

    # --- not closed half-way: the signature and its PDF are written whole, then the dialog can go ---
    def done(self, code: int) -> None:
        if self.task is None:
            super().done(code)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None:
            event.ignore()
            return
        super().closeEvent(event)
