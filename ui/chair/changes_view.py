"""Every score that changed between an expert's first signed revision and the one that counts, old → new,
with its permitted reason: from the chair's reconsideration request, or chosen here. The result cannot
be signed while one has none; nothing is overwritten silently."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QMessageBox, QTableWidget, QVBoxLayout, QWidget

from review_model.chair.compile import Compilation, ScoreChange
from review_model.chair.discussion import PERMITTED_REASONS, set_change_reason
from review_model.chair.states import ChangeSource
from review_model.errors import Problem
from review_model.home import Home

from ..messages import describe
from .labels import REASONS, text
from .matrix_view import ALARM, cell, number

BLOCKED_STYLE, CLEAR_STYLE = "color: #b91c1c; font-weight: bold;", "color: #15803d;"


class ChangesView(QWidget):
    changed = Signal()

    def __init__(self, home: Home, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._home = home
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([self.tr("Applicant"), self.tr("Expert"), self.tr("Item"),
                                              self.tr("Old → new"), self.tr("Revisions"), self.tr("Expert's reason"),
                                              self.tr("Permitted reason")])
        self.table.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        explain = QLabel(self.tr("Once totals exist a score may change only for a permitted reason. Each change below "
                                 "carries the reason of the request that asked for it, or the one you choose."))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.pickers: list[QComboBox] = []
        self.message: QMessageBox | None = None

    def show_compilation(self, comp: Compilation) -> None:
        names = {m.expert_id: m.name for m in comp.members}
        self.table.setRowCount(len(comp.changes))
        self.pickers = []
        for row, change in enumerate(comp.changes):
            applicant = comp.applicant(change.applicant_id)
            self.table.setItem(row, 0, cell(applicant.name if applicant else change.applicant_id))
            self.table.setItem(row, 1, cell(f"{names.get(change.expert_id, '')}（{change.expert_id}）"))
            self.table.setItem(row, 2, cell(f"{change.item_code} {change.item_title}"))
            self.table.setItem(row, 3, cell(f"{number(change.old)} → {number(change.new)}", bold=True))
            self.table.setItem(row, 4, cell(self.tr("r{old} → r{new}").format(old=change.from_revision,
                                                                            new=change.to_revision)))
            self.table.setItem(row, 5, cell(change.amend_reason, tip=change.amend_reason))
            self.table.setCellWidget(row, 6, self._picker(change))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        missing = len(comp.unexplained)
        if missing:
            self.status.setText(self.tr("{n} changed scores have no permitted reason: the result cannot be signed.")
                                .format(n=missing))
            self.status.setStyleSheet(BLOCKED_STYLE)
        elif comp.changes:
            self.status.setText(self.tr("Every changed score carries a permitted reason."))
            self.status.setStyleSheet(CLEAR_STYLE)
        else:
            self.status.setText(self.tr("No score has changed since it was first signed."))
            self.status.setStyleSheet(CLEAR_STYLE)

    def _picker(self, change: ScoreChange) -> QComboBox:
        picker = QComboBox()
        picker.addItem(self.tr("— choose a permitted reason —"), None)
        for code in PERMITTED_REASONS:
            words = text(REASONS, code)
            if change.source is ChangeSource.REQUEST and code == change.reason:
                words = self.tr("{reason} (from the request)").format(reason=words)
            picker.addItem(words, code)
        picker.setCurrentIndex(picker.findData(change.reason) if change.reason else 0)
        if change.reason is None:  # the box says "choose" in red; the reasons in its list stay plain
            plain = QBrush(self.palette().color(QPalette.ColorRole.Text))
            for index in range(picker.count()):  # the list would draw with the box's colour (a style sheet: always)
                picker.setItemData(index, plain, Qt.ItemDataRole.ForegroundRole)
            palette = picker.palette()
            for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
                palette.setColor(role, ALARM)
            picker.setPalette(palette)
        picker.activated.connect(lambda index, c=change, p=picker: self._chosen(c, p.itemData(index)))
        self.pickers.append(picker)
        return picker

    def _chosen(self, change: ScoreChange, reason: str | None) -> None:
        if reason == change.reason and change.source is ChangeSource.CHAIR:
            return
        try:
            set_change_reason(self._home, change.expert_id, change.applicant_id, change.item_code, change.to_revision,
                              reason)
        except Problem as problem:
            self.message = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changed scores"), describe(problem),
                                       QMessageBox.StandardButton.Ok, self)
            self.message.open()
            return
        self.changed.emit()
