"""The panel's discussion of one applicant: the chair's notes, and requests that named experts
reconsider named items for a permitted reason (the expert amends, re-signs and re-exports)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from review_model.chair.compile import ApplicantCompiled, Compilation
from review_model.chair.discussion import (
    ABNORMAL_REASON,
    PERMITTED_REASONS,
    add_note,
    remove_note,
    request_reconsideration,
)
from review_model.errors import Problem
from review_model.home import Home

from ..messages import describe
from .labels import REASONS, text


def _checklist(entries: list[tuple[str, str]], ticked: set[str]) -> QListWidget:
    box = QListWidget()
    for key, words in entries:
        item = QListWidgetItem(words)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked)
        box.addItem(item)
    return box


def _checked(box: QListWidget) -> list[str]:
    return [box.item(i).data(Qt.ItemDataRole.UserRole) for i in range(box.count())
            if box.item(i).checkState() == Qt.CheckState.Checked]


class ReconsiderDialog(QDialog):
    """Ask named experts to reconsider named items of one applicant, for a permitted reason. The experts
    flagged 畸高畸低 and the items that make them so are ticked already (ApplicantResult.to_reconsider)."""

    def __init__(self, comp: Compilation, applicant: ApplicantCompiled, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ask to reconsider"))
        names = {m.expert_id: m.name for m in comp.members}
        rubric = comp.rubrics[applicant.carrier_type]
        proposed = applicant.result.to_reconsider
        self.experts = _checklist([(e, f"{names[e]}（{e}）") for e in applicant.result.scorers], set(proposed))
        self.items = _checklist([(i.code, f"{i.code} {i.title}") for i in rubric.scored_items],
                                {code for codes in proposed.values() for code in codes})
        self.reason = QComboBox()
        for code in PERMITTED_REASONS:
            self.reason.addItem(text(REASONS, code), code)
        if proposed:
            self.reason.setCurrentIndex(self.reason.findData(ABNORMAL_REASON))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What the panel noticed (optional)"))
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Applicant")), QLabel(f"{applicant.name}（{applicant.applicant_id}）"))
        lists = QHBoxLayout()
        lists.addWidget(self.experts)
        lists.addWidget(self.items)
        form.addRow(self.tr("Experts and items"), lists)
        form.addRow(self.tr("Permitted reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record the request"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[list[str], list[str], str, str]:
        return _checked(self.experts), _checked(self.items), self.reason.currentData(), self.note.text()


class DiscussionView(QWidget):
    changed = Signal()

    def __init__(self, home: Home, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._home = home
        self._comp: Compilation | None = None
        self._applicant: ApplicantCompiled | None = None
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("What the panel discussed about this applicant…"))
        self.editor.setMaximumHeight(64)
        self.add_button = QPushButton(self.tr("Add to the notes"))
        self.remove_button = QPushButton(self.tr("Remove note"))
        self.requests = QListWidget()
        self.requests.setWordWrap(True)
        self.ask_button = QPushButton(self.tr("Ask experts to reconsider items…"))
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.ask_button.clicked.connect(self._ask)
        note_buttons = QHBoxLayout()
        note_buttons.addWidget(self.add_button)
        note_buttons.addWidget(self.remove_button)
        note_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Discussion notes")))
        layout.addWidget(self.notes, 2)
        layout.addWidget(self.editor)
        layout.addLayout(note_buttons)
        layout.addWidget(QLabel(self.tr("Reconsideration requests")))
        layout.addWidget(self.requests, 1)
        layout.addWidget(self.ask_button)
        self.dialog: ReconsiderDialog | None = None
        self.message: QMessageBox | None = None

    def show_applicant(self, comp: Compilation, applicant: ApplicantCompiled | None) -> None:
        self._comp, self._applicant = comp, applicant
        self.notes.clear()
        self.requests.clear()
        enabled = applicant is not None
        for widget in (self.add_button, self.remove_button, self.ask_button, self.editor):
            widget.setEnabled(enabled)
        if applicant is None:
            return
        for note in applicant.notes:
            item = QListWidgetItem(f"{note.created_at.strftime('%m-%d %H:%M')}  {note.text}")
            item.setData(Qt.ItemDataRole.UserRole, note.note_id)
            self.notes.addItem(item)
        names = {m.expert_id: m.name for m in comp.members}
        for status in applicant.requests:
            r = status.request
            answer = (self.tr("answered by revision {n}").format(n=status.answered_by) if status.answered_by
                      else self.tr("waiting for a new revision"))
            self.requests.addItem(self.tr("{expert}: items {items} — {reason}{note} ({answer})").format(
                expert=names.get(r.expert_id, r.expert_id), items="、".join(r.items), reason=text(REASONS, r.reason),
                note=f"：{r.note}" if r.note else "", answer=answer))

    def _run(self, operation) -> bool:
        try:
            operation()
        except Problem as problem:
            self.message = QMessageBox(QMessageBox.Icon.Warning, self.tr("Discussion"), describe(problem),
                                       QMessageBox.StandardButton.Ok, self)
            self.message.open()
            return False
        self.changed.emit()
        return True

    def _add(self) -> None:
        applicant = self._applicant
        if applicant and self._run(lambda: add_note(self._home, applicant.applicant_id, self.editor.toPlainText())):
            self.editor.clear()

    def _remove(self) -> None:
        item = self.notes.currentItem()
        if item is not None:
            self._run(lambda: remove_note(self._home, item.data(Qt.ItemDataRole.UserRole)))

    def _ask(self) -> None:
        if self._comp is None or self._applicant is None:
            return
        self.dialog = ReconsiderDialog(self._comp, self._applicant, self)
        self.dialog.accepted.connect(self._record)
        self.dialog.open()

    def _record(self) -> None:
        experts, items, reason, note = self.dialog.chosen()
        applicant = self._applicant.applicant_id
        self._run(lambda: request_reconsideration(self._home, applicant, experts, items, reason, note))
